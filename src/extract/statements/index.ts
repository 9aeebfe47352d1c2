// Statements: patterns propose spans with candidate speakers; the statement and speaker models decide.

import type { ActorIndex } from '../actors/index.js';
import type { Doc } from '../document.js';
import { margin, probabilityOf, softmax } from '../model/linear.js';
import type { Quote } from '../quotes.js';
import type { Resources } from '../resources.js';
import type { StatementRule } from '../rules.js';
import type { Span } from '../types.js';
import { findCues, type Cue } from './cues.js';
import { speakerFeatures, statementFeatures } from './features.js';
import { accordingTo } from './patterns/according-to.js';
import { blockQuotes } from './patterns/block-quote.js';
import { clauseThenCue } from './patterns/clause-then-cue.js';
import { cueThenClause } from './patterns/cue-then-clause.js';
import { cueThenQuote } from './patterns/cue-then-quote.js';
import { headlineStatements } from './patterns/headline-statement.js';
import { interviewTurns } from './patterns/interview.js';
import { looseQuotes } from './patterns/loose-quote.js';
import { quoteThenCue } from './patterns/quote-then-cue.js';
import type { Candidate, PatternContext, Proposal } from './proposal.js';
import { findUnits } from './units.js';

/** A statement before dates, topics and claims are attached. */
export interface RawStatement {
  speakerKey: string;
  kind: 'direct' | 'indirect';
  span: Span;
  cue: Cue | null;
  sentence: number;
  rule: StatementRule;
  confidence: number;
  /** the reported clause around a quotation, if any */
  clause: Span | null;
  quote: Quote | null;
  /** how the speaker was found (a pronoun's statement may take its antecedent's date) */
  via: string;
}

/** A proposal with its features, for the models and for training them. */
export interface Scored {
  proposal: Proposal;
  features: string[];
  candidateFeatures: string[][];
  pStatement: number;
  pSpeakers: number[];
}

/** Every proposal of every pattern, each with its features and the models' probabilities. */
export function proposeStatements(doc: Doc, res: Resources, index: ActorIndex): Scored[] {
  const lex = res.lexicon;
  const cues = findCues(doc, lex);
  const cuesBySentence: Cue[][] = doc.sentences.map(() => []);
  for (const c of cues) cuesBySentence[c.sentence].push(c);
  const ctx: PatternContext = { doc, lex, index, units: findUnits(doc, lex, index), cuesBySentence };
  const used = new Set<Quote>();
  const interview = [...interviewTurns(ctx), ...headlineStatements(ctx)];
  // whether an interview span holds a proposal: by start, with the furthest end reached so far, found by binary
  // search (a transcript of thousands of turns would otherwise be compared with every proposal)
  const interviewSpans = interview.map((p) => p.span).sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const s of interviewSpans) reach.push(Math.max(s.end, reach[reach.length - 1] ?? -Infinity));
  const inInterview = (p: Proposal) => {
    let lo = 0;
    let hi = interviewSpans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (interviewSpans[mid].start <= p.span.start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= p.span.end;
  };
  const proposals = [
    ...quoteThenCue(ctx, used),
    ...cueThenQuote(ctx, used),
    ...cueThenClause(ctx),
    ...clauseThenCue(ctx),
    ...accordingTo(ctx),
    ...blockQuotes(ctx),
  ].filter((p) => !inInterview(p));
  proposals.push(...looseQuotes(ctx, used).filter((p) => !inInterview(p)), ...interview);
  proposals.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);

  // proposals are sorted by start: the ones overlapping p start before its end, and end after its start
  return proposals.map((p, i) => {
    const overlapping: Proposal[] = [];
    for (let j = i - 1; j >= 0 && i - j < 60; j--) if (proposals[j].span.end > p.span.start) overlapping.push(proposals[j]);
    for (let j = i + 1; j < proposals.length && proposals[j].span.start < p.span.end; j++) overlapping.push(proposals[j]);
    const features = statementFeatures(doc, lex, p, overlapping);
    const candidateFeatures = p.candidates.map((c) => speakerFeatures(doc, lex, p, c, p.candidates));
    const pStatement = res.models.statement ? probabilityOf(res.models.statement, features, 'yes') : priorStatement(p);
    const model = res.models.speaker;
    const pSpeakers = model ? softmax(candidateFeatures.map((f) => margin(model, f))) : priorSpeakers(p.candidates);
    return { proposal: p, features, candidateFeatures, pStatement, pSpeakers };
  });
}

/** Before any model is trained: the cue's base confidence, a little less for quotations found by adjacency. */
function priorStatement(p: Proposal): number {
  if (p.rule === 'interview-turn' || p.rule === 'headline-statement') return 0.9;
  if (!p.cue) return p.rule === 'loose-quote' ? 0.5 : 0.6;
  return p.cue.form.confidence * (p.cue.pos === 'VERB' ? 1 : 0.6);
}

/** Before any model is trained: the nearest phrase left of the cue, else the nearest after it, else the latest before. */
function priorSpeakers(cands: Candidate[]): number[] {
  const rank = (c: Candidate) => (c.relation === 'label' || c.relation === 'according' || c.relation === 'between' ? 0 : c.relation === 'left' ? 1 : c.relation === 'right' ? 2 : 3);
  const best = cands.reduce((b, c, i) => (b < 0 || rank(c) < rank(cands[b]) || (rank(c) === rank(cands[b]) && c.unit.tokStart > cands[b].unit.tokStart && c.relation !== 'right') ? i : b), -1);
  return cands.map((_, i) => (i === best ? 0.8 : 0.2 / Math.max(1, cands.length - 1)));
}

/** The statements the models accept, one per span, each with its most probable speaker. */
export function decideStatements(doc: Doc, res: Resources, index: ActorIndex, scored: Scored[]): RawStatement[] {
  const threshold = res.models.statement?.figures?.threshold ?? 0.5;
  const ranked = scored
    .filter((s) => s.proposal.candidates.length > 0 && s.pStatement >= threshold)
    .sort((a, b) => b.pStatement - a.pStatement || a.proposal.span.start - b.proposal.span.start);
  const kept: Scored[] = [];
  // kept proposals by kind and by stretch of OVERLAP_CELL characters they touch: a proposal is compared with the kept
  // ones near it, not with every one kept so far (the square of the number of statements)
  const near = new Map<string, Scored[]>();
  const cells = (span: Span) => {
    const out: string[] = [];
    for (let c = Math.floor(span.start / OVERLAP_CELL); c <= Math.floor((span.end - 1) / OVERLAP_CELL); c++) out.push(String(c));
    return out;
  };
  for (const s of ranked) {
    // one statement per span: a quotation found by two patterns, or a clause and the same clause trimmed, counts once
    const mine = cells(s.proposal.span).map((c) => `${s.proposal.kind}:${c}`);
    if (mine.some((c) => near.get(c)?.some((k) => overlapShare(k.proposal.span, s.proposal.span) > 0.5))) continue;
    kept.push(s);
    for (const c of mine) {
      const list = near.get(c);
      if (list) list.push(s);
      else near.set(c, [s]);
    }
  }
  kept.sort((a, b) => a.proposal.span.start - b.proposal.span.start);
  const out: RawStatement[] = [];
  for (const s of kept) {
    const p = s.proposal;
    let best = 0;
    for (let i = 1; i < s.pSpeakers.length; i++) if (s.pSpeakers[i] > s.pSpeakers[best]) best = i;
    const unit = p.candidates[best].unit;
    // every speaker is an actor of the article: one that is neither known nor made here cannot be stored
    if (!unit.makes && !index.actors.has(unit.key)) continue;
    if (unit.makes && !index.actors.has(unit.key)) index.actors.set(unit.key, { ...unit.makes, aliases: [...unit.makes.aliases] });
    else if (unit.makes) {
      const a = index.actors.get(unit.key)!;
      for (const alias of unit.makes.aliases) if (!a.aliases.includes(alias)) a.aliases.push(alias);
    }
    out.push({
      speakerKey: unit.key,
      kind: p.kind,
      span: p.span,
      cue: p.cue,
      sentence: p.sentence,
      rule: p.rule,
      confidence: Math.round(s.pStatement * s.pSpeakers[best] * 100) / 100,
      clause: p.clause ?? null,
      quote: p.quote ?? null,
      via: unit.via,
    });
  }
  return out;
}

/** Characters per cell of the overlap index in decideStatements. */
const OVERLAP_CELL = 256;

/** Share of the shorter span that the two spans have in common. */
function overlapShare(a: Span, b: Span): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return inter <= 0 ? 0 : inter / Math.min(a.end - a.start, b.end - b.start);
}
