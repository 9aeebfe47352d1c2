// Entry point of `npm start`: builds the database from data/articles when missing, opens it read-only and listens (WORKERS processes).

import cluster from 'node:cluster';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AppOptions } from './app.js';
import {
  ConfigError,
  facetRowsFromEnv,
  httpOptionsFromEnv,
  ingestFromEnv,
  memoryFromEnv,
  rateLimitFromEnv,
  timeoutsFromEnv,
} from './config.js';
import { projectPath } from './paths.js';
import { DatabaseError, type DB, openForRead, openForWrite } from './store/db.js';

// The HTTP app, the extractor and the ingester are imported only where needed: a primary that forks workers
// serves nothing, and a server on an existing database never extracts, so neither pays for loading them.

/** Builds a database from the article folder into a temporary file, renamed into place only when complete. */
async function buildDatabase(file: string, articles: string): Promise<void> {
  const { Ingester } = await import('./ingest/ingest.js');
  const tmp = `${file}.building-${process.pid}`;
  const db = openForWrite(tmp);
  try {
    const report = new Ingester(db).ingestPaths([articles]);
    for (const f of report.failed) console.error(`whosaid: skipped ${f.path}: ${f.reason}`);
    console.error(`whosaid: built ${file} from ${articles}: ${report.added} articles, ${report.statements} statements`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  renameSync(tmp, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
}

/** WORKERS: how many server processes share the port (default one per core); each opens the database read-only. */
function workerCount(): number {
  const value = process.env.WORKERS;
  const n = value === undefined || value === '' ? availableParallelism() : Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`whosaid: WORKERS must be a whole number of processes, 1 or more, got "${value}"`);
    process.exit(1);
  }
  return n;
}

/**
 * The primary process of a multi-worker server: forks the workers, replaces one that dies while serving, and on
 * SIGTERM/SIGINT passes the signal on so each worker finishes its requests in flight, then exits when all have.
 */
function supervise(workers: number): void {
  let stopping = false;
  const listening = new Set<number>();
  const fork = () =>
    cluster.fork().on('listening', function (this: ReturnType<typeof cluster.fork>) {
      listening.add(this.id);
    });
  cluster.on('exit', (worker, code, signal) => {
    const alive = Object.keys(cluster.workers ?? {}).length;
    if (stopping) {
      if (alive === 0) process.exit(0);
      return;
    }
    // a worker that never started listening (bad port, bad database) would fail again: stop rather than loop
    if (!listening.has(worker.id)) {
      console.error(
        `whosaid: worker ${worker.process.pid} exited before listening (${signal ?? `code ${code}`}); stopping`,
      );
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (alive === 0) process.exit(1);
      return;
    }
    console.error(`whosaid: worker ${worker.process.pid} died (${signal ?? `code ${code}`}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let i = 0; i < workers; i++) fork();
}

async function main(): Promise<void> {
  const file = process.env.WHOSAID_DB ?? projectPath('data', 'whosaid.db');
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const workers = cluster.isPrimary ? workerCount() : 1;
  let db: DB;
  let ingestDb: DB | undefined;
  let options: Omit<AppOptions, 'db' | 'logger'>;
  try {
    // every setting is read here, so a bad value stops the start with a message
    const env = process.env;
    const memory = memoryFromEnv(env);
    options = {
      rateLimit: rateLimitFromEnv(env),
      timeouts: timeoutsFromEnv(env),
      http: httpOptionsFromEnv(env),
      facetRows: facetRowsFromEnv(env),
    };
    const ingest = ingestFromEnv(env);
    if (cluster.isPrimary && !existsSync(file))
      await buildDatabase(file, process.env.WHOSAID_ARTICLES ?? projectPath('data', 'articles'));
    // the write connection (only with a token) opens first: it applies migrations the read-only one would refuse
    if (ingest) {
      ingestDb = openForWrite(file);
      options.ingest = { ...ingest, db: ingestDb, startWorkers: true };
    }
    db = openForRead(file, { cacheMb: memory.dbCacheMb });
    // the primary only checks the database and the settings; the workers serve
    if (workers > 1) {
      db.close();
      ingestDb?.close();
      return supervise(workers);
    }
  } catch (err) {
    if (err instanceof DatabaseError || err instanceof ConfigError) {
      console.error(`whosaid: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const { buildApp } = await import('./app.js');
  const app = await buildApp({ db, logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...options });
  // Graceful: stop accepting connections, let requests in flight finish, then exit; give up after a grace period.
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('requests still in flight after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    db.close();
    ingestDb?.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  try {
    await app.listen({ port, host });
  } catch (err) {
    console.error(
      `whosaid: cannot listen on ${host}:${port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
    process.exit(1);
  }
}

await main();
