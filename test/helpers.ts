// Test helpers: a fresh database built by the real migrations and the real ingest, and an app over it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/http/app.js';
import { Ingester } from '../src/ingest/ingest.js';
import { openInMemory, type DB } from '../src/store/db.js';
import { projectPath } from '../src/paths.js';

export const SEED = projectPath('data', 'articles', '000_945e9eab9f0c3dd6.txt');
export const SEED_ID = '000_945e9eab9f0c3dd6';

/** An in-memory database holding the given article files (default: the seed article). */
export function seededDb(paths: string[] = [SEED]): DB {
  const db = openInMemory();
  const report = new Ingester(db).ingestPaths(paths);
  if (report.failed.length) throw new Error(`fixture failed to ingest: ${JSON.stringify(report.failed)}`);
  return db;
}

export async function seededApp(paths?: string[]) {
  const db = seededDb(paths);
  const app = await buildApp({ db });
  await app.ready();
  return { app, db };
}

/** A temporary folder with article files: { 'a.txt': '...', 'a.meta.json': '...' }. */
export function articleDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const article = (title: string, ...paragraphs: string[]) => `Test Wire\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;
