// Word tokens with body offsets: the unit every later stage (actors, cues, speakers) walks over.

import { LEXICON, TOKEN_RE, lower } from './lexicon.js';

export interface Token {
  text: string;
  /** lower case, curly apostrophes straightened */
  lower: string;
  start: number;
  end: number;
  /** starts with an upper-case letter */
  cap: boolean;
  /** letters or digits (not punctuation) */
  word: boolean;
  /** inside a quotation's content (set by statements) */
  quoted: boolean;
}

const CAP = /^\p{Lu}/u;
const WORD = /^[\p{L}\p{N}]/u;
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const DOTTED = /^(?:\p{L}\.)+$/u;

// Every token is tested for these; an ASCII first character is answered without running a regex.
const startsCapital = (t: string) => {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : CAP.test(t);
};
const startsWordChar = (t: string) => {
  const c = t.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) : WORD.test(t);
};
/** Whether t ends in 's or ’s, which POSSESSIVE needs. */
const endsInApostropheS = (t: string) => {
  const c = t.charCodeAt(t.length - 2);
  return t.charCodeAt(t.length - 1) === 115 /* s */ && (c === 39 /* ' */ || c === 0x2019 /* ’ */);
};

/** Tokens of text, with offsets shifted by `base` (the text's offset in the body). Possessive 's is its own token. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const push = (t: string, start: number) =>
    out.push({ text: t, lower: lower(t), start, end: start + t.length, cap: startsCapital(t), word: startsWordChar(t), quoted: false });
  for (let at = nextToken(text, 0); at >= 0; at = nextToken(text, scanEnd)) {
    const t = text.slice(at, scanEnd);
    const start = base + at;
    const poss = t.length > 2 && endsInApostropheS(t) && !DOTTED.test(t) ? POSSESSIVE.exec(t) : null;
    if (t.includes('-') && splitsIntoNames(t)) {
      // "Israeli-Cypriot-Greek", "Turkish-claimed", "anti-Western": the known names inside are their own tokens
      let at = start;
      for (const part of t.split(/(-)/)) {
        if (part) push(part, at);
        at += part.length;
      }
    } else if (poss) {
      push(poss[1], start);
      push(poss[2], start + poss[1].length);
    } else push(t, start);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// TOKEN_RE's matches, found by a hand-written scan while the text is ASCII (most of any English article): running
// the regex once per token was the largest part of tokenizing. Wherever a character beyond ASCII could change the
// match (a letter with an accent, a mark, a space other than ASCII ones, a quotation mark) the regex itself finds
// the match from there, so the tokens are exactly TOKEN_RE's (test/extract/tokens.test.ts compares them).

// a copy of its own: other modules use TOKEN_RE with matchAll, which starts from the regex's lastIndex
const TOKEN_FROM = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);

/** End of the match nextToken found last (tokenize reads it right after each call). */
let scanEnd = 0;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || (c >= 48 && c <= 57);
/** [-.&'] of TOKEN_RE's connectors; its fourth, ’, is U+2019. */
const isConnector = (c: number) => c === 45 || c === 46 || c === 38 || c === 39 || c === 0x2019;

/** Offset of the next TOKEN_RE match at or after `from` (its end in scanEnd), or -1. */
function nextToken(text: string, from: number): number {
  const n = text.length;
  let pos = from;
  // ASCII white space: TOKEN_RE matches nothing there
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && (c < 9 || c > 13)) break;
    pos++;
  }
  if (pos >= n) return -1;
  const end = asciiMatchAt(text, pos);
  if (end > 0) {
    scanEnd = end;
    return pos;
  }
  TOKEN_FROM.lastIndex = pos;
  const m = TOKEN_FROM.exec(text);
  if (!m) return -1;
  scanEnd = m.index + m[0].length;
  return m.index;
}

/** End of TOKEN_RE's match at `pos` when only ASCII characters (and ’ as a connector) decide it, else 0. */
function asciiMatchAt(text: string, pos: number): number {
  const n = text.length;
  const c = text.charCodeAt(pos);
  if (c >= 128) return 0;
  if (!isAsciiAlnum(c)) return pos + 1; // [^\s\p{L}\p{N}\p{M}]: one punctuation character
  if (isAsciiLetter(c)) {
    // (?:\p{L}\.){2,}: "U.S.", "e.g."
    let j = pos;
    let pairs = 0;
    for (; j < n; j += 2) {
      const l = text.charCodeAt(j);
      if (l >= 128) return 0; // a letter beyond ASCII may make another pair
      if (!isAsciiLetter(l) || text.charCodeAt(j + 1) !== 46) break;
      pairs++;
    }
    if (pairs >= 2) return j;
  }
  // [\p{L}\p{N}\p{M}]+(?:[-.&'’][\p{L}\p{N}\p{M}]+)*
  let j = pos + 1;
  for (;;) {
    while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
    if (j >= n) return j;
    const next = text.charCodeAt(j);
    if (next >= 128 && next !== 0x2019) return 0; // a mark or letter beyond ASCII may continue the word
    if (!isConnector(next) || j + 1 >= n) return j;
    const after = text.charCodeAt(j + 1);
    if (after >= 128) return 0;
    if (!isAsciiAlnum(after)) return j;
    j += 2;
  }
}

/** A hyphenated word that is not itself a known name but contains one. */
function splitsIntoNames(t: string): boolean {
  if (LEXICON.gazetteer.has(lower(t))) return false;
  return t.split('-').some((p) => CAP.test(p) && (LEXICON.gazetteer.get(lower(p)) ?? []).some((e) => e.tokens.length === 1));
}

export const isPossessive = (t: Token | undefined) => !!t && (t.lower === "'s" || t.text === '’' || t.text === "'");
export const isFunctionWord = (t: Token) => LEXICON.functionWords.has(t.lower);
