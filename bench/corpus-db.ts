// Builds (and caches under bench/cache/) a database of generated articles holding about N statements.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusTopics, generateArticle } from '../src/corpus/generate.js';
import { projectPath } from '../src/paths.js';
import { openForRead, openForWrite } from '../src/store/db.js';
import { ArticleWriter } from '../src/store/writer.js';

/** Generated articles average about 10 statements; the corpus size for a target is fixed so the cache key is. */
export const STATEMENTS_PER_ARTICLE = 10.09;

export const CACHE_DIR = projectPath('bench', 'cache');

/** Everything a cached database's contents depend on: the generator, its data, the schema and the writer. */
function sourceHash(): string {
  const h = createHash('sha256');
  const add = (dir: string, filter: RegExp) => {
    for (const f of readdirSync(projectPath(dir)).filter((n) => filter.test(n)).sort()) h.update(f).update(readFileSync(projectPath(dir, f)));
  };
  add('src/corpus', /\.ts$/);
  add('data/corpus', /\.json$/);
  add('migrations', /\.sql$/);
  add('src/store', /^(writer|quotes|copies)\.ts$/);
  add('src/dedupe', /\.ts$/);
  h.update(JSON.stringify(corpusTopics()));
  return h.digest('hex').slice(0, 12);
}

export interface CorpusDb {
  file: string;
  articles: number;
  statements: number;
  bytes: number;
  built: boolean;
  seconds: number;
}

/**
 * The database for about `statements` statements, built from the generator's own extraction through the
 * store writer (the write path of ingest), so its size and shape do not depend on how far the extractor is.
 */
export function corpusDatabase(statements: number, seed = 1, log: (line: string) => void = () => {}): CorpusDb {
  mkdirSync(CACHE_DIR, { recursive: true });
  const articles = Math.max(1, Math.round(statements / STATEMENTS_PER_ARTICLE));
  const file = join(CACHE_DIR, `corpus-${articles}a-seed${seed}-${sourceHash()}.db`);
  const started = performance.now();
  let built = false;
  if (!existsSync(file)) {
    for (const old of readdirSync(CACHE_DIR).filter((f) => f.startsWith(`corpus-${articles}a-seed${seed}-`))) rmSync(join(CACHE_DIR, old), { force: true });
    const tmp = `${file}.building-${process.pid}`;
    const db = openForWrite(tmp);
    const writer = new ArticleWriter(db);
    const topics = corpusTopics();
    writer.syncTopics(topics);
    let last = performance.now();
    // commits in groups (each article still in its own savepoint): the file is the same, built faster
    const group = db.transaction((from: number) => {
      for (let i = from; i < Math.min(articles, from + 100); i++) {
        const a = generateArticle(i, { articles, seed, topics });
        writer.save({
          slug: a.slug, file: null, contentHash: a.slug, extractor: 'generated', published: a.meta.published,
          url: a.meta.url, source: a.meta.source, language: a.meta.language, extraction: a.extraction,
        });
      }
    });
    for (let i = 0; i < articles; i += 100) {
      group(i);
      if (performance.now() - last > 10_000) {
        last = performance.now();
        log(`  building ${articles} articles: ${i + 100} done (${Math.round((i + 100) / ((last - started) / 1000))} articles/s)`);
      }
    }
    // an immutable file, as the server's own first build leaves it: no WAL beside it
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(tmp, file);
    built = true;
  }
  const db = openForRead(file);
  const n = (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
  db.close();
  return { file, articles, statements: n, bytes: statSync(file).size, built, seconds: (performance.now() - started) / 1000 };
}
