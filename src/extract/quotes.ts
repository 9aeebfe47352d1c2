// Finds quotation spans in each paragraph: curly and straight double quotes, British single quotes, unclosed and stray marks.

import type { Span } from './types.js';

export interface Quote {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark, or -1 when the quote was never closed */
  close: number;
  /** the words inside the marks (start..end), trimmed */
  start: number;
  end: number;
  para: number;
  /** closed by the end of its sentence or paragraph because the closing mark was missing */
  unclosed: boolean;
  /** this paragraph's quote continues an unclosed quote of the previous paragraph */
  continues: boolean;
}

const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
// jump from mark to mark instead of visiting every character
const DOUBLE_MARK = /[“„«”»"]/g;
const OPENING_CONTEXT = /[\s(\[{—–\-/:;,]/u;

/**
 * Quote spans of the body. `fullQuoteBefore(openAt)` tells whether an unclosed quote opening at that offset
 * follows its attribution ("said: “", "said that “", sentence start), in which case it runs to the end of the
 * paragraph; otherwise it is a partial quote inside a sentence and closes with that sentence.
 */
export function findQuotes(
  body: string,
  paragraphs: Span[],
  sentenceEndAfter: (offset: number) => number,
  fullQuoteBefore: (openAt: number) => boolean,
): Quote[] {
  const out: Quote[] = [];
  let carry = false; // previous paragraph ended inside a quote
  // every double mark of the body, found in one pass: a search from each paragraph's start for its first mark would
  // run on through every paragraph without one (20,000 short paragraphs: the square of the text)
  const marks: number[] = [];
  DOUBLE_MARK.lastIndex = 0;
  for (let m = DOUBLE_MARK.exec(body); m; m = DOUBLE_MARK.exec(body)) marks.push(m.index);
  let next = 0;
  paragraphs.forEach((p, para) => {
    while (next < marks.length && marks[next] < p.start) next++;
    const doubles = findDoubles(body, p, para, marks, next, sentenceEndAfter, fullQuoteBefore);
    const quotes = doubles.length || !/[‘']/.test(body.slice(p.start, p.end)) ? doubles : findSingles(body, p, para);
    if (carry && quotes.length && quotes[0].open === firstNonSpace(body, p.start)) quotes[0].continues = true;
    const last = quotes[quotes.length - 1];
    carry = !!last && last.unclosed && last.end >= p.end - 1;
    out.push(...quotes);
  });
  return out;
}

function firstNonSpace(body: string, i: number) {
  while (body[i] === ' ') i++;
  return i;
}

function make(body: string, open: number, close: number, end: number, para: number, unclosed: boolean): Quote | null {
  let s = open + 1;
  let e = end;
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  // a quote needs a letter or digit inside; "“, and that “" is a stray mark
  if (!/[\p{L}\p{N}]/u.test(body.slice(s, e))) return null;
  return { open, close, start: s, end: e, para, unclosed, continues: false };
}

function findDoubles(
  body: string,
  p: Span,
  para: number,
  marks: number[],
  first: number,
  sentenceEndAfter: (offset: number) => number,
  fullQuoteBefore: (openAt: number) => boolean,
): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  const closeUnclosed = (limit: number) => {
    // the closing mark is missing: a quote that follows its attribution runs to the paragraph end (or to the
    // next opening mark); a partial quote inside a sentence ends with that sentence
    const end = fullQuoteBefore(open) ? limit : Math.min(limit, sentenceEndAfter(open));
    const q = make(body, open, -1, end, para, true);
    if (q) out.push(q);
  };
  for (let k = first; k < marks.length && marks[k] < p.end; k++) {
    const i = marks[k];
    const ch = body[i];
    let isOpen: boolean;
    if (OPEN_DOUBLE.has(ch)) isOpen = true;
    else if (CLOSE_DOUBLE.has(ch)) isOpen = false;
    else if (ch === '"') {
      // a straight mark opens after a space or bracket (or at the start), closes otherwise
      const prev = i > p.start ? body[i - 1] : ' ';
      isOpen = open < 0 && (OPENING_CONTEXT.test(prev) || OPEN_DOUBLE.has(prev));
      if (open >= 0) isOpen = false;
    } else continue;
    if (isOpen) {
      if (open >= 0) {
        // "“ ... “": the first mark never closed. If it holds words it is a quote cut off before the new one,
        // else it is a stray mark ("theaters.” “, and that “our security")
        const inner = body.slice(open + 1, i);
        if (/[\p{L}\p{N}]{2}/u.test(inner) && !/^\s*[,;.]/.test(inner)) closeUnclosed(i);
      }
      open = i;
    } else if (open >= 0) {
      const q = make(body, open, i, i, para, false);
      if (q) out.push(q);
      open = -1;
    }
    // a closing mark with nothing open is stray (or ends a quote begun in an earlier paragraph): ignored
  }
  if (open >= 0) closeUnclosed(p.end);
  return out;
}

// British style: ‘...’ or '...' quotes, only looked for in paragraphs without double quotes. An apostrophe
// between letters (don’t, Russia’s) or after a plural (protesters’) neither opens nor closes.
function findSingles(body: string, p: Span, para: number): Quote[] {
  const out: Quote[] = [];
  let open = -1;
  for (let i = p.start; i < p.end; i++) {
    const ch = body[i];
    if (ch !== '‘' && ch !== '’' && ch !== "'") continue;
    const prev = i > p.start ? body[i - 1] : ' ';
    const next = i + 1 < p.end ? body[i + 1] : ' ';
    const letterBefore = /[\p{L}\p{N}]/u.test(prev);
    const letterAfter = /[\p{L}\p{N}]/u.test(next);
    if (letterBefore && letterAfter) continue; // apostrophe inside a word
    if (open < 0 && !letterBefore && letterAfter && (ch === '‘' || OPENING_CONTEXT.test(prev) || i === p.start)) open = i;
    else if (open >= 0 && !letterAfter && (ch !== '‘') && !(prev === 's' && /\s/.test(next) && !/[.,!?]/.test(body[i - 2] ?? ''))) {
      const q = make(body, open, i, i, para, false);
      if (q) out.push(q);
      open = -1;
    }
  }
  return out;
}
