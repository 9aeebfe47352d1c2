// `npm run train`: trains extraction's models on corpus/train and writes them to data/models/ with the corpus hash.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../eval/corpus.js';
import { formatSummaries, summarise } from '../eval/report.js';
import { scoreExtraction } from '../eval/score.js';
import { extractArticle } from '../extract/pipeline.js';
import { defaultDataDir, loadResources } from '../extract/resources.js';
import { trainModels } from '../train/train.js';

const USAGE = `usage: npm run train -- [--folds N] [--out DIR] [--with-test]

  --folds      cross-validation folds on the train split (default 5)
  --out        where to write the models (default data/models)
  --with-test  also score the frozen test split with the new models: do this once, at the end of a session`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { folds: { type: 'string', default: '5' }, out: { type: 'string' }, 'with-test': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (err) {
    console.error(`train: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const root = join(import.meta.dirname, '../../corpus');
  const train = loadCorpus(root, ['train']).filter((a) => a.gold);
  if (!train.length) {
    console.error('train: no annotated articles in corpus/train');
    return 1;
  }
  const t0 = performance.now();
  const base = loadResources(defaultDataDir(), { models: false });
  const result = trainModels(train, base, { folds: Number(values.folds), log: (s) => console.log(s) });
  const out = values.out ?? join(defaultDataDir(), 'models');
  mkdirSync(out, { recursive: true });
  for (const [name, model] of Object.entries(result.models)) writeFileSync(join(out, `${name}.json`), `${JSON.stringify(model)}\n`);
  console.log(`\nmodels written to ${out} (corpus ${result.corpusHash.slice(0, 12)}, statement threshold ${result.threshold}) in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

  const res = { ...base, models: result.models };
  const inSample = summarise('train', train.map((a) => scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, res), a.gold!)), false);
  const summaries = [inSample, result.crossValidated];
  if (values['with-test']) {
    const test = loadCorpus(root, ['test']).filter((a) => a.gold);
    summaries.push(summarise('test', test.map((a) => scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, res), a.gold!)), false));
  }
  console.log(formatSummaries(summaries));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
