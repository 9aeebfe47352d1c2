// Test helpers: a fresh database built by the real migrations and the real ingest, and an app over it.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppOptions, buildApp } from '../src/app.js';
import { Ingester } from '../src/ingest/ingest.js';
import { projectPath } from '../src/paths.js';
import { type DB, openInMemory } from '../src/store/db.js';
import { ArticleWriter } from '../src/store/writer.js';
import { fixtureExtraction, fixtureInput, TOPICS } from './fixtures.js';

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

export const article = (title: string, ...paragraphs: string[]) =>
  `Test Wire\n\n${title}\n\n${paragraphs.join('\n\n')}\n`;

/**
 * An in-memory database with two hand-made articles (test/fixtures.ts): 4 statements, 2 claims, 5 actors, 3 topics,
 * so API behaviour is tested without depending on the extractor.
 */
export function fixtureDb(): DB {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  writer.save(fixtureInput());
  // a second article, a week later, so filters have something to exclude
  const x = fixtureExtraction();
  x.article.title = 'Ruritania closes border';
  x.statements = [x.statements[2]];
  x.claims = [];
  writer.save(fixtureInput({ slug: 'border', contentHash: 'h2', published: '2024-11-21', extraction: x }));
  return db;
}

export async function fixtureApp(options: Omit<AppOptions, 'db'> = {}) {
  const app = await buildApp({ db: fixtureDb(), ...options });
  await app.ready();
  return app;
}
