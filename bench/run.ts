// `npm run bench`: our server against the Fastify ceilings at about 10k, 100k and 1M statements, plus ingest, size, memory and start-up figures.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { projectPath } from '../src/paths.js';
import { openForRead, storageByTable } from '../src/store/db.js';
import { CACHE_DIR, corpusDatabase, type CorpusDb } from './corpus-db.js';
import type { IngestFigures } from './ingest.js';
import type { LoadJob, LoadResult } from './load.js';
import { buildMix, type MixRow } from './mix.js';
import { START_ARGS } from './start.js';

const env = process.env;
const SIZES = (env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const SECONDS = Number(env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const ROWS = env.BENCH_ROWS ? new Set(env.BENCH_ROWS.split(',')) : null;
const INGEST_ARTICLES = Number(env.BENCH_INGEST_ARTICLES ?? 2000);
const SCALING_ROWS = ['statement by id', 'by speaker', 'full text q', 'page 1000'];
const SERVER_PORT = 3801;
const CEILING_PORT = 3802;
/** The same server with its response cache off: what a request costs when its answer has to be made. */
const UNCACHED_PORT = 3803;
const TSX = projectPath('node_modules', '.bin', 'tsx');

const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RowResult {
  endpoint: string;
  statements: number;
  pending?: string;
  urls: number;
  ours?: LoadResult;
  uncached?: LoadResult;
  sameBytes?: LoadResult;
  hello?: number;
  meanBytes?: number;
}

interface SizeResult {
  target: number;
  db: CorpusDb;
  bytesPerStatement: number;
  tables: Record<string, number>;
  startupMs: number[];
  rssMb: { afterWarmup: number; afterRun: number };
  helloRps: number;
  rows: RowResult[];
}

// ---------- processes ----------

function startServer(db: string, workers: number, { port = SERVER_PORT, cache = true } = {}): { child: ChildProcess; started: number } {
  const started = performance.now();
  const cacheEnv = cache ? {} : { WHOSAID_RESPONSE_CACHE_MB: '0' };
  const child = spawn(process.execPath, START_ARGS, {
    env: { ...env, WHOSAID_DB: db, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', WORKERS: String(workers), WHOSAID_RATE_LIMIT: '0', ...cacheEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return { child, started };
}

/** Milliseconds from spawn to the first answered request. */
async function firstAnswer(started: number, path: string, port = SERVER_PORT): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      await res.arrayBuffer();
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(2);
  }
}

/** A GET with only the Host header, like autocannon's requests (fetch would add Accept and Accept-Encoding). */
function plainGet(port: number, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000)]);
}

/** RSS of a process and its children (the workers), in MB. */
function rssMb(pid: number): number {
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
  let total = kb(pid);
  try {
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) total += kb(Number(child));
  } catch {
    // no children file: single process
  }
  return total / 1024;
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as T) : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function load(port: number, paths: string[], seconds = SECONDS): Promise<LoadResult> {
  const job: LoadJob = { url: `http://127.0.0.1:${port}`, paths, connections: CONNECTIONS, seconds };
  const file = join(CACHE_DIR, `load-job-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(job));
  return runChild<LoadResult>([projectPath('bench', 'load.ts'), file]);
}

async function startCeiling(bodies: Record<string, string>): Promise<ChildProcess> {
  const file = join(CACHE_DIR, `ceiling-bodies-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(bodies));
  const child = spawn(TSX, [projectPath('bench', 'ceiling.ts'), String(CEILING_PORT), file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve) => child.once('message', resolve));
  return child;
}

// ---------- one corpus size ----------

async function benchSize(target: number): Promise<{ size: SizeResult; scaling?: Record<string, [number, number]> }> {
  log(`\n== about ${target.toLocaleString('en-US')} statements`);
  const db = corpusDatabase(target, 1, log);
  log(`database ${db.file} (${db.built ? `built in ${db.seconds.toFixed(0)} s` : 'cached'}): ${db.articles} articles, ${db.statements} statements, ${(db.bytes / 1048576).toFixed(1)} MB`);
  const tables = tableSizes(db.file);

  // start-up: three cold starts on the existing database
  const startupMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = startServer(db.file, 1);
    startupMs.push(await firstAnswer(s.started, '/v1/statements?limit=1'));
    await stop(s.child);
  }
  log(`first answer after start: ${startupMs.map((m) => m.toFixed(0)).join(', ')} ms`);

  const server = startServer(db.file, 1);
  await firstAnswer(server.started, '/health');
  const base = `http://127.0.0.1:${SERVER_PORT}`;
  let t = performance.now();
  let mix = await buildMix(base, db.statements);
  log(`mix: ${mix.reduce((n, r) => n + r.paths.length, 0)} URLs over ${mix.length} endpoints, sampled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (ROWS) mix = mix.filter((r) => ROWS.has(r.name));

  // the exact bytes of every answer, for the same-bytes ceiling; a non-200 in the mix is a bug in the mix
  const bodies: Record<string, string> = {};
  const meanBytes = new Map<string, number>();
  for (const row of mix) {
    let total = 0;
    for (const path of row.paths) {
      const res = await fetch(base + path);
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
      bodies[path] = body;
      total += Buffer.byteLength(body);
    }
    meanBytes.set(row.name, row.paths.length ? total / row.paths.length : 0);
  }
  t = performance.now();
  await load(SERVER_PORT, mix.flatMap((r) => r.paths), 3);
  log(`answers recorded and server warmed up in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const afterWarmup = rssMb(server.child.pid!);
  const uncached = startServer(db.file, 1, { port: UNCACHED_PORT, cache: false });
  await firstAnswer(uncached.started, '/health', UNCACHED_PORT);
  await load(UNCACHED_PORT, mix.flatMap((r) => r.paths), 3);
  const ceiling = await startCeiling(bodies);
  const hello = await load(CEILING_PORT, ['/hello']);
  log(`ceiling {"hello":"world"}: ${hello.rps.toFixed(0)} req/s`);

  const rows: RowResult[] = [];
  for (const row of mix) {
    if (row.pending || !row.paths.length) {
      rows.push({ endpoint: row.name, statements: db.statements, urls: 0, pending: row.pending ?? 'no URLs for this size' });
      continue;
    }
    // the mix's answers (about 35 MB at 1M) do not all fit the 16 MB cache: the row's own are kept again first, so
    // "cached" measures answers from memory and "uncached" answers made from the database
    // (with no Accept or Accept-Encoding, as autocannon asks: those headers pick the kept copy)
    for (const path of row.paths) await plainGet(SERVER_PORT, path);
    const ours = await load(SERVER_PORT, row.paths);
    const made = await load(UNCACHED_PORT, row.paths);
    const sameBytes = await load(CEILING_PORT, row.paths);
    for (const [what, r] of [['cached', ours], ['uncached', made]] as const) {
      if (r.non2xx || r.errors) throw new Error(`${row.name} (${what}): ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
    }
    rows.push({ endpoint: row.name, statements: db.statements, urls: row.paths.length, ours, uncached: made, sameBytes, hello: hello.rps, meanBytes: meanBytes.get(row.name) });
    log(`${row.name.padEnd(18)} ${ours.rps.toFixed(0).padStart(6)} req/s  p50 ${ours.p50} ms  p99 ${ours.p99} ms  | uncached ${made.rps.toFixed(0)} req/s p99 ${made.p99} ms | same bytes ${sameBytes.rps.toFixed(0)} req/s`);
  }
  const afterRun = rssMb(server.child.pid!);
  await stop(uncached.child);

  // 1 → 2 workers on the largest corpus, back to back
  let scaling: Record<string, [number, number]> | undefined;
  if (target === Math.max(...SIZES)) {
    scaling = {};
    const subset = mix.filter((r) => SCALING_ROWS.includes(r.name) && r.paths.length);
    for (const row of subset) scaling[row.name] = [(await load(SERVER_PORT, row.paths)).rps, 0];
    await stop(server.child);
    const two = startServer(db.file, 2);
    await firstAnswer(two.started, '/health');
    await load(SERVER_PORT, subset.flatMap((r) => r.paths), 3);
    for (const row of subset) scaling[row.name][1] = (await load(SERVER_PORT, row.paths)).rps;
    await stop(two.child);
  }
  await stop(server.child);
  await stop(ceiling);
  return {
    size: { target, db, bytesPerStatement: db.bytes / db.statements, tables, startupMs, rssMb: { afterWarmup, afterRun }, helloRps: hello.rps, rows },
    scaling,
  };
}

/** Bytes per table and index, to show where the size per statement goes. */
function tableSizes(file: string): Record<string, number> {
  const db = openForRead(file);
  try {
    return storageByTable(db);
  } finally {
    db.close();
  }
}

// ---------- report ----------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const sizeLabel = (n: number) => (n >= 1e6 ? `${fmt(n / 1e6, 2)}M` : `${fmt(n / 1e3, 0)}k`);

function table(sizes: SizeResult[]): string {
  const head = ['endpoint', 'statements', 'URLs', 'req/s', 'p50 ms', 'p99 ms', 'vs hello', 'vs same bytes', 'uncached req/s', 'p50 ms', 'p99 ms', 'vs same bytes', 'bytes/answer'];
  const lines: string[][] = [head];
  const names = [...new Set(sizes.flatMap((s) => s.rows.map((r) => r.endpoint)))];
  for (const name of names) {
    for (const s of sizes) {
      const r = s.rows.find((x) => x.endpoint === name);
      if (!r) continue;
      if (r.pending || !r.ours) {
        lines.push([name, sizeLabel(r.statements), '-', 'pending', '', '', '', '', '', '', '', '', r.pending ?? '']);
        continue;
      }
      lines.push([
        name, sizeLabel(r.statements), String(r.urls), fmt(r.ours.rps), String(r.ours.p50), String(r.ours.p99),
        fmt(r.ours.rps / r.hello!, 2), fmt(r.ours.rps / r.sameBytes!.rps, 2),
        fmt(r.uncached!.rps), String(r.uncached!.p50), String(r.uncached!.p99), fmt(r.uncached!.rps / r.sameBytes!.rps, 2), fmt(r.meanBytes ?? 0),
      ]);
    }
  }
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  return lines.map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const startedAt = new Date().toISOString();
  const load0 = loadavg();
  log(`whosaid benchmark: sizes ${SIZES.join(', ')}, ${SECONDS} s per run, ${CONNECTIONS} connections, ${cpus().length} cores, load average ${load0.map((l) => l.toFixed(1)).join(' ')}`);

  log('\n== ingest (one core, then worker threads)');
  const ingest = await runChild<IngestFigures>([projectPath('bench', 'ingest.ts'), join(CACHE_DIR, `ingest-corpus-${INGEST_ARTICLES}`), String(INGEST_ARTICLES), '1']);

  const sizes: SizeResult[] = [];
  let scaling: Record<string, [number, number]> | undefined;
  for (const target of SIZES) {
    const r = await benchSize(target);
    sizes.push(r.size);
    scaling = r.scaling ?? scaling;
  }

  const out: string[] = [];
  out.push(`whosaid benchmark ${startedAt}: ${CONNECTIONS} connections, ${SECONDS} s per run, server WORKERS=1 (one process), LOG_LEVEL=warn, rate limit off`);
  out.push('req/s, p50, p99: the server as started by default, its response cache warmed by one pass over the row\'s URLs just before the row runs; uncached: the same server with WHOSAID_RESPONSE_CACHE_MB=0, every answer made from the database');
  out.push(`load average at start ${load0.map((l) => l.toFixed(1)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared: compare ratios, not absolutes)`);
  out.push('');
  out.push(table(sizes));
  out.push('');
  const e = ingest.endToEnd;
  const phaseTotal = ingest.phases.read + ingest.phases.extract + ingest.phases.write;
  const share = (x: number) => `${fmt((100 * x) / phaseTotal)}%`;
  out.push(`ingest (npm run ingest's pipeline, one core, ${ingest.articles} generated articles, ${fmt(ingest.megabytes, 1)} MB): ${fmt(e.articlesPerSecond)} articles/s, ${fmt(e.megabytesPerSecond, 2)} MB/s of text per CPU-second (${fmt(ingest.articles / e.wallSeconds)} articles/s wall); extractor found ${fmt(e.statementsPerArticle, 1)} statements/article`);
  out.push(`  time split: read ${share(ingest.phases.read)}, extract ${share(ingest.phases.extract)}, write ${share(ingest.phases.write)}; the writer alone at ${fmt(ingest.writerAtTenStatements.statementsPerArticle, 1)} statements/article: ${fmt(ingest.writerAtTenStatements.articlesPerSecond)} articles/s`);
  out.push(`  extraction in worker threads (npm run ingest's default), wall clock: ${ingest.workers.map((w) => `${w.workers} worker${w.workers > 1 ? 's' : ''} ${fmt(w.articlesPerSecond)} articles/s`).join(', ')} (x${fmt(ingest.workers[ingest.workers.length - 1].articlesPerSecond / (ingest.articles / e.wallSeconds), 2)} the one-thread wall rate)`);
  for (const s of sizes) {
    const top = Object.entries(s.tables).slice(0, 6).map(([n, b]) => `${n} ${fmt(b / s.db.statements)}`).join(', ');
    out.push(`${sizeLabel(s.db.statements)}: database ${fmt(s.bytesPerStatement)} bytes/statement (${fmt(s.db.bytes / 1048576, 1)} MB; largest: ${top}); server RSS ${fmt(s.rssMb.afterWarmup)} MB after warm-up, ${fmt(s.rssMb.afterRun)} MB after the run; first answer ${s.startupMs.map((m) => fmt(m)).join(' / ')} ms after start`);
  }
  if (scaling) {
    out.push(`WORKERS 1 → 2 at ${sizeLabel(sizes[sizes.length - 1].db.statements)}: ${Object.entries(scaling).map(([n, [a, b]]) => `${n} ${fmt(a)} → ${fmt(b)} req/s (x${fmt(b / a, 2)})`).join('; ')}`);
  }
  const text = out.join('\n');
  console.log(`\n${text}`);
  const resultsDir = projectPath('bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ startedAt, settings: { sizes: SIZES, seconds: SECONDS, connections: CONNECTIONS, workers: 1 }, loadAverage: { start: load0, end: loadavg() }, ingest, sizes, scaling, table: text }, null, 1));
  log(`\nwrote ${file}`);
}

await main();
