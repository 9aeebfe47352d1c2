// The ingest library: files → extraction → one transaction per article; the CLI and the server call it.

import { extractArticle, loadResources, type Resources } from '../extract/index.js';
import type { Extraction } from '../extract/types.js';
import { DEFAULT_BUDGET_MS } from '../config.js';
import { ExtractionPool, overBudgetReason } from './pool.js';
import { ArticleFormatError } from '../extract/parse.js';
import { loadTopics } from '../extract/topics.js';
import { EXTRACTOR_VERSION } from '../version.js';
import { DatabaseError, databaseFault, type DB } from '../store/db.js';
import { ArticleWriter, type ArticleInput, type SaveOutcome } from '../store/writer.js';
import { DEFAULT_MAX_BYTES, IngestError } from './files.js';
import { normalizeUrl, type IngestFile } from './convert.js';
import { PageReader } from './html.js';
import { listSources, type ArticleSource, type PageJob } from './sources.js';
import type { ArticleSubmission } from './submission.js';

// kept apart from this module so the server can name the version without loading the extractor
export { EXTRACTOR_VERSION };

// How many articles (or how long) one commit holds.
export const GROUP_ARTICLES = 64;
const GROUP_MS = 200;

export interface IngestOptions {
  /** Re-extract even unchanged files. */
  force?: boolean;
  /**
   * An article whose extraction takes longer (ms) is refused and reported; 0: no budget. Worker threads stop it at the
   * budget; extraction in this thread cannot be stopped, and is refused when it ends past the budget. Default 5000.
   */
  budgetMs?: number;
  maxBytes?: number;
  /** Called after each file. */
  onProgress?: (done: number, total: number) => void;
}

export interface IngestReport {
  /** inputs: files, JSON lines, pages */
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  /** feed items not fetched because an article with their URL is already stored */
  skipped: number;
  statements: number;
  claims: number;
  actors: number;
  failed: { path: string; reason: string }[];
  warnings: { path: string; message: string }[];
}

/** An article read and extracted, not yet written; `input` null when the database already holds it unchanged. */
interface Extracted {
  slug: string;
  input: ArticleInput | null;
  /** for an unchanged article: addresses it was read from this time, recorded in case they are new */
  urls?: string[];
}

/** An article refused because its extraction passed the time budget. */
export class OverBudgetError extends IngestError {
  override name = 'OverBudgetError';
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
  /** the tagger, word lists and models: given, or loaded with the first article that needs extracting */
  private resources: Resources | undefined;
  private reader: PageReader | undefined;

  constructor(
    private readonly db: DB,
    resources?: Resources,
  ) {
    this.resources = resources;
    this.writer = new ArticleWriter(db);
    try {
      this.writer.syncTopics(loadTopics());
    } catch (err) {
      throw databaseFault(db, err) ?? err;
    }
  }

  /** Reads web pages (the cleanup rules are loaded once, with the first page). */
  pageReader(): PageReader {
    return (this.reader ??= new PageReader());
  }

  /** The id of the stored article published at `url`, or null: a feed item whose link is known is not fetched again. */
  storedUrl(url: string): string | null {
    return this.writer.slugByUrl(normalizeUrl(url) ?? url);
  }

  /** The id the article is saved under: an article known by its URL takes the id of the stored article with that URL. */
  private resolve(file: IngestFile): IngestFile {
    if (!file.byUrl || !file.meta.url) return file;
    let slug: string | null = null;
    for (const url of [file.meta.url, ...(file.urls ?? [])]) if ((slug = this.storedUrl(url))) break;
    return slug && slug !== file.slug ? { ...file, slug } : file;
  }

  /** Extracts (in this thread) and saves one article; throws IngestError (nothing written) when it cannot. */
  ingest(file: IngestFile, force = false, budgetMs = DEFAULT_BUDGET_MS): IngestedArticle {
    return this.save(this.extract(file, force, budgetMs), force);
  }

  /**
   * Extracts one article in `pool`'s worker threads (this thread's event loop stays free) and saves it; throws
   * IngestError (nothing written) when it cannot, OverBudgetError when the pool stopped it at its budget, and
   * PoolFullError when the pool's queue is full. A submission with a web page (`html`) is read in the worker too:
   * reading a page is most of the work, and the budget covers it.
   */
  async ingestWith(pool: ExtractionPool, article: IngestFile | { submission: ArticleSubmission }, force = false): Promise<IngestedArticle> {
    let file: IngestFile | undefined;
    if (!('submission' in article)) {
      file = this.resolve(article);
      if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return this.save({ slug: file.slug, input: null, urls: file.urls }, force);
    }
    const o = await pool.extract(file ? { text: file.text, published: file.meta.published } : { submission: (article as { submission: ArticleSubmission }).submission });
    if (!o.ok) throw o.overBudget ? new OverBudgetError(o.reason) : new IngestError(o.reason);
    if (!file) {
      // a page: its id (by URL) and whether it is stored unchanged are known once the worker has read it
      file = this.resolve(o.file!);
      if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return this.save({ slug: file.slug, input: null, urls: file.urls }, force);
    }
    return this.save(this.extracted(file, o.extraction), force);
  }

  /** The article ready to save (or already stored unchanged); throws IngestError when it cannot be extracted. */
  private extract(given: IngestFile, force: boolean, budgetMs: number): Extracted {
    const file = this.resolve(given);
    if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return { slug: file.slug, input: null, urls: file.urls };
    let extraction;
    let started = 0;
    try {
      this.resources ??= loadResources();
      started = performance.now();
      extraction = extractArticle(file.text, { published: file.meta.published }, this.resources);
    } catch (err) {
      if (err instanceof ArticleFormatError) throw new IngestError(err.reason);
      throw new IngestError(`extraction failed: ${(err as Error).message}`);
    }
    // in this thread extraction cannot be stopped at the budget, only refused after it (worker threads stop it)
    if (budgetMs > 0 && performance.now() - started > budgetMs) throw new OverBudgetError(overBudgetReason(budgetMs));
    return this.extracted(file, extraction);
  }

  private extracted(file: IngestFile, extraction: Extraction): Extracted {
    return {
      slug: file.slug,
      input: {
        slug: file.slug,
        file: file.path,
        contentHash: file.contentHash,
        extractor: EXTRACTOR_VERSION,
        published: file.meta.published,
        url: file.meta.url,
        source: file.meta.source,
        language: file.meta.language,
        extraction,
        urls: file.urls,
      },
    };
  }

  /**
   * save, with an extraction the store refuses (a bug, not bad input) reported against its file instead of stopping
   * the run; the article's savepoint is rolled back, so nothing of it is kept. Database faults still stop the run.
   */
  private saveOrReport(extracted: Extracted, force: boolean): IngestedArticle | IngestError {
    try {
      return this.save(extracted, force);
    } catch (err) {
      if (databaseFault(this.db, err)) throw err;
      return new IngestError(`could not store what was extracted (${(err as Error).message}); please report this`);
    }
  }

  private save({ slug, input, urls }: Extracted, force: boolean): IngestedArticle {
    const empty = { slug, statements: 0, claims: 0, actors: 0, warnings: [] };
    if (!input) {
      if (urls?.length) this.writer.addUrls(slug, urls);
      return { ...empty, outcome: 'unchanged' };
    }
    const outcome = this.writer.save(input, force);
    // the same file twice in one group: the second was extracted before the first was saved
    if (outcome === 'unchanged') return { ...empty, outcome };
    const x = input.extraction;
    return { slug, outcome, statements: x.statements.length, claims: x.claims.length, actors: x.actors.length, warnings: x.warnings };
  }

  /**
   * Ingests files and folders; a bad file is reported and skipped, the others still load.
   * Articles are read and extracted a group at a time (up to 64 articles or 200 ms of work), then the group is
   * written in one transaction, each article inside its own savepoint: an article is still written whole or not at
   * all, a crash loses at most the group being written (a re-run redoes it with the same ids), and the commit cost
   * (a WAL write, and the full-text indexing of the group's rows) is paid once per group. Writing a group in one go
   * rather than between extractions keeps SQLite's and the writer's working set in the CPU caches: the writing takes
   * about half as long.
   */
  ingestPaths(paths: string[], options: IngestOptions = {}): IngestReport {
    return this.ingestSources(listSources(paths, () => this.pageReader(), options.maxBytes ?? DEFAULT_MAX_BYTES), options);
  }

  /** ingestPaths over inputs already listed (files, JSON lines, fetched pages): the same groups and transactions. */
  ingestSources(inputs: ArticleSource[], options: IngestOptions = {}): IngestReport {
    const { sources, report } = listed(inputs);
    const files = sources.map((s) => s.label);
    let done = 0;
    let current = 0;
    const settle = (path: string, result: IngestedArticle | IngestError) => {
      if (result instanceof IngestError) report.failed.push({ path, reason: result.reason });
      else {
        report[result.outcome]++;
        report.statements += result.statements;
        report.claims += result.claims;
        report.actors += result.actors;
        for (const message of result.warnings) report.warnings.push({ path, message });
      }
      done++;
      options.onProgress?.(done, files.length);
    };
    const write = this.writer.group((group: { index: number; extracted: Extracted | IngestError }[]) => {
      for (const { index, extracted } of group) {
        current = index;
        settle(files[index], extracted instanceof IngestError ? extracted : this.saveOrReport(extracted, options.force ?? false));
      }
    });
    for (let next = 0; next < files.length; ) {
      const before = done;
      try {
        const group: { index: number; extracted: Extracted | IngestError }[] = [];
        const started = performance.now();
        while (next < files.length && group.length < GROUP_ARTICLES && performance.now() - started <= GROUP_MS) {
          const index = (current = next++);
          let extracted: Extracted | IngestError;
          try {
            extracted = this.extract(sources[index].load(), options.force ?? false, options.budgetMs ?? DEFAULT_BUDGET_MS);
          } catch (err) {
            if (!(err instanceof IngestError)) throw err;
            extracted = err;
          }
          group.push({ index, extracted });
        }
        write(group);
      } catch (err) {
        // the database itself failed (corrupt page, disk full): no later file can succeed, so stop and say where
        const fault = databaseFault(this.db, err);
        if (!fault) throw err;
        throw new DatabaseError(`${fault.message}; stopped at ${files[current]}, after ${before} of ${files.length} files (each article is saved whole or not at all)`);
      }
    }
    return report;
  }

  /**
   * ingestPaths with extraction spread over `workers` worker threads (each loads the models once) while this thread
   * reads files and writes: the same groups, the same order of writing and so the same ids as ingestPaths. An
   * extraction past the budget is stopped, its worker replaced, and the article reported.
   */
  async ingestPathsParallel(paths: string[], options: IngestOptions & { workers: number }): Promise<IngestReport> {
    return this.ingestSourcesParallel(listSources(paths, () => this.pageReader(), options.maxBytes ?? DEFAULT_MAX_BYTES), options);
  }

  /**
   * A web page read and extracted by a worker; its id (by URL) and whether it is stored unchanged are settled here,
   * once the worker has read it: the extraction is then unused, a small cost next to reading the page.
   */
  private startPage(page: () => PageJob, pool: ExtractionPool, force: boolean): Promise<Extracted | IngestError> {
    let job: PageJob;
    try {
      job = page();
    } catch (err) {
      if (err instanceof IngestError) return Promise.resolve(err);
      throw err;
    }
    return pool.extract({ page: job }).then((o) => {
      if (!o.ok) return new IngestError(o.reason);
      const file = this.resolve(o.file!);
      if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return { slug: file.slug, input: null, urls: file.urls };
      return this.extracted(file, o.extraction);
    });
  }

  /**
   * ingestSources with extraction (and the reading of web pages) in worker threads (see ingestPathsParallel). An
   * extraction past the budget is stopped, its worker replaced, and the article reported.
   */
  async ingestSourcesParallel(inputs: ArticleSource[], options: IngestOptions & { workers: number }): Promise<IngestReport> {
    const { sources, report } = listed(inputs);
    const files = sources.map((s) => s.label);
    const pool = new ExtractionPool({ size: Math.max(1, options.workers), budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS });
    const force = options.force ?? false;
    let done = 0;
    const settle = (path: string, result: IngestedArticle | IngestError) => {
      if (result instanceof IngestError) report.failed.push({ path, reason: result.reason });
      else {
        report[result.outcome]++;
        report.statements += result.statements;
        report.claims += result.claims;
        report.actors += result.actors;
        for (const message of result.warnings) report.warnings.push({ path, message });
      }
      done++;
      options.onProgress?.(done, files.length);
    };
    // each file read here, then extracted by a worker unless stored unchanged; at most `window` in flight
    const start = (index: number): Promise<Extracted | IngestError> => {
      const page = sources[index].page;
      if (page) return this.startPage(page, pool, force);
      let file: IngestFile;
      try {
        file = this.resolve(sources[index].load());
      } catch (err) {
        if (err instanceof IngestError) return Promise.resolve(err);
        throw err;
      }
      if (!force && this.writer.isUnchanged(file.slug, file.contentHash, EXTRACTOR_VERSION)) return Promise.resolve({ slug: file.slug, input: null, urls: file.urls });
      return pool.extract({ text: file.text, published: file.meta.published }).then((o) => (o.ok ? this.extracted(file, o.extraction) : new IngestError(o.reason)));
    };
    const write = this.writer.group((group: { index: number; extracted: Extracted | IngestError }[]) => {
      for (const { index, extracted } of group) settle(files[index], extracted instanceof IngestError ? extracted : this.saveOrReport(extracted, force));
    });
    const window = pool.size * 8;
    const inFlight: Promise<Extracted | IngestError>[] = [];
    let next = 0;
    let written = 0;
    try {
      while (next < files.length && inFlight.length < window) inFlight.push(start(next++));
      while (written < files.length) {
        const group: { index: number; extracted: Extracted | IngestError }[] = [];
        // a group: the next results in file order, up to GROUP_ARTICLES
        while (group.length < GROUP_ARTICLES && written + group.length < files.length) {
          const extracted = await inFlight.shift()!;
          group.push({ index: written + group.length, extracted });
          if (next < files.length) inFlight.push(start(next++));
        }
        write(group);
        written += group.length;
      }
    } catch (err) {
      // the database itself failed (corrupt page, disk full): no later file can succeed, so stop and say where
      const fault = databaseFault(this.db, err);
      if (!fault) throw err;
      throw new DatabaseError(`${fault.message}; stopped at ${files[written]}, after ${written} of ${files.length} files (each article is saved whole or not at all)`);
    } finally {
      // reads already started may still be pending: let them settle before the workers go
      await Promise.allSettled(inFlight);
      await pool.close();
    }
    return report;
  }
}

/** The inputs to read, and a report that already holds the ones that do not exist. */
function listed(inputs: ArticleSource[]): { sources: ArticleSource[]; report: IngestReport } {
  const sources = inputs.filter((s) => s.missing === undefined);
  const report: IngestReport = { files: sources.length, added: 0, replaced: 0, unchanged: 0, skipped: 0, statements: 0, claims: 0, actors: 0, failed: [], warnings: [] };
  for (const s of inputs) if (s.missing !== undefined) report.failed.push({ path: s.label, reason: s.missing });
  return { sources, report };
}
