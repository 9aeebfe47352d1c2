// The real server process: graceful shutdown on SIGTERM finishes requests in flight, bad settings are refused; and the
// timeouts a slow client meets, set on Node's server and answered as problems. Nothing here waits on a timer: each
// step waits for what the server says (its log, its answers).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { Ingester } from '../src/ingest/ingest.js';
import { projectPath } from '../src/paths.js';
import { openForRead, openForWrite } from '../src/store/db.js';
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

/** Resolves once the server's output matches `pattern` at least `times` times. */
function logged(server: Server, child: ChildProcess, pattern: RegExp, times = 1): Promise<void> {
  const every = new RegExp(pattern.source, 'g');
  return new Promise((resolve) => {
    const check = () => {
      if ((server.output().match(every)?.length ?? 0) >= times) {
        child.stdout!.off('data', check);
        child.stderr!.off('data', check);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    check();
  });
}

/** Connects once: 'connected' or the error code. */
const tryConnect = (port: number) =>
  new Promise<string>((resolve) => {
    const probe = connect(port, '127.0.0.1');
    probe.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    probe.on('connect', () => {
      probe.destroy();
      resolve('connected');
    });
  });

t.test(
  'SIGTERM: new connections are refused, the request in flight is finished, then the process exits 0',
  async (t) => {
    const server = await startServer({ WHOSAID_INGEST_TOKEN: TOKEN });
    // one article first, so the request in flight does not wait for the extraction worker to load: this is about
    // shutting down, and loading took most of the 10 s the server allows itself to stop on a loaded machine
    const warm = await fetch(`http://127.0.0.1:${server.port}/v1/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Early news', body: 'The minister said the bridge would reopen.' }),
    });
    t.equal(warm.status, 201, 'an article before the signal');
    const body = JSON.stringify({
      title: 'Late news',
      body: '"We are still here," the minister said on Monday.',
      url: 'https://example.test/late',
    });
    const socket = connect(server.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    const response = readResponse(socket);
    // the request starts, with half of its body, and the server has it (its log says so)...
    socket.write(
      `POST /v1/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`,
    );
    // (the warm-up logged the first "incoming request": this one is the second)
    await logged(server, server.child, /incoming request/, 2);
    server.child.kill('SIGTERM');
    await logged(server, server.child, /shutting down/);
    // ...the server is shutting down: it stops listening (a probe that still got in is closed again, or reset when it
    // was still in the listening socket's queue), then refuses
    const gotIn = (code: string) => code === 'connected' || code === 'ECONNRESET';
    let refused = await tryConnect(server.port);
    for (let tries = 0; gotIn(refused) && tries < 1000; tries++) refused = await tryConnect(server.port);
    t.equal(refused, 'ECONNREFUSED', 'no new connections once SIGTERM arrived');
    t.equal(server.child.exitCode, null, 'still running while a request is in flight');
    // ...and the rest of the body arrives: the request completes
    socket.write(body.slice(20));
    const res = await response;
    t.equal(res.status, 201, 'the request in flight got its answer');
    t.match(JSON.parse(res.body), { outcome: 'added', article: { title: 'Late news' } });
    t.equal(await server.exit, 0, 'then the process exited cleanly');
    t.match(server.output(), /shutting down/);
  },
);

t.test("the timeouts are set on Node's server, and a client Node times out gets a 408 problem", async (t) => {
  const db = openForRead(file);
  const app = await buildApp({ db, timeouts: { requestTimeoutMs: 1000, connectionTimeoutMs: 1500 } });
  t.teardown(async () => {
    await app.close();
    db.close();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const server = app.server;
  t.same(
    {
      request: server.requestTimeout,
      headers: server.headersTimeout,
      idle: server.timeout,
      keepAlive: server.keepAliveTimeout,
    },
    { request: 1000, headers: 1000, idle: 1500, keepAlive: 1500 },
    'WHOSAID_REQUEST_TIMEOUT_MS bounds the request and its headers; WHOSAID_CONNECTION_TIMEOUT_MS an idle connection',
  );
  // Node's check of its connections emits clientError with ERR_HTTP_REQUEST_TIMEOUT for a request not whole in time:
  // emitted here on the request's own socket when the test says, rather than a second later
  const port = (server.address() as { port: number }).port;
  const accepted = new Promise<Socket>((resolve) => server.once('connection', resolve));
  const slow = connect(port, '127.0.0.1');
  const answer = readResponse(slow);
  const closed = new Promise((resolve) => slow.once('close', resolve));
  slow.write('GET /v1/statements HTTP/1.1\r\nHost: x\r\n'); // and never the blank line that ends the headers
  const timeout = Object.assign(new Error('request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
  server.emit('clientError', timeout, await accepted);
  const res = await answer;
  t.equal(res.status, 408);
  t.same(JSON.parse(res.body), {
    type: 'urn:whosaid:problem:request-timeout',
    title: 'Request timeout',
    status: 408,
    detail: 'the request did not arrive in time',
  });
  await closed;
  t.pass('and the server closed the connection');
});

t.test('bad settings stop the server with a message, not a stack trace', async (t) => {
  for (const [env, message] of [
    [{ WHOSAID_INGEST_TOKEN: 'short' }, /WHOSAID_INGEST_TOKEN must be at least 16 characters/],
    [{ WHOSAID_RATE_LIMIT: 'lots' }, /WHOSAID_RATE_LIMIT must be a whole number, got "lots"/],
    [{ WHOSAID_RESPONSE_CACHE_MB: '-1' }, /WHOSAID_RESPONSE_CACHE_MB must be a whole number, got "-1"/],
    [{ WHOSAID_DB_CACHE_MB: '1e9x' }, /WHOSAID_DB_CACHE_MB must be a whole number, got "1e9x"/],
  ] as const) {
    const child = spawn(process.execPath, ['--import', 'tsx', projectPath('src/server.ts')], {
      cwd: projectPath(),
      env: { ...process.env, WHOSAID_DB: file, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    t.equal(code, 1, JSON.stringify(env));
    t.match(out, message);
    t.notMatch(out, /^\s+at /m, 'no stack trace');
  }
});
