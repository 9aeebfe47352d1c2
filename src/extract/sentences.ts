// Splits paragraphs into sentences with body offsets, without breaking after abbreviations (Mr., U.S., Dr.) or initials.

import { LEXICON, lower } from './lexicon.js';
import type { Span } from './types.js';

export interface Sentence extends Span {
  /** index of the paragraph in ParsedArticle.paragraphs */
  para: number;
  /** a wire-copy dateline ("DAYTON, Ohio (AP) —"): places and an agency, never a sentence's subject */
  dateline?: boolean;
}

// "WASHINGTON (AP) — ", "OSLO, May 14 (Reuters) - ", "BOULDER CREEK, Colo. (AP) — ", "Berlin, 5 March (dpa) – ": a place in
// capitals or an agency in brackets, an optional state or date, then a dash before the first sentence
const DATELINE =
  /^(\p{Lu}[\p{L}\p{M}.'’-]*(?:[ /]\p{Lu}[\p{L}\p{M}.'’-]*){0,3})(?:,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?(?:,?\s*(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}))?\s*(\([\p{L}\p{N} .&'’-]{1,30}\))?\s*(?:—|–|--|-)\s+(?=[“"‘]?[\p{Lu}\d])/u;

/** Length of a dateline opening the paragraph at `start`, or 0. */
export function datelineLength(body: string, start: number, end: number): number {
  const m = DATELINE.exec(body.slice(start, Math.min(end, start + 90)));
  if (!m) return 0;
  // a place in capitals ("DAYTON") or an agency in brackets: "Talks - what next" is no dateline
  if (!m[2] && !/\p{Lu}{3,}/u.test(m[1])) return 0;
  return m[0].length;
}

const OPENERS = '“‘"\'(["«';
const CLOSERS = '”’"\')]»';

/** Sentences of every paragraph, in body order. */
export function splitSentences(body: string, paragraphs: Span[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, para) => {
    let start = p.start;
    const dl = para === 0 ? datelineLength(body, p.start, p.end) : 0;
    if (dl) {
      let e = p.start + dl;
      while (e > p.start && /\s/.test(body[e - 1])) e--;
      out.push({ start, end: e, para, dateline: true });
      start = p.start + dl;
    }
    for (let i = start; i < p.end; i++) {
      const ch = body[i];
      if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
      // closing quotes and brackets right after the stop belong to this sentence
      let j = i + 1;
      while (j < p.end && CLOSERS.includes(body[j])) j++;
      if (j >= p.end) break;
      if (body[j] !== ' ' && body[j] !== '\t') continue;
      let k = j;
      while (k < p.end && body[k] === ' ') k++;
      while (k < p.end && OPENERS.includes(body[k])) k++;
      const next = body[k] ?? '';
      // a sentence starts with a capital or a digit; "economic challenges. maintain its" is one sentence
      if (!/[\p{Lu}\d]/u.test(next)) continue;
      if (ch === '.' && j === i + 1 && !endsSentence(body, p.start, i, k)) continue;
      out.push({ start, end: j, para });
      start = k - countOpeners(body, k);
      i = j - 1;
    }
    if (start < p.end) out.push({ start, end: p.end, para });
  });
  return out;
}

function countOpeners(body: string, k: number): number {
  let n = 0;
  while (k - n - 1 >= 0 && OPENERS.includes(body[k - n - 1])) n++;
  return n;
}

/** Whether the period at `dot` ends a sentence, judged by the word before it and the word after. */
function endsSentence(body: string, paraStart: number, dot: number, next: number): boolean {
  let w = dot;
  while (w > paraStart && /[\p{L}\p{N}.'’-]/u.test(body[w - 1])) w--;
  const word = body.slice(w, dot);
  // a single capital is an initial ("Jessie K. Liu"), unless it closes a dotted abbreviation
  if (/^\p{Lu}$/u.test(word)) return false;
  const key = lower(word.replace(/^[.]+/, ''));
  if (!LEXICON.abbreviations.has(key) && !/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  // "in the U.S. The next day": an abbreviation followed by a word that only starts sentences
  const after = /^[\p{L}']+/u.exec(body.slice(next, next + 20))?.[0] ?? '';
  return LEXICON.functionWords.has(lower(after)) && !/^(?:mr|mrs|ms|dr)$/.test(key);
}
