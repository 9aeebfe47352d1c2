// What attribution patterns propose: a span that may be a statement, the cue, and the phrases that may have said it.

import type { ActorIndex } from '../actors/index.js';
import type { Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import type { Quote } from '../quotes.js';
import type { Lexicon } from '../resources.js';
import type { StatementRule } from '../rules.js';
import type { Span } from '../types.js';
import type { Cue } from './cues.js';
import type { Unit } from './units.js';
import { actorKey } from '../resources.js';

/** How a candidate speaker stands to the cue or content. */
export type Relation = 'left' | 'right' | 'between' | 'according' | 'label' | 'context';

export interface Candidate {
  unit: Unit;
  relation: Relation;
}

export interface Proposal {
  rule: StatementRule;
  kind: 'direct' | 'indirect';
  span: Span;
  sentence: number;
  cue: Cue | null;
  candidates: Candidate[];
  /** the quotation this statement is, if any */
  quote?: Quote;
  /** for a quotation inside reported speech: the whole reported clause */
  clause?: Span;
  /** extra facts the pattern knows ("continues-paragraph") */
  flags: string[];
}

/** What the patterns share: the document, word lists, actors, speaker phrases and cues by sentence. */
export interface PatternContext {
  doc: Doc;
  lex: Lexicon;
  index: ActorIndex;
  units: Unit[][];
  cuesBySentence: Cue[][];
}

export const isQuoteMark = (t: Token | undefined) => !!t && /^["“”„«»‘’']$/.test(t.text);
const CLOSING = /^[\s.,;:!?…"“”’'»)\]—–-]+$/;

/** A span of the body trimmed of spaces, quotation marks and end punctuation (a full stop kept with `keepStop`: words said directly); null when nothing is left. */
export function trimmed(body: string, start: number, end: number, keepStop = false): Span | null {
  while (start < end && /[\s"“”‘’'«»,;:—–-]/.test(body[start])) start++;
  while (end > start && (keepStop ? /[\s"“”‘’'«»,;:—–-]/ : /[\s"“”‘’'«»,;:.—–-]/).test(body[end - 1])) end--;
  // keep a closing ? or ! (and a full stop after an abbreviation is already gone with the rest)
  if (end < body.length && /[?!]/.test(body[end]) && end > start) end++;
  return end - start >= 2 && /[\p{L}\p{N}]/u.test(body.slice(start, end)) ? { start, end } : null;
}

export const onlyClosing = (s: string) => s.length === 0 || CLOSING.test(s);

/** Units of a sentence outside `exclude`, as candidates relative to the cue at token `cueTok`. */
export function sentenceCandidates(ctx: PatternContext, si: number, cueTok: number, exclude: Span | null, window = 30): Candidate[] {
  const out: Candidate[] = [];
  const fallback = subjectBefore(ctx, si, cueTok);
  if (fallback) out.push(fallback);
  const toks = ctx.doc.tokens;
  for (const u of ctx.units[si]) {
    const a = toks[u.tokStart].start;
    const b = toks[u.tokEnd - 1].end;
    if (exclude && a >= exclude.start && b <= exclude.end) continue;
    if (Math.abs(u.tokStart - cueTok) > window) continue;
    out.push({ unit: u, relation: u.tokEnd <= cueTok ? 'left' : 'right' });
  }
  return out;
}

/** Recent units before sentence `si` (people, organisations, groups), for a statement whose speaker is not in its sentence. */
export function contextCandidates(ctx: PatternContext, si: number, back = 3, max = 4): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (let k = si - 1; k >= 0 && k >= si - back && out.length < max; k--) {
    const units = ctx.units[k];
    for (let j = units.length - 1; j >= 0 && out.length < max; j--) {
      const u = units[j];
      if (seen.has(u.key) || u.type === 'place' || u.type === 'other' || u.via === 'source') continue;
      seen.add(u.key);
      out.push({ unit: u, relation: 'context' });
    }
  }
  return out;
}

/**
 * "The child said ...", "USA Today noted ...": when no known speaker phrase ends right before a cue, the noun phrase
 * there is one, named by its head noun (a group actor if chosen).
 */
export function subjectBefore(ctx: PatternContext, si: number, cueTok: number): Candidate | null {
  const toks = ctx.doc.tokens;
  const s = ctx.doc.sentences[si];
  let e = cueTok;
  while (e > s.tokStart && (toks[e - 1].pos === 'ADV' || toks[e - 1].pos === 'AUX' || toks[e - 1].pos === 'PART')) e--;
  if (e <= s.tokStart || ctx.units[si].some((u) => u.tokEnd === e || (u.tokEnd <= e && u.tokEnd >= e - 1))) return null;
  let a = e;
  while (a > s.tokStart && a > e - 5 && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(toks[a - 1].pos) && !toks[a - 1].quoted) a--;
  const head = toks[e - 1];
  if (a === e || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
  return { unit: phraseUnit(ctx, a, e, si), relation: 'left' };
}

/** The noun phrase after "according to" when no known speaker phrase is there ("according to the fire service"). */
export function phraseAfter(ctx: PatternContext, si: number, from: number, to: number): Candidate | null {
  const toks = ctx.doc.tokens;
  let e = from;
  while (e < to && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(toks[e].pos) && !toks[e].quoted) e++;
  const head = toks[e - 1];
  if (e === from || !head || (head.pos !== 'NOUN' && head.pos !== 'PROPN')) return null;
  return { unit: phraseUnit(ctx, from, e, si), relation: 'according' };
}

function phraseUnit(ctx: PatternContext, a: number, e: number, si: number): Unit {
  const toks = ctx.doc.tokens;
  const words = toks.slice(a, e).filter((t) => t.pos !== 'DET').map((t) => (t.pos === 'PROPN' ? t.text : t.lower));
  const name = words.slice(-2).join(' ');
  const key = actorKey(toks[e - 1].pos === 'PROPN' ? 'organization' : 'group', name);
  const type = toks[e - 1].pos === 'PROPN' ? 'organization' : 'group';
  const alias = ctx.doc.body.slice(toks[a].start, toks[e - 1].end);
  return { tokStart: a, tokEnd: e, sentence: si, key, type, via: 'group', head: toks[e - 1].lower, makes: { key, name, type, role: null, affiliationKey: null, aliases: [alias] } };
}
