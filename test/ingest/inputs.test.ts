// Ingesting saved pages, JSON Lines, URLs and feeds: what is stored, what is refused and why, ids kept across re-fetches.

import t, { type Test } from 'tap';
import { createServer, type Server } from 'node:http';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Ingester } from '../../src/ingest/ingest.js';
import { feedSources, urlSources } from '../../src/ingest/remote.js';
import { DEFAULT_FETCH_LIMITS, fetchUrl } from '../../src/ingest/fetch.js';
import { openInMemory, type DB } from '../../src/store/db.js';
import { projectPath } from '../../src/paths.js';
import { articleDir } from '../helpers.js';

const fixture = (...p: string[]) => projectPath('test', 'fixtures', ...p);
const page = (name: string) => readFileSync(fixture('pages', name));

interface ArticleRow {
  id: number;
  slug: string;
  title: string;
  url: string | null;
  source: string | null;
  published_at: string | null;
  body: string;
  file: string | null;
}
const articles = (db: DB) => db.prepare('SELECT id, slug, title, url, source, published_at, body, file FROM articles ORDER BY id').all() as ArticleRow[];

/** Every statement's and claim's span slices its article's stored body to exactly its text; returns how many were checked. */
function checkSpans(t: Test, db: DB): number {
  let n = 0;
  for (const table of ['statements', 'claims']) {
    const rows = db.prepare(`SELECT x.text, x.span_start, x.span_end, a.body, a.slug FROM ${table} x JOIN articles a ON a.id = x.article_id`).all() as { text: string; span_start: number; span_end: number; body: string; slug: string }[];
    for (const r of rows) {
      if (r.body.slice(r.span_start, r.span_end) !== r.text) t.fail(`${table} span of ${r.slug} [${r.span_start}, ${r.span_end}) is not its text: ${JSON.stringify(r.text.slice(0, 60))}`);
      n++;
    }
  }
  return n;
}

t.test('a folder of saved pages and a JSON Lines file: the pages and the good lines are stored, each bad one reported by name and line', async (t) => {
  const dir = articleDir({});
  for (const name of ['usun-human-rights-statement.html', 'faims-diy-deployment.html', 'faims-blog-index.html']) copyFileSync(fixture('pages', name), join(dir, name));
  copyFileSync(fixture('articles.jsonl'), join(dir, 'articles.jsonl'));
  const db = openInMemory();
  const report = new Ingester(db).ingestPaths([dir]);
  t.match(report, { files: 7, added: 4, failed: [] as unknown[] });
  t.same(
    report.failed.map((f) => [f.path.slice(dir.length + 1), f.reason.replace(/^not valid JSON \(.*\)$/, 'not valid JSON (…)')]),
    [
      ['articles.jsonl:2', 'not valid JSON (…)'],
      ['articles.jsonl:4', 'published must be a real date as YYYY-MM-DD (or an ISO 8601 timestamp), got "2018-02-30"'],
      ['faims-blog-index.html', 'not an article: too little article text (157 characters): an index, error, login or paywall page?'],
    ],
    'the broken line, the impossible date and the index page, each with the reason',
  );
  const rows = articles(db);
  t.same(
    rows.map((r) => [r.title, r.published_at, r.source, r.url]),
    [
      ['Perachora project puts FAIMS Mobile to test', '2020-02-01', 'FAIMS Project', 'https://www.fedarch.org/news/Perachora/'],
      ['Mapping the lost mining settlements in the Blue Mountains', '2018-04-27', 'FAIMS Project', 'https://www.fedarch.org/news/BlueMountainsOne/'],
      ['Brown University archaeologists create an artifact recording module using FAIMS Mobile', '2016-09-19', 'FAIMS Project', 'https://www.fedarch.org//news/DIY_deployment/'],
      ['Statement on Human Rights during the General Debate of the Third Committee of the UN General Assembly', '2020-10-07', 'United States Mission to the United Nations', 'http://usun.usmission.gov/statement-on-human-rights-during-the-general-debate-of-the-third-committee-of-the-un-general-assembly/'],
    ],
    'in file order; the JSON timestamp keeps its day',
  );
  const slugs = rows.map((r) => r.slug);
  t.same(slugs.slice(2), ['faims-diy-deployment', 'usun-human-rights-statement'], 'a saved page is named by its file, like an article file');
  t.match(slugs[0], /^post-[0-9a-f]{16}$/, 'a JSON line without an id: derived from its URL');
  const diy = rows.find((r) => r.slug === 'faims-diy-deployment')!;
  t.equal(diy.file, join(dir, 'faims-diy-deployment.html'));
  t.ok(diy.body.startsWith('Team of undergraduate students deploy their own FAIMS module\n\nAn interdisciplinary team'), 'the stored body is the extracted text');
  t.ok(diy.body.endsWith('We are looking forward to reading more about their exciting project!'));
  const said = db.prepare("SELECT s.text, a.name FROM statements s JOIN actors a ON a.id = s.speaker_id JOIN articles ar ON ar.id = s.article_id WHERE ar.slug = 'faims-diy-deployment'").all() as { text: string; name: string }[];
  t.ok(said.some((s) => /increased efficiency of data entry/.test(s.text) && /VanValkenburgh/.test(s.name)), `the quotation in the blog post is VanValkenburgh's (${JSON.stringify(said)})`);
  const checked = checkSpans(t, db);
  t.ok(checked >= 3, `${checked} statement and claim spans slice the stored bodies exactly`);

  const again = new Ingester(db).ingestPaths([dir]);
  t.match(again, { added: 0, replaced: 0, unchanged: 4 }, 'ingesting the same files again changes nothing');

  const there = openInMemory();
  const parallel = await new Ingester(there).ingestPathsParallel([dir], { workers: 2 });
  t.same(parallel, report, 'the same report from worker threads');
  t.same(articles(there).map(({ file: _f, ...r }) => r), rows.map(({ file: _f, ...r }) => r), 'and the same articles');
});

/** A local web server for the fetching tests: `routes` maps a path to a handler. */
async function serve(t: Test, routes: Record<string, (res: import('node:http').ServerResponse) => void>): Promise<{ base: string; hits: Map<string, number> }> {
  const hits = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>Not found</h1></body></html>');
      return;
    }
    route(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const html = (body: Buffer | string, type = 'text/html; charset=utf-8') => (res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': type }).end(body);
const redirect = (to: string, status = 302) => (res: import('node:http').ServerResponse) => res.writeHead(status, { location: to }).end();

t.test('fetching: redirects followed to a limit, a timeout, a 404, a huge body, a wrong content type, only http(s)', async (t) => {
  const { base } = await serve(t, {
    '/news/diy': html(page('faims-diy-deployment.html')),
    '/old/diy': redirect('/moved/diy', 301),
    '/moved/diy': redirect('/news/diy'),
    '/loop': redirect('/loop'),
    '/slow': () => undefined, // never answers
    '/huge': (res) => {
      // no Content-Length: the only way to know is to count what arrives
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    },
    '/declared-huge': (res) => res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) }).end(),
    '/report.pdf': html(Buffer.from('%PDF-1.4 ...'), 'application/pdf'),
    '/blog': html(page('faims-blog-index.html')),
  });
  const limits = { ...DEFAULT_FETCH_LIMITS, timeoutMs: 10_000, maxBytes: 1024 * 1024 };
  const followed = await fetchUrl(`${base}/old/diy`, 'text/html', limits);
  t.match(followed, { url: `${base}/news/diy`, status: 200, contentType: 'text/html; charset=utf-8' }, 'two redirects followed');
  t.equal(followed.bytes.length, page('faims-diy-deployment.html').length);

  const db = openInMemory();
  const ingester = new Ingester(db);
  const urls = ['/old/diy', '/loop', '/missing', '/huge', '/declared-huge', '/report.pdf', '/blog'].map((p) => base + p);
  const sources = await urlSources([...urls, 'ftp://127.0.0.1/file', 'not a url'], { reader: ingester.pageReader(), limits });
  // a server that never answers costs the timeout, not forever
  const started = performance.now();
  sources.splice(2, 0, ...(await urlSources([`${base}/slow`], { reader: ingester.pageReader(), limits: { ...limits, timeoutMs: 300 } })));
  t.ok(performance.now() - started < 3000, `gave up after ${Math.round(performance.now() - started)} ms`);
  const report = ingester.ingestSources(sources);
  t.same(
    report.failed.map((f) => [f.path.replace(base, ''), f.reason]),
    [
      ['/loop', `more than 5 redirects (last to /loop)`],
      ['/slow', 'no complete answer within 0.3 s'],
      ['/missing', 'not an article: the server answered HTTP 404'],
      ['/huge', 'the page is over the 1.0 MB limit'],
      ['/declared-huge', 'the page is 50.0 MB, over the 1.0 MB limit'],
      ['/report.pdf', 'not a web page: the server sent application/pdf'],
      ['/blog', 'not an article: too little article text (157 characters): an index, error, login or paywall page?'],
      ['ftp://127.0.0.1/file', 'only http and https URLs are fetched, not ftp'],
      ['not a url', 'not a URL'],
    ],
    'each refused with its URL and the reason',
  );
  t.match(report, { files: 10, added: 1 });
  t.same(articles(db).map((r) => [r.title, r.url, r.file]), [['Brown University archaeologists create an artifact recording module using FAIMS Mobile', 'https://www.fedarch.org//news/DIY_deployment/', null]], 'only the article, under the URL the page declares');
});

t.test('the same URL fetched again: unchanged is a no-op, changed content replaces the article and keeps its id; a saved page with that URL too', async (t) => {
  let version = page('faims-diy-deployment.html').toString('utf8');
  const { base } = await serve(t, { '/diy': (res) => html(version)(res) });
  const db = openInMemory();
  const ingester = new Ingester(db);
  const fetchAndIngest = async () => ingester.ingestSources(await urlSources([`${base}/diy?utm_source=feed`], { reader: ingester.pageReader() }));
  t.match(await fetchAndIngest(), { added: 1 });
  const [first] = articles(db);
  t.match(await fetchAndIngest(), { unchanged: 1, added: 0 });
  version = version.replace('We are looking forward to reading more about their exciting project!', 'We are looking forward to reading more about their exciting project! “It works,” VanValkenburgh said on Monday.');
  t.match(await fetchAndIngest(), { replaced: 1, added: 0 });
  const [second, ...more] = articles(db);
  t.same(more, [], 'still one article');
  t.equal(second.id, first.id, 'the same row id');
  t.equal(second.slug, first.slug, 'the same public id');
  t.match(second.body, /“It works,” VanValkenburgh said on Monday\.$/, 'the new text');
  checkSpans(t, db);
});

t.test('feeds: items carrying their story are read from the feed; others are fetched from their link, and not again once stored', async (t) => {
  const rss = readFileSync(fixture('feeds', 'faims-rss.xml'));
  const atom = readFileSync(fixture('feeds', 'faims-atom.xml'));
  // a feed of links only, as many news sites publish: its items point at pages on this server
  const linksFeed = (base: string) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Links</title><link>${base}/</link>
    <item><title>DIY approach</title><link>${base}/news/diy</link><description>Team of undergraduate students deploy their own FAIMS module</description><pubDate>Mon, 19 Sep 2016 00:00:00 +1000</pubDate></item>
    <item><title>Gone</title><link>${base}/news/gone</link><description>A story that was taken down.</description></item>
    <item><title>Statement</title><link>${base}/news/statement</link></item></channel></rss>`;
  let baseUrl = '';
  const { base, hits } = await serve(t, {
    '/feed.xml': html(rss, 'application/rss+xml; charset=utf-8'),
    '/atom.xml': html(atom, 'application/atom+xml'),
    '/links.xml': (res) => html(linksFeed(baseUrl), 'application/xml')(res),
    '/news/diy': html(page('faims-diy-deployment.html')),
    '/news/statement': html(page('usun-human-rights-statement.html')),
    '/not-a-feed.xml': html('<html><body>Sorry</body></html>', 'text/html'),
  });
  baseUrl = base;
  const db = openInMemory();
  const ingester = new Ingester(db);
  const options = { reader: ingester.pageReader(), maxBytes: 5 * 1024 * 1024, isStored: (url: string) => ingester.storedUrl(url) !== null };

  // the fixture feeds' three short items link to the blog's site: a test fetches nothing but this server
  const contentOnly = { ...options, fetchLinks: false };
  const fromRss = await feedSources(`${base}/feed.xml`, contentOnly);
  t.equal(fromRss.skipped, 3, 'three items carry only a few lines: their links would be fetched');
  const report = ingester.ingestSources(fromRss.sources);
  t.match(report, { files: 7, added: 7, failed: [] }, 'seven items carry their story');
  const perachora = articles(db)[0];
  t.match(perachora, { title: 'Perachora project puts FAIMS Mobile to test', url: 'https://www.fedarch.org/news/Perachora/', published_at: '2020-02-02', source: 'FAIMS Project' });
  t.ok(perachora.body.endsWith('We are ready for the next season!'));

  const fromAtom = ingester.ingestSources((await feedSources(`${base}/atom.xml`, contentOnly)).sources);
  t.match(fromAtom, { added: 0, replaced: 0, unchanged: 7 }, 'the Atom feed of the same blog: the same URLs and the same content (its dates carry the same days), so nothing to do');
  t.equal(articles(db).length, 7);
  t.equal(articles(db)[0].id, perachora.id);

  const links = await feedSources(`${base}/links.xml`, options);
  const linked = ingester.ingestSources(links.sources);
  t.match(linked, { added: 2 });
  t.same(linked.failed.map((f) => [f.path.replace(base, ''), f.reason]), [['/news/gone', 'not an article: the server answered HTTP 404']]);
  t.equal(hits.get('/news/diy'), 1);
  const again = await feedSources(`${base}/links.xml`, options);
  t.equal(again.skipped, 2, 'the two stored items are not fetched again');
  t.equal(hits.get('/news/diy'), 1, 'no second request for a stored item');
  t.equal(hits.get('/news/gone'), 2, 'the one that failed is tried again');
  t.match(ingester.ingestSources(again.sources), { added: 0, failed: [{ path: `${base}/news/gone` }] });
  const forced = await feedSources(`${base}/links.xml`, { ...options, force: true });
  t.equal(forced.skipped, 0, '--force fetches them all');

  // a bad feed is one failing input named by its URL or path, not an exception
  const broken = await feedSources(`${base}/not-a-feed.xml`, options);
  t.equal(broken.sources[0].label, `${base}/not-a-feed.xml`);
  t.throws(() => broken.sources[0].load(), { message: /not an RSS or Atom feed/ });
  const missingFile = await feedSources('/no/such/feed.xml', options);
  t.throws(() => missingFile.sources[0].load(), { message: 'no such file' });
  const fromFile = await feedSources(fixture('feeds', 'faims-rss.xml'), contentOnly);
  t.match(fromFile, { skipped: 3 }, 'a feed saved as a file');
  t.equal(fromFile.sources.length, 7);
  checkSpans(t, db);
});

t.test('a JSON line must hold an object of strings; unknown fields of news API exports are ignored', async (t) => {
  const dir = articleDir({
    'export.jsonl': [
      JSON.stringify({ title: 'Ruritania talks resume', body: 'Ana Lima said the talks would resume on Monday.', publishedAt: 'ignored', author: 'x', url: 'https://example.test/a' }),
      '[1, 2]',
      JSON.stringify({ title: 42, body: 'x' }),
      JSON.stringify({ title: 'No body' }),
      '',
      JSON.stringify({ title: 'Both', body: 'a', html: '<p>b</p>' }),
    ].join('\n'),
  });
  writeFileSync(join(dir, 'empty.jsonl'), '\n\n');
  const db = openInMemory();
  const report = new Ingester(db).ingestPaths([dir]);
  t.same(
    report.failed.map((f) => [f.path.slice(dir.length + 1), f.reason]),
    [
      ['empty.jsonl', 'the file holds no JSON lines'],
      ['export.jsonl:2', 'each line must hold a JSON object'],
      ['export.jsonl:3', '"title" must be a string, got 42'],
      ['export.jsonl:4', 'give the article text, or both title and body, or its web page as html'],
      ['export.jsonl:6', 'give either the article text, or its title and body, or its web page as html; not body and html'],
    ],
  );
  t.same(articles(db).map((r) => [r.title, r.url]), [['Ruritania talks resume', 'https://example.test/a']]);
});
