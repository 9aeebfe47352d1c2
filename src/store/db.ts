// Opens a whosaid SQLite database (WAL, foreign keys) and applies migrations/*.sql tracked by PRAGMA user_version.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_DB_CACHE_MB } from '../config.js';
import { projectPath } from '../paths.js';
import { backfillCopies } from './copies.js';
import { ItemJsonWriter, itemJsonIsCurrent } from './item-json.js';
import { backfillQuotes } from './quotes.js';

export type DB = Database.Database;

export const APPLICATION_ID = 1464357953; // "WHOS", set by migration 001
const QUOTES_MIGRATION = 7;

/** The database cannot be used: wrong file, corrupt, or from a newer whosaid. `message` is for the user. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = projectPath('migrations')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

export const LATEST_VERSION = () => Math.max(0, ...loadMigrations().map((m) => m.version));

function describeOpenError(file: string, err: unknown): DatabaseError {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB')
    return new DatabaseError(`${file} is not an SQLite database (or it is encrypted or corrupt)`);
  if (code === 'SQLITE_CORRUPT') return new DatabaseError(`${file} is corrupt: ${(err as Error).message}`);
  if (code === 'SQLITE_CANTOPEN') return new DatabaseError(`cannot open ${file}: check that it exists and is readable`);
  return new DatabaseError(`cannot open ${file}: ${(err as Error).message}`);
}

/**
 * The DatabaseError for an SQLite failure while using an open database (a page found corrupt, disk full, locked by
 * another writer), so callers can tell the user what is wrong with the file; null for errors that are not SQLite's.
 */
export function databaseFault(db: DB, err: unknown): DatabaseError | null {
  if (!(err instanceof Database.SqliteError)) return null;
  const file = db.name;
  const code = err.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB')
    return new DatabaseError(
      `${file} is corrupt (${err.message}): restore it from a copy, or build a new one by ingesting into another file`,
    );
  if (code === 'SQLITE_FULL') return new DatabaseError(`the disk holding ${file} is full`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DatabaseError(`${file} is locked by another writer; try again when it has finished`);
  if (code.startsWith('SQLITE_READONLY'))
    return new DatabaseError(`${file} cannot be written: check its permissions and those of its folder`);
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN')
    return new DatabaseError(`cannot read or write ${file} (${code}): check the disk`);
  return new DatabaseError(`${file}: ${err.message} (${code})`);
}

/** Checks that an existing file is a whosaid database (or an empty SQLite file), without trusting its contents. */
function checkIdentity(db: DB, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  if (appId !== APPLICATION_ID && tables.n > 0) {
    throw new DatabaseError(
      `${file} is an SQLite database, but not a whosaid one (application_id ${appId}); point --db or WHOSAID_DB at a whosaid database or a new file`,
    );
  }
}

/** Opens for ingest: creates the file if needed, applies pending migrations. */
export function openForWrite(file: string): DB {
  let db: DB;
  try {
    db = new Database(file);
    // identity first: switching to WAL rewrites the header, and another application's file must stay untouched
    checkIdentity(db, file);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    if (err instanceof DatabaseError) throw err;
    throw describeOpenError(file, err);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // statement journals (every INSERT OR IGNORE and trigger-firing insert opens one) in memory rather than in a
  // temporary file: the file writes were a third of ingest's time
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/** Opens for serving: read-only, refuses files that are not an up-to-date whosaid database. */
export function openForRead(file: string, { cacheMb = DEFAULT_DB_CACHE_MB }: { cacheMb?: number } = {}): DB {
  let db: DB;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    checkIdentity(db, file);
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = LATEST_VERSION();
    if (version < latest)
      throw new DatabaseError(
        `${file} is at schema version ${version}, this whosaid needs ${latest}: run \`npm run ingest -- --db ${file}\` to migrate it`,
      );
    if (version > latest)
      throw new DatabaseError(
        `${file} is at schema version ${version}, newer than this whosaid understands (${latest})`,
      );
    if (!itemJsonIsCurrent(db)) {
      throw new DatabaseError(
        `${file} holds statements made by another version of whosaid: run \`npm run ingest -- --db ${file}\` to update it`,
      );
    }
  } catch (err) {
    if (err instanceof DatabaseError) throw err;
    throw describeOpenError(file, err);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A page of 50 statements touches a few hundred B-tree pages spread over the file; with SQLite's default 2 MB
  // cache most come back through read() on every request. 32 MB (WHOSAID_DB_CACHE_MB) keeps the hot index pages;
  // the rest comes from the operating system's file cache.
  db.pragma(`cache_size = ${-Math.max(1, Math.round(cacheMb * 1024))}`);
  db.pragma('temp_store = MEMORY');
  return db;
}

/** An in-memory database with the schema applied: for tests and one-off extraction. */
export function openInMemory(): DB {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Applies every migration newer than PRAGMA user_version, each in its own transaction with its version bump; then,
 * once the database has them all, rewrites the stored JSON of statements and claims if other SQL made it.
 */
export function migrate(db: DB, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of migrations) {
    if (m.version <= current) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        // statements and articles stored before quotes and copies get theirs with the migration that adds them
        if (m.version === QUOTES_MIGRATION) {
          backfillQuotes(db);
          backfillCopies(db);
        }
        db.pragma(`user_version = ${m.version}`);
      })();
      applied++;
    } catch (err) {
      throw new DatabaseError(`migration ${m.name} failed: ${(err as Error).message}`);
    }
  }
  if ((db.pragma('user_version', { simple: true }) as number) >= LATEST_VERSION()) new ItemJsonWriter(db).refresh();
  return applied;
}

/** Bytes each table and index takes, largest first (empty when SQLite is built without the dbstat table). */
export function storageByTable(db: DB): Record<string, number> {
  try {
    const rows = db
      .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
      .all() as { name: string; bytes: number }[];
    return Object.fromEntries(rows.map((r) => [r.name, r.bytes]));
  } catch {
    return {};
  }
}
