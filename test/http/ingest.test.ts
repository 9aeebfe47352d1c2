// POST /v1/articles: off without a token, 401/403 before the body is read, the ingest command's rules for everything else.

import t from 'tap';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { Ingester } from '../../src/ingest/ingest.js';
import { openInMemory } from '../../src/store/db.js';
import { articleRows } from '../dbcheck.js';
import { SEED, SEED_ID, article } from '../helpers.js';
import { projectPath } from '../../src/paths.js';

const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const FLOODS = {
  title: 'Minister warns the river will rise',
  body: '"The river will rise by Friday," Environment Minister Ana Lima said on Monday.\n\nOfficials said the dams were holding.',
  published: '2024-11-14',
  url: 'https://example.test/floods',
  source: 'Test Wire',
};

async function writable(maxBytes?: number) {
  const db = openInMemory();
  const app = (await buildApp({ db, ingest: { db, token: TOKEN, maxBytes } })) as unknown as FastifyInstance;
  await app.ready();
  return { app, db };
}

const post = (app: FastifyInstance, payload: unknown, headers: Record<string, string> = auth, url = '/v1/articles') =>
  app.inject({ method: 'POST', url, headers, payload: payload as string });

t.test('without WHOSAID_INGEST_TOKEN there is no write: POST is a 405 that says how to enable it', async (t) => {
  const db = openInMemory();
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const res = await app.inject({ method: 'POST', url: '/v1/articles', headers: auth, payload: FLOODS });
  t.equal(res.statusCode, 405);
  t.equal(res.headers.allow, 'GET, HEAD, OPTIONS');
  t.match(res.json(), { status: 405, detail: /WHOSAID_INGEST_TOKEN/ });
  t.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 0);
});

t.test('401 without a bearer token, 403 with a wrong one, checked before the body is parsed', async (t) => {
  const { app, db } = await writable();
  t.teardown(() => app.close());
  for (const headers of [{}, { authorization: '' }, { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }, { authorization: 'Bearer' }, { authorization: `${TOKEN}` }]) {
    const res = await post(app, FLOODS, headers as Record<string, string>);
    t.equal(res.statusCode, 401, JSON.stringify(headers));
    t.equal(res.headers['www-authenticate'], 'Bearer realm="whosaid"');
    t.match(res.json(), { type: 'urn:whosaid:problem:unauthorized', detail: /Authorization: Bearer/ });
  }
  for (const token of ['wrong', `${TOKEN}x`, TOKEN.slice(0, -1), TOKEN.toUpperCase()]) {
    const res = await post(app, FLOODS, { authorization: `Bearer ${token}` });
    t.equal(res.statusCode, 403, token);
    t.match(res.json(), { type: 'urn:whosaid:problem:forbidden' });
  }
  const unparsed = await post(app, '{not json', { 'content-type': 'application/json' });
  t.equal(unparsed.statusCode, 401, 'a broken body without a token is refused for the token, unread');
  t.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 0, 'nothing written');
  t.equal((await post(app, FLOODS, { authorization: `bearer  ${TOKEN}` })).statusCode, 201, 'the scheme is case-insensitive');
});

t.test('JSON: 201 with the article and its statements; the same again is a no-op; changed content replaces it, ids kept', async (t) => {
  const { app, db } = await writable();
  t.teardown(() => app.close());
  const first = await post(app, FLOODS);
  t.equal(first.statusCode, 201);
  const body = first.json();
  t.equal(first.headers.location, `/v1/articles/${body.article.id}`);
  t.match(body, { outcome: 'added', article: { title: FLOODS.title, source: 'Test Wire', publishedAt: '2024-11-14', url: FLOODS.url } });
  t.match(body.article.id, /^post-[0-9a-f]{16}$/, 'id derived from the URL');
  t.ok(body.statements.length >= 1, `statements extracted (${body.statements.length})`);
  t.same(body.article, (await app.inject(String(first.headers.location))).json(), 'the article as the API serves it');
  t.same(body.statements, (await app.inject(`/v1/statements?article=${body.article.id}&limit=500`)).json().data, 'its statements as the API serves them');

  const before = db.prepare('SELECT * FROM articles').all();
  const again = await post(app, FLOODS);
  t.equal(again.statusCode, 200);
  t.equal(again.json().outcome, 'unchanged');
  t.same(db.prepare('SELECT * FROM articles').all(), before, 'not even the ingest time changed');

  const changed = await post(app, { ...FLOODS, body: `${FLOODS.body}\n\n"We are ready," the army said.` });
  t.equal(changed.statusCode, 200);
  t.equal(changed.json().outcome, 'replaced');
  t.equal(changed.json().article.id, body.article.id, 'same URL, same article');
  t.same(db.prepare('SELECT id FROM articles').all(), [{ id: 1 }], 'one article row, its id kept');
  t.ok(changed.json().statements.length > body.statements.length, 'with the new statements');
  const served = await app.inject(`/v1/statements?article=${body.article.id}&limit=500`);
  t.same(served.json().data, changed.json().statements, 'served at once: the answer kept from before the write is gone');
  t.equal(served.headers['x-cache'], 'miss');
});

t.test('text/plain: the article file, with metadata in the query string; and the same rows as the ingest command gives', async (t) => {
  const { app, db } = await writable();
  t.teardown(() => app.close());
  const text = readFileSync(SEED, 'utf8');
  const meta = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.meta.json'), 'utf8')) as { published: string; url: string; source: string; language: string };
  const q = new URLSearchParams({ id: SEED_ID, published: meta.published, url: meta.url, source: meta.source, language: meta.language });
  const res = await post(app, text, { ...auth, 'content-type': 'text/plain; charset=utf-8' }, `/v1/articles?${q}`);
  t.equal(res.statusCode, 201);
  t.match(res.json(), { outcome: 'added', article: { id: SEED_ID, publishedAt: meta.published, url: meta.url } });

  const fromFile = openInMemory();
  new Ingester(fromFile).ingestPaths([SEED]);
  const strip = (rows: Map<string, Record<string, Record<string, unknown>[]>>) =>
    JSON.stringify([...rows.values()].map((r) => ({ ...r, article: r.article.map(({ content_hash: _h, ...rest }) => rest) })));
  t.equal(strip(articleRows(db)), strip(articleRows(fromFile)), 'the statements, claims, mentions and links match a file ingest exactly');

  const mixed = await post(app, { ...FLOODS }, auth, '/v1/articles?published=2024-11-14');
  t.equal(mixed.statusCode, 400);
  t.match(mixed.json(), { parameter: 'published', detail: /belongs in the JSON body/ });
});

t.test('bad submissions are 4xx problems naming what is wrong; nothing is written', async (t) => {
  const { app, db } = await writable(64 * 1024);
  t.teardown(() => app.close());
  const cases: [string, unknown, Record<string, string>, number, string | undefined, RegExp][] = [
    ['an impossible date', { ...FLOODS, published: '2024-02-30' }, auth, 400, 'published', /real date/],
    ['a month 13', { ...FLOODS, published: '2024-13-01' }, auth, 400, 'published', /real date/],
    ['a date in another form', { ...FLOODS, published: '14/11/2024' }, auth, 400, 'published', /YYYY-MM-DD/],
    ['no body', { title: 'x' }, auth, 400, 'body', /title and body/],
    ['text and parts', { ...FLOODS, text: article('a', 'b') }, auth, 400, undefined, /either/],
    ['an unknown field', { ...FLOODS, author: 'me' }, auth, 400, 'author', /unknown field/],
    ['a wrong type', { ...FLOODS, title: 42 }, auth, 400, 'title', /string/],
    ['a headline only', 'Wire\n\nJust a headline\n', { ...auth, 'content-type': 'text/plain' }, 400, undefined, /no article text after the headline/],
    ['NUL bytes', Buffer.from('Wire\n\nA\u0000B\n\nText.\n'), { ...auth, 'content-type': 'text/plain' }, 400, undefined, /binary/],
    ['latin-1', Buffer.from('Wire\n\nCaf\xe9\n\nIl a dit.\n', 'latin1'), { ...auth, 'content-type': 'text/plain' }, 400, undefined, /not valid UTF-8/],
    ['an id with a slash', { ...FLOODS, id: '../etc' }, auth, 400, 'id', /letters, digits/],
    ['broken JSON', '{"title": ', { ...auth, 'content-type': 'application/json' }, 400, undefined, /JSON/],
    ['XML', '<article/>', { ...auth, 'content-type': 'application/xml' }, 415, undefined, /application\/json, text\/plain or text\/html/],
    ['a body over the limit', { ...FLOODS, body: 'word '.repeat(20_000) }, auth, 413, undefined, /65536-byte limit/],
  ];
  for (const [what, payload, headers, status, parameter, detail] of cases) {
    const res = await post(app, payload, headers);
    t.equal(res.statusCode, status, what);
    t.match(res.headers['content-type'], /^application\/problem\+json/, what);
    t.match(res.json(), { status, detail }, `${what}: ${res.json().detail}`);
    t.equal(res.json().parameter, parameter, `${what} names ${parameter}`);
  }
  t.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 0, 'nothing written');
});

t.test('text/html and JSON with html: the article read from its web page, with the page’s own metadata; a page that is no article is a 400', async (t) => {
  const { app, db } = await writable();
  t.teardown(() => app.close());
  const diy = readFileSync(projectPath('test', 'fixtures', 'pages', 'faims-diy-deployment.html'));
  const page = await post(app, diy, { ...auth, 'content-type': 'text/html; charset=utf-8' });
  t.equal(page.statusCode, 201);
  const body = page.json();
  t.match(body.article, {
    title: 'Brown University archaeologists create an artifact recording module using FAIMS Mobile',
    publishedAt: '2016-09-19',
    source: 'FAIMS Project',
    url: 'https://www.fedarch.org//news/DIY_deployment/',
  });
  t.ok(body.statements.some((s: { text: string; speaker: { name: string } | null }) => /increased efficiency of data entry/.test(s.text) && /VanValkenburgh/.test(s.speaker?.name ?? '')), 'the quotation, with its speaker');
  t.equal((await post(app, diy, { ...auth, 'content-type': 'text/html' })).json().outcome, 'unchanged', 'the same page again');

  const asJson = await post(app, { html: diy.toString('utf8'), published: '2016-09-20' });
  t.equal(asJson.statusCode, 200, 'the same URL, another date: the article is replaced');
  t.match(asJson.json(), { outcome: 'replaced', article: { id: body.article.id, publishedAt: '2016-09-20' } });
  const viaQuery = await post(app, diy, { ...auth, 'content-type': 'text/html' }, '/v1/articles?published=2016-09-21&source=FAIMS');
  t.match(viaQuery.json(), { outcome: 'replaced', article: { id: body.article.id, publishedAt: '2016-09-21', source: 'FAIMS' } }, 'query parameters override what the page says');

  const index = readFileSync(projectPath('test', 'fixtures', 'pages', 'faims-blog-index.html'));
  const notArticle = await post(app, index, { ...auth, 'content-type': 'text/html' });
  t.equal(notArticle.statusCode, 400);
  t.match(notArticle.json(), { type: 'urn:whosaid:problem:invalid-article', detail: /^not an article: too little article text/ });
  t.equal(notArticle.json().parameter, undefined, 'the body as a whole is at fault');
  const notArticleJson = await post(app, { html: index.toString('utf8') });
  t.match(notArticleJson.json(), { status: 400, parameter: 'html', detail: /^not an article/ });
  const fragment = await post(app, { html: '<p>Officials said the border would stay closed.</p>' });
  t.match(fragment.json(), { status: 400, detail: /title is needed with html that is the story alone/ });

  const latin = Buffer.from('<html><head><title>x</title><meta property="og:title" content="Caf\xe9 owners say prices will rise"></head><body><article><p>' + 'The owners of the caf\xe9 said on Monday that prices would rise by the end of the year, blaming the cost of energy and rent. '.repeat(4) + '</p></article></body></html>', 'latin1');
  const decoded = await post(app, latin, { ...auth, 'content-type': 'text/html; charset=iso-8859-1' });
  t.equal(decoded.statusCode, 201);
  t.equal(decoded.json().article.title, 'Café owners say prices will rise', 'the charset of the Content-Type header');
  t.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 2, 'nothing of the refused pages stored');
});
