// The extraction budget: an article whose extraction runs past it is reported with its path and not stored, and the run goes on.

import t from 'tap';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hostileArticle } from '../../src/corpus/hostile.js';
import { Ingester } from '../../src/ingest/ingest.js';
import { ExtractionPool } from '../../src/ingest/pool.js';
import { openInMemory } from '../../src/store/db.js';
import { projectPath } from '../../src/paths.js';
import { article, articleDir } from '../helpers.js';

// Text that extraction takes many seconds over (2 MB of quotation marks and cues: about 17 s on our build machine,
// every stage linear), so a budget of one second always stops it, however fast or loaded the machine; the normal
// articles take milliseconds.
const SLOW = hostileArticle('quote-marks', 2_000_000);
const GOOD_A = article('Ministers meet in Zenda', 'The foreign minister said the talks would resume soon.', 'Officials said the border stays closed.');
const GOOD_B = article('Rain expected', 'The weather service said it would rain on Thursday.');

const count = (db: ReturnType<typeof openInMemory>, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

t.test('worker threads: the article past the budget is stopped and reported, its worker replaced, the others stored', async (t) => {
  const dir = articleDir({ 'a.txt': GOOD_A, 'slow.txt': SLOW, 'b.txt': GOOD_B });
  const db = openInMemory();
  const report = await new Ingester(db).ingestPathsParallel([dir], { workers: 1, budgetMs: 1000 });
  t.same(report.failed, [{ path: join(dir, 'slow.txt'), reason: 'extraction took longer than the 1 s budget and was stopped; the article was not stored (is it an article? see WHOSAID_EXTRACT_BUDGET_MS)' }]);
  t.equal(report.added, 2, 'the articles before and after it are stored (b.txt by the worker that replaced the stopped one)');
  t.same(db.prepare('SELECT slug FROM articles ORDER BY slug').all(), [{ slug: 'a' }, { slug: 'b' }]);
  t.ok(count(db, 'statements') > 0);
});

t.test('the pool: a stopped extraction frees its place; what was waiting is extracted by the replacement', async (t) => {
  const pool = new ExtractionPool({ size: 1, budgetMs: 1000 });
  t.teardown(() => pool.close());
  await pool.ready();
  const slow = pool.extract({ text: SLOW, published: null });
  const after = pool.extract({ text: GOOD_B, published: '2024-11-14' });
  t.equal(pool.queued, 1, 'the second waits for the only worker');
  t.match(await slow, { ok: false, overBudget: true, format: false, reason: /longer than the 1 s budget/ });
  const good = await after;
  t.equal(good.ok, true);
  t.ok(good.ok && good.extraction.statements.length >= 1, 'extracted by the new worker');
  t.equal(pool.busy + pool.queued, 0);
});

t.test('the pool: a full queue refuses at once, saying when to retry', async (t) => {
  const pool = new ExtractionPool({ size: 1, budgetMs: 1000, maxQueue: 1 });
  t.teardown(() => pool.close());
  await pool.ready();
  const slow = pool.extract({ text: SLOW, published: null });
  const waiting = pool.extract({ text: GOOD_A, published: null });
  await t.rejects(pool.extract({ text: GOOD_B, published: null }), { name: 'PoolFullError', retryAfterSeconds: 1 });
  t.match(await slow, { ok: false, overBudget: true });
  t.match(await waiting, { ok: true });
});

t.test('in this thread (--workers 0) extraction cannot be stopped, but one that ends past the budget is refused all the same', async (t) => {
  // 600 KB of quotation marks take about 5 s; the budget is 2 s because the first article extracted in a process,
  // its code not yet compiled, took over 400 ms on a loaded machine (load average 19 on 2 cores)
  const dir = articleDir({ 'a.txt': GOOD_A, 'slow.txt': hostileArticle('quote-marks', 600_000), 'b.txt': GOOD_B });
  const db = openInMemory();
  const report = new Ingester(db).ingestPaths([dir], { budgetMs: 2000 });
  t.same(report.failed.map((f) => f.path), [join(dir, 'slow.txt')]);
  t.match(report.failed[0].reason, /longer than the 2 s budget/);
  t.equal(report.added, 2);
});

t.test('npm run ingest: --budget-ms, the refused file named on stderr, exit status 1; a bad value is a usage error', async (t) => {
  const dir = articleDir({ 'a.txt': GOOD_A, 'slow.txt': SLOW });
  const db = join(dir, 'out.db');
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', projectPath('src/cli/ingest.ts'), ...args], { cwd: projectPath(), encoding: 'utf8', timeout: 120_000 });
  const r = run('--db', db, '--workers', '1', '--budget-ms', '1000', dir);
  t.equal(r.status, 1);
  t.match(r.stderr, `error: ${join(dir, 'slow.txt')}: extraction took longer than the 1 s budget and was stopped`);
  t.match(r.stdout, /1 article ingested \(1 added, 0 replaced, 0 unchanged\), 1 failed/);
  const bad = run('--db', db, '--budget-ms', 'soon', dir);
  t.equal(bad.status, 2);
  t.match(bad.stderr, '--budget-ms must be a whole number of milliseconds');
});
