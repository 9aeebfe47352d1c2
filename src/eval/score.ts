// Scores one extraction against its gold annotation with exactly the matching of shared/eval/score.mjs.

import type { Extraction } from '../extract/types.js';
import type { Gold } from './gold.js';

// ---------- the scorer's text rules (the same as score.mjs, line for line) ----------

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'the', 'many', 'some']);

export const norm = (s: string | null | undefined): string[] =>
  (s ?? '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[“”"«»„]/g, ' ')
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

const nameTokens = (s: string) => norm(s).filter((t) => !HONORIFICS.has(t));

export function tokenF1(a: string, b: string): number {
  const ta = norm(a);
  const tb = norm(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (!common) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

/** After dropping honorifics, one name's tokens contain the other's ("Blinken" ~ "Antony Blinken"). */
export function namesMatch(pred: string[], gold: string[]): boolean {
  for (const p of pred) {
    const tp = nameTokens(p);
    if (!tp.length) continue;
    for (const g of gold) {
      const tg = nameTokens(g);
      if (!tg.length) continue;
      const small = tp.length <= tg.length ? tp : tg;
      const big = tp.length <= tg.length ? tg : tp;
      if (small.every((t) => big.includes(t))) return true;
    }
  }
  return false;
}

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);

/** A week-precision gold date accepts any day of that week. */
export function dateMatches(pred: string | null, gold: { date: string; datePrecision: string | null }): boolean {
  if (!pred || !/^\d{4}-\d{2}-\d{2}/.test(pred)) return false;
  const p = dayNumber(pred.slice(0, 10));
  const d = dayNumber(gold.date);
  return gold.datePrecision === 'week' ? p >= d && p <= d + 6 : p === d;
}

/** Greedy one-to-one matching of gold to predicted items by token F1 ≥ 0.5 (ties prefer required gold). */
export function matchTexts(gold: { text: string; required: boolean }[], pred: { text: string }[], threshold = 0.5): Map<number, number> {
  const pairs: [number, number, number][] = [];
  gold.forEach((g, gi) =>
    pred.forEach((p, pi) => {
      const s = tokenF1(p.text, g.text);
      if (s >= threshold) pairs.push([s, gi, pi]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || (gold[a[1]].required ? -1 : 1));
  const g2p = new Map<number, number>();
  const used = new Set<number>();
  for (const [, gi, pi] of pairs) {
    if (!g2p.has(gi) && !used.has(pi)) {
      g2p.set(gi, pi);
      used.add(pi);
    }
  }
  return g2p;
}

// ---------- what the API would show, from an extraction ----------

/** A statement as the API lists it: words, speaker name and date, and the rule and confidence behind it. */
export interface ScoredStatement {
  text: string;
  kind: 'direct' | 'indirect';
  speaker: string | null;
  speakerType: string | null;
  date: string | null;
  rule: string;
  confidence: number;
}
export interface ScoredActor {
  name: string;
  type: string;
  aliases: string[];
  role: string | null;
}

export function apiView(x: Extraction) {
  const byKey = new Map(x.actors.map((a) => [a.key, a]));
  const statements: ScoredStatement[] = x.statements.map((s) => {
    const sp = s.speakerKey ? byKey.get(s.speakerKey) : undefined;
    return { text: s.text, kind: s.kind, speaker: sp?.name ?? null, speakerType: sp?.type ?? null, date: s.date.date, rule: s.attribution.rule, confidence: s.attribution.confidence };
  });
  const claims = x.claims.map((c) => ({ text: c.text, claimant: c.claimantKey ? (byKey.get(c.claimantKey)?.name ?? null) : null }));
  const actors: ScoredActor[] = x.actors.map((a) => ({ name: a.name, type: a.type, aliases: a.aliases, role: a.role }));
  return { statements, claims, actors };
}

// ---------- scoring ----------

/** One thing the extractor got wrong: `kind` groups misses for the summary, `detail` names the text. */
export interface Miss {
  kind: string;
  detail: string;
}

export interface Counts {
  tp: number;
  predicted: number;
  relevant: number;
}

export interface ArticleScore {
  name: string;
  /** Statements: found = text matched, attributed = text and speaker. */
  found: Counts;
  attributed: Counts;
  speakers: { ok: number; of: number };
  dates: { ok: number; of: number };
  /** Matched required statements the text does not date: how many were left undated (a date there is a guess). */
  undated: { ok: number; of: number };
  claims: Counts;
  actors: { predicted: number; good: number; requiredGold: number; found: number; typeOk: number };
  /** Every predicted statement not matched to an optional gold one: its confidence and whether it was right (text and speaker). */
  calibration: { confidence: number; correct: boolean }[];
  misses: Miss[];
}

export function scoreExtraction(name: string, x: Extraction, gold: Gold): ArticleScore {
  const view = apiView(x);
  const misses: Miss[] = [];
  const speakerAliases = (n: string) => {
    const sp = [...gold.speakers, ...gold.actors].find((s) => s.name === n);
    return [n, ...(sp?.aliases ?? [])];
  };

  // statements
  const gs = gold.statements;
  const st = view.statements;
  const g2p = matchTexts(gs, st);
  const required = gs.filter((g) => g.required);
  const matchedReq = [...g2p.keys()].filter((gi) => gs[gi].required);
  const predCounted = st.length - [...g2p.keys()].filter((gi) => !gs[gi].required).length;
  let attributed = 0;
  let dated = 0;
  let dateOk = 0;
  let undated = 0;
  let undatedOk = 0;
  const correctPred = new Set<number>();
  for (const gi of matchedReq) {
    const g = gs[gi];
    const pi = g2p.get(gi)!;
    const p = st[pi];
    const ok = g.speaker === null ? true : namesMatch([p.speaker ?? ''], speakerAliases(g.speaker));
    if (ok) {
      attributed++;
      correctPred.add(pi);
    } else {
      const goldType = gold.speakers.find((s) => s.name === g.speaker)?.type ?? '?';
      misses.push({ kind: `wrong speaker: ${p.speaker ? (p.speakerType ?? '?') : 'none'} instead of ${goldType}`, detail: `"${p.speaker}" for ${g.speaker}: ${g.text.slice(0, 60)}` });
    }
    if (g.date) {
      dated++;
      if (dateMatches(p.date, { date: g.date, datePrecision: g.datePrecision })) dateOk++;
      else misses.push({ kind: p.date ? 'date: a different date' : 'date: none found', detail: `${p.date} != ${g.date}/${g.datePrecision} ("${g.dateText}"): ${g.text.slice(0, 40)}` });
    } else {
      undated++;
      if (!p.date) undatedOk++;
    }
  }
  const matchedGold = new Set(g2p.keys());
  gs.forEach((g, gi) => {
    if (g.required && !matchedGold.has(gi)) misses.push({ kind: `missed ${g.kind} statement${g.kind === 'indirect' && g.cue ? ` ("${cueWord(g.cue)}")` : ''}`, detail: `by ${g.speaker}: ${g.text.slice(0, 70)}` });
  });
  const optionalMatched = new Set([...g2p.entries()].filter(([gi]) => !gs[gi].required).map(([, pi]) => pi));
  const matchedPred = new Set(g2p.values());
  st.forEach((p, pi) => {
    if (!matchedPred.has(pi)) misses.push({ kind: `extra statement [${p.rule}]`, detail: `by ${p.speaker}: ${p.text.slice(0, 70)}` });
  });
  const calibration = st.flatMap((p, pi) => (optionalMatched.has(pi) ? [] : [{ confidence: p.confidence, correct: correctPred.has(pi) }]));

  // claims
  const gc = gold.claims;
  const c2p = matchTexts(gc, view.claims);
  const reqC = gc.filter((g) => g.required);
  const matchedReqC = [...c2p.keys()].filter((gi) => gc[gi].required);
  let claimantOk = 0;
  for (const gi of matchedReqC) {
    const g = gc[gi];
    const p = view.claims[c2p.get(gi)!];
    const names = g.claimants.flatMap((c) => (c === null ? [] : speakerAliases(c)));
    if ((g.claimants.includes(null) && !p.claimant) || namesMatch([p.claimant ?? ''], names)) claimantOk++;
    else misses.push({ kind: 'claim: wrong claimant', detail: `"${p.claimant}" for ${g.claimants.join('/')}: ${g.text.slice(0, 50)}` });
  }
  const matchedC = new Set(c2p.keys());
  gc.forEach((g, gi) => {
    if (g.required && !matchedC.has(gi)) misses.push({ kind: 'claim: missed', detail: `by ${g.claimants.join('/')}: ${g.text.slice(0, 60)}` });
  });
  const predC = view.claims.length - [...c2p.keys()].filter((gi) => !gc[gi].required).length;

  // actors
  const ga = gold.actors;
  const actors = view.actors;
  const goldNames = (g: { name: string; aliases: string[] }) => [g.name, ...g.aliases];
  const predNames = (a: ScoredActor) => [a.name, ...a.aliases];
  const foundActors = ga.filter((g) => g.required && actors.some((a) => namesMatch([a.name], goldNames(g)) || namesMatch(predNames(a), [g.name])));
  const goodPred = actors.filter((a) => ga.some((g) => namesMatch([a.name], goldNames(g))));
  const overlap = (a: string, b: string) => {
    const x1 = nameTokens(a);
    const y1 = nameTokens(b);
    const i = x1.filter((t) => y1.includes(t)).length;
    return i / (x1.length + y1.length - i || 1);
  };
  const closest = (g: (typeof ga)[number]) => {
    const cands = actors.filter((a) => namesMatch([a.name], goldNames(g)) || namesMatch(predNames(a), [g.name]));
    return cands.sort((a, b) => Math.max(...goldNames(g).map((n) => overlap(b.name, n))) - Math.max(...goldNames(g).map((n) => overlap(a.name, n))))[0];
  };
  let typeOk = 0;
  for (const g of foundActors) {
    const p = closest(g);
    if (p?.type === g.type) typeOk++;
    else if (p) misses.push({ kind: `actor type: ${g.type} as ${p.type}`, detail: `${g.name} as ${p.type}` });
  }
  for (const g of ga) if (g.required && !foundActors.includes(g)) misses.push({ kind: `actor missing: ${g.type}`, detail: g.name });
  for (const a of actors) if (!goodPred.includes(a)) misses.push({ kind: `actor not in gold: ${a.type}`, detail: a.name });

  return {
    name,
    found: { tp: matchedReq.length, predicted: predCounted, relevant: required.length },
    attributed: { tp: attributed, predicted: predCounted, relevant: required.length },
    speakers: { ok: attributed, of: matchedReq.length },
    dates: { ok: dateOk, of: dated },
    undated: { ok: undatedOk, of: undated },
    claims: { tp: claimantOk, predicted: predC, relevant: reqC.length },
    actors: { predicted: actors.length, good: goodPred.length, requiredGold: ga.filter((g) => g.required).length, found: foundActors.length, typeOk },
    calibration,
    misses,
  };
}

/** The cue's head word, for grouping misses ("called for" → "called", "according to" stays whole). */
function cueWord(cue: string): string {
  const c = cue.toLowerCase().trim();
  return c.startsWith('according') ? 'according to' : c.split(/\s+/)[0];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 as score.mjs rounds them. */
export function prf(c: Counts): PRF {
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.relevant ? c.tp / c.relevant : 0;
  return { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3) };
}
