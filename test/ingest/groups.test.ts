// Ingester.ingestPaths extracts a group of files before writing it: reports, progress and rows are as if each file were written right after it was read.

import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ingester } from '../../src/ingest/ingest.js';
import { openInMemory } from '../../src/store/db.js';
import { SEED, article, articleDir } from '../helpers.js';
import { dump } from '../dbcheck.js';

const seedText = readFileSync(SEED, 'utf8');
const seedMeta = readFileSync(SEED.replace(/\.txt$/, '.meta.json'), 'utf8');

t.test('the same article twice in one run is added once and then found unchanged, its statements counted once', async (t) => {
  const a = articleDir({ 'seed.txt': seedText, 'seed.meta.json': seedMeta });
  const b = articleDir({ 'seed.txt': seedText, 'seed.meta.json': seedMeta });
  const once = new Ingester(openInMemory()).ingestPaths([a]);
  const db = openInMemory();
  const twice = new Ingester(db).ingestPaths([a, b]);
  t.ok(once.statements > 0);
  t.same({ ...twice, warnings: twice.warnings.length }, { ...once, files: 2, unchanged: 1, warnings: once.warnings.length });
  t.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 1);
});

t.test('a changed copy of an article later in the same run replaces it', async (t) => {
  const a = articleDir({ 'story.txt': article('Ruritania talks resume', 'Ana Lima said the talks would resume on Monday.') });
  const b = articleDir({ 'story.txt': article('Ruritania talks stall', 'Officials said the border stays closed.') });
  const db = openInMemory();
  const report = new Ingester(db).ingestPaths([a, b]);
  t.match(report, { files: 2, added: 1, replaced: 1, unchanged: 0, failed: [] });
  t.same(db.prepare('SELECT slug, title FROM articles').all(), [{ slug: 'story', title: 'Ruritania talks stall' }]);

  // the same two files ingested one run at a time leave the same database
  const stepwise = openInMemory();
  const ingester = new Ingester(stepwise);
  ingester.ingestPaths([a]);
  ingester.ingestPaths([b]);
  t.same(dump(db), dump(stepwise));
});

t.test('a bad file inside a group is reported and the files around it are written; progress counts every file once, in order', async (t) => {
  const dir = articleDir({
    '1.txt': article('One', 'Ana Lima said the talks would resume.'),
    '2.txt': Buffer.from([0x61, 0xff, 0x62]),
    '3.txt': article('Three', 'Officials said the border stays closed.'),
  });
  const db = openInMemory();
  const progress: number[] = [];
  const report = new Ingester(db).ingestPaths([dir, join(dir, 'missing.txt')], { onProgress: (done, total) => progress.push(done, total) });
  t.match(report, { files: 3, added: 2, failed: [{ path: join(dir, 'missing.txt') }, { path: join(dir, '2.txt'), reason: /UTF-8/ }] });
  t.same(progress, [1, 3, 2, 3, 3, 3]);
  t.same(db.prepare('SELECT slug FROM articles ORDER BY id').all(), [{ slug: '1' }, { slug: '3' }]);
});

t.test('extraction in worker threads writes exactly what extraction in this thread writes, failures included', async (t) => {
  const dir = articleDir({
    'seed.txt': seedText,
    'seed.meta.json': seedMeta,
    'a.txt': article('Ruritania talks resume', 'Ana Lima said the talks would resume on Monday.'),
    'b.txt': article('Ruritania talks stall', 'Officials said the border stays closed.', '“We are ready,” the army said.'),
    'empty.txt': '',
  });
  const here = openInMemory();
  const there = openInMemory();
  const inThread = new Ingester(here).ingestPaths([dir]);
  const inWorkers = await new Ingester(there).ingestPathsParallel([dir], { workers: 2 });
  const ingestedAt = (rows: Record<string, unknown[]>) => ({ ...rows, articles: rows.articles.map((r) => ({ ...(r as object), ingested_at: null })) });
  t.same(inWorkers, inThread, 'the same report');
  t.equal(inWorkers.failed.length, 1, 'the empty file is reported');
  t.same(ingestedAt(dump(there)), ingestedAt(dump(here)), 'the same rows and ids');
});
