// An article sent over HTTP (file text, or title and body as fields) turned into what the Ingester takes from a file.

import { createHash } from 'node:crypto';
import { decodeText, IngestError, isIsoDay, type ArticleFile, type ArticleMetaFile } from './files.js';
import { parseArticle, ArticleFormatError } from '../extract/parse.js';

export interface ArticleSubmission {
  /** The article id; by default derived from the URL (or, without one, the headline), so sending it again replaces it. */
  id?: string;
  /** The whole article in the file format (source line, blank line, headline, blank line, paragraphs)... */
  text?: string;
  /** ...or its parts. */
  title?: string;
  body?: string;
  source?: string | null;
  published?: string | null;
  url?: string | null;
  language?: string | null;
}

/** Ids are used in URLs and compared with file-derived ids, so they follow the same alphabet as file names do. */
export const SUBMISSION_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/;

/**
 * The article file a submission amounts to. The same submission always gives the same content hash, so sending it
 * twice is a no-op, exactly as ingesting an unchanged file is. Throws IngestError with a reason for the user.
 */
export function submissionToFile(s: ArticleSubmission): Pick<ArticleFile, 'slug' | 'text' | 'meta' | 'contentHash'> & { path: null } {
  const hasParts = s.title !== undefined || s.body !== undefined;
  if (s.text !== undefined && hasParts) throw new IngestError('give either the article text or its title and body, not both');
  if (s.text === undefined && (s.title === undefined || s.body === undefined)) throw new IngestError('give the article text, or both title and body');
  const source = s.source?.trim() || null;
  const text = wellFormed(
    s.text ??
      // the file format wants a source line; its content only matters when no `source` is given
      `${source ?? (s.url ? safeHost(s.url) : null) ?? 'unknown source'}\n\n${s.title!.replace(/\s+/g, ' ').trim()}\n\n${s.body!.replace(/\r\n?/g, '\n').trim()}\n`,
  );
  // the same checks a file gets: not empty, no NUL bytes
  decodeText(Buffer.from(text, 'utf8'));
  const published = s.published?.trim() || null;
  if (published !== null && !isIsoDay(published)) throw new IngestError(`published must be a real date as YYYY-MM-DD, got "${published.slice(0, 40)}"`);
  const meta: ArticleMetaFile = { published, url: s.url?.trim() || null, source, language: s.language?.trim() || null };
  let title: string;
  try {
    title = parseArticle(text).title;
  } catch (err) {
    if (err instanceof ArticleFormatError) throw new IngestError(err.reason);
    throw err;
  }
  const slug = s.id ?? `post-${createHash('sha256').update(meta.url ?? title).digest('hex').slice(0, 16)}`;
  const contentHash = createHash('sha256').update(text).update('\0').update(JSON.stringify(meta)).digest('hex');
  return { slug, text, meta, contentHash, path: null };
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

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
