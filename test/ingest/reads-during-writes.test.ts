// Reads during writes: while the ingest command writes (WAL), the API over a read-only connection answers every request and sees whole articles only.

import t from 'tap';
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeCorpus } from '../../src/corpus/generate.js';
import { buildApp } from '../../src/app.js';
import { Ingester } from '../../src/ingest/ingest.js';
import { openForRead, openForWrite } from '../../src/store/db.js';
import { projectPath } from '../../src/paths.js';
import { openFile } from '../dbcheck.js';
import { Prng } from '../prng.js';

const ARTICLES = Number(process.env.READS_ARTICLES ?? 60);

interface ArticleT {
  id: string;
  counts: { statements: number; claims: number; actors: number; mentions: number };
}
interface ItemT {
  id: number;
  articleId: string;
  topics: unknown[];
}

const dir = mkdtempSync(join(tmpdir(), 'whosaid-rw-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

/** Hammers the API until `done` resolves; returns the number of requests and what went wrong. */
async function hammer(app: FastifyInstance, done: Promise<unknown>, changed: Set<string>, seed: number) {
  let finished = false;
  void done.then(() => (finished = true));
  const rng = new Prng(seed);
  const errors: string[] = [];
  const torn: string[] = [];
  let requests = 0;
  let lastTotal = 0;
  const get = async <T>(url: string): Promise<T | null> => {
    requests++;
    const res = await app.inject(url);
    if (res.statusCode !== 200) {
      if (errors.length < 10) errors.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return null;
    }
    return res.json() as T;
  };
  while (!finished) {
    // inject answers through promises alone: yield to the event loop so the child's exit can be noticed
    await new Promise((resolve) => setImmediate(resolve));
    // every article, following cursors
    const articles: ArticleT[] = [];
    for (let url: string | null = '/v1/articles?limit=100'; url; ) {
      const page: { data: ArticleT[]; next: string | null } | null = await get(url);
      if (!page) break;
      articles.push(...page.data);
      url = page.next ? `/v1/articles?limit=100&cursor=${page.next}` : null;
    }
    const health = await get<{ articles: number }>('/health');
    if (health && health.articles < lastTotal) torn.push(`article total went down from ${lastTotal} to ${health.articles}`);
    if (health) lastTotal = health.articles;
    for (let i = 0; i < 6 && articles.length; i++) {
      // the newest article is the one a writer may be in the middle of: look at it most often
      const a = rng.chance(0.5) ? articles[articles.length - 1] : rng.pick(articles);
      const q = encodeURIComponent(a.id);
      const [statements, claims, actors] = await Promise.all([
        get<{ data: ItemT[] }>(`/v1/statements?article=${q}&limit=500`),
        get<{ data: ItemT[] }>(`/v1/claims?article=${q}&limit=500`),
        get<{ data: unknown[] }>(`/v1/actors?article=${q}&limit=500`),
      ]);
      if (!statements || !claims || !actors) continue;
      // within one answer: every statement and claim comes with its topics, whatever the writer is doing
      for (const s of [...statements.data, ...claims.data]) if (!s.topics.length) torn.push(`${a.id}: item ${s.id} arrived without its topics`);
      // across answers: an article that is only ever added must show exactly the rows its counts promise
      if (!changed.has(a.id)) {
        const got = { statements: statements.data.length, claims: claims.data.length, actors: actors.data.length };
        const want = { statements: a.counts.statements, claims: a.counts.claims, actors: a.counts.actors };
        if (JSON.stringify(got) !== JSON.stringify(want)) torn.push(`${a.id}: counts ${JSON.stringify(want)} but rows ${JSON.stringify(got)}`);
      }
    }
    const sample = await get<{ data: ItemT[] }>(`/v1/statements?limit=200&minConfidence=0`);
    for (const s of sample?.data ?? []) if (!s.topics.length) torn.push(`statement ${s.id} arrived without its topics`);
  }
  return { requests, errors, torn };
}

function runIngest(db: string, articles: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/cli/ingest.ts'), '--db', db, '--quiet', articles], { cwd: projectPath(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

t.test('an ingest adding and then replacing articles while the API is hammered over a read-only connection', async (t) => {
  const corpus = join(dir, 'corpus');
  writeCorpus(corpus, { articles: ARTICLES, seed: 21 });
  const names = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();

  // the database starts as server.ts builds it: a few articles, journal_mode DELETE; the command switches it to WAL under the server
  const file = join(dir, 'live.db');
  const seedDb = openForWrite(file);
  new Ingester(seedDb).ingestPaths(names.slice(0, 5).map((n) => join(corpus, n)));
  seedDb.pragma('journal_mode = DELETE');
  seedDb.close();

  const db = openForRead(file);
  const app = (await buildApp({ db })) as unknown as FastifyInstance;
  await app.ready();
  t.teardown(async () => {
    await app.close();
    db.close();
  });

  const adding = runIngest(file, corpus);
  const phase1 = await hammer(app, adding, new Set(), 1);
  const added = await adding;
  t.equal(added.code, 0, `the ingest succeeded: ${added.output.trim().split('\n').pop()}`);
  t.comment(`while adding ${ARTICLES} articles: ${phase1.requests} requests, ${phase1.errors.length} errors, ${phase1.torn.length} torn views`);
  t.same(phase1.errors, [], 'no request failed');
  t.same(phase1.torn, [], 'only whole articles');

  // replace a third of the articles: each changed file gets another quoted paragraph
  const changed = new Set<string>();
  for (const name of names.filter((_, i) => i % 3 === 0)) {
    appendFileSync(join(corpus, name), `\n"We will not stop until this is settled," a spokesperson for the ministry said on ${name.length % 2 ? 'Monday' : 'Tuesday'}.\n`);
    changed.add(name.replace(/\.txt$/, ''));
  }
  const replacing = runIngest(file, corpus);
  const phase2 = await hammer(app, replacing, changed, 2);
  const replaced = await replacing;
  t.equal(replaced.code, 0, `the re-ingest succeeded: ${replaced.output.trim().split('\n').pop()}`);
  t.match(replaced.output, new RegExp(`\\(0 added, ${changed.size} replaced, ${ARTICLES - changed.size} unchanged\\)`));
  t.comment(`while replacing ${changed.size} articles: ${phase2.requests} requests, ${phase2.errors.length} errors, ${phase2.torn.length} torn views`);
  t.same(phase2.errors, [], 'no request failed');
  t.same(phase2.torn, [], 'only whole articles');

  // the premise of the topics check: the extractor gives every statement and claim a topic
  const final = openFile(file);
  const untopical = final.prepare(`SELECT (SELECT count(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM statement_topics x WHERE x.statement_id = s.id AND x.direct = 1))
    + (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM claim_topics x WHERE x.claim_id = c.id AND x.direct = 1)) AS n`).get() as { n: number };
  const total = final.prepare('SELECT (SELECT count(*) FROM statements) AS s, (SELECT count(*) FROM articles) AS a').get() as { s: number; a: number };
  final.close();
  t.equal(untopical.n, 0, 'every statement and claim has a topic, so one without is a torn read');
  t.equal(total.a, ARTICLES);
  t.ok(total.s > ARTICLES, `the writes were real: ${total.s} statements`);
  const fresh = await app.inject('/health');
  t.same(fresh.json(), { ...fresh.json(), articles: ARTICLES, statements: total.s }, 'the read-only connection sees the final state');
});
