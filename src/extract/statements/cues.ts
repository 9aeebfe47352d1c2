// Cues: words and phrases that may attribute speech ("said", "told", "called for", "according to"), outside quotations.

import type { Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import type { CueForm, Lexicon } from '../resources.js';

export interface Cue {
  /** first token of the cue and the token after its last word */
  tok: number;
  end: number;
  sentence: number;
  form: CueForm;
  /** the cue as written ("said", "called for") */
  text: string;
  lemma: string;
  pos: string;
}


export function findCues(doc: Doc, lex: Lexicon): Cue[] {
  const out: Cue[] = [];
  const toks = doc.tokens;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    if (s.para < 0 || s.dateline) continue;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = toks[i];
      if (t.quoted || !t.word) continue;
      // "Turkish-claimed": part of a hyphenated compound, not a verb
      if (toks[i - 1]?.text === '-' && !t.spaceBefore) continue;
      const forms = lex.cues.get(t.lemma) ?? lex.cues.get(t.lower);
      if (!forms) continue;
      const form = forms.find((f) => f.words.slice(1).every((w, k) => i + 1 + k < s.tokEnd && toks[i + 1 + k].lower === w && !toks[i + 1 + k].quoted));
      if (!form) continue;
      // a noun or adjective use needs a verb reading to be a cue at all ("his remarks", "the reported cases" are not)
      if (form.kind !== 'according' && !['VERB', 'AUX', 'NOUN', 'ADJ', 'PROPN'].includes(t.pos)) continue;
      const end = i + form.words.length;
      if (!canGovern(toks, form, i, end, s.tokEnd)) continue;
      out.push({ tok: i, end, sentence: si, form, text: doc.body.slice(t.start, toks[end - 1].end), lemma: form.words.join(' '), pos: t.pos });
      i = end - 1;
    }
  }
  return out;
}

/** How the words before a cue frame it: negated, a plan (modal), an infinitive, passive, progressive. */
export function cueFrame(lex: Lexicon, toks: Token[], cue: Cue, sentenceStart: number): { negated: boolean; modal: boolean; infinitive: boolean; passive: boolean; progressive: boolean } {
  let negated = false;
  let modal = false;
  let passive = false;
  let progressive = false;
  const t = toks[cue.tok];
  for (let k = cue.tok - 1; k >= sentenceStart && k >= cue.tok - 4; k--) {
    const w = toks[k];
    if (lex.negations.has(w.lower)) negated = true;
    else if (lex.modals.has(w.lower)) modal = true;
    else if (lex.be.has(w.lower)) {
      if (/ing$/.test(t.lower)) progressive = true;
      else passive = true;
    } else if (w.pos === 'ADV' || w.pos === 'AUX' || w.lower === 'also') continue;
    else break;
  }
  const infinitive = toks[cue.tok - 1]?.lower === 'to';
  return { negated, modal, infinitive, passive, progressive };
}

/**
 * Cues the lexicon marks as needing a quotation ("continued") or a quotation or "that" ("suggested") are cues only
 * with one next to them: "can continue fighting" and "a suggested route" attribute nothing.
 */
function canGovern(toks: Token[], form: CueForm, i: number, end: number, sentenceEnd: number): boolean {
  if (!form.needsQuote && !form.needsQuoteOrThat) return true;
  const isMark = (t: Token | undefined) => !!t && (t.quoted || /^["“”„«»‘’']$/.test(t.text));
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) if (isMark(toks[k])) return true;
  let k = end;
  while (k < sentenceEnd && (toks[k].text === ',' || toks[k].text === ':')) k++;
  return isMark(toks[k]) || (form.needsQuoteOrThat && toks[k]?.lower === 'that');
}
