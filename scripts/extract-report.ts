// Dev tool: prints what extraction finds in article files and, given gold files, scores it the way score.mjs does.
//
//   npx tsx scripts/extract-report.ts [--gold FILE ...] [--quiet] [--misses] [--time] ARTICLE.txt ...
//
// A gold file is matched to an article by title. Gold files are read here only, never by src/.

import { readFileSync, existsSync } from 'node:fs';
import { extractArticle } from '../src/extract/index.js';
import type { Extraction } from '../src/extract/types.js';

const args = process.argv.slice(2);
const files: string[] = [];
const golds: string[] = [];
let quiet = false;
let misses = false;
let timing = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--gold') golds.push(args[++i]);
  else if (args[i] === '--quiet') quiet = true;
  else if (args[i] === '--misses') misses = true;
  else if (args[i] === '--time') timing = true;
  else files.push(args[i]);
}

// ---------- the scorer's text rules (same as score.mjs) ----------
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'the', 'many', 'some']);
const norm = (s: string | null | undefined) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[“”"«»„]/g, ' ')
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
const nameTokens = (s: string) => norm(s).filter((t) => !HONORIFICS.has(t));
function tokenF1(a: string, b: string) {
  const ta = norm(a);
  const tb = norm(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta)
    if ((counts.get(t) ?? 0) > 0) {
      common++;
      counts.set(t, counts.get(t)! - 1);
    }
  if (!common) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}
function namesMatch(pred: string[], gold: string[]) {
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
function dateMatches(pred: string | null, g: { date: string; datePrecision: string }) {
  if (!pred || !/^\d{4}-\d{2}-\d{2}/.test(pred)) return false;
  const p = dayNumber(pred.slice(0, 10));
  const d = dayNumber(g.date);
  return g.datePrecision === 'week' ? p >= d && p <= d + 6 : p === d;
}
function match<G extends { text: string; required: boolean }, P extends { text: string }>(gs: G[], ps: P[]) {
  const pairs: [number, number, number][] = [];
  gs.forEach((g, gi) =>
    ps.forEach((p, pi) => {
      const s = tokenF1(p.text, g.text);
      if (s >= 0.5) pairs.push([s, gi, pi]);
    }),
  );
  pairs.sort((a, b) => b[0] - a[0] || (gs[a[1]].required ? -1 : 1));
  const g2p = new Map<number, number>();
  const usedP = new Set<number>();
  for (const [, gi, pi] of pairs)
    if (!g2p.has(gi) && !usedP.has(pi)) {
      g2p.set(gi, pi);
      usedP.add(pi);
    }
  return g2p;
}
const prf = (tp: number, predicted: number, relevant: number) => {
  const p = predicted ? tp / predicted : 0;
  const r = relevant ? tp / relevant : 0;
  return { p: +p.toFixed(3), r: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3) };
};

interface Gold {
  article: { title: string };
  statements: { speaker: string | null; kind: string; text: string; cue: string | null; date: string | null; datePrecision: string | null; dateText: string | null; required: boolean }[];
  claims: { claimants: (string | null)[]; text: string; required: boolean }[];
  speakers: { name: string; role: string | null; aliases: string[] }[];
  actors: { name: string; aliases: string[]; required: boolean }[];
}

function score(x: Extraction, gold: Gold) {
  const actorByKey = new Map(x.actors.map((a) => [a.key, a]));
  const st = x.statements.map((s) => ({ ...s, speakerName: s.speakerKey ? actorByKey.get(s.speakerKey)?.name ?? null : null }));
  const gs = gold.statements;
  const g2p = match(gs, st);
  const required = gs.filter((g) => g.required);
  const matchedReq = [...g2p.keys()].filter((gi) => gs[gi].required);
  const predCounted = st.length - [...g2p.keys()].filter((gi) => !gs[gi].required).length;
  const speakerAliases = (name: string) => {
    const sp = [...(gold.speakers ?? []), ...(gold.actors ?? [])].find((s) => s.name === name);
    return [name, ...(sp?.aliases ?? [])];
  };
  let attributed = 0;
  let dated = 0;
  let dateOk = 0;
  const out: string[] = [];
  for (const gi of matchedReq) {
    const g = gs[gi];
    const p = st[g2p.get(gi)!];
    const ok = g.speaker === null ? true : namesMatch([p.speakerName ?? ''], speakerAliases(g.speaker));
    if (ok) attributed++;
    else out.push(`wrong speaker "${p.speakerName}" for ${g.speaker}: ${g.text.slice(0, 60)}`);
    if (g.date) {
      dated++;
      if (dateMatches(p.date.date, g as { date: string; datePrecision: string })) dateOk++;
      else out.push(`date ${p.date.date} (${p.date.text}) != ${g.date}/${g.datePrecision} (${g.dateText}): ${g.text.slice(0, 40)}`);
    }
  }
  for (const g of required) if (![...g2p.keys()].some((gi) => gs[gi] === g)) out.push(`missed statement by ${g.speaker}: ${g.text.slice(0, 70)}`);
  const matchedP = new Set(g2p.values());
  st.forEach((p, pi) => {
    if (!matchedP.has(pi)) out.push(`extra statement by ${p.speakerName} [${p.attribution.rule}]: ${p.text.slice(0, 70)}`);
  });
  // claims
  const gc = gold.claims ?? [];
  const cl = x.claims.map((c) => ({ ...c, claimant: c.claimantKey ? actorByKey.get(c.claimantKey)?.name ?? null : null }));
  const c2p = match(gc, cl);
  const reqC = gc.filter((g) => g.required);
  const matchedReqC = [...c2p.keys()].filter((gi) => gc[gi].required);
  let claimantOk = 0;
  for (const gi of matchedReqC) {
    const g = gc[gi];
    const p = cl[c2p.get(gi)!];
    const names = g.claimants.flatMap((c) => (c === null ? [] : speakerAliases(c)));
    if ((g.claimants.includes(null) && !p.claimant) || namesMatch([p.claimant ?? ''], names)) claimantOk++;
    else out.push(`claim claimant "${p.claimant}" for ${g.claimants.join('/')}: ${g.text.slice(0, 50)}`);
  }
  for (const g of reqC) if (![...c2p.keys()].some((gi) => gc[gi] === g)) out.push(`missed claim by ${g.claimants.join('/')}: ${g.text.slice(0, 60)}`);
  const matchedC = new Set(c2p.values());
  cl.forEach((p, pi) => {
    if (!matchedC.has(pi)) out.push(`extra claim by ${p.claimant}: ${p.text.slice(0, 60)}`);
  });
  const predC = cl.length - [...c2p.keys()].filter((gi) => !gc[gi].required).length;
  // actors
  const ga = gold.actors ?? [];
  const goldNames = (g: { name: string; aliases: string[] }) => [g.name, ...(g.aliases ?? [])];
  const found = ga.filter((g) => g.required && x.actors.some((a) => namesMatch([a.name], goldNames(g)) || namesMatch([a.name, ...a.aliases], [g.name])));
  const good = x.actors.filter((a) => ga.some((g) => namesMatch([a.name], goldNames(g))));
  const reqA = ga.filter((g) => g.required).length;
  const missing = ga.filter((g) => g.required && !found.includes(g)).map((g) => g.name);
  const extra = x.actors.filter((a) => !good.includes(a)).map((a) => a.name);
  if (missing.length) out.push(`actors missing: ${missing.join(', ')}`);
  if (extra.length) out.push(`actors not in gold: ${extra.join(', ')}`);
  for (const gsp of gold.speakers ?? []) {
    if (!gsp.role) continue;
    const cands = x.actors.filter((a) => namesMatch([a.name], [gsp.name, ...gsp.aliases]));
    const roles = cands.map((a) => a.role).filter((r): r is string => !!r);
    if (!roles.some((r) => tokenF1(r, gsp.role!) >= 0.5)) out.push(`role check failed: ${gsp.name} (${gsp.role}) got ${roles.join('; ') || 'none'}`);
  }
  const a = prf(attributed, predCounted, required.length);
  const c = prf(claimantOk, predC, reqC.length);
  return {
    lines: out,
    summary: `attributed-F1 ${a.f1} (P ${a.p} R ${a.r}) date-acc ${dated ? (dateOk / dated).toFixed(3) : 'n/a'} claims-F1 ${c.f1} (P ${c.p} R ${c.r}) actors P ${(x.actors.length ? good.length / x.actors.length : 0).toFixed(3)} R ${(reqA ? found.length / reqA : 0).toFixed(3)}`,
    a,
    c,
  };
}

function print(x: Extraction) {
  const name = (k: string | null) => (k ? x.actors.find((a) => a.key === k)?.name ?? `?${k}` : '∅');
  console.log(`# ${x.article.title}`);
  for (const s of x.statements) {
    const d = s.date.date ? `${s.date.date}/${s.date.precision} "${s.date.text}"` : '-';
    console.log(`  S ${s.kind === 'direct' ? 'D' : 'I'} ${name(s.speakerKey)} | ${s.cue} | ${d} | ${s.attribution.rule} ${s.attribution.confidence}\n      ${s.text.slice(0, 160)}`);
  }
  for (const c of x.claims) console.log(`  C ${name(c.claimantKey)} #${c.statementIndex ?? '-'} | ${c.text.slice(0, 140)}`);
  for (const a of x.actors) {
    const aff = a.affiliationKey ? ` @${name(a.affiliationKey)}` : '';
    console.log(`  A ${a.type} ${a.name}${a.role ? ` [${a.role}]` : ''}${aff} {${a.aliases.join(' | ')}}`);
  }
}

const goldByTitle = new Map<string, Gold>();
for (const g of golds) {
  const gold = JSON.parse(readFileSync(g, 'utf8')) as Gold;
  goldByTitle.set(norm(gold.article.title).join(' '), gold);
}

let totalMs = 0;
let totalBytes = 0;
const sums = { a: [] as number[], c: [] as number[] };
for (const f of files) {
  const raw = readFileSync(f, 'utf8');
  const metaPath = f.replace(/\.txt$/, '.meta.json');
  const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as { published?: string }) : {};
  const t0 = performance.now();
  let x: Extraction;
  try {
    x = extractArticle(raw, { published: meta.published ?? null });
  } catch (e) {
    console.log(`! ${f}: ${(e as Error).message}`);
    continue;
  }
  totalMs += performance.now() - t0;
  totalBytes += raw.length;
  if (!quiet) print(x);
  const gold = goldByTitle.get(norm(x.article.title).join(' '));
  if (gold) {
    const r = score(x, gold);
    if (misses || !quiet) for (const l of r.lines) console.log(`  - ${l}`);
    console.log(`  = ${x.article.title.slice(0, 50)}: ${r.summary}`);
    sums.a.push(r.a.f1);
    sums.c.push(r.c.f1);
  }
}
if (sums.a.length > 1) console.log(`mean attributed-F1 ${(sums.a.reduce((s, v) => s + v, 0) / sums.a.length).toFixed(3)} claims-F1 ${(sums.c.reduce((s, v) => s + v, 0) / sums.c.length).toFixed(3)}`);
if (timing) {
  // warm timing: run everything again, as ingest would after the first article
  const t0 = performance.now();
  let n = 0;
  for (let rep = 0; rep < 3; rep++)
    for (const f of files) {
      try {
        extractArticle(readFileSync(f, 'utf8'), { published: '2020-01-01' });
        n++;
      } catch {
        /* format errors were reported above */
      }
    }
  const ms = performance.now() - t0;
  console.log(`timing: first pass ${totalMs.toFixed(1)} ms for ${files.length} files (${(totalBytes / 1024).toFixed(0)} KB); warm ${(ms / n).toFixed(3)} ms/article, ${(n / (ms / 1000)).toFixed(0)} articles/s`);
}
