// `npx tsx scripts/dedupe-thresholds.ts`: the figures behind the thresholds in src/dedupe/match.ts. Similarities of
// the fixture repeats (test/fixtures/copies/: the same story reprinted and edited) against those of different
// statements by one speaker, and of different articles, in the train split of the corpus.

import { readdirSync } from 'node:fs';
import { articleFingerprint, articleSimilarity, quoteFingerprint, quoteSimilarity } from '../src/dedupe/match.js';
import { Ingester } from '../src/ingest/ingest.js';
import { projectPath } from '../src/paths.js';
import { openInMemory } from '../src/store/db.js';

const txt = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${dir}/${f}`);

function load(paths: string[]) {
  const db = openInMemory();
  new Ingester(db).ingestPaths(paths);
  return db;
}

type Row = { id: number; article_id: number; speaker_id: number | null; text: string; quote_id: number };
const fmt = (x: number) => x.toFixed(3);

// the fixture: every pair of occurrences the merge put in one quote, and the pairs of different quotes by one speaker
const fixture = load(txt(projectPath('test', 'fixtures', 'copies')));
const rows = fixture.prepare('SELECT id, article_id, speaker_id, text, quote_id FROM statements').all() as Row[];
const same: number[] = [];
for (const a of rows)
  for (const b of rows)
    if (a.id < b.id && a.quote_id === b.quote_id && a.text !== b.text)
      same.push(quoteSimilarity(quoteFingerprint(a.text), quoteFingerprint(b.text)));
console.log(
  `fixture: ${same.length} pairs of differing versions of one quote; lowest similarity ${fmt(Math.min(...same))}`,
);
const bodies = fixture.prepare('SELECT slug, body FROM articles ORDER BY id').all() as { slug: string; body: string }[];
const original = articleFingerprint(bodies.find((b) => b.slug === 'ecj-facebook')!.body);
for (const b of bodies.filter((x) => x.slug !== 'ecj-facebook'))
  console.log(
    `fixture: ${b.slug} against the original: ${fmt(articleSimilarity(original, articleFingerprint(b.body)))}`,
  );

// the train split: different statements by one speaker, different articles
const train = load(txt(projectPath('corpus', 'train')));
const statements = train
  .prepare('SELECT id, article_id, speaker_id, text, quote_id FROM statements WHERE speaker_id IS NOT NULL')
  .all() as Row[];
const bySpeaker = new Map<number | null, Row[]>();
for (const s of statements) bySpeaker.set(s.speaker_id, [...(bySpeaker.get(s.speaker_id) ?? []), s]);
const pairs: { similarity: number; a: string; b: string; merged: boolean }[] = [];
for (const group of bySpeaker.values()) {
  const prints = group.map((s) => quoteFingerprint(s.text));
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++)
      pairs.push({
        similarity: quoteSimilarity(prints[i], prints[j]),
        a: group[i].text,
        b: group[j].text,
        merged: group[i].quote_id === group[j].quote_id,
      });
}
pairs.sort((x, y) => y.similarity - x.similarity);
const merged = pairs.filter((p) => p.merged);
const apart = pairs.filter((p) => !p.merged);
console.log(`train: ${statements.length} statements with a speaker, ${pairs.length} pairs by one speaker`);
console.log(`  ${merged.length} pairs merged (one quote), the least alike:`);
for (const p of merged.slice(-3)) console.log(`  ${fmt(p.similarity)}  ${p.a.slice(0, 70)}  |  ${p.b.slice(0, 70)}`);
console.log('  the most alike pairs kept apart (0 when too short to compare loosely, or the figures differ):');
for (const p of apart.slice(0, 6)) console.log(`  ${fmt(p.similarity)}  ${p.a.slice(0, 70)}  |  ${p.b.slice(0, 70)}`);
const articles = train.prepare('SELECT id, slug, body FROM articles').all() as {
  id: number;
  slug: string;
  body: string;
}[];
const prints = articles.map((a) => articleFingerprint(a.body));
const articlePairs: { similarity: number; a: string; b: string }[] = [];
for (let i = 0; i < articles.length; i++)
  for (let j = i + 1; j < articles.length; j++)
    articlePairs.push({
      similarity: articleSimilarity(prints[i], prints[j]),
      a: articles[i].slug,
      b: articles[j].slug,
    });
articlePairs.sort((x, y) => y.similarity - x.similarity);
console.log(`train: ${articles.length} articles, ${articlePairs.length} pairs; the most alike:`);
for (const p of articlePairs.slice(0, 5)) console.log(`  ${fmt(p.similarity)}  ${p.a}  |  ${p.b}`);
const counts = train
  .prepare(
    'SELECT (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL) AS copies',
  )
  .get();
console.log('train, merged at ingest:', counts);
