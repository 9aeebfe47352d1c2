// Claims: check-worthy factual assertions carried by statements, with their claimant.

import type { Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import type { ClaimRule } from '../rules.js';
import type { RawStatement } from '../statements/index.js';
import type { Span } from '../types.js';

export interface RawClaim {
  claimantKey: string | null;
  span: Span;
  statementIndex: number | null;
  rule: ClaimRule;
  confidence: number;
}

// predictions, promises, wishes and proposals are statements, not checkable facts
const NOT_FACTUAL = new Set(['will', 'would', 'should', 'must', 'could', 'might', 'may', 'can', 'shall', 'ought', "'ll", 'want', 'hope', 'plan', 'intend', 'wish', 'need', 'believe', 'think', 'feel']);
const FIRST_SECOND = new Set(['i', 'we', 'you', 'me', 'us', 'my', 'our']);

const tokensOf = (doc: Doc, span: Span) => doc.tokens.filter((t, i) => i < doc.titleStart && t.start >= span.start && t.end <= span.end);

/** Whether reported content reads as an assertion about the world: a clause, not first person, not a plan or wish. */
export function isFactual(toks: Token[]): boolean {
  const words = toks.filter((t) => t.word);
  if (words.length < 4) return false;
  if (FIRST_SECOND.has(words[0].lower)) return false;
  const head = words.slice(0, 14);
  // "since May" is a month, not a modal
  if (head.some((t) => NOT_FACTUAL.has(t.lemma) && !(t.text === 'May' && t.pos === 'PROPN'))) return false;
  return words.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
}

/** A sentence inside a quotation that reports a past event or gives a figure, in the third person. */
function reportsEvent(toks: Token[]): boolean {
  if (toks.some((t) => t.pos === 'NUM')) return true;
  return toks.some((t) => t.pos === 'VERB' && /ed$/.test(t.lower)) || toks.some((t) => t.lemma === 'be' && /^(?:was|were)$/.test(t.lower));
}

export function findClaims(doc: Doc, statements: RawStatement[]): RawClaim[] {
  const out: RawClaim[] = [];
  const seen = new Set<string>();
  const add = (c: RawClaim) => {
    const k = `${c.span.start}:${c.span.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  statements.forEach((st, i) => {
    const kind = st.cue?.form.kind;
    if (kind && kind !== 'speech' && kind !== 'according' && kind !== 'cognition') return;
    if (st.kind === 'indirect') {
      if (isFactual(tokensOf(doc, st.span))) add({ claimantKey: st.speakerKey, span: st.span, statementIndex: i, rule: 'claim-of-statement', confidence: Math.round(st.confidence * 0.9 * 100) / 100 });
      return;
    }
    if (st.clause && isFactual(tokensOf(doc, st.clause))) {
      add({ claimantKey: st.speakerKey, span: st.clause, statementIndex: i, rule: 'claim-of-statement', confidence: Math.round(st.confidence * 0.85 * 100) / 100 });
      return;
    }
    // a quotation's sentences that assert a past event or a figure in the third person
    const toks = tokensOf(doc, st.span);
    let from = 0;
    for (let k = 0; k <= toks.length; k++) {
      const end = k === toks.length || /^[.!?]$/.test(toks[k].text);
      if (!end) continue;
      const part = toks.slice(from, k);
      from = k + 1;
      if (part.filter((t) => t.word).length < 6 || part.some((t) => FIRST_SECOND.has(t.lower)) || !isFactual(part) || !reportsEvent(part)) continue;
      add({ claimantKey: st.speakerKey, span: { start: part[0].start, end: part[part.length - 1].end }, statementIndex: i, rule: 'claim-of-statement', confidence: Math.round(st.confidence * 0.6 * 100) / 100 });
    }
  });
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}
