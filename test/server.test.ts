// The real server process: graceful shutdown on SIGTERM finishes requests in flight, slow clients time out, bad settings are refused.

import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ingester } from '../src/ingest/ingest.js';
import { openForWrite } from '../src/store/db.js';
import { projectPath } from '../src/paths.js';
import { SEED } from './helpers.js';

const TOKEN = 'server-test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'whosaid-server-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'w.db');
const seed = openForWrite(file);
new Ingester(seed).ingestPaths([SEED]);
seed.close();

interface Server {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

/** Starts `src/server.ts` on a free port and waits for it to listen. */
function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/server.ts')], {
    cwd: projectPath(),
    // one process: this is a server's own shutdown (with WORKERS the primary passes the signal on to each)
    env: { ...process.env, WHOSAID_DB: file, PORT: '0', LOG_LEVEL: 'info', WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    const onData = (c: Buffer) => {
      out += c;
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, port: Number(m[1]), output: () => out, exit });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening: ${out}`));
    });
  });
}

/** Reads a whole HTTP response from a socket (the server closes it or sends Content-Length bytes). */
function readResponse(socket: Socket): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    let data = '';
    const done = () => resolve({ status: Number(data.split(' ')[1]), body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    socket.on('data', (c) => {
      data += c;
      const end = data.indexOf('\r\n\r\n');
      const length = /content-length: *(\d+)/i.exec(data.slice(0, end));
      if (end >= 0 && length && Buffer.byteLength(data.slice(end + 4)) >= Number(length[1])) done();
    });
    socket.on('close', done);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

t.test('SIGTERM: new connections are refused, the request in flight is finished, then the process exits 0', async (t) => {
  const server = await startServer({ WHOSAID_INGEST_TOKEN: TOKEN });
  // one article first, so the request in flight does not wait for the extraction worker to load: this is about
  // shutting down, and loading took most of the 10 s the server allows itself to stop on a loaded machine
  const warm = await fetch(`http://127.0.0.1:${server.port}/v1/articles`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Early news', body: 'The minister said the bridge would reopen.' }) });
  t.equal(warm.status, 201, 'an article before the signal');
  const body = JSON.stringify({ title: 'Late news', body: '"We are still here," the minister said on Monday.', url: 'https://example.test/late' });
  const socket = connect(server.port, '127.0.0.1');
  await new Promise((r) => socket.once('connect', r));
  const response = readResponse(socket);
  // the request starts, with half of its body...
  socket.write(`POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
  await sleep(300);
  server.child.kill('SIGTERM');
  await sleep(500);
  // ...the server is shutting down: a new connection is refused
  const refused = await new Promise<string>((resolve) => {
    const probe = connect(server.port, '127.0.0.1');
    probe.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    probe.on('connect', () => {
      probe.destroy();
      resolve('connected');
    });
  });
  t.equal(refused, 'ECONNREFUSED', 'no new connections once SIGTERM arrived');
  t.equal(server.child.exitCode, null, 'still running while a request is in flight');
  // ...and the rest of the body arrives: the request completes
  socket.write(body.slice(20));
  const res = await response;
  t.equal(res.status, 201, 'the request in flight got its answer');
  t.match(JSON.parse(res.body), { outcome: 'added', article: { title: 'Late news' } });
  t.equal(await server.exit, 0, 'then the process exited cleanly');
  t.match(server.output(), /shutting down/);
});

t.test('a client too slow to send its request gets a 408 problem, so does one that sends nothing; idle connections are closed', async (t) => {
  const server = await startServer({ WHOSAID_REQUEST_TIMEOUT_MS: '1000', WHOSAID_CONNECTION_TIMEOUT_MS: '1500' });
  t.teardown(() => server.child.kill('SIGKILL'));
  const slow = connect(server.port, '127.0.0.1');
  await new Promise((r) => slow.once('connect', r));
  const answer = readResponse(slow);
  slow.write('GET /v1/statements HTTP/1.1\r\nHost: x\r\n'); // and never the blank line that ends the headers
  const started = Date.now();
  const res = await answer;
  t.equal(res.status, 408, `408 after ${Date.now() - started} ms`);
  t.match(JSON.parse(res.body), { type: 'urn:whosaid:problem:request-timeout', status: 408 });

  const idle = connect(server.port, '127.0.0.1');
  await new Promise((r) => idle.once('connect', r));
  let said = '';
  const closedAfter = await new Promise<number>((resolve) => {
    const t0 = Date.now();
    idle.on('data', (c) => (said += c));
    idle.on('close', () => resolve(Date.now() - t0));
    idle.on('error', () => undefined);
  });
  t.ok(closedAfter < 10_000, `a connection that sends nothing was closed after ${closedAfter} ms`);
  t.match(said, /^HTTP\/1\.1 408 /, 'with a 408 too');

  // a keep-alive connection left idle after its answer is closed after WHOSAID_CONNECTION_TIMEOUT_MS
  const kept = connect(server.port, '127.0.0.1');
  await new Promise((r) => kept.once('connect', r));
  const first = readResponse(kept);
  kept.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
  t.equal((await first).status, 200);
  const t0 = Date.now();
  await new Promise((r) => kept.on('close', r));
  t.ok(Date.now() - t0 < 10_000, `the idle keep-alive connection was closed after ${Date.now() - t0} ms (Node's own keep-alive timeout would hold it 72 s)`);
});

t.test('bad settings stop the server with a message, not a stack trace', async (t) => {
  for (const [env, message] of [
    [{ WHOSAID_INGEST_TOKEN: 'short' }, /WHOSAID_INGEST_TOKEN must be at least 16 characters/],
    [{ WHOSAID_RATE_LIMIT: 'lots' }, /WHOSAID_RATE_LIMIT must be a whole number, got "lots"/],
    [{ WHOSAID_RESPONSE_CACHE_MB: '-1' }, /WHOSAID_RESPONSE_CACHE_MB must be a whole number, got "-1"/],
    [{ WHOSAID_DB_CACHE_MB: '1e9x' }, /WHOSAID_DB_CACHE_MB must be a whole number, got "1e9x"/],
  ] as const) {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/server.ts')], { cwd: projectPath(), env: { ...process.env, WHOSAID_DB: file, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    t.equal(code, 1, JSON.stringify(env));
    t.match(out, message);
    t.notMatch(out, /^\s+at /m, 'no stack trace');
  }
});
