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
