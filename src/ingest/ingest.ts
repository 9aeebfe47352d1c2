// The ingest library: files → extraction → one transaction per article; the CLI and the server call it.

import { extractArticle } from '../extract/index.js';
import { ArticleFormatError } from '../extract/parse.js';
import { loadTopics } from '../extract/topics.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { DatabaseError, databaseFault, type DB } from '../store/db.js';
import { ArticleWriter, type SaveOutcome } from '../store/writer.js';
import { DEFAULT_MAX_BYTES, IngestError, listArticleFiles, readArticleFile, type ArticleFile } from './files.js';

// kept apart from this module so the server can name the version without loading the extractor
export { EXTRACTOR_VERSION };

// How many articles (or how long) one commit holds.
const GROUP_ARTICLES = 64;
const GROUP_MS = 200;

export interface IngestOptions {
  /** Re-extract even unchanged files. */
  force?: boolean;
  maxBytes?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestReport {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  statements: number;
  claims: number;
  actors: number;
  failed: { path: string; reason: string }[];
  warnings: { path: string; message: string }[];
}

export interface IngestedArticle {
  slug: string;
  outcome: SaveOutcome;
  statements: number;
  claims: number;
  actors: number;
  warnings: string[];
}

export class Ingester {
  private readonly writer: ArticleWriter;

  constructor(private readonly db: DB) {
    this.writer = new ArticleWriter(db);
    try {
      this.writer.syncTopics(loadTopics());
    } catch (err) {
      throw databaseFault(db, err) ?? err;
    }
  }

  /** Extracts and saves one article; throws IngestError (nothing written) when it cannot. */
  ingest(file: Pick<ArticleFile, 'slug' | 'text' | 'meta' | 'contentHash'> & { path: string | null }, force = false): IngestedArticle {
    const empty = { slug: file.slug, statements: 0, claims: 0, actors: 0, warnings: [] };
    if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return { ...empty, outcome: 'unchanged' };
    let extraction;
    try {
      extraction = extractArticle(file.text, { published: file.meta.published });
    } catch (err) {
      if (err instanceof ArticleFormatError) throw new IngestError(err.reason);
      throw new IngestError(`extraction failed: ${(err as Error).message}`);
    }
    const outcome = this.writer.save({
      slug: file.slug,
      file: file.path,
      contentHash: file.contentHash,
      extractor: EXTRACTOR_VERSION,
      published: file.meta.published,
      url: file.meta.url,
      source: file.meta.source,
      language: file.meta.language,
      extraction,
    }, force);
    return {
      slug: file.slug,
      outcome,
      statements: extraction.statements.length,
      claims: extraction.claims.length,
      actors: extraction.actors.length,
      warnings: extraction.warnings,
    };
  }

  /**
   * Ingests files and folders; a bad file is reported and skipped, the others still load.
   * Articles are committed in groups (up to 64 articles or 200 ms), each inside its own savepoint: an article is
   * still written whole or not at all, a crash loses at most the group being written (a re-run redoes it with the
   * same ids), and the commit cost (a WAL write, and the full-text indexing of the group's rows) is paid once per
   * group.
   */
  ingestPaths(paths: string[], options: IngestOptions = {}): IngestReport {
    const { files, missing } = listArticleFiles(paths);
    const report: IngestReport = { files: files.length, added: 0, replaced: 0, unchanged: 0, statements: 0, claims: 0, actors: 0, failed: [], warnings: [] };
    for (const path of missing) report.failed.push({ path, reason: 'no such file or folder' });
    const one = (path: string) => {
      try {
        const result = this.ingest(readArticleFile(path, options.maxBytes ?? DEFAULT_MAX_BYTES), options.force);
        report[result.outcome]++;
        report.statements += result.statements;
        report.claims += result.claims;
        report.actors += result.actors;
        for (const message of result.warnings) report.warnings.push({ path, message });
      } catch (err) {
        if (err instanceof IngestError) report.failed.push({ path, reason: err.reason });
        else throw err;
      }
    };
    let current = 0;
    const group = this.writer.group((from: number) => {
      const started = performance.now();
      let i = from;
      while (i < files.length) {
        current = i;
        one(files[i]);
        i++;
        // (not `onProgress?.(++i, ...)`: optional chaining skips the argument's side effect when there is no callback)
        options.onProgress?.(i, files.length);
        if (i - from >= GROUP_ARTICLES || performance.now() - started > GROUP_MS) break;
      }
      return i;
    });
    for (let done = 0; done < files.length; ) {
      try {
        done = group(done);
      } catch (err) {
        // the database itself failed (corrupt page, disk full): no later file can succeed, so stop and say where
        const fault = databaseFault(this.db, err);
        if (!fault) throw err;
        throw new DatabaseError(`${fault.message}; stopped at ${files[current]}, after ${done} of ${files.length} files (each article is saved whole or not at all)`);
      }
    }
    return report;
  }
}
