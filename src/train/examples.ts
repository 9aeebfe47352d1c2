// Turns annotated articles into training examples: name candidates with their gold type, proposals with whether they are statements and who said them.

import { docContext, entityFeatures, ENTITY_CLASSES, type EntityClass } from '../extract/actors/features.js';
import { nameCandidates } from '../extract/actors/candidates.js';
import { normName } from '../extract/actors/index.js';
import { buildDocument } from '../extract/document.js';
import { parseArticle } from '../extract/parse.js';
import { extractArticle, type Trace } from '../extract/pipeline.js';
import type { Resources } from '../extract/resources.js';
import type { CorpusArticle } from '../eval/corpus.js';
import type { Gold } from '../eval/gold.js';
import { dateMatches, matchTexts, namesMatch, tokenF1 } from '../eval/score.js';
import { dateCandidates } from '../extract/statements/dates.js';
import { claimCandidates } from '../extract/claims/index.js';
import type { Example, Group } from './logistic.js';

/** Name candidates of one article, labelled with the type of the gold actor they name ("none" when they name none). */
export function entityExamples(a: CorpusArticle, res: Resources): Example[] {
  const gold = a.gold!;
  const doc = buildDocument(parseArticle(a.raw), a.meta.published, res);
  const cands = nameCandidates(doc, res.lexicon);
  const ctx = docContext(doc, res.lexicon, cands);
  const byName = new Map<string, EntityClass>();
  for (const g of gold.actors) for (const n of [g.name, ...g.aliases]) byName.set(normName(n), g.type);
  for (const s of gold.speakers) for (const n of [s.name, ...s.aliases]) if (!byName.has(normName(n))) byName.set(normName(n), s.type);
  const persons = gold.actors.filter((g) => g.type === 'person');
  return cands.map((c) => {
    let label: EntityClass = byName.get(normName(c.text)) ?? 'none';
    // a surname or part of a person's full name
    if (label === 'none' && persons.some((p) => namesMatch([c.text], [p.name]))) label = 'person';
    return { features: entityFeatures(doc, res.lexicon, c, ctx), label: ENTITY_CLASSES.indexOf(label) };
  });
}

export interface StatementExamples {
  statements: Example[];
  speakers: Example[];
  /** proposals matched to a required gold statement whose speaker was among the candidates, and all matched */
  reachable: number;
  matched: number;
}

/** Proposals of one article: is it a required gold statement (1) or nothing (0); and for statements, which candidate said it. */
export function statementExamples(a: CorpusArticle, res: Resources): StatementExamples {
  const gold = a.gold!;
  let trace: Trace | null = null;
  extractArticle(a.raw, { published: a.meta.published }, res, (t) => (trace = t));
  const t = trace as unknown as Trace;
  const body = t.doc.body;
  const out: StatementExamples = { statements: [], speakers: [], reachable: 0, matched: 0 };
  for (const s of t.scored) {
    const text = body.slice(s.proposal.span.start, s.proposal.span.end);
    let best = -1;
    let bestF = 0.5;
    gold.statements.forEach((g, gi) => {
      const f = tokenF1(text, g.text);
      if (f >= bestF) ((best = gi), (bestF = f));
    });
    const g = best >= 0 ? gold.statements[best] : null;
    // a proposal matching an optional gold statement is neither rewarded nor penalised by the scorer: no example
    if (g && !g.required) continue;
    out.statements.push({ features: s.features, label: g ? 1 : 0 });
    if (!g || !g.speaker) continue;
    out.matched++;
    const aliases = speakerAliases(gold, g.speaker);
    const labels = s.proposal.candidates.map((c) => {
      const actor = t.index.actors.get(c.unit.key) ?? c.unit.makes;
      return actor ? namesMatch([actor.name, ...(c.unit.makes ? [] : [])], aliases) : false;
    });
    if (!labels.some(Boolean)) continue;
    out.reachable++;
    s.candidateFeatures.forEach((features, k) => out.speakers.push({ features, label: labels[k] ? 1 : 0 }));
  }
  return out;
}

function speakerAliases(gold: Gold, name: string): string[] {
  const sp = [...gold.speakers, ...gold.actors].find((s) => s.name === name);
  return [name, ...(sp?.aliases ?? [])];
}

/** For each statement the extractor keeps that matches a required gold statement: which date candidate is the gold date. */
export function dateExamples(a: CorpusArticle, res: Resources): Group[] {
  const gold = a.gold!;
  let trace: Trace | null = null;
  extractArticle(a.raw, { published: a.meta.published }, res, (t) => (trace = t));
  const t = trace as unknown as Trace;
  const body = t.doc.body;
  const out: Group[] = [];
  const g2p = matchTexts(gold.statements, t.statements.map((st) => ({ text: body.slice(st.span.start, st.span.end) })));
  for (const [gi, pi] of g2p) {
    const g = gold.statements[gi];
    if (!g.required) continue;
    const cands = dateCandidates(t.doc, t.index, t.statements[pi], res.lexicon);
    const labels = cands.map((c) => (g.date ? dateMatches(c.value.date, { date: g.date, datePrecision: g.datePrecision }) : c.value.date === null));
    const label = labels.indexOf(true);
    if (label < 0) continue;
    out.push({ candidates: cands.map((c) => c.features), label });
  }
  return out;
}

/** Claim candidates of the statements the extractor keeps: a required gold claim with a compatible claimant (1) or none (0). */
export function claimExamples(a: CorpusArticle, res: Resources): Example[] {
  const gold = a.gold!;
  let trace: Trace | null = null;
  extractArticle(a.raw, { published: a.meta.published }, res, (t) => (trace = t));
  const t = trace as unknown as Trace;
  const out: Example[] = [];
  for (const c of claimCandidates(t.doc, t.index, res.lexicon, t.statements)) {
    const text = t.doc.body.slice(c.span.start, c.span.end);
    let best = -1;
    let bestF = 0.5;
    gold.claims.forEach((g, gi) => {
      const f = tokenF1(text, g.text);
      if (f >= bestF) ((best = gi), (bestF = f));
    });
    const g = best >= 0 ? gold.claims[best] : null;
    if (g && !g.required) continue;
    let ok = !!g;
    if (g) {
      const speaker = t.index.actors.get(t.statements[c.statementIndex].speakerKey);
      const names = g.claimants.flatMap((n) => (n === null ? [] : speakerAliases(gold, n)));
      ok = !!speaker && namesMatch([speaker.name], names);
    }
    out.push({ features: c.features, label: ok ? 1 : 0 });
  }
  return out;
}
