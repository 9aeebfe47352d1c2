// The inputs of an ingest, each read on demand: article files, saved web pages, and the lines of JSON Lines files.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { articleSlug, DEFAULT_MAX_BYTES, IngestError, listArticleFiles, readArticleFile } from './files.js';
import { decodeHtml } from './charset.js';
import { partsToFile, type ArticleParts, type IngestFile } from './convert.js';
import type { PageReader } from './html.js';
import { submissionToFile, type ArticleSubmission } from './submission.js';

/** One article to ingest, read (and for a web page, extracted from its HTML) only when its turn comes. */
export interface ArticleSource {
  /** names the input in messages: a path, "path:line" for a JSON line, or a URL */
  label: string;
  /** the article; throws IngestError (nothing is written for it) */
  load(): IngestFile;
  /** for a web page: its bytes and what is known of it, so that a worker thread can do the reading (load() does it here) */
  page?(): PageJob;
  /** an input that does not exist (a missing path): reported with this reason first, and not counted as an input */
  missing?: string;
}

/** A web page to read into an article: sent to a worker thread as it is (no functions in it). */
export interface PageJob {
  bytes: Uint8Array;
  contentType: string | null;
  /** where it was found (after redirects), or null for a saved file */
  url: string | null;
  slug?: string;
  path?: string | null;
  /** the address asked for, when it differs */
  urls?: string[];
  /** what the input that led to the page knows, for what the page does not say (a feed item's date) */
  defaults?: Partial<Pick<ArticleParts, 'published' | 'source' | 'language'>>;
}

/** The article in a web page; throws IngestError (NotAnArticle for a page with no story). */
export function readPage(job: PageJob, reader: PageReader): IngestFile {
  // a Buffer sent to a worker arrives as a plain Uint8Array
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const { text } = decodeHtml(bytes, job.contentType, 'the page');
  const page = reader.read(text, job.url);
  const d = job.defaults ?? {};
  const parts = { ...page, published: page.published ?? d.published ?? null, source: page.source ?? d.source ?? null, language: page.language ?? d.language ?? null };
  return partsToFile(parts, { slug: job.slug, path: job.path, urls: [...(job.urls ?? []), ...(job.url ? [job.url] : [])] });
}

export const HTML_FILE = /\.(?:html?|xhtml)$/i;
export const JSONL_FILE = /\.(?:jsonl|ndjson)$/i;
/** Every kind of file a folder is searched for. */
export const INGESTED_FILE = /\.(?:txt|html?|xhtml|jsonl|ndjson)$/i;

/** A failed input: reported under its label, with nothing to ingest. */
export const failing = (label: string, reason: string): ArticleSource => ({
  label,
  load: () => {
    throw new IngestError(reason);
  },
});

/** A saved or fetched web page as a source: `job` gives its bytes (reading a saved file only when its turn comes). */
export function pageSource(label: string, job: () => PageJob, reader: PageReader): ArticleSource {
  return { label, load: () => readPage(job(), reader), page: job };
}

/** The size check every file gets before it is read whole. */
function readCapped(path: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new IngestError('not a regular file');
    size = st.size;
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > maxBytes) throw new IngestError(`file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit for one article`);
  return readFileSync(path);
}

/**
 * The lines of a JSON Lines file, each an article as news APIs export them: {"title", "body" | "html", "published",
 * "url", "source", "language"} (and optionally "id", or "text" in our own format). A broken line is a failure of its
 * own, labelled "FILE:LINE"; the others still load.
 */
export function jsonLinesSources(path: string, reader: PageReader, maxBytes: number): ArticleSource[] {
  let text: string;
  try {
    // a JSON Lines file holds many articles: its limit is the per-article one times a generous count
    const bytes = readCapped(path, maxBytes * 100);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof IngestError) return [failing(path, err.reason)];
    if (err instanceof TypeError) return [failing(path, 'not valid UTF-8 text')];
    throw err;
  }
  const sources: ArticleSource[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const label = `${path}:${i + 1}`;
    if (Buffer.byteLength(line) > maxBytes) return sources.push(failing(label, `line is over the ${(maxBytes / 1048576).toFixed(1)} MB limit for one article`));
    sources.push({ label, load: () => submissionToFile(parseJsonLine(line), reader) });
  });
  if (!sources.length) sources.push(failing(path, 'the file holds no JSON lines'));
  return sources;
}

const LINE_FIELDS = new Set(['id', 'text', 'title', 'body', 'html', 'published', 'url', 'source', 'language']);

/** One JSON line as a submission, or an IngestError saying what is wrong with it. */
export function parseJsonLine(line: string): ArticleSubmission {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new IngestError(`not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new IngestError('each line must hold a JSON object');
  const out: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(value)) {
    // fields we do not use (author, description, image) are common in exports and harmless
    if (!LINE_FIELDS.has(key)) continue;
    if (v !== null && typeof v !== 'string') throw new IngestError(`"${key}" must be a string, got ${JSON.stringify(v).slice(0, 40)}`);
    out[key] = v;
  }
  if (out.id !== undefined && out.id !== null && !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/.test(out.id)) throw new IngestError(`"id" may hold letters, digits, "_", "-" and ".", got "${out.id.slice(0, 40)}"`);
  for (const key of ['text', 'title', 'body', 'html'] as const) if (out[key] === null) delete out[key];
  if (out.id === null) delete out.id;
  return out as ArticleSubmission;
}

/**
 * Files and folders as article sources, in path order: article files (.txt), saved web pages (.html) and JSON Lines
 * files (.jsonl), folders searched recursively. A missing path is one failure.
 */
export function listSources(paths: string[], reader: () => PageReader, maxBytes = DEFAULT_MAX_BYTES): ArticleSource[] {
  const { files, missing } = listArticleFiles(paths, INGESTED_FILE);
  const sources: ArticleSource[] = missing.map((p) => ({ ...failing(p, 'no such file or folder'), missing: 'no such file or folder' }));
  for (const path of files) {
    if (JSONL_FILE.test(path)) sources.push(...jsonLinesSources(path, reader(), maxBytes));
    else if (HTML_FILE.test(path)) {
      // a saved page is named like an article file: its id is the file name, whatever URL the page gives
      sources.push(pageSource(path, () => ({ bytes: readCapped(path, maxBytes), contentType: null, url: null, slug: articleSlug(basename(path).replace(HTML_FILE, '')), path }), reader()));
    } else sources.push({ label: path, load: () => readArticleFile(path, maxBytes) });
  }
  return sources;
}
