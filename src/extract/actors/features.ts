// Features of a name candidate for the entity model, and the label classes it predicts.

import type { Doc } from '../document.js';
import type { Lexicon } from '../resources.js';
import type { NameCandidate } from './candidates.js';

/** What a candidate is: an actor of one of these types, or not an actor ("none"). */
export const ENTITY_CLASSES = ['none', 'person', 'organization', 'country', 'place', 'group', 'other'] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];

const shapeOf = (s: string) =>
  s
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\d/g, 'd')
    .replace(/(.)\1+/g, '$1$1')
    .slice(0, 6);

/** Facts about the whole article that help type a candidate ("Borrell" elsewhere follows "Mr"). */
export interface DocContext {
  /** lower-case single words used after an honorific or a person title anywhere */
  personWords: Set<string>;
  /** lower-case last words of candidates with a given name first */
  surnames: Set<string>;
  /** candidate texts (lower case) followed somewhere by a speech verb */
  speakers: Set<string>;
}

export function docContext(doc: Doc, lex: Lexicon, cands: NameCandidate[]): DocContext {
  const personWords = new Set<string>();
  const surnames = new Set<string>();
  const speakers = new Set<string>();
  for (const c of cands) {
    const words = doc.tokens.slice(c.tokStart, c.tokEnd).map((t) => t.lower);
    if (c.honorific || c.titleStart !== null) for (const w of words) personWords.add(w);
    if (words.length >= 2 && lex.givenNames.has(words[0])) surnames.add(words[words.length - 1]);
    const next = doc.tokens[c.tokEnd];
    if (next && (lex.cues.get(next.lemma)?.some((f) => f.kind === 'speech') ?? false)) speakers.add(c.text.toLowerCase());
  }
  return { personWords, surnames, speakers };
}

export function entityFeatures(doc: Doc, lex: Lexicon, c: NameCandidate, ctx: DocContext): string[] {
  const toks = doc.tokens;
  const words = toks.slice(c.tokStart, c.tokEnd);
  const lowers = words.map((t) => t.lower);
  const first = lowers[0];
  const last = lowers[lowers.length - 1];
  const f: string[] = ['bias'];
  const n = words.filter((t) => t.word).length;
  f.push(`n=${Math.min(n, 4)}`);
  f.push(`first=${first}`, `last=${last}`, `suf3=${last.slice(-3)}`, `suf2=${last.slice(-2)}`);
  for (const w of lowers) f.push(`w=${w}`);
  f.push(`shape=${words.map((t) => shapeOf(t.text)).join('_').slice(0, 20)}`);
  if (words.every((t) => !t.word || t.text === t.text.toUpperCase())) f.push('allcaps');
  if (c.known) f.push(`gaz=${c.known.type}:${c.known.form}`, `gaztype=${c.known.type}`);
  else {
    // a known name inside the candidate ("Bank of England" holds England)
    for (let k = c.tokStart; k < c.tokEnd; k++) {
      const e = lex.gazetteer.get(toks[k].lower)?.find((x) => x.tokens.length === 1);
      if (e && toks[k].cap) f.push(`gazin=${e.type}:${e.form}`);
    }
  }
  if (c.titleStart !== null) f.push('title-before');
  if (c.honorific) f.push(`honorific=${c.honorific.toLowerCase().replace(/\.$/, '')}`);
  if (lex.givenNames.has(first)) f.push('given-first');
  if (lowers.some((w) => lex.givenNames.has(w))) f.push('given-any');
  if (lex.orgWords.has(last)) f.push('orgword-last');
  if (lowers.some((w) => lex.orgWords.has(w))) f.push('orgword-in');
  if (lex.placeWords.has(last)) f.push('placeword-last');
  if (lowers.some((w) => lex.placeWords.has(w))) f.push('placeword-in');
  if (lowers.some((w) => lex.titles.has(w) || lex.titleModifiers.has(w))) f.push('titleword-in');
  if (lowers.some((w) => /\d/.test(w))) f.push('digit');
  if (n === 1 && ctx.personWords.has(first)) f.push('doc-person-word');
  if (n === 1 && ctx.surnames.has(first)) f.push('doc-surname');
  if (ctx.speakers.has(c.text.toLowerCase())) f.push('doc-speaks');
  if (c.field === 'title') f.push('in-title');

  const s = doc.sentences[c.sentence];
  const prev = toks[c.tokStart - 1];
  const prev2 = toks[c.tokStart - 2];
  const next = toks[c.tokEnd];
  const next2 = toks[c.tokEnd + 1];
  const inSentence = (i: number) => i >= s.tokStart && i < s.tokEnd;
  if (c.tokStart === s.tokStart) f.push('sent-initial');
  f.push(`prev=${inSentence(c.tokStart - 1) && prev ? prev.lower : '<s>'}`);
  if (inSentence(c.tokStart - 2) && prev2) f.push(`prev2=${prev2.lower}`);
  f.push(`next=${inSentence(c.tokEnd) && next ? next.lower : '</s>'}`);
  if (inSentence(c.tokEnd + 1) && next2) f.push(`next2=${next2.lower}`);
  if (inSentence(c.tokEnd) && next) f.push(`nextpos=${next.pos}`);
  if (inSentence(c.tokStart - 1) && prev) f.push(`prevpos=${prev.pos}`);
  if (prev && lex.locatives.has(prev.lower)) f.push('after-locative');
  if (next && (next.lower === "'s" || next.text === '’s')) f.push('possessive');
  if (next && (lex.cues.get(next.lemma)?.length ?? 0) > 0) f.push('cue-after');
  // "X, a/the <descriptor>": an appositive describing a person or an organisation
  if (next?.text === ',' && next2 && ['a', 'an', 'the'].includes(next2.lower)) {
    const head = toks[c.tokEnd + 2];
    if (head) f.push(`appos=${lex.descriptors.has(head.lower) || lex.titles.has(head.lower) ? 'role' : lex.orgDescriptions.has(head.lower) ? 'org' : 'other'}`);
  }
  if (words.some((t) => t.quoted)) f.push('quoted');
  for (const t of words) f.push(`pos=${t.pos}`);
  return f;
}
