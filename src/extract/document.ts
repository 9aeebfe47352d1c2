// The one document object extraction builds per article: parsed text, tokens and sentences, quotations and dates.

import { findDates } from './dates.js';
import { tokenizeText, type Sentence, type Token } from './nlp/doc.js';
import { findQuotes, type Quote } from './quotes.js';
import type { Resources } from './resources.js';
import type { DateMention, ParsedArticle, Span } from './types.js';

export interface Doc {
  article: ParsedArticle;
  body: string;
  title: string;
  published: string | null;
  /** body tokens, then (from titleStart) the title's tokens, whose offsets point into `title` */
  tokens: Token[];
  titleStart: number;
  /** body sentences, then the title as the last sentence (para -1) */
  sentences: Sentence[];
  quotes: Quote[];
  dates: DateMention[];
}

export function buildDocument(article: ParsedArticle, published: string | null, res: Resources): Doc {
  const { body, title, paragraphs } = article;
  const bodyText = tokenizeText(res.nlp, body, paragraphs);
  const titleText = tokenizeText(res.nlp, title, [{ start: 0, end: title.length }], true);
  const tokens = bodyText.tokens;
  const titleStart = tokens.length;
  const sentences = bodyText.sentences;
  const shift = sentences.length;
  for (const t of titleText.tokens) tokens.push({ ...t, sentence: t.sentence + shift });
  for (const s of titleText.sentences) sentences.push({ ...s, tokStart: s.tokStart + titleStart, tokEnd: s.tokEnd + titleStart, para: -1 });

  const bodySentences = sentences.slice(0, shift);
  const quotes = findQuotes(body, paragraphs, sentenceEndAfter(bodySentences), fullQuoteBefore(body, bodySentences, tokens, res));
  markQuoted(tokens, titleStart, quotes);
  const dates = findDates(body, published);
  // "Friday, January 4, 2019" alone at the top (Wikinews, many blogs): a dateline, not the story's lead
  const first = paragraphs[0];
  if (first && paragraphs.length > 1) {
    const covered = dates.filter((d) => d.start >= first.start && d.end <= first.end).reduce((n, d) => n + d.end - d.start, 0);
    if (covered >= 0.6 * body.slice(first.start, first.end).replace(/[\s,.]/g, '').length) for (const x of sentences) if (x.para === 0) x.dateline = true;
  }
  return { article, body, title, published, tokens, titleStart, sentences, quotes, dates };
}

/** The sentence holding `offset` (binary search: quotation finding asks once per mark, and must stay linear). */
function sentenceAt(sentences: Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function sentenceEndAfter(sentences: Sentence[]) {
  return (offset: number) => sentenceAt(sentences, offset)?.end ?? offset;
}

/** Whether a quotation opening at `openAt` follows its attribution or starts its sentence (then it may run on). */
function fullQuoteBefore(body: string, sentences: Sentence[], tokens: Token[], res: Resources) {
  return (openAt: number) => {
    const s = sentenceAt(sentences, openAt);
    const from = s ? s.start : 0;
    // only the end of what comes before matters: look at most 200 characters back
    const before = body.slice(Math.max(from, openAt - 200), openAt).trimEnd();
    if (!before) return true;
    if (/[:,]$/.test(before) || /\bthat$/i.test(before)) return true;
    // the word before is a verb of saying ("said “...")
    let lo = s ? s.tokStart : 0;
    let hi = s ? s.tokEnd : 0;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid].end <= openAt) lo = mid + 1;
      else hi = mid;
    }
    const prev = s && lo > s.tokStart ? tokens[lo - 1] : undefined;
    return !!prev && (res.lexicon.cues.get(prev.lemma) ?? res.lexicon.cues.get(prev.lower) ?? []).some((c) => c.words.length === 1 && c.kind === 'speech');
  };
}

function markQuoted(tokens: Token[], bodyEnd: number, quotes: Quote[]) {
  let q = 0;
  for (let k = 0; k < bodyEnd; k++) {
    const t = tokens[k];
    while (q < quotes.length && quotes[q].end <= t.start) q++;
    if (q < quotes.length && t.start >= quotes[q].start && t.end <= quotes[q].end) t.quoted = true;
  }
}

/** Index of the first body token starting at or after `offset` (titleStart when none): a binary search, for linear-time stages. */
export function tokenFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.titleStart;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first quotation opening at or after `offset` (quotes.length when none). */
export function quoteFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.quotes[mid].open < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Dates lying wholly inside [start, end), in text order (a binary search: stages ask once per statement). */
export function datesWithin(doc: Doc, start: number, end: number): DateMention[] {
  const out: DateMention[] = [];
  for (let i = dateFrom(doc, start); i < doc.dates.length && doc.dates[i].start < end; i++) if (doc.dates[i].end <= end) out.push(doc.dates[i]);
  return out;
}

/** The date starting exactly at `offset`, if any (binary search). */
export function dateStartingAt(doc: Doc, offset: number): DateMention | undefined {
  const d = doc.dates[dateFrom(doc, offset)];
  return d && d.start === offset ? d : undefined;
}

/** Whether a date covers [start, end): dates never overlap, so only the last one starting at or before `start` can. */
export function dateCovers(doc: Doc, start: number, end: number): boolean {
  const d = doc.dates[dateFrom(doc, start + 1) - 1];
  return !!d && d.start <= start && end <= d.end;
}

/** Index of the first date starting at or after `offset`. */
function dateFrom(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.dates[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether one quoted body token covers [start, end): the token starting last at or before `start` is the only one that can. */
export function quotedAt(doc: Doc, start: number, end: number): boolean {
  const t = doc.tokens[tokenFrom(doc, start + 1) - 1];
  return !!t && t.quoted && t.start <= start && end <= t.end;
}

/** The quotation whose content holds `span`, if any. */
export function quoteHolding(doc: Doc, span: Span): Quote | undefined {
  return doc.quotes.find((q) => q.start <= span.start && span.end <= q.end);
}
