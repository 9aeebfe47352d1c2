// Proposes spans that may name an actor: known names from the gazetteer and runs of capitalised words.

import type { Doc } from '../document.js';
import type { Sentence, Token } from '../nlp/doc.js';
import type { GazetteerEntry, Lexicon } from '../resources.js';

export interface NameCandidate {
  /** tokens [tokStart, tokEnd) of Doc.tokens */
  tokStart: number;
  tokEnd: number;
  sentence: number;
  field: 'body' | 'title';
  /** the words as written, without a title before them */
  text: string;
  /** a gazetteer entry that covers exactly these tokens */
  known: GazetteerEntry | null;
  /** title tokens right before the name ("Foreign Minister" in "Foreign Minister Sergei Lavrov"), or null */
  titleStart: number | null;
  /** an honorific right before ("Mr", "Dr") */
  honorific: string | null;
}


const isNameWord = (t: Token | undefined) => !!t && t.word && (t.cap || /^\d/.test(t.text) === false && /^[\p{Lu}]/u.test(t.text));

/** The longest gazetteer entry starting at token i, honouring exact (case-sensitive) entries. */
export function gazetteerAt(lex: Lexicon, tokens: Token[], i: number, end: number): GazetteerEntry | null {
  const list = lex.gazetteer.get(tokens[i].lower);
  if (!list) return null;
  for (const e of list) {
    if (i + e.tokens.length > end) continue;
    let ok = true;
    for (let k = 0; k < e.tokens.length && ok; k++) {
      const t = tokens[i + k];
      if (t.lower !== e.tokens[k]) ok = false;
      // connectors inside a name may be lower case; its first word must be capitalised
      else if (k === 0 && !t.cap) ok = false;
      else if (e.exact && t.text !== t.text.toUpperCase()) ok = false;
    }
    if (ok) return e;
  }
  return null;
}

/** Length of an office title starting at token i ("prime minister", "sen."), 0 when there is none. */
export function titleAt(lex: Lexicon, tokens: Token[], i: number, end: number): number {
  const t = tokens[i];
  if (!t) return 0;
  const key = t.lower.replace(/\.$/, '');
  for (const words of lex.titles.get(t.lower) ?? lex.titles.get(key) ?? []) {
    if (i + words.length > end) continue;
    if (words.every((w, k) => tokens[i + k].lower === w || tokens[i + k].lower.replace(/\.$/, '') === w.replace(/\.$/, ''))) return words.length;
  }
  return 0;
}

/** Every name candidate of every sentence, body then title, in token order; candidates never overlap. */
export function nameCandidates(doc: Doc, lex: Lexicon): NameCandidate[] {
  const out: NameCandidate[] = [];
  doc.sentences.forEach((s, si) => scanSentence(doc, lex, s, si, out));
  return out;
}

function scanSentence(doc: Doc, lex: Lexicon, s: Sentence, si: number, out: NameCandidate[]) {
  const toks = doc.tokens;
  const field = s.para < 0 ? 'title' : 'body';
  const text = field === 'title' ? doc.title : doc.body;
  let i = s.tokStart;
  while (i < s.tokEnd) {
    const t = toks[i];
    if (!isNameWord(t) && !hyphenParticleAt(lex, toks, i)) {
      i++;
      continue;
    }
    // a title or modifier phrase before a name: "Foreign Minister Sergei Lavrov", "Russian President Vladimir Putin"
    let titleStart: number | null = null;
    let honorific: string | null = null;
    let a = i;
    const titleRun = titleRunAt(lex, toks, a, s.tokEnd);
    if (titleRun > 0 && isNameWord(toks[a + titleRun]) && !lex.orgWords.has(toks[a + titleRun].lower)) {
      titleStart = a;
      a += titleRun;
    }
    // known names inside the title are mentions too ("Russian" in "Russian President Vladimir Putin")
    for (let k = i; k < a; ) {
      const g = gazetteerAt(lex, toks, k, a);
      if (!g) {
        k++;
        continue;
      }
      out.push({ tokStart: k, tokEnd: k + g.tokens.length, sentence: si, field, text: text.slice(toks[k].start, toks[k + g.tokens.length - 1].end), known: g, titleStart: null, honorific: null });
      k += g.tokens.length;
    }
    if (lex.honorifics.has(toks[a].lower) && isNameWord(toks[a + 1])) {
      honorific = toks[a].text;
      titleStart ??= a;
      a++;
    }
    // a sentence-initial function word is capitalised by position only ("The", "But", "In"), unless a known name
    // starts with it ("North Korea")
    let known = gazetteerAt(lex, toks, a, s.tokEnd);
    while (!known && a + 1 < s.tokEnd && (lex.functionWords.has(toks[a].lower) || lex.notNames.has(toks[a].lower)) && isNameWord(toks[a + 1])) {
      a++;
      known = gazetteerAt(lex, toks, a, s.tokEnd);
    }
    if (!known && (lex.functionWords.has(toks[a].lower) || lex.notNames.has(toks[a].lower))) {
      i = a + 1;
      continue;
    }
    let end = runEnd(lex, toks, a, s.tokEnd);
    // a known name inside a longer capitalised run counts on its own unless the run goes on to an organisation word
    // ("Russia" in "Russia Today", "United States" in "United States Department of Agriculture")
    if (known && end > a + known.tokens.length) {
      const rest = toks.slice(a + known.tokens.length, end);
      if (!rest.some((x) => lex.orgWords.has(x.lower) || lex.placeWords.has(x.lower)) && known.type === 'country') end = a + known.tokens.length;
    }
    if (known && end < a + known.tokens.length) end = a + known.tokens.length;
    const exact = known && a + known.tokens.length === end ? known : null;
    const first = toks[a];
    const last = toks[end - 1];
    out.push({
      tokStart: a,
      tokEnd: end,
      sentence: si,
      field,
      text: text.slice(first.start, last.end),
      known: exact && exact.tokens.length === end - a ? exact : null,
      titleStart: titleStart !== null && titleStart < a ? titleStart : null,
      honorific,
    });
    i = end;
  }
}

/** Tokens of a title phrase at i: modifiers, demonyms and office words ("Russian Deputy Foreign Minister"). */
function titleRunAt(lex: Lexicon, toks: Token[], i: number, end: number): number {
  let k = i;
  let sawTitle = false;
  let portfolio = 0;
  while (k < end && toks[k].cap) {
    const n = titleAt(lex, toks, k, end);
    if (n > 0) {
      sawTitle = true;
      k += n;
      continue;
    }
    const g = gazetteerAt(lex, toks, k, end);
    if (!sawTitle && g && (g.form === 'demonym' || g.type === 'organization' || g.type === 'country')) {
      k += g.tokens.length;
      continue;
    }
    if (lex.titleModifiers.has(toks[k].lower)) {
      k++;
      continue;
    }
    // a portfolio before an office: "Information Minister", "Home Affairs Secretary"
    if (!sawTitle && portfolio < 2 && (titleAt(lex, toks, k + 1, end) > 0 || (toks[k + 1]?.cap && titleAt(lex, toks, k + 2, end) > 0))) {
      portfolio++;
      k++;
      continue;
    }
    break;
  }
  return sawTitle ? k - i : 0;
}

/**
 * A hyphen at k, tight between a name word and a short lower-case word that is not an English compound tail:
 * the second syllable of an East Asian given name, not an adjective (data/lexicon.json compoundTails) ("Jae-in", "Jong-un", "Hoi-kwan").
 */
function nameSyllableAfter(lex: Lexicon, toks: Token[], k: number): boolean {
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (!prev || !next || toks[k].spaceBefore || next.spaceBefore || !prev.cap || next.cap) return false;
  if (!/^\p{Ll}{1,4}$/u.test(next.text) || lex.compoundTails.has(next.lower) || /(?:ed|ing|ly)$/.test(next.lower)) return false;
  const after = toks[k + 2];
  // the syllable ends the word: "Paris-in-spring" runs on
  return !after || after.spaceBefore || !/^[-\p{L}]/u.test(after.text);
}

/** "al-Eryani" at k: a lower-case name particle, a tight hyphen, then a name word. */
function hyphenParticleAt(lex: Lexicon, toks: Token[], k: number): boolean {
  const t = toks[k];
  const h = toks[k + 1];
  const n = toks[k + 2];
  return !!t && !!h && !!n && !t.cap && lex.nameConnectors.has(t.lower) && t.lower.length <= 3 && h.text === '-' && !h.spaceBefore && !n.spaceBefore && isNameWord(n);
}

/** End (exclusive) of a capitalised run starting at i, with connectors only between capitalised words. */
function runEnd(lex: Lexicon, toks: Token[], i: number, end: number): number {
  let k = i + 1;
  while (k < end) {
    const t = toks[k];
    if (isNameWord(t) && !t.quoted === !toks[i].quoted) {
      k++;
      continue;
    }
    // "Bank of England", "Guinea-Bissau": a joining word or hyphen followed by another capitalised word
    const joinsHyphen = t.text === '-' && !t.spaceBefore && toks[k + 1] && !toks[k + 1].spaceBefore && isNameWord(toks[k + 1]);
    // "Moon Jae-in", "Tsai Ing-wen": the lower-case second syllable of a hyphenated given name
    if (t.text === '-' && nameSyllableAfter(lex, toks, k)) {
      k += 2;
      continue;
    }
    // "Moammar al-Eryani", "Abdel Fattah el-Sisi": a lower-case particle joined to the next name word by a hyphen
    if (hyphenParticleAt(lex, toks, k)) {
      k += 3;
      continue;
    }
    // lower-case words that join the capitalised parts of one name ("Bank of England", "Leonardo da Vinci")
    if ((lex.nameConnectors.has(t.lower) && !t.cap && isNameWord(toks[k + 1])) || joinsHyphen) {
      // "and" joins two names more often than it sits inside one: only inside known organisation shapes
      if (t.lower === 'and' || t.lower === '&') {
        const after = runEnd(lex, toks, k + 1, end);
        if (!toks.slice(k + 1, after).some((x) => lex.orgWords.has(x.lower)) || after - k > 6) break;
      }
      k += 2;
      continue;
    }
    break;
  }
  // never end on a connector
  while (k > i + 1 && lex.nameConnectors.has(toks[k - 1].lower) && !toks[k - 1].cap) k--;
  return k;
}
