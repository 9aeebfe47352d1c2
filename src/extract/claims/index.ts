// Claims: check-worthy factual assertions carried by statements, chosen by the claim model, with their claimant.

import type { ActorIndex } from '../actors/index.js';
import { tokenFrom, type Doc } from '../document.js';
import { probabilityOf, type LinearModel } from '../model/linear.js';
import type { Token } from '../nlp/doc.js';
import type { Lexicon } from '../resources.js';
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

/** A span that may be a claim: an indirect statement, the reported clause around a quotation, or a quoted sentence. */
export interface ClaimCandidate {
  span: Span;
  statementIndex: number;
  features: string[];
}


const bucket = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
};

function tokensOf(doc: Doc, span: Span): Token[] {
  const out: Token[] = [];
  for (let i = tokenFrom(doc, span.start); i < doc.titleStart && doc.tokens[i].start < span.end; i++) out.push(doc.tokens[i]);
  return out;
}

function claimFeatures(doc: Doc, index: ActorIndex, lex: Lexicon, st: RawStatement, source: string, toks: Token[]): string[] {
  const words = toks.filter((t) => t.word);
  const f = ['bias', `src=${source}`, `rule=${st.rule}`, `kind=${st.kind}`, `len=${bucket(words.length, [3, 6, 10, 20, 40])}`];
  if (st.cue) f.push(`cue=${st.cue.lemma}`, `cuekind=${st.cue.form.kind}`);
  const speaker = index.actors.get(st.speakerKey);
  if (speaker) f.push(`speaker=${speaker.type}`);
  if (words[0]) f.push(`first=${words[0].lower}`, `firstpos=${words[0].pos}`);
  if (words.some((t) => t.pos === 'NUM' || /\d/.test(t.text))) f.push('figure');
  if (words.some((t) => lex.firstSecondPerson.has(t.lower))) f.push('first-person');
  const head = words.slice(0, 14);
  // predictions, promises, wishes and beliefs are statements, not checkable facts ("since May" is a month)
  for (const t of head) if (lex.notFactual.has(t.lemma) && !(t.text === 'May' && t.pos === 'PROPN')) f.push(`modal=${t.lemma}`);
  if (words.some((t) => t.lower === 'not' || t.lower === "n't" || t.lower === 'never')) f.push('negated');
  if (words.some((t) => t.pos === 'VERB' && /ed$/.test(t.lower))) f.push('past');
  if (words.some((t) => t.lemma === 'be' && /^(?:was|were)$/.test(t.lower))) f.push('was');
  if (!words.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) f.push('no-verb');
  if (toks.some((t) => t.text === '?')) f.push('question');
  if (words.some((t) => t.cap && t.pos === 'PROPN')) f.push('names');
  return f;
}

/** Every span of the statements that may be a claim, with its features. */
export function claimCandidates(doc: Doc, index: ActorIndex, lex: Lexicon, statements: RawStatement[]): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  const seen = new Set<string>();
  const add = (span: Span, i: number, source: string) => {
    const k = `${span.start}:${span.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ span, statementIndex: i, features: claimFeatures(doc, index, lex, statements[i], source, tokensOf(doc, span)) });
  };
  statements.forEach((st, i) => {
    if (st.kind === 'indirect') add(st.span, i, 'indirect');
    else if (st.clause) add(st.clause, i, 'clause');
    // a quotation's sentences, each a possible claim
    const toks = st.kind === 'direct' ? tokensOf(doc, st.span) : [];
    let from = 0;
    for (let k = 0; k <= toks.length; k++) {
      if (k < toks.length && !/^[.!?]$/.test(toks[k].text)) continue;
      const part = toks.slice(from, k + (k < toks.length ? 1 : 0));
      from = k + 1;
      if (part.filter((t) => t.word).length < 5) continue;
      add({ start: part[0].start, end: part[part.length - 1].end }, i, 'quote-sentence');
    }
  });
  return out;
}

/** Claims the model accepts (without a model: indirect statements that read as factual). */
export function findClaims(doc: Doc, index: ActorIndex, lex: Lexicon, statements: RawStatement[], model?: LinearModel): RawClaim[] {
  const out: RawClaim[] = [];
  const threshold = model?.figures?.threshold ?? 0.4;
  for (const c of claimCandidates(doc, index, lex, statements)) {
    const st = statements[c.statementIndex];
    const p = model ? probabilityOf(model, c.features, 'yes') : priorClaim(c.features);
    if (p < threshold) continue;
    out.push({ claimantKey: st.speakerKey, span: c.span, statementIndex: c.statementIndex, rule: 'claim-of-statement', confidence: Math.round(p * st.confidence * 100) / 100 });
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

function priorClaim(f: string[]): number {
  if (!f.includes('src=indirect') || f.includes('first-person') || f.includes('no-verb') || f.some((x) => x.startsWith('modal='))) return 0;
  return 0.6;
}
