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
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const t = m[0];
    const start = base + m.index;
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

/** A hyphenated word that is not itself a known name but contains one. */
function splitsIntoNames(t: string): boolean {
  if (LEXICON.gazetteer.has(lower(t))) return false;
  return t.split('-').some((p) => CAP.test(p) && (LEXICON.gazetteer.get(lower(p)) ?? []).some((e) => e.tokens.length === 1));
}

export const isPossessive = (t: Token | undefined) => !!t && (t.lower === "'s" || t.text === '’' || t.text === "'");
export const isFunctionWord = (t: Token) => LEXICON.functionWords.has(t.lower);
