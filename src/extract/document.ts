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

function sentenceEndAfter(sentences: Sentence[]) {
  return (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.end ?? offset;
}

/** Whether a quotation opening at `openAt` follows its attribution or starts its sentence (then it may run on). */
function fullQuoteBefore(body: string, sentences: Sentence[], tokens: Token[], res: Resources) {
  return (openAt: number) => {
    const s = sentences.find((x) => x.start <= openAt && openAt < x.end);
    const before = body.slice(s ? s.start : 0, openAt).trimEnd();
    if (!before) return true;
    if (/[:,]$/.test(before) || /\bthat$/i.test(before)) return true;
    // the word before is a verb of saying ("said “...")
    const prev = s ? tokens.slice(s.tokStart, s.tokEnd).filter((t) => t.end <= openAt).pop() : undefined;
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

/** The quotation whose content holds `span`, if any. */
export function quoteHolding(doc: Doc, span: Span): Quote | undefined {
  return doc.quotes.find((q) => q.start <= span.start && span.end <= q.end);
}
