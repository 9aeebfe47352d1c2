// The ingest command and the server under bad input: broken article files, re-ingest, and corrupt or foreign database files.

import t from 'tap';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Ingester } from '../../src/ingest/ingest.js';
import { openForWrite } from '../../src/store/db.js';
import { projectPath } from '../../src/paths.js';
import { article } from '../helpers.js';
import { dump, openFile } from '../dbcheck.js';

const dir = mkdtempSync(join(tmpdir(), 'whosaid-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

function ingest(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', projectPath('src/cli/ingest.ts'), ...args], { cwd: projectPath(), encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dirOf = (d: string) => {
  mkdirSync(d, { recursive: true });
  return d;
};

const STACK = /^\s+at .+:\d+|SqliteError|node:internal/m;

const GOOD_A = article('Ministers meet in Zenda', 'The foreign minister said the talks would resume soon.', 'Officials said the border stays closed.');
const GOOD_B = article('Rain expected', 'The weather service said it would rain on Thursday.');

t.test('broken files are each reported with their path and reason; the good ones still load; exit status 1', async (t) => {
  const articles = join(dir, 'mixed');
  const files: Record<string, string | Buffer> = {
    'good-a.txt': GOOD_A,
    'good-a.meta.json': '{"published": "2024-11-14", "url": "https://example.test/a", "source": "Test Wire"}',
    'good-b.txt': GOOD_B,
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'latin1.txt': Buffer.from('Le Monde\n\nCaf\xe9 cr\xe8me\n\nIl a dit que le caf\xe9 est bon.\n', 'latin1'),
    'empty.txt': '',
    'blank.txt': '\n\n   \n',
    'headline-only.txt': 'Test Wire\n\nA headline and nothing else\n',
    'bad-json.txt': GOOD_B.replace('Rain', 'Snow'),
    'bad-json.meta.json': '{"published": "2024-11-14",',
    'bad-date.txt': GOOD_B.replace('Rain', 'Hail'),
    'bad-date.meta.json': '{"published": "2024-13-01"}',
    'impossible-date.txt': GOOD_B.replace('Rain', 'Fog'),
    'impossible-date.meta.json': '{"published": "2024-02-30"}',
    'meta-array.txt': GOOD_B.replace('Rain', 'Wind'),
    'meta-array.meta.json': '["2024-11-14"]',
    'meta-type.txt': GOOD_B.replace('Rain', 'Sun'),
    'meta-type.meta.json': '{"published": 20241114}',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dirOf(articles), name), content);
  // 50 MB of text: refused by size before it is read
  const big = openSync(join(articles, 'huge.txt'), 'w');
  const chunk = Buffer.from(`${'All work and no play. '.repeat(45)}\n\n`);
  for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(big, chunk);
  closeSync(big);
  symlinkSync('/dev/zero', join(articles, 'device.txt'));

  const db = join(dir, 'mixed.db');
  const r = ingest('--db', db, articles);
  t.equal(r.status, 1, 'exit status 1');
  t.notMatch(r.stderr, STACK, 'no stack trace');
  const reasons: Record<string, RegExp> = {
    'binary.txt': /binary file/,
    'latin1.txt': /not valid UTF-8/,
    'empty.txt': /the file is empty/,
    'blank.txt': /the file is empty/,
    'headline-only.txt': /no article text after the headline/,
    'bad-json.txt': /bad-json\.meta\.json is not valid JSON/,
    'bad-date.txt': /bad-date\.meta\.json: "published" must be a real date as YYYY-MM-DD, got "2024-13-01"/,
    'impossible-date.txt': /"published" must be a real date .* got "2024-02-30"/,
    'meta-array.txt': /meta-array\.meta\.json must hold a JSON object/,
    'meta-type.txt': /"published" must be a string/,
    'huge.txt': /file is 50\.0 MB, over the 5\.0 MB limit/,
    'device.txt': /not a regular file/,
  };
  for (const [name, reason] of Object.entries(reasons)) {
    const line = r.stderr.split('\n').find((l) => l.startsWith(`error: ${join(articles, name)}: `));
    t.match(line, reason, `${name}: ${line ?? 'not reported'}`);
  }
  t.equal(r.stderr.split('\n').filter((l) => l.startsWith('error: ')).length, Object.keys(reasons).length, 'one error line per broken file');
  t.match(r.stdout, /^2 articles ingested \(2 added, 0 replaced, 0 unchanged\), 12 failed;/, r.stdout);
  const conn = openFile(db);
  t.same(conn.prepare('SELECT slug, published_at FROM articles ORDER BY slug').all(), [
    { slug: 'good-a', published_at: '2024-11-14' },
    { slug: 'good-b', published_at: null },
  ], 'exactly the good files are in the database');
  conn.close();
});

t.test('re-ingesting the same files changes nothing; a changed file replaces exactly that article', async (t) => {
  const articles = dirOf(join(dir, 'reingest'));
  writeFileSync(join(articles, 'a.txt'), GOOD_A);
  writeFileSync(join(articles, 'b.txt'), GOOD_B);
  writeFileSync(join(articles, 'c.txt'), article('Markets', 'The central bank said rates would stay where they are.'));
  const db = join(dir, 'reingest.db');
  // the library the command runs, in-process: the command itself is exercised above
  const run = () => {
    const c = openForWrite(db);
    const report = new Ingester(c).ingestPaths([articles]);
    c.close();
    return report;
  };
  t.match(run(), { added: 3, failed: [] });
  const snapshot = () => {
    const c = openFile(db);
    const rows: Record<string, Record<string, unknown>[]> = { ...dump(c), ingested: c.prepare('SELECT slug, ingested_at FROM articles ORDER BY id').all() as Record<string, unknown>[] };
    c.close();
    return rows;
  };
  const first = snapshot();

  t.match(run(), { added: 0, replaced: 0, unchanged: 3, failed: [] });
  t.same(snapshot(), first, 'the same files again: every row as it was, ingest times included');

  writeFileSync(join(articles, 'b.txt'), GOOD_B.replace('on Thursday', 'on Friday, and snow on Saturday'));
  t.match(run(), { added: 0, replaced: 1, unchanged: 2, failed: [] });
  const after = snapshot();
  const byId = (rows: Record<string, unknown>[], id: unknown) => rows.filter((r) => ('article_id' in r ? r.article_id === id : r.id === id));
  const b = first.articles.find((a) => a.slug === 'b')!;
  t.equal(after.articles.find((a) => a.slug === 'b')!.id, b.id, 'the changed article keeps its id');
  t.not(after.articles.find((a) => a.slug === 'b')!.body, b.body, 'and has the new text');
  for (const slug of ['a', 'c']) {
    const before = first.articles.find((a) => a.slug === slug)!;
    t.same(after.articles.find((a) => a.slug === slug), before, `${slug} untouched`);
    for (const table of ['statements', 'claims', 'mentions', 'article_actors', 'article_topics'] as const) {
      t.same(byId(after[table], before.id), byId(first[table], before.id), `${slug}: ${table} untouched`);
    }
    t.same(after.ingested.find((r) => r.slug === slug), first.ingested.find((r) => r.slug === slug), `${slug}: not rewritten`);
  }
});

/** Database files that are not usable whosaid databases, made from a good one. */
function badDatabases(): Record<string, [string, RegExp]> {
  const good = join(dir, 'good.db');
  const articles = dirOf(join(dir, 'for-good'));
  for (let i = 0; i < 20; i++) writeFileSync(join(articles, `n${i}.txt`), article(`Story ${i}`, `Paragraph ${i} said the minister.`, 'More text here.'));
  const conn = openForWrite(good);
  const report = new Ingester(conn).ingestPaths([articles]);
  conn.pragma('wal_checkpoint(TRUNCATE)');
  conn.close();
  if (report.failed.length) throw new Error('could not build a good database');
  const size = statSync(good).size;
  const made: Record<string, [string, RegExp]> = {};
  const copy = (name: string) => {
    const f = join(dir, `${name}.db`);
    copyFileSync(good, f);
    return f;
  };
  const text = join(dir, 'text.db');
  writeFileSync(text, 'this is a text file, not a database\n'.repeat(200));
  made['a text file'] = [text, /is not an SQLite database/];
  const foreign = join(dir, 'foreign.db');
  const f = new Database(foreign);
  f.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES (\'x\')');
  f.close();
  made['another application\'s SQLite database'] = [foreign, /is an SQLite database, but not a whosaid one/];
  const header = copy('header');
  const fd = openSync(header, 'r+');
  writeSync(fd, Buffer.from('garbage garbage garbage'), 0, 23, 0);
  closeSync(fd);
  made['a whosaid database with a broken header'] = [header, /is not an SQLite database \(or it is encrypted or corrupt\)/];
  const truncated = copy('truncated');
  truncateSync(truncated, Math.floor(size / 2));
  made['a whosaid database cut in half'] = [truncated, /is corrupt/];
  return made;
}

t.test('a corrupt or foreign database file: a clear message and exit status 1, from the ingest command and the server', async (t) => {
  const articles = dirOf(join(dir, 'one'));
  writeFileSync(join(articles, 'x.txt'), GOOD_A);
  for (const [what, [file, message]] of Object.entries(badDatabases())) {
    const before = readFileSync(file);
    const r = ingest('--db', file, articles);
    t.equal(r.status, 1, `ingest into ${what}: exit status 1`);
    t.match(r.stderr, new RegExp(`^ingest: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} ${message.source}`), `ingest into ${what}: ${r.stderr.trim()}`);
    t.notMatch(r.stderr, STACK, `ingest into ${what}: no stack trace`);
    t.ok(readFileSync(file).equals(before), `ingest left ${what} as it was`);

    // the server opens files the same way (db.ts): one file that is not a database and one corrupt one show it
    if (!/text file|cut in half/.test(what)) continue;
    const server = spawn(process.execPath, ['--import', 'tsx', projectPath('src/server.ts')], {
      env: { ...process.env, WHOSAID_DB: file, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    server.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => server.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => server.on('exit', resolve));
    clearTimeout(timer);
    t.equal(code, 1, `server on ${what}: exit status 1`);
    t.match(stderr, new RegExp(`^whosaid: .*${message.source}`), `server on ${what}: ${stderr.trim()}`);
    t.notMatch(stderr, STACK, `server on ${what}: no stack trace`);
  }
});

t.test('a page found corrupt in the middle of an ingest stops it with a clear message, not a stack trace', async (t) => {
  const articles = dirOf(join(dir, 'mid'));
  writeFileSync(join(articles, 'new.txt'), GOOD_B);
  const file = join(dir, 'index-corrupt.db');
  copyFileSync(join(dir, 'good.db'), file);
  // overwrite the pages of the slug index, which ingest reads for every article
  const conn = new Database(file);
  const pages = (conn.prepare("SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_articles_1'").all() as { pageno: number }[]).map((r) => r.pageno);
  const pageSize = conn.pragma('page_size', { simple: true }) as number;
  conn.close();
  t.ok(pages.length > 0, 'found the index pages');
  const fd = openSync(file, 'r+');
  for (const p of pages) writeSync(fd, Buffer.alloc(pageSize - 8, 0xa5), 0, pageSize - 8, (p - 1) * pageSize + 8);
  closeSync(fd);
  const r = ingest('--db', file, articles);
  t.equal(r.status, 1);
  t.match(r.stderr, /^ingest: .*index-corrupt\.db is corrupt \(database disk image is malformed\): restore it from a copy.*stopped at .*new\.txt, after 0 of 1 files/);
  t.notMatch(r.stderr, STACK, 'no stack trace');
});
