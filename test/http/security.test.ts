// The public API is read-only and hardened: method rules with Allow, security headers with a CSP /docs can live with, rate limits.

import t from 'tap';
import { buildApp } from '../../src/app.js';
import { seededApp, seededDb } from '../helpers.js';

const GET_PATHS = [
  '/v1/statements',
  '/v1/statements/1',
  '/v1/claims',
  '/v1/claims/1',
  '/v1/actors',
  '/v1/actors/x',
  '/v1/topics',
  '/v1/topics/x',
  '/v1/articles/x',
  '/health',
];

t.test('only GET, HEAD and OPTIONS: other methods are a 405 problem with an Allow header', async (t) => {
  const { app } = await seededApp();
  t.teardown(() => app.close());
  for (const url of GET_PATHS) {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await app.inject({ method, url, payload: '{}', headers: { 'content-type': 'application/json' } });
      t.equal(res.statusCode, 405, `${method} ${url}`);
      t.equal(res.headers.allow, 'GET, HEAD, OPTIONS', `${method} ${url} Allow`);
      t.match(res.headers['content-type'], /^application\/problem\+json/);
      t.match(res.json(), { status: 405, detail: `${method} is not allowed on ${url}; it accepts GET, HEAD, OPTIONS` });
    }
    const options = await app.inject({ method: 'OPTIONS', url });
    t.equal(options.statusCode, 204, `OPTIONS ${url}`);
    t.equal(options.headers.allow, 'GET, HEAD, OPTIONS');
    const head = await app.inject({ method: 'HEAD', url });
    t.equal(head.body, '', `HEAD ${url} has no body`);
  }
  const unknown = await app.inject({ method: 'DELETE', url: '/v1/nothing' });
  t.equal(unknown.statusCode, 404, 'a path no route has stays a 404');
  t.notOk(unknown.headers.allow);
});

t.test(
  'security headers on API answers, errors and /docs; the CSP lets Swagger UI load from this server only',
  async (t) => {
    const { app } = await seededApp();
    t.teardown(() => app.close());
    for (const url of [
      '/v1/statements',
      '/v1/nothing',
      '/v1/statements?limit=0',
      '/openapi.json',
      '/health',
      '/docs/',
      '/docs/static/swagger-ui-bundle.js',
    ]) {
      const page = url.startsWith('/docs');
      const res = await app.inject(url);
      t.equal(res.headers['x-content-type-options'], 'nosniff', url);
      t.equal(res.headers['x-frame-options'], page ? 'SAMEORIGIN' : 'DENY', url);
      t.match(res.headers['strict-transport-security'], /max-age=/, url);
      t.equal(res.headers['referrer-policy'], 'no-referrer', url);
      t.equal(
        res.headers['cross-origin-resource-policy'],
        'cross-origin',
        `${url}: the public data may be used from other sites`,
      );
      const csp = String(res.headers['content-security-policy']);
      t.notMatch(csp, /upgrade-insecure-requests/, `${url}: the server speaks plain http, so no upgrade`);
      if (page) {
        t.match(csp, /default-src 'self'/, url);
        t.match(csp, /script-src 'self'(;|$)/, `${url}: no inline or remote script`);
        t.equal(res.headers['cross-origin-opener-policy'], 'same-origin', url);
      } else {
        t.equal(
          csp,
          "default-src 'none';frame-ancestors 'none'",
          `${url}: an API answer loads nothing and is never framed`,
        );
        t.notOk(
          res.headers['x-xss-protection'] ??
            res.headers['x-dns-prefetch-control'] ??
            res.headers['origin-agent-cluster'],
          `${url}: no page-only headers`,
        );
      }
    }
    const html = (await app.inject('/docs/')).body;
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    t.ok(sources.length >= 3, 'the page loads scripts and styles');
    t.same(
      sources.filter((s) => /^(?:https?:)?\/\//.test(s)),
      [],
      'all of them from this server',
    );
    t.notMatch(html, /<script>(?!\s*<\/script>)/, 'and no inline script, which the CSP would block');
  },
);

t.test('rate limit: off by default, a 429 problem with Retry-After when configured', async (t) => {
  const db = seededDb();
  const open = await buildApp({ db });
  t.teardown(() => open.close());
  for (let i = 0; i < 30; i++) t.equal((await open.inject('/health')).statusCode, 200, `unlimited request ${i + 1}`);

  const limited = await buildApp({ db, rateLimit: { max: 3, windowMs: 60_000 } });
  t.teardown(() => limited.close());
  for (let i = 0; i < 3; i++) t.equal((await limited.inject('/v1/statements')).statusCode, 200);
  const res = await limited.inject('/v1/statements');
  t.equal(res.statusCode, 429);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.ok(Number(res.headers['retry-after']) > 0, 'Retry-After says when');
  t.match(res.json(), {
    type: 'urn:whosaid:problem:rate-limited',
    status: 429,
    detail: /limit of 3 requests per 60 s/,
  });
  const other = await limited.inject({ url: '/v1/statements', remoteAddress: '10.0.0.2' });
  t.equal(other.statusCode, 200, 'per client address');
});
