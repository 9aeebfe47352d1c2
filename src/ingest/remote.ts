// Inputs from the network: article pages by URL, and the items of RSS and Atom feeds (by URL or from a file).

import { readFileSync } from 'node:fs';
import { decodeHtml } from './charset.js';
import { partsToFile } from './convert.js';
import { readFeed } from './feed.js';
import { DEFAULT_FETCH_LIMITS, fetchUrl, FetchError, type Fetched, type FetchLimits } from './fetch.js';
import { IngestError } from './files.js';
import type { PageReader } from './html.js';
import { failing, pageSource, type ArticleSource } from './sources.js';

export interface RemoteOptions {
  reader: PageReader;
  limits?: FetchLimits;
  /** pages fetched at once */
  concurrency?: number;
}

const PAGE_TYPES = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
const FEED_TYPES = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';
const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml)\b/i;

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order of `items` in the result. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The page at `url` as a source, or a failing source that says why it is not an article page: it could not be
 * fetched, the server answered with an error (a 404, a 500), or it sent something that is not a web page.
 */
async function fetchPage(url: string, reader: PageReader, limits: FetchLimits, defaults?: { published: string | null }): Promise<ArticleSource> {
  let res: Fetched;
  try {
    res = await fetchUrl(url, PAGE_TYPES, limits);
  } catch (err) {
    if (err instanceof FetchError) return failing(url, err.reason);
    throw err;
  }
  if (res.status < 200 || res.status > 299) return failing(url, `not an article: the server answered HTTP ${res.status}`);
  if (res.contentType && !HTML_TYPE.test(res.contentType)) return failing(url, `not a web page: the server sent ${res.contentType.split(';')[0]}`);
  // known by the address asked for (a feed's link) as well as where it was found and what it calls itself
  return pageSource(url, () => ({ bytes: res.bytes, contentType: res.contentType, url: res.url, urls: [url], defaults }), reader);
}

/** Article pages by URL, fetched `concurrency` at a time; each failure is reported under its URL. */
export async function urlSources(urls: string[], o: RemoteOptions, published: (string | null)[] = []): Promise<ArticleSource[]> {
  return mapLimited(urls.map((url, i) => ({ url, published: published[i] ?? null })), o.concurrency ?? 4, ({ url, published }) => fetchPage(url, o.reader, o.limits ?? DEFAULT_FETCH_LIMITS, { published }));
}

export interface FeedSources {
  sources: ArticleSource[];
  /** items not fetched: an article read from their link is stored (or links are not to be followed) */
  skipped: number;
}

/**
 * The items of a feed (a URL or a file) as sources. An item that carries its full story is read from the feed; any
 * other is fetched from its link, unless `isStored(link)` says an article with that URL is stored already (so a
 * feed polled every few minutes fetches only its new items; `force` fetches them all).
 */
export async function feedSources(
  feed: string,
  o: RemoteOptions & { isStored: (url: string) => boolean; force?: boolean; maxBytes: number; /** false: skip items that do not carry their story instead of fetching their links */ fetchLinks?: boolean },
): Promise<FeedSources> {
  const limits = o.limits ?? DEFAULT_FETCH_LIMITS;
  let xml: string;
  let base: string | null = null;
  try {
    if (isUrl(feed)) {
      const res = await fetchUrl(feed, FEED_TYPES, limits);
      if (res.status < 200 || res.status > 299) throw new IngestError(`the server answered HTTP ${res.status}`);
      xml = decodeHtml(res.bytes, res.contentType, 'the feed').text;
      base = res.url;
    } else {
      const bytes = readFileSync(feed);
      if (bytes.length > o.maxBytes * 10) throw new IngestError(`the feed is over the ${((o.maxBytes * 10) / 1048576).toFixed(1)} MB limit`);
      xml = decodeHtml(bytes, null, 'the feed').text;
    }
  } catch (err) {
    if (err instanceof IngestError) return { sources: [failing(feed, err.reason)], skipped: 0 };
    const code = (err as NodeJS.ErrnoException).code;
    if (code) return { sources: [failing(feed, code === 'ENOENT' ? 'no such file' : `cannot read: ${code}`)], skipped: 0 };
    throw err;
  }
  let parsed;
  try {
    parsed = readFeed(xml, base);
  } catch (err) {
    if (err instanceof IngestError) return { sources: [failing(feed, err.reason)], skipped: 0 };
    throw err;
  }
  let skipped = 0;
  const toFetch: string[] = [];
  const dates: (string | null)[] = [];
  const slots: (ArticleSource | string)[] = [];
  parsed.items.forEach((item, i) => {
    const label = item.url ?? `${feed} (item ${i + 1})`;
    if (item.html !== null) {
      const html = item.html;
      slots.push({
        label,
        load: () => {
          if (!item.title) throw new IngestError('the item has no title');
          const paragraphs = o.reader.readFragment(html, item.title);
          return partsToFile({ title: item.title, paragraphs, published: item.published, url: item.url, source: parsed.title, language: parsed.language });
        },
      });
    } else if (!item.url) slots.push(failing(label, 'the item has neither its story nor a link to it'));
    else if (o.fetchLinks === false || (!o.force && o.isStored(item.url))) skipped++;
    else {
      toFetch.push(item.url);
      dates.push(item.published);
      slots.push(item.url);
    }
  });
  const fetched = new Map((await urlSources(toFetch, o, dates)).map((s, i) => [toFetch[i], s]));
  return { sources: slots.map((s) => (typeof s === 'string' ? fetched.get(s)! : s)), skipped };
}
