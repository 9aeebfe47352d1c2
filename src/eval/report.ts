// Sums article scores into a split's figures and prints them as tables (npm run eval).

import { prf, type ArticleScore, type Counts, type PRF } from './score.js';

export interface SplitSummary {
  split: string;
  articles: number;
  /** Articles with at least one required gold statement: the ones the means are taken over. */
  scoredArticles: number;
  requiredStatements: number;
  predictedStatements: number;
  /** Means over articles of score.mjs's per-article figures. */
  mean: { attributed: PRF; found: PRF; claims: PRF; actorsPrecision: number; actorsRecall: number };
  /** The same counts pooled over every article. */
  pooled: { attributed: PRF; found: PRF; claims: PRF };
  speakerAccuracy: number | null;
  dateAccuracy: number | null;
  /** Share of matched required statements the text does not date that were left undated (no guessed date). */
  undatedKept: number | null;
  actors: { precision: number; recall: number; typeAccuracy: number | null };
  calibration: { band: string; statements: number; precision: number | null }[];
  topMisses: { kind: string; count: number; example?: string }[];
}

const sum = (cs: Counts[]): Counts => cs.reduce((a, c) => ({ tp: a.tp + c.tp, predicted: a.predicted + c.predicted, relevant: a.relevant + c.relevant }), { tp: 0, predicted: 0, relevant: 0 });
const mean = (xs: number[]) => (xs.length ? +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : 0);
const ratio = (a: number, b: number) => (b ? +(a / b).toFixed(3) : null);
const meanPrf = (xs: PRF[]): PRF => ({ precision: mean(xs.map((x) => x.precision)), recall: mean(xs.map((x) => x.recall)), f1: mean(xs.map((x) => x.f1)) });

export const CONFIDENCE_BANDS = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001];

export function summarise(split: string, scores: ArticleScore[], withExamples: boolean): SplitSummary {
  const withStatements = scores.filter((s) => s.attributed.relevant > 0);
  const withClaims = scores.filter((s) => s.claims.relevant > 0);
  const withActors = scores.filter((s) => s.actors.requiredGold > 0);
  const withPredActors = scores.filter((s) => s.actors.predicted > 0);
  const actorsPredicted = scores.reduce((a, s) => a + s.actors.predicted, 0);
  const actorsGood = scores.reduce((a, s) => a + s.actors.good, 0);
  const actorsReq = scores.reduce((a, s) => a + s.actors.requiredGold, 0);
  const actorsFound = scores.reduce((a, s) => a + s.actors.found, 0);
  const typeOk = scores.reduce((a, s) => a + s.actors.typeOk, 0);

  const calibration = [];
  const points = scores.flatMap((s) => s.calibration);
  for (let i = 0; i + 1 < CONFIDENCE_BANDS.length; i++) {
    const lo = CONFIDENCE_BANDS[i];
    const hi = CONFIDENCE_BANDS[i + 1];
    const inBand = points.filter((p) => p.confidence >= lo && p.confidence < hi);
    calibration.push({ band: `${lo.toFixed(1)}–${Math.min(hi, 1).toFixed(1)}`, statements: inBand.length, precision: ratio(inBand.filter((p) => p.correct).length, inBand.length) });
  }

  const kinds = new Map<string, { count: number; example: string }>();
  for (const s of scores) {
    for (const m of s.misses) {
      const k = kinds.get(m.kind);
      if (k) k.count++;
      else kinds.set(m.kind, { count: 1, example: `${s.name.slice(0, 40)}: ${m.detail}` });
    }
  }
  const topMisses = [...kinds.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([kind, v]) => (withExamples ? { kind, count: v.count, example: v.example } : { kind, count: v.count }));

  return {
    split,
    articles: scores.length,
    scoredArticles: withStatements.length,
    requiredStatements: scores.reduce((a, s) => a + s.attributed.relevant, 0),
    predictedStatements: scores.reduce((a, s) => a + s.attributed.predicted, 0),
    mean: {
      attributed: meanPrf(withStatements.map((s) => prf(s.attributed))),
      found: meanPrf(withStatements.map((s) => prf(s.found))),
      claims: meanPrf(withClaims.map((s) => prf(s.claims))),
      actorsPrecision: mean(withPredActors.map((s) => s.actors.good / s.actors.predicted)),
      actorsRecall: mean(withActors.map((s) => s.actors.found / s.actors.requiredGold)),
    },
    pooled: { attributed: prf(sum(scores.map((s) => s.attributed))), found: prf(sum(scores.map((s) => s.found))), claims: prf(sum(scores.map((s) => s.claims))) },
    speakerAccuracy: ratio(scores.reduce((a, s) => a + s.speakers.ok, 0), scores.reduce((a, s) => a + s.speakers.of, 0)),
    dateAccuracy: ratio(scores.reduce((a, s) => a + s.dates.ok, 0), scores.reduce((a, s) => a + s.dates.of, 0)),
    undatedKept: ratio(scores.reduce((a, s) => a + s.undated.ok, 0), scores.reduce((a, s) => a + s.undated.of, 0)),
    actors: { precision: ratio(actorsGood, actorsPredicted) ?? 0, recall: ratio(actorsFound, actorsReq) ?? 0, typeAccuracy: ratio(typeOk, actorsFound) },
    calibration,
    topMisses,
  };
}

const f = (x: number | null) => (x === null ? '  n/a' : x.toFixed(3));
const pad = (s: string, n: number) => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function formatSummaries(summaries: SplitSummary[]): string {
  const out: string[] = [];
  const head = ['split', 'articles', 'req.stmts', 'attr.P', 'attr.R', 'attr.F1', 'found.F1', 'spk.acc', 'date.acc', 'undated', 'claims.F1', 'act.P', 'act.R', 'type.acc'];
  out.push('Means over articles with required statements (score.mjs per article, then averaged; date.acc over statements the text dates, undated = share of the others left without a date):');
  out.push(head.map((h, i) => (i === 0 ? pad(h, 9) : lpad(h, 9))).join(' '));
  for (const s of summaries) {
    const row = [s.split, String(s.articles), String(s.requiredStatements), f(s.mean.attributed.precision), f(s.mean.attributed.recall), f(s.mean.attributed.f1), f(s.mean.found.f1), f(s.speakerAccuracy), f(s.dateAccuracy), f(s.undatedKept), f(s.mean.claims.f1), f(s.mean.actorsPrecision), f(s.mean.actorsRecall), f(s.actors.typeAccuracy)];
    out.push(row.map((h, i) => (i === 0 ? pad(h, 9) : lpad(h, 9))).join(' '));
  }
  out.push('');
  out.push('Pooled over all statements, claims and actors of the split:');
  out.push(['split', 'attr.P', 'attr.R', 'attr.F1', 'found.P', 'found.R', 'found.F1', 'claims.F1', 'act.P', 'act.R'].map((h, i) => (i === 0 ? pad(h, 9) : lpad(h, 9))).join(' '));
  for (const s of summaries) {
    const row = [s.split, f(s.pooled.attributed.precision), f(s.pooled.attributed.recall), f(s.pooled.attributed.f1), f(s.pooled.found.precision), f(s.pooled.found.recall), f(s.pooled.found.f1), f(s.pooled.claims.f1), f(s.actors.precision), f(s.actors.recall)];
    out.push(row.map((h, i) => (i === 0 ? pad(h, 9) : lpad(h, 9))).join(' '));
  }
  for (const s of summaries) {
    out.push('');
    out.push(`Calibration (${s.split}): attribution.confidence against the share of statements right (text and speaker)`);
    out.push(`  ${pad('band', 9)} ${lpad('stmts', 6)} ${lpad('precision', 9)}`);
    for (const c of s.calibration) out.push(`  ${pad(c.band, 9)} ${lpad(String(c.statements), 6)} ${lpad(f(c.precision), 9)}`);
    out.push('');
    out.push(`Most frequent kinds of miss (${s.split}):`);
    for (const m of s.topMisses) out.push(`  ${lpad(String(m.count), 5)}  ${m.kind}${m.example ? `  — e.g. ${m.example}` : ''}`);
  }
  return out.join('\n');
}

export function formatArticles(scores: ArticleScore[]): string {
  const out = [`${pad('article', 48)} ${lpad('req', 4)} ${lpad('pred', 4)} ${lpad('attr.P', 6)} ${lpad('attr.R', 6)} ${lpad('attr.F1', 7)} ${lpad('spk', 5)} ${lpad('date', 5)} ${lpad('clm.F1', 6)} ${lpad('act.P', 5)} ${lpad('act.R', 5)} ${lpad('type', 5)}`];
  const g = (x: number | null) => (x === null ? '  -' : x.toFixed(2));
  for (const s of scores) {
    const a = prf(s.attributed);
    out.push(
      `${pad(s.name, 48)} ${lpad(String(s.attributed.relevant), 4)} ${lpad(String(s.attributed.predicted), 4)} ${lpad(g(a.precision), 6)} ${lpad(g(a.recall), 6)} ${lpad(g(a.f1), 7)} ${lpad(g(ratio(s.speakers.ok, s.speakers.of)), 5)} ${lpad(g(ratio(s.dates.ok, s.dates.of)), 5)} ${lpad(g(s.claims.relevant ? prf(s.claims).f1 : null), 6)} ${lpad(g(ratio(s.actors.good, s.actors.predicted)), 5)} ${lpad(g(ratio(s.actors.found, s.actors.requiredGold)), 5)} ${lpad(g(ratio(s.actors.typeOk, s.actors.found)), 5)}`,
    );
  }
  return out.join('\n');
}
