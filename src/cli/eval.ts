// `npm run eval`: runs the real extraction in-process over the annotated corpus and prints how it scores.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, type CorpusArticle } from '../eval/corpus.js';
import { formatArticles, formatSummaries, summarise, type SplitSummary } from '../eval/report.js';
import { scoreExtraction, type ArticleScore } from '../eval/score.js';
import type { Split } from '../eval/split.js';
import { extractArticle } from '../extract/pipeline.js';
import { loadResources } from '../extract/resources.js';

const USAGE = `usage: npm run eval -- [--split train|test|all] [--json FILE] [--misses] [--only TEXT]

  --split    which part of corpus/ to score (default train). test is frozen: score it once, at the end
             of a working session, and do not read its misses while changing extraction.
  --json     also write every figure, per article and per split, to FILE
  --misses   print every miss of every article (train only)
  --only     score only articles whose name contains TEXT`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        split: { type: 'string', default: 'train' },
        json: { type: 'string' },
        misses: { type: 'boolean', default: false },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`eval: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!['train', 'test', 'all'].includes(values.split)) {
    console.error(`eval: --split must be train, test or all, got "${values.split}"\n${USAGE}`);
    return 2;
  }
  const splits: Split[] = values.split === 'all' ? ['train', 'test'] : [values.split as Split];
  const articles = loadCorpus(join(import.meta.dirname, '../../corpus'), splits).filter((a) => a.gold && (!values.only || a.name.includes(values.only)));
  if (!articles.length) {
    console.error('eval: no annotated articles to score');
    return 1;
  }

  const res = loadResources();
  const t0 = performance.now();
  const scores = new Map<Split, ArticleScore[]>(splits.map((s) => [s, []]));
  for (const a of articles) scores.get(a.split)!.push(scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, res), a.gold!));
  const seconds = (performance.now() - t0) / 1000;

  const summaries: SplitSummary[] = splits.map((s) => summarise(s, scores.get(s)!, s === 'train'));
  console.log(makeUp(articles));
  console.log('');
  for (const s of splits) {
    console.log(`Per article (${s}):`);
    console.log(formatArticles(scores.get(s)!));
    console.log('');
  }
  if (values.misses) {
    for (const sc of scores.get('train') ?? []) {
      if (!sc.misses.length) continue;
      console.log(`# ${sc.name}`);
      for (const m of sc.misses) console.log(`  - ${m.kind}: ${m.detail}`);
    }
    console.log('');
  }
  console.log(formatSummaries(summaries));
  console.log(`\n${articles.length} articles extracted and scored in ${seconds.toFixed(1)} s`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify({ summaries, articles: Object.fromEntries(scores) }, null, 1)}\n`);
  return 0;
}

/** Articles and required statements per outlet and split. */
function makeUp(articles: CorpusArticle[]): string {
  const rows = new Map<string, Record<string, { articles: number; statements: number }>>();
  for (const a of articles) {
    const row = rows.get(a.meta.source) ?? {};
    const cell = (row[a.split] ??= { articles: 0, statements: 0 });
    cell.articles++;
    cell.statements += a.gold!.statements.filter((s) => s.required).length;
    rows.set(a.meta.source, row);
  }
  const splits = [...new Set(articles.map((a) => a.split))];
  const out = [`Corpus make-up (articles / required statements):`, `  ${'outlet'.padEnd(34)}${splits.map((s) => s.padStart(16)).join('')}`];
  for (const [source, row] of [...rows.entries()].sort()) out.push(`  ${source.slice(0, 33).padEnd(34)}${splits.map((s) => `${row[s]?.articles ?? 0} / ${row[s]?.statements ?? 0}`.padStart(16)).join('')}`);
  return out.join('\n');
}

process.exitCode = main(process.argv.slice(2));
