// POST /v1/articles extracts in worker threads: reads answer while an article is extracted, a full queue is a 503, a slow article a 422.

import type { FastifyInstance } from 'fastify';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { hostileArticle } from '../../src/corpus/hostile.js';
import { ExtractionPool } from '../../src/ingest/pool.js';
import { openInMemory } from '../../src/store/db.js';
import { article } from '../helpers.js';

const TOKEN = 'test-token-0123456789abcdef';
const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' };
// 2 MB of quotation marks and cues: extraction takes many seconds (about 17 s on our build machine), far past
// the one-second budget below, whatever the machine
const SLOW = hostileArticle('quote-marks', 2_000_000);
const GOOD = article(
  'Minister warns the river will rise',
  '"The river will rise by Friday," Environment Minister Ana Lima said on Monday.',
);

async function appWith(pool: ExtractionPool) {
  const db = openInMemory();
  const app = (await buildApp({
    db,
    ingest: { db, token: TOKEN, maxBytes: 4_000_000, pool },
  })) as unknown as FastifyInstance;
  await app.ready();
  return { app, db };
}

const post = (app: FastifyInstance, text: string, id: string) =>
  app.inject({ method: 'POST', url: `/v1/articles?id=${id}`, headers, payload: text });
const articles = (db: ReturnType<typeof openInMemory>) => db.prepare('SELECT slug FROM articles ORDER BY slug').all();

t.test('while an article is being extracted, reads keep answering', async (t) => {
  const pool = new ExtractionPool({ size: 1, budgetMs: 1000 });
  t.teardown(() => pool.close());
  const { app } = await appWith(pool);
  t.teardown(() => app.close());
  t.equal((await post(app, GOOD, 'good')).statusCode, 201);
  await pool.ready();

  let answered = false;
  const slow = post(app, SLOW, 'slow').then((res) => {
    answered = true;
    return res;
  });
  // the article has reached a worker
  while (pool.busy === 0) await new Promise((resolve) => setImmediate(resolve));
  const reads = [];
  for (let i = 0; i < 20; i++) reads.push(await app.inject(`/v1/statements?article=good&limit=${1 + (i % 5)}`));
  t.equal(pool.busy, 1, 'still extracting after 20 reads');
  t.equal(answered, false, 'the POST has not been answered yet');
  t.same(
    reads.map((r) => r.statusCode),
    Array(20).fill(200),
    'every read answered',
  );
  t.ok(
    reads.every((r) => r.json().data.length >= 1),
    'with the article stored before',
  );
  const res = await slow;
  t.equal(res.statusCode, 422);
});

t.test(
  'an article past the budget is a 422 problem; nothing is stored; the next article is extracted by a new worker',
  async (t) => {
    const pool = new ExtractionPool({ size: 1, budgetMs: 1000 });
    t.teardown(() => pool.close());
    const { app, db } = await appWith(pool);
    t.teardown(() => app.close());
    const res = await post(app, SLOW, 'slow');
    t.equal(res.statusCode, 422);
    t.equal(res.headers['content-type'], 'application/problem+json');
    t.match(res.json(), {
      type: 'urn:whosaid:problem:extraction-budget',
      title: 'Unprocessable content',
      status: 422,
      detail:
        'extraction took longer than the 1 s budget and was stopped; the article was not stored (is it an article? see WHOSAID_EXTRACT_BUDGET_MS)',
      instance: '/v1/articles',
    });
    t.same(articles(db), []);
    const next = await post(app, GOOD, 'good');
    t.equal(next.statusCode, 201);
    t.same(articles(db), [{ slug: 'good' }]);
  },
);

t.test('every worker busy and the queue full: 503 problem with Retry-After; nothing is stored', async (t) => {
  const pool = new ExtractionPool({ size: 1, budgetMs: 1000, maxQueue: 1 });
  t.teardown(() => pool.close());
  const { app, db } = await appWith(pool);
  t.teardown(() => app.close());
  await pool.ready();
  const slow = post(app, SLOW, 'slow');
  while (pool.busy === 0) await new Promise((resolve) => setImmediate(resolve));
  const waiting = post(app, GOOD, 'waiting');
  while (pool.queued === 0) await new Promise((resolve) => setImmediate(resolve));
  const refused = await post(app, GOOD, 'refused');
  t.equal(refused.statusCode, 503);
  t.equal(refused.headers['retry-after'], '1', 'a worker frees up within the one-second budget');
  t.equal(refused.headers['content-type'], 'application/problem+json');
  t.match(refused.json(), {
    type: 'urn:whosaid:problem:busy',
    status: 503,
    detail: 'every extraction worker is busy and 1 article is waiting; retry after 1 second',
  });
  t.equal((await slow).statusCode, 422);
  t.equal((await waiting).statusCode, 201, 'the article that waited is stored');
  t.same(articles(db), [{ slug: 'waiting' }]);
});

t.test('the route starts its own pool with the first POST and ends it when the app closes', async (t) => {
  const db = openInMemory();
  const app = (await buildApp({ db, ingest: { db, token: TOKEN } })) as unknown as FastifyInstance;
  const res = await post(app, GOOD, 'good');
  t.equal(res.statusCode, 201);
  await app.close();
  t.pass('closed with its workers ended (the test would not exit otherwise)');
});
