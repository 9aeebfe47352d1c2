// Reads an article file and its optional .meta.json, rejecting what is not a readable article with a reason.

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isIsoDay } from '../common/iso-day.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** A file we cannot ingest; `reason` completes "PATH: ..." for the user. */
export class IngestError extends Error {
  override name = 'IngestError';
  constructor(public readonly reason: string) {
    super(reason);
  }
}

export interface ArticleMetaFile {
  published: string | null;
  url: string | null;
  source: string | null;
  language: string | null;
}

export interface ArticleFile {
  path: string;
  /** The public article id: the file name without .txt, with anything but letters, digits, "_", "-" and "." replaced. */
  slug: string;
  text: string;
  meta: ArticleMetaFile;
  /** sha256 over the text and the meta file: unchanged content is skipped on re-ingest. */
  contentHash: string;
}

export function articleSlug(path: string): string {
  return basename(path).replace(/\.txt$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'article';
}

// one decoder for every file: decode() without { stream } keeps no state between calls, and making one is not free
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 text or says why it is not text. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length === 0) throw new IngestError('the file is empty');
  if (bytes.subarray(0, 8192).includes(0)) throw new IngestError('binary file (contains NUL bytes), not article text');
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new IngestError('not valid UTF-8 text; convert it first, e.g. `iconv -f latin1 -t utf-8`');
  }
}

function optionalString(meta: Record<string, unknown>, key: string, file: string): string | null {
  const v = meta[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new IngestError(`${file}: "${key}" must be a string, got ${JSON.stringify(v).slice(0, 40)}`);
  return v.trim() || null;
}

/** Parses NAME.meta.json contents (already read); throws IngestError naming the field that is wrong. */
export function parseMeta(json: string, file: string): ArticleMetaFile {
  let meta: unknown;
  try {
    meta = JSON.parse(json);
  } catch (err) {
    throw new IngestError(`${file} is not valid JSON (${(err as Error).message})`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new IngestError(`${file} must hold a JSON object`);
  const m = meta as Record<string, unknown>;
  const published = optionalString(m, 'published', file);
  // accept a full timestamp but keep the day: statements are dated to the day at most
  const day = published?.slice(0, 10) ?? null;
  if (day !== null && (!isIsoDay(day) || (published!.length > 10 && Number.isNaN(Date.parse(published!))))) {
    throw new IngestError(`${file}: "published" must be a real date as YYYY-MM-DD, got "${published}"`);
  }
  return { published: day, url: optionalString(m, 'url', file), source: optionalString(m, 'source', file), language: optionalString(m, 'language', file) };
}

export function readArticleFile(path: string, maxBytes = DEFAULT_MAX_BYTES): ArticleFile {
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
  const bytes = readFileSync(path);
  const text = decodeText(bytes);
  const metaPath = path.replace(/\.txt$/i, '') + '.meta.json';
  let metaText: string | null = null;
  try {
    metaText = readFileSync(metaPath, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new IngestError(`cannot read ${basename(metaPath)}: ${(err as NodeJS.ErrnoException).code}`);
  }
  const meta = metaText === null ? { published: null, url: null, source: null, language: null } : parseMeta(metaText, basename(metaPath));
  const contentHash = createHash('sha256').update(bytes).update('\0').update(metaText ?? '').digest('hex');
  return { path, slug: articleSlug(path), text, meta, contentHash };
}

/**
 * Expands files and folders into article files (names matching `pattern`, *.txt by default; folders recursively,
 * sorted); a missing path is an error for that path.
 */
export function listArticleFiles(paths: string[], pattern = /\.txt$/i): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      // a symlink is followed when read; one to something that is not a file is reported then, not skipped silently
      else if ((entry.isFile() || entry.isSymbolicLink()) && pattern.test(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, missing };
}
