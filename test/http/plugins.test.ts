// HTTP behaviour around every route: ETag/304, Cache-Control, compression, CORS and X-Request-Id (header and logs).

import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import t from 'tap';
import { fixtureApp } from '../helpers.js';

t.test('ETag and 304 Not Modified', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const first = await app.inject('/v1/statements?kind=direct');
  const etag = first.headers.etag as string;
  t.match(etag, /^W\/"[^"]+"$/, 'weak: the same entity may be sent compressed or not');
  t.equal((await app.inject('/v1/statements?kind=direct')).headers.etag, etag, 'stable while the data is unchanged');
  t.not((await app.inject('/v1/statements?kind=indirect')).headers.etag, etag, 'differs with the content');
  const again = await app.inject({ url: '/v1/statements?kind=direct', headers: { 'if-none-match': etag } });
  t.equal(again.statusCode, 304);
  t.equal(again.body, '');
  t.equal(
    (await app.inject({ url: '/v1/statements?kind=direct', headers: { 'if-none-match': 'W/"other"' } })).statusCode,
    200,
  );
});

t.test('Cache-Control: short and public for data, no-cache for errors', async (t) => {
  const app = await fixtureApp({ http: { cacheMaxAge: 120 } });
  t.teardown(() => app.close());
  t.equal(
    (await app.inject('/v1/actors/ana-lima')).headers['cache-control'],
    'public, max-age=120, stale-while-revalidate=1200',
  );
  t.equal((await app.inject('/v1/actors/nobody')).headers['cache-control'], 'no-cache');
  t.equal((await app.inject('/v1/statements?limit=0')).headers['cache-control'], 'no-cache');
});

t.test('gzip and brotli when the client accepts them', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const plain = (await app.inject('/v1/statements')).body;
  const br = await app.inject({ url: '/v1/statements', headers: { 'accept-encoding': 'br, gzip' } });
  t.equal(br.headers['content-encoding'], 'br');
  t.match(br.headers.vary, /accept-encoding/i);
  t.equal(brotliDecompressSync(br.rawPayload).toString(), plain);
  const gz = await app.inject({ url: '/v1/statements', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip');
  t.equal(gunzipSync(gz.rawPayload).toString(), plain);
  const problem = await app.inject({ url: '/v1/statements?kind=x', headers: { 'accept-encoding': 'gzip' } });
  t.equal(problem.statusCode, 400);
  t.notOk(problem.headers['content-encoding'], 'a body under 1 KB is not worth compressing');
  t.equal(problem.json().parameter, 'kind');
  t.notOk((await app.inject('/v1/statements')).headers['content-encoding'], 'identity without Accept-Encoding');
});

t.test('CORS: open to every origin for GET by default; configurable', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject({ url: '/v1/topics', headers: { origin: 'https://example.org' } });
  t.equal(res.headers['access-control-allow-origin'], '*');
  t.match(res.headers['access-control-expose-headers'], /Link/);
  t.match(res.headers['access-control-expose-headers'], /X-Request-Id/);
  const preflight = await app.inject({
    method: 'OPTIONS',
    url: '/v1/topics',
    headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
  });
  t.equal(preflight.statusCode, 204);
  t.match(preflight.headers['access-control-allow-methods'], /GET/);

  const listed = await fixtureApp({ http: { corsOrigins: 'https://a.example, https://b.example' } });
  t.teardown(() => listed.close());
  const b = await listed.inject({
    url: '/v1/topics',
    headers: { origin: 'https://b.example', 'accept-encoding': 'gzip' },
  });
  t.equal(b.headers['access-control-allow-origin'], 'https://b.example');
  t.equal(b.headers.vary, 'Origin, Accept', 'Vary keeps Origin (from CORS) beside Accept');
  t.notOk(
    (await listed.inject({ url: '/v1/topics', headers: { origin: 'https://evil.example' } })).headers[
      'access-control-allow-origin'
    ],
  );

  const off = await fixtureApp({ http: { corsOrigins: 'off' } });
  t.teardown(() => off.close());
  t.notOk(
    (await off.inject({ url: '/v1/topics', headers: { origin: 'https://example.org' } })).headers[
      'access-control-allow-origin'
    ],
  );
});

t.test('X-Request-Id: echoed or generated on every response, and in the log', async (t) => {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = await fixtureApp({ logger: { level: 'info', stream } });
  t.teardown(() => app.close());
  const given = await app.inject({ url: '/v1/statements', headers: { 'x-request-id': 'trace-42' } });
  t.equal(given.headers['x-request-id'], 'trace-42');
  t.ok(
    lines.some((l) => l.reqId === 'trace-42'),
    'the log lines carry the request id',
  );
  const made = await app.inject('/v1/nowhere');
  t.match(made.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'generated when absent, also on 404s');
  t.equal(made.json().requestId, made.headers['x-request-id'], 'and it is the one in the problem body');
  const hostile = await app.inject({ url: '/health', headers: { 'x-request-id': 'a b<script>' } });
  t.match(hostile.headers['x-request-id'], /^[0-9a-f-]{36}$/, 'an id that is not a plain token is replaced');
  t.ok((await app.inject('/docs/json')).headers['x-request-id'], 'Swagger UI routes have it too');
});
