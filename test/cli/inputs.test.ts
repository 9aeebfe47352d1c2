// The ingest command with web pages, URLs, feeds and JSON Lines: what it prints, what it stores, its exit status.

import t from 'tap';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-inputs-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (...p: string[]) => projectPath('test', 'fixtures', ...p);

/** Runs the ingest command without blocking this process (the test's web server must keep answering). */
function ingest(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', projectPath('src/cli/ingest.ts'), ...args], { cwd: projectPath(), timeout: 240_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

t.test('pages, a JSON Lines file, URLs and a feed in one run: the articles stored, every failure named, exit status 1', async (t) => {
  const files: Record<string, [string, string]> = {
    '/news/diy': ['text/html; charset=utf-8', 'pages/faims-diy-deployment.html'],
    '/statement': ['text/html', 'pages/usun-human-rights-statement.html'],
    '/feed.xml': ['application/rss+xml', 'feeds/faims-rss.xml'],
  };
  const server = createServer((req, res) => {
    const f = files[req.url ?? ''];
    if (req.url === '/moved') res.writeHead(301, { location: '/statement' }).end();
    else if (f) res.writeHead(200, { 'content-type': f[0] }).end(readFileSync(fixture(f[1])));
    else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = join(dir, 'inputs.db');

  const r = await ingest('--db', db, '--workers', '1', fixture('pages', 'faims-diy-deployment.html'), fixture('pages', 'faims-blog-index.html'), fixture('articles.jsonl'), '--url', `${base}/moved`, `${base}/gone`, '--feed', `${base}/feed.xml`, '--feed-content-only');
  t.equal(r.status, 1, 'exit status 1: some inputs failed');
  t.notMatch(r.stderr, /^\s+at .+:\d+/m, 'no stack trace');
  t.match(r.stderr, `error: ${fixture('pages', 'faims-blog-index.html')}: not an article: too little article text`);
  t.match(r.stderr, `error: ${fixture('articles.jsonl')}:2: not valid JSON`);
  t.match(r.stderr, `error: ${fixture('articles.jsonl')}:4: published must be a real date`);
  t.match(r.stderr, `error: ${base}/gone: not an article: the server answered HTTP 404`);
  t.notMatch(r.stderr, /fedarch/, 'the feed items that carry only a summary are not fetched (--feed-content-only)');
  t.match(r.stdout, /^11 articles ingested \(9 added, 2 replaced, 0 unchanged\), 4 failed, 3 feed items not fetched; \d+ statements/m, 'two feed items have the URLs of two JSON lines, with other text: they replace them');
  const conn = new Database(db, { readonly: true });
  t.teardown(() => conn.close());
  const titles = (conn.prepare('SELECT title FROM articles ORDER BY id').all() as { title: string }[]).map((a) => a.title);
  t.same(titles.slice(0, 4), [
    'Brown University archaeologists create an artifact recording module using FAIMS Mobile',
    'Perachora project puts FAIMS Mobile to test',
    'Mapping the lost mining settlements in the Blue Mountains',
    'Statement on Human Rights during the General Debate of the Third Committee of the UN General Assembly',
  ], 'paths in order, then URLs, then the feed');

  t.equal((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 9);

  const cron = await ingest('--db', db, '--workers', '0', '--quiet', '--feed', `${base}/feed.xml`, '--feed-content-only', '--url', `${base}/statement`);
  t.equal(cron.status, 0);
  t.match(cron.stdout, /^8 articles ingested \(0 added, 0 replaced, 8 unchanged\), 0 failed, 3 feed items not fetched; /m, 'the same feed and page again: nothing to do');
  t.equal((conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 9, 'and nothing new stored');

  const usage = await ingest('--timeout', 'soon');
  t.equal(usage.status, 2);
  t.match(usage.stderr, /--timeout must be a positive number of seconds, got "soon"/);
});
