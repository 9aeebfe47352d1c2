// An article given as fields (over HTTP, or as one line of a JSON Lines file) turned into what the Ingester takes.

import { isIsoDay } from '../common/iso-day.js';
import { decodeText, IngestError, type ArticleMetaFile } from './files.js';
import { contentHash, derivedSlug, normalizeUrl, partsToFile, type IngestFile } from './convert.js';
import type { PageReader } from './html.js';
import { parseArticle, ArticleFormatError } from '../extract/parse.js';

export interface ArticleSubmission {
  /** The article id; by default derived from the URL (or, without one, the headline), so sending it again replaces it. */
  id?: string;
  /** The whole article in the file format (source line, blank line, headline, blank line, paragraphs)... */
  text?: string;
  /** ...or its parts: a headline with a plain-text body... */
  title?: string;
  body?: string;
  /** ...or the article's web page (the headline and metadata then come from the page unless given here). */
  html?: string;
  source?: string | null;
  published?: string | null;
  url?: string | null;
  language?: string | null;
}

// "2024-11-14", or a timestamp as news APIs export it ("2024-11-14T09:30:00Z"): the day is what we keep
const PUBLISHED = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The day of a `published` value, or an IngestError naming the field. */
export function publishedDay(value: string | null | undefined): string | null {
  const published = value?.trim() || null;
  if (published === null) return null;
  const day = PUBLISHED.exec(published)?.[1];
  if (!day || !isIsoDay(day)) throw new IngestError(`published must be a real date as YYYY-MM-DD (or an ISO 8601 timestamp), got "${published.slice(0, 40)}"`);
  return day;
}

/**
 * The article file a submission amounts to. The same submission always gives the same content hash, so sending it
 * twice is a no-op, exactly as ingesting an unchanged file is. `reader` reads an `html` submission. Throws IngestError
 * with a reason for the user.
 */
export function submissionToFile(submission: ArticleSubmission, reader?: PageReader): IngestFile {
  const s = wellFormedFields(submission);
  const given = [s.text !== undefined && 'text', s.body !== undefined && 'body', s.html !== undefined && 'html'].filter(Boolean);
  if (given.length > 1) throw new IngestError(`give either the article text, or its title and body, or its web page as html; not ${given.join(' and ')}`);
  if (s.text !== undefined && s.title !== undefined) throw new IngestError('give either the article text or its title and body, not both');
  if (!given.length) throw new IngestError('give the article text, or both title and body, or its web page as html');
  if (s.body !== undefined && s.title === undefined) throw new IngestError('give the article text, or both title and body');
  const published = publishedDay(s.published);
  const url = normalizeUrl(s.url ?? null) ?? (s.url?.trim() || null);
  const source = s.source?.trim() || null;
  const language = s.language?.trim() || null;

  if (s.html !== undefined) {
    if (!reader) throw new IngestError('web pages cannot be read here');
    // an export's "html" is often the story's own markup, not a page around it: nothing to search or take metadata from
    if (!/<(?:html|head|body)\b/i.test(s.html.slice(0, 10_000))) {
      if (!s.title?.trim()) throw new IngestError('title is needed with html that is the story alone (not a whole web page)');
      const paragraphs = reader.readFragment(s.html, s.title);
      return partsToFile({ title: s.title, paragraphs, published, url, source, language }, { slug: s.id });
    }
    // the page's own metadata, overridden by whatever the submission states
    const page = reader.read(s.html, url);
    const parts = { paragraphs: page.paragraphs, title: s.title?.trim() || page.title, published: published ?? page.published, url: url ?? page.url, source: source ?? page.source, language: language ?? page.language };
    return partsToFile(parts, { slug: s.id });
  }
  if (s.body !== undefined) {
    // the same checks a file gets: not empty, no NUL bytes
    decodeText(Buffer.from(`${s.title}\n${s.body}`, 'utf8'));
    const file = partsToFile({ title: s.title!, paragraphs: s.body.replace(/\r\n?/g, '\n').trim().split(/\n[ \t]*\n/), published, url, source, language }, { slug: s.id });
    checkFormat(file.text);
    return file;
  }
  const text = s.text!;
  decodeText(Buffer.from(text, 'utf8'));
  const meta: ArticleMetaFile = { published, url, source, language };
  const title = checkFormat(text);
  const slug = s.id ?? derivedSlug(url, title);
  return { slug, text, meta, contentHash: contentHash(text, meta), path: null, byUrl: s.id === undefined && url !== null };
}

/** The headline of an article text, or its format error as an IngestError. */
function checkFormat(text: string): string {
  try {
    return parseArticle(text).title;
  } catch (err) {
    if (err instanceof ArticleFormatError) throw new IngestError(err.reason);
    throw err;
  }
}

// half of a surrogate pair without the other half
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON can carry half a surrogate pair ("\ud800"), which no UTF-8 file can. SQLite would store it as three U+FFFD and
 * shift every offset after it, so it becomes one U+FFFD here, one UTF-16 unit for one, before extraction.
 */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** The submission with every text field well formed (see wellFormed): the body, headline and source line are all stored. */
function wellFormedFields(s: ArticleSubmission): ArticleSubmission {
  const out: ArticleSubmission = { ...s };
  for (const key of ['text', 'title', 'body', 'html', 'source'] as const) {
    const v = out[key];
    if (typeof v === 'string') out[key] = wellFormed(v);
  }
  return out;
}
