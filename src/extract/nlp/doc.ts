// The document every extraction stage reads: wink-nlp's tokens, tags, lemmas and sentences with exact body offsets.

import type { Span } from '../types.js';
import type { Nlp } from './wink.js';

export interface Token {
  /** the characters of the body this token covers */
  text: string;
  /** lower case, curly apostrophes straightened */
  lower: string;
  /** wink-nlp's lemma, lower case */
  lemma: string;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ...) */
  pos: string;
  start: number;
  end: number;
  /** starts with an upper-case letter */
  cap: boolean;
  /** starts with a letter or digit */
  word: boolean;
  /** inside a quotation's content */
  quoted: boolean;
  /** index of its sentence in Doc.sentences */
  sentence: number;
  /** white space (or nothing) between the previous token and this one */
  spaceBefore: boolean;
}

export interface Sentence extends Span {
  /** tokens [tokStart, tokEnd) of Doc.tokens */
  tokStart: number;
  tokEnd: number;
  /** paragraph index, or -1 for the title */
  para: number;
  /** a wire-copy dateline ("DAYTON, Ohio (AP) —"): places and an agency, never a sentence's subject */
  dateline: boolean;
}

export interface TokenizedText {
  tokens: Token[];
  sentences: Sentence[];
}

const CAP = /^\p{Lu}/u;
const WORD = /^[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

export const lowerOf = (s: string) => s.toLowerCase().replace(/’/g, "'");

/** What wink's tokenizer splits raw tokens at (its model's `splitter`). */
const WINK_SPACE = /[ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f\n\r\t]/;
const WORD_RUN = 100;
const MAX_SENTENCE = 500;
const TOKEN_SEARCH = 1000;

/**
 * wink-nlp's English model splits words at letters beyond Latin-1 ("Erdoğan" → "Erdo", "ğ", "an"). Such letters
 * (and combining marks) are replaced, one UTF-16 unit for one, by a Latin letter of the same case before tagging, so
 * token boundaries fall where a reader expects and every offset still points at the original text.
 */
function winkSafe(text: string): string {
  let out: string[] | null = null;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Bound: wink's tokenizer tries an e-mail pattern from every character of a run without white space, so a run
    // costs the square of its length (a 30 KB "word" took 4 s). A run past WORD_RUN characters (longer than any word; the
    // rare longer URL loses nothing we extract) is cut there by a space in what wink sees; offsets are unchanged.
    if (WINK_SPACE.test(text[i])) run = 0;
    else if (++run > WORD_RUN && !(c >= 0xdc00 && c <= 0xdfff)) {
      out ??= text.split('');
      out[i] = ' ';
      run = 0;
      continue;
    }
    if (c <= 0xff) continue;
    const ch = text[i];
    let rep: string | null = null;
    if (c >= 0xd800 && c <= 0xdfff) rep = null; // surrogate halves (emoji) are left as they are
    else if (LETTER.test(ch)) rep = ch === ch.toLowerCase() && ch !== ch.toUpperCase() ? 'x' : ch.toUpperCase() === ch && ch.toLowerCase() !== ch ? 'X' : 'x';
    else if (MARK.test(ch)) rep = 'x';
    if (rep !== null) {
      out ??= text.split('');
      out[i] = rep;
    }
  }
  return out ? out.join('') : text;
}

// "WASHINGTON (AP) — ", "OSLO, May 14 (Reuters) - ", "BOULDER CREEK, Colo. (AP) — ": a place in capitals or an
// agency in brackets, an optional state or date, then a dash before the first sentence
const DATELINE =
  /^(\p{Lu}[\p{L}\p{M}.'’-]*(?:[ /]\p{Lu}[\p{L}\p{M}.'’-]*){0,3})(?:,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)?(?:,?\s*(?:\p{Lu}\p{Ll}{2,8}\.? \d{1,2}|\d{1,2} \p{Lu}\p{Ll}{2,8}))?\s*(\([\p{L}\p{N} .&'’-]{1,30}\))?\s*(?:—|–|--|-)\s+(?=[“"‘]?[\p{Lu}\d])/u;

/** Length of a dateline opening the text at `start`, or 0. */
export function datelineLength(text: string, start: number, end: number): number {
  const m = DATELINE.exec(text.slice(start, Math.min(end, start + 90)));
  if (!m) return 0;
  // a place in capitals ("DAYTON") or an agency in brackets: "Talks - what next" is no dateline
  if (!m[2] && !/\p{Lu}{3,}/u.test(m[1])) return 0;
  return m[0].length;
}

/**
 * Tokens and sentences of `text` (the body, or the title with `para` -1), sentences never crossing a paragraph.
 * `paragraphs` are spans of `text`; a dateline at the start of the first paragraph is a sentence of its own.
 */
export function tokenizeText(nlp: Nlp, text: string, paragraphs: Span[], titleMode = false): TokenizedText {
  const safe = winkSafe(text);
  const doc = nlp.winkNlp.readDoc(safe);
  // wink's typings do not cover every helper its `out` accepts
  const its = nlp.winkNlp.its as unknown as Record<'precedingSpaces' | 'pos' | 'lemma' | 'span', Parameters<ReturnType<typeof doc.tokens>['out']>[0]>;
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // offsets: each token follows its preceding spaces; if wink ever normalised a character or counted spaces
  // differently, find the token again in the text wink read (the same length as `text`). Bound: within the next
  // TOKEN_SEARCH characters only; a token wink made up would otherwise be looked for to the end of the text, once per
  // token (1 MB of mixed scripts and spaces: 4.5 billion characters compared)
  const starts = new Int32Array(values.length);
  let pos = 0;
  for (let k = 0; k < values.length; k++) {
    pos += spaces[k].length;
    if (safe.substr(pos, values[k].length) !== values[k]) {
      const found = safe.slice(pos, pos + TOKEN_SEARCH + values[k].length).indexOf(values[k]);
      if (found >= 0) pos += found;
    }
    starts[k] = pos;
    pos += values[k].length;
  }

  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let para = 0;
  const paraOf = (offset: number) => {
    while (para + 1 < paragraphs.length && paragraphs[para + 1].start <= offset) para++;
    return para;
  };
  const dateline = !titleMode && paragraphs.length ? datelineLength(text, paragraphs[0].start, paragraphs[0].end) : 0;
  const datelineEnd = dateline ? paragraphs[0].start + dateline : -1;
  const winkStarts = new Set(spans.map((sp) => sp[0]));
  let open: Sentence | null = null;
  const close = () => {
    if (open) sentences.push(open);
    open = null;
  };
  for (let k = 0; k < values.length; k++) {
    const start = starts[k];
    const end = start + values[k].length;
    // wink keeps runs of line breaks as tokens; they are white space, not words
    if (tags[k] === 'SPACE' || !values[k].trim()) continue;
    const p = titleMode ? -1 : paraOf(start);
    const inDateline = start < datelineEnd;
    // a new sentence where wink starts one, at a new paragraph, and after a dateline
    const cur = open as Sentence | null;
    // Bound: a sentence has at most MAX_SENTENCE tokens. Stages look across a sentence for each cue, name and date in
    // it, which costs the square of its length; text without full stops (runs of capitals, chains of appositives)
    // would be one sentence of 100,000 words. The longest sentence in the corpus has 459 tokens.
    const full = !!cur && cur.tokEnd - cur.tokStart >= MAX_SENTENCE;
    if (!cur || cur.para !== p || (winkStarts.has(k) && !inDateline) || (cur.dateline && !inDateline) || full) {
      close();
      open = { start, end, tokStart: tokens.length, tokEnd: tokens.length, para: p, dateline: inDateline };
    }
    const t = text.slice(start, end);
    const s = open as unknown as Sentence;
    // a lemma of a word winkSafe changed is the word itself ("Erdoğan")
    const lemma = t === values[k] ? (lemmas[k] ?? t) : t;
    tokens.push({
      text: t,
      lower: lowerOf(t),
      lemma: lowerOf(lemma),
      pos: tags[k] ?? 'X',
      start,
      end,
      cap: CAP.test(t),
      word: WORD.test(t),
      quoted: false,
      sentence: sentences.length,
      spaceBefore: spaces[k].length > 0,
    });
    s.tokEnd = tokens.length;
    s.end = end;
  }
  close();
  return { tokens, sentences };
}
