// The in-process answer cache: repeated GETs come from memory, byte for byte, and any change to the database drops it.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { AnswerCache, owned } from '../../src/http/response-cache.js';
import { openForRead, openForWrite } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { fixtureExtraction, fixtureInput, TOPICS } from '../fixtures.js';
import { fixtureApp, fixtureDb, seededDb } from '../helpers.js';

const http = { responseCacheMb: 4 };

/** A clock the test moves by hand, so the cache's look at the database (every 100 ms by default) is exact. */
function manualClock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

t.test('a repeated GET is answered from memory with the same body and headers, but its own request id', async (t) => {
  const app = await fixtureApp({ http });
  t.teardown(() => app.close());
  const url = '/v1/statements?limit=3';
  const first = await app.inject(url);
  const second = await app.inject(url);
  t.equal(first.headers['x-cache'], 'miss');
  t.equal(second.headers['x-cache'], 'hit');
  t.equal(second.body, first.body);
  for (const name of [
    'etag',
    'link',
    'content-type',
    'cache-control',
    'content-security-policy',
    'access-control-allow-origin',
  ]) {
    t.equal(second.headers[name], first.headers[name], name);
  }
  t.not(second.headers['x-request-id'], first.headers['x-request-id']);
  t.equal((await app.inject({ url, headers: { 'x-request-id': 'mine-1' } })).headers['x-request-id'], 'mine-1');

  const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['x-cache'], 'miss', 'each Accept-Encoding has its own kept answer');
  const gzHit = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
  t.equal(gzHit.headers['x-cache'], 'hit');
  t.same(gzHit.rawPayload, gz.rawPayload, 'kept as sent: a hit does not compress again');
  t.equal(gunzipSync(gzHit.rawPayload).toString(), first.body);
  const notModified = await app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
  t.equal(notModified.statusCode, 304);
  t.equal(notModified.body, '');
});

/** What a client sees of an answer: status, headers but those that differ per request, and the decoded body. */
function seen(res: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }) {
  const headers = { ...res.headers };
  for (const name of [
    'date',
    'x-request-id',
    'x-cache',
    'connection',
    'keep-alive',
    'content-length',
    'transfer-encoding',
  ])
    delete headers[name];
  const encoding = res.headers['content-encoding'];
  const decode =
    encoding === 'br'
      ? brotliDecompressSync
      : encoding === 'gzip'
        ? gunzipSync
        : encoding === 'deflate'
          ? inflateSync
          : (b: Buffer) => b;
  return { status: res.statusCode, headers, body: decode(res.rawPayload).toString() };
}

t.test('a hit is what a fresh answer would be, whatever the request headers', async (t) => {
  for (const corsOrigins of ['*', 'https://desk.example']) {
    const db = seededDb();
    const cached = await buildApp({ db, http: { responseCacheMb: 4, corsOrigins } });
    const fresh = await buildApp({ db, http: { responseCacheMb: 0, corsOrigins } });
    t.teardown(() => Promise.all([cached.close(), fresh.close()]));
    const list = (await fresh.inject('/v1/statements?limit=50')).json() as { data: { id: number }[] };
    const urls = [
      '/v1/statements?limit=50',
      '/v1/statements?limit=1',
      `/v1/statements/${list.data[0].id}`,
      '/v1/statements?facet=speaker,topic,kind&limit=5',
      '/v1/actors?limit=20',
      '/v1/topics',
      '/v1/articles',
      '/v1/claims',
    ];
    const etag = (await fresh.inject(urls[0])).headers.etag as string;
    const variants: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': 'br' },
      { 'accept-encoding': 'gzip, deflate, br, zstd' },
      { 'accept-encoding': 'deflate' },
      { 'accept-encoding': 'gzip', 'x-no-compression': '1' },
      { accept: 'application/ld+json' },
      { accept: 'application/ld+json', 'accept-encoding': 'br' },
      { origin: 'https://desk.example' },
      { origin: 'https://elsewhere.example', 'accept-encoding': 'gzip' },
      { 'if-none-match': etag },
      { 'if-none-match': etag, 'accept-encoding': 'gzip' },
      { 'if-none-match': 'W/"something-else"' },
    ];
    for (const url of urls) {
      for (const headers of variants) {
        const label = `${corsOrigins} ${url} ${JSON.stringify(headers)}`;
        const { 'if-none-match': _conditional, ...plain } = headers;
        await cached.inject({ url, headers: plain });
        const hit = await cached.inject({ url, headers });
        const made = await fresh.inject({ url, headers });
        t.equal(hit.headers['x-cache'], 'hit', label);
        t.same(seen(hit), seen(made), label);
      }
    }
  }
});

t.test('keys: the query string, the Accept header and the host all make a different answer', async (t) => {
  const app = await fixtureApp({ http });
  t.teardown(() => app.close());
  await app.inject('/v1/statements?limit=1');
  t.equal((await app.inject('/v1/statements?limit=2')).headers['x-cache'], 'miss');
  t.equal(
    (await app.inject({ url: '/v1/statements?limit=1', headers: { accept: 'application/ld+json' } })).headers[
      'x-cache'
    ],
    'miss',
  );
  const other = await app.inject({
    url: '/v1/statements/1',
    headers: { host: 'a.example', accept: 'application/ld+json' },
  });
  const again = await app.inject({
    url: '/v1/statements/1',
    headers: { host: 'b.example', accept: 'application/ld+json' },
  });
  t.equal(again.headers['x-cache'], 'miss');
  t.not(again.body, other.body, 'JSON-LD links name the host they were asked on');
});

t.test('errors, exports and non-API paths are never kept', async (t) => {
  const app = await fixtureApp({ http });
  t.teardown(() => app.close());
  for (const url of ['/v1/statements?limit=0', '/v1/actors/nobody', '/v1/statements.csv']) {
    await app.inject(url);
    t.equal((await app.inject(url)).headers['x-cache'], 'miss', url);
  }
  await app.inject('/health');
  t.equal((await app.inject('/health')).headers['x-cache'], undefined);
  t.same(app.responseCache?.size, { entries: 0, bytes: 0 });
});

t.test("a write through the app's own connection drops the kept answers at the next look, 100 ms on", async (t) => {
  const db = fixtureDb();
  const clock = manualClock();
  const app = await buildApp({ db, http, clock: clock.now });
  t.teardown(() => app.close());
  const before = await app.inject('/v1/articles');
  t.equal((await app.inject('/v1/articles')).headers['x-cache'], 'hit');
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  writer.save(fixtureInput({ slug: 'third', contentHash: 'h3', published: '2024-12-01' }));
  clock.advance(99);
  t.equal((await app.inject('/v1/articles')).headers['x-cache'], 'hit', 'not looked at again within 100 ms');
  clock.advance(1);
  const after = await app.inject('/v1/articles');
  t.equal(after.headers['x-cache'], 'miss');
  t.equal(after.json().data.length, before.json().data.length + 1);
});

t.test('an ingest by another process (another connection) drops the kept answers at the next look', async (t) => {
  const file = join(mkdtempSync(join(tmpdir(), 'whosaid-cache-')), 'w.db');
  const writeDb = openForWrite(file);
  const writer = new ArticleWriter(writeDb);
  writer.syncTopics(TOPICS);
  writer.save(fixtureInput());
  const clock = manualClock();
  const app = await buildApp({ db: openForRead(file), http, clock: clock.now });
  t.teardown(async () => {
    await app.close();
    writeDb.close();
  });
  const url = '/v1/statements?article=border';
  t.same((await app.inject(url)).json().data, []);
  t.equal((await app.inject(url)).headers['x-cache'], 'hit');
  const x = fixtureExtraction();
  writer.save(
    fixtureInput({
      slug: 'border',
      contentHash: 'h2',
      published: '2024-11-21',
      extraction: { ...x, statements: [x.statements[2]], claims: [] },
    }),
  );
  clock.advance(50);
  t.equal((await app.inject(url)).headers['x-cache'], 'hit', 'kept until the next look');
  clock.advance(50);
  const after = await app.inject(url);
  t.equal(after.headers['x-cache'], 'miss');
  t.equal(after.json().data.length, 1);
});

t.test('off when given 0 megabytes', async (t) => {
  const app = await fixtureApp({ http: { responseCacheMb: 0 } });
  t.teardown(() => app.close());
  await app.inject('/v1/statements');
  t.equal((await app.inject('/v1/statements')).headers['x-cache'], undefined);
  t.equal(app.responseCache, undefined);
});

t.test('AnswerCache keeps the most recently used answers within its byte budget', async (t) => {
  const entry = (n: number) => ({ body: Buffer.alloc(n), headers: [] });
  const lru = new AnswerCache(1600);
  lru.set('a', entry(90));
  lru.set('b', entry(90));
  t.ok(lru.get('a'), 'a is now the most recently used');
  for (let i = 0; i < 16; i++) lru.set(`k${i}`, entry(90));
  t.equal(lru.get('b'), undefined, 'the least recently used goes first');
  t.ok(lru.get('a'), 'a used since survives');
  t.ok(lru.get('k15'));
  t.ok(lru.size.bytes <= 1600);
  lru.set('big', entry(200));
  t.equal(lru.get('big'), undefined, 'an answer over a sixteenth of the budget is not kept');
  lru.set('k15', entry(10));
  t.equal(lru.get('k15')?.body.length, 10, 'a key set again replaces its answer');
  lru.clear('v2');
  t.same(lru.size, { entries: 0, bytes: 0 });
  t.equal(lru.version, 'v2');
});

t.test('a kept answer holds only its own bytes, not the 8 KB slab a small buffer is cut from', async (t) => {
  const small = Buffer.from('{"data":[]}');
  t.ok(small.buffer.byteLength > small.length, 'Node cut this one from its shared pool');
  const kept = owned(small);
  t.equal(kept.buffer.byteLength, kept.length);
  t.equal(kept.toString(), small.toString());
  const alone = Buffer.allocUnsafeSlow(10);
  t.equal(owned(alone), alone, 'a buffer already on its own is kept as it is');
});
