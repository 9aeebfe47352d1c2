// Entry point of `npm start`: builds the database from data/articles when missing, opens it read-only and listens.

import { existsSync, renameSync, rmSync } from 'node:fs';
import { buildApp } from './http/app.js';
import { rateLimitFromEnv, timeoutsFromEnv } from './http/security.js';
import { Ingester } from './ingest/ingest.js';
import { DatabaseError, openForRead, openForWrite } from './store/db.js';
import { projectPath } from './paths.js';

/** Builds a database from the article folder into a temporary file, renamed into place only when complete. */
function buildDatabase(file: string, articles: string): void {
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

async function main(): Promise<void> {
  const file = process.env.WHOSAID_DB ?? projectPath('data', 'whosaid.db');
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  let db;
  try {
    if (!existsSync(file)) buildDatabase(file, process.env.WHOSAID_ARTICLES ?? projectPath('data', 'articles'));
    db = openForRead(file);
  } catch (err) {
    if (err instanceof DatabaseError) {
      console.error(`whosaid: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  let limits;
  try {
    limits = { rateLimit: rateLimitFromEnv(), timeouts: timeoutsFromEnv() };
  } catch (err) {
    console.error(`whosaid: ${(err as Error).message}`);
    process.exit(1);
  }
  const app = await buildApp({ db, logger: { level: process.env.LOG_LEVEL ?? 'info' }, ...limits });
  // Graceful: stop accepting connections, let requests in flight finish, then exit; give up after a grace period.
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => {
      app.log.error('requests still in flight after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close('SIGTERM'));
  process.once('SIGINT', () => void close('SIGINT'));
  try {
    await app.listen({ port, host });
  } catch (err) {
    console.error(`whosaid: cannot listen on ${host}:${port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    process.exit(1);
  }
}

await main();
