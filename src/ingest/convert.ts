// Turns an article's parts (from a web page, a feed item, a JSON line) into the text format the extractor reads.

import { createHash } from 'node:crypto';
import type { ArticleFile, ArticleMetaFile } from './files.js';

export interface ArticleParts {
  title: string;
  /** paragraphs of plain text, in order */
  paragraphs: string[];
  published: string | null;
  url: string | null;
  source: string | null;
  language: string | null;
}

/** What the Ingester takes: an article file's content, its id and, for inputs identified by their URL, that flag. */
export type IngestFile = Pick<ArticleFile, 'slug' | 'text' | 'meta' | 'contentHash'> & {
  path: string | null;
  /**
   * The article is known by its URL, not by a file name: when the database holds an article with the same URL, this
   * one replaces it and takes its id (a page fetched again, a feed item seen again).
   */
  byUrl?: boolean;
  /** other addresses it was read from (asked for, redirected to): it is known by these too */
  urls?: string[];
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function host(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname || null : null;
  } catch {
    return null;
  }
}

/**
 * The article file for `parts`: source line, blank line, headline, blank line, paragraphs. The stored body is the
 * extractor's reading of exactly this text, so every span points into the paragraphs given here.
 */
export function articleText(parts: ArticleParts): string {
  const source = oneLine(parts.source ?? '') || host(parts.url) || 'unknown source';
  // a blank line inside a paragraph would split it; the format has no other escape
  const paragraphs = parts.paragraphs.map((p) => p.replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n+/g, '\n').trim()).filter(Boolean);
  return `${source}\n\n${oneLine(parts.title)}\n\n${paragraphs.join('\n\n')}\n`;
}

/** The same text and metadata always give the same hash: ingesting them again is a no-op. */
export function contentHash(text: string, meta: ArticleMetaFile): string {
  return createHash('sha256').update(text).update('\0').update(JSON.stringify(meta)).digest('hex');
}

/** The id an article gets when nothing names it: derived from its URL, or without one from its headline. */
export function derivedSlug(url: string | null, title: string): string {
  return `post-${createHash('sha256').update(url ?? title).digest('hex').slice(0, 16)}`;
}

// Query parameters that only say where a reader came from: the same story is fetched with and without them.
const TRACKING = /^(?:utm_\w+|fbclid|gclid|dclid|mc_cid|mc_eid|ocid|cmpid|_ga)$/i;

/** The URL an article is known by: no fragment, no tracking parameters; null for what is not an http(s) URL. */
export function normalizeUrl(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  return url.href;
}

/** An IngestFile for parts read from anything but our own text files. */
export function partsToFile(parts: ArticleParts, options: { slug?: string; path?: string | null; urls?: (string | null)[] } = {}): IngestFile {
  const text = articleText(parts);
  // a URL given by the user that is not http(s) is kept as written (it still identifies the article)
  const meta: ArticleMetaFile = { published: parts.published, url: normalizeUrl(parts.url) ?? (parts.url?.trim() || null), source: parts.source ? oneLine(parts.source) : null, language: parts.language };
  return {
    slug: options.slug ?? derivedSlug(meta.url, oneLine(parts.title)),
    text,
    meta,
    contentHash: contentHash(text, meta),
    path: options.path ?? null,
    byUrl: options.slug === undefined && meta.url !== null,
    urls: [...new Set((options.urls ?? []).map(normalizeUrl).filter((u): u is string => u !== null && u !== meta.url))],
  };
}
