// Vendored unchanged from the project's shared/eval/score.mjs, so the parity test runs on a fresh clone.
// Scores a running whosaid API against a gold annotation of one article.
//
//   node score.mjs --api http://127.0.0.1:3000 --gold seed.gold.json [--min-f1 0.9] [--json out.json]
//
// It reads only the public HTTP API (the /v1 contract), never the database, so it scores
// what a user of the API would get. Exit status: 0 when every query check passes and the
// attributed F1 reaches --min-f1; 1 otherwise; 2 when the API or the gold file cannot be read.

import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
if (!args.api || !args.gold) {
  console.error('usage: score.mjs --api URL --gold FILE [--min-f1 X] [--json OUT]');
  process.exit(2);
}
const api = args.api.replace(/\/$/, '');
const gold = JSON.parse(readFileSync(args.gold, 'utf8'));
const minF1 = Number(args['min-f1'] ?? 0);

// ---------- text helpers ----------
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'the', 'many', 'some']);
const norm = (s) =>
  (s ?? '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[“”"«»„]/g, ' ')
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
const nameTokens = (s) => norm(s).filter((t) => !HONORIFICS.has(t));
function tokenF1(a, b) {
  const ta = norm(a), tb = norm(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) if (counts.get(t) > 0) { common++; counts.set(t, counts.get(t) - 1); }
  if (!common) return 0;
  const p = common / ta.length, r = common / tb.length;
  return (2 * p * r) / (p + r);
}
// A predicted name is compatible with a gold entity when, after dropping honorifics, one token
// set contains the other ("Blinken" ~ "Antony Blinken", "Mr Borrell" ~ "Josep Borrell").
function namesMatch(predNames, goldNames) {
  for (const p of predNames) {
    const tp = nameTokens(p);
    if (!tp.length) continue;
    for (const g of goldNames) {
      const tg = nameTokens(g);
      if (!tg.length) continue;
      const small = tp.length <= tg.length ? tp : tg, big = tp.length <= tg.length ? tg : tp;
      if (small.every((t) => big.includes(t))) return true;
    }
  }
  return false;
}
const dayNumber = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000);
function dateMatches(pred, g) {
  if (!pred || !/^\d{4}-\d{2}-\d{2}/.test(pred)) return false;
  const p = dayNumber(pred.slice(0, 10)), d = dayNumber(g.date);
  return g.datePrecision === 'week' ? p >= d && p <= d + 6 : p === d;
}

// ---------- HTTP ----------
async function get(path) {
  const res = await fetch(api + path, { headers: { accept: 'application/json' } });
  const body = await res.text();
  let json;
  try { json = JSON.parse(body); } catch { json = undefined; }
  return { status: res.status, json, body };
}
async function all(path) {
  const out = [];
  let cursor = null;
  for (let page = 0; page < 200; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await get(`${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200 || !Array.isArray(r.json?.data)) throw new Error(`GET ${path} -> ${r.status}: ${r.body.slice(0, 200)}`);
    out.push(...r.json.data);
    cursor = r.json.next;
    if (!cursor) return out;
  }
  throw new Error(`GET ${path}: more than 200 pages`);
}

// Greedy one-to-one matching of gold items to predicted items by token F1 of their text.
function match(goldItems, predItems, threshold = 0.5) {
  const pairs = [];
  goldItems.forEach((g, gi) => predItems.forEach((p, pi) => {
    const s = tokenF1(p.text, g.text);
    if (s >= threshold) pairs.push([s, gi, pi]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || (goldItems[a[1]].required ? -1 : 1));
  const g2p = new Map(), usedP = new Set();
  for (const [, gi, pi] of pairs) if (!g2p.has(gi) && !usedP.has(pi)) { g2p.set(gi, pi); usedP.add(pi); }
  return g2p;
}
const prf = (tp, predicted, relevant) => {
  const p = predicted ? tp / predicted : 0, r = relevant ? tp / relevant : 0;
  return { precision: +p.toFixed(3), recall: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3) };
};

async function main() {
  const report = { article: gold.article.title, checks: [] };
  const check = (name, ok, detail = '') => report.checks.push({ name, ok: !!ok, detail });

  const articles = await all('/v1/articles');
  const article = articles.find((a) => norm(a.title).join(' ') === norm(gold.article.title).join(' '));
  if (!article) throw new Error(`no article titled "${gold.article.title}" among ${articles.length}`);
  const aid = encodeURIComponent(article.id);
  check('article publishedAt', (article.publishedAt ?? '').startsWith(gold.article.published ?? '-'), article.publishedAt);

  const statements = await all(`/v1/statements?article=${aid}`);
  const claims = await all(`/v1/claims?article=${aid}`);
  const actors = await all(`/v1/actors?article=${aid}`);
  const topics = await all('/v1/topics');

  // ---- statements ----
  const gs = gold.statements;
  const g2p = match(gs, statements);
  const required = gs.filter((g) => g.required);
  const matchedReq = [...g2p.keys()].filter((gi) => gs[gi].required);
  const predCounted = statements.length - [...g2p.keys()].filter((gi) => !gs[gi].required).length;
  const speakerAliases = (name) => {
    const sp = [...(gold.speakers ?? []), ...(gold.actors ?? [])].find((s) => s.name === name);
    return [name, ...(sp?.aliases ?? [])];
  };
  let attributed = 0, speakerOk = 0, dated = 0, dateOk = 0;
  const misses = [];
  for (const gi of matchedReq) {
    const g = gs[gi], p = statements[g2p.get(gi)];
    const ok = g.speaker === null ? true : namesMatch([p.speaker?.name ?? ''], speakerAliases(g.speaker));
    if (ok) { speakerOk++; attributed++; } else misses.push(`wrong speaker "${p.speaker?.name}" for ${g.speaker}: ${g.text.slice(0, 50)}`);
    if (g.date) { dated++; if (dateMatches(p.date, g)) dateOk++; else misses.push(`date ${p.date} != ${g.date}/${g.datePrecision} (${g.dateText}): ${g.text.slice(0, 40)}`); }
  }
  for (const g of required) if (![...g2p.keys()].some((gi) => gs[gi] === g)) misses.push(`missed statement by ${g.speaker}: ${g.text.slice(0, 60)}`);
  report.statements = {
    predicted: statements.length, goldRequired: required.length,
    found: prf(matchedReq.length, predCounted, required.length),
    attributed: prf(attributed, predCounted, required.length),
    speakerAccuracy: matchedReq.length ? +(speakerOk / matchedReq.length).toFixed(3) : 0,
    dateAccuracy: dated ? +(dateOk / dated).toFixed(3) : null,
    misses,
  };

  // ---- claims ----
  const gc = gold.claims ?? [];
  const c2p = match(gc, claims);
  const reqC = gc.filter((g) => g.required);
  const matchedReqC = [...c2p.keys()].filter((gi) => gc[gi].required);
  let claimantOk = 0;
  for (const gi of matchedReqC) {
    const g = gc[gi], p = claims[c2p.get(gi)];
    const names = g.claimants.flatMap((c) => (c === null ? [] : speakerAliases(c)));
    if ((g.claimants.includes(null) && !p.claimant) || namesMatch([p.claimant?.name ?? ''], names)) claimantOk++;
  }
  const predC = claims.length - [...c2p.keys()].filter((gi) => !gc[gi].required).length;
  report.claims = { predicted: claims.length, found: prf(matchedReqC.length, predC, reqC.length), withClaimant: prf(claimantOk, predC, reqC.length) };

  // ---- actors ----
  const ga = gold.actors ?? [];
  const predNames = (a) => [a.name, ...(a.aliases ?? [])];
  const goldNames = (g) => [g.name, ...(g.aliases ?? [])];
  const foundActors = ga.filter((g) => g.required && actors.some((a) => namesMatch([a.name], goldNames(g)) || namesMatch(predNames(a), [g.name])));
  const goodPred = actors.filter((a) => ga.some((g) => namesMatch([a.name], goldNames(g))));
  report.actors = {
    predicted: actors.length,
    ...prf(foundActors.length, actors.length, ga.filter((g) => g.required).length),
    precisionDetail: actors.filter((a) => !goodPred.includes(a)).map((a) => a.name),
    missing: ga.filter((g) => g.required && !foundActors.includes(g)).map((g) => g.name),
  };
  report.actors.precision = +(actors.length ? goodPred.length / actors.length : 0).toFixed(3);
  // among gold actors that were found, the share whose predicted actor has the gold type
  const overlap = (a, b) => { const x = nameTokens(a), y = nameTokens(b); const i = x.filter((t) => y.includes(t)).length; return i / (x.length + y.length - i || 1); };
  const closest = (g) => {
    const cands = actors.filter((a) => namesMatch([a.name], goldNames(g)) || namesMatch(predNames(a), [g.name]));
    return cands.sort((a, b) => Math.max(...goldNames(g).map((n) => overlap(b.name, n))) - Math.max(...goldNames(g).map((n) => overlap(a.name, n))))[0];
  };
  const typed = foundActors.map(closest);
  const typeOk = foundActors.filter((g, i) => typed[i]?.type === g.type);
  report.actors.typeAccuracy = foundActors.length ? +(typeOk.length / foundActors.length).toFixed(3) : null;
  report.actors.wrongType = foundActors.flatMap((g, i) => (typed[i] && typed[i].type !== g.type ? [`${g.name} as ${typed[i].type}, gold ${g.type}`] : []));

  // ---- speakers carry role and affiliation ----
  for (const gsp of gold.speakers ?? []) {
    const candidates = actors.filter((x) => namesMatch([x.name], [gsp.name, ...gsp.aliases]));
    const roles = candidates.map((x) => x.role).filter(Boolean);
    if (gsp.role) check(`speaker role: ${gsp.name}`, roles.some((r) => tokenF1(r, gsp.role) >= 0.5), candidates.length ? `roles: ${roles.join('; ') || 'none'}` : 'no actor');
  }

  // ---- topics ----
  const byId = new Map(topics.map((t) => [t.id, t]));
  const ancestry = (id) => { const out = []; for (let t = byId.get(id), n = 0; t && n < 10; t = byId.get(t.parentId), n++) out.push(String(t.iptc ?? '').replace(/^medtop:/, '')); return out; };
  const articleTopics = new Set(statements.flatMap((s) => (s.topics ?? []).map((t) => t.id)));
  for (const anyOf of gold.topics?.iptcAnyOf ?? []) {
    const ok = [...articleTopics].some((id) => ancestry(id).some((c) => anyOf.includes(c)));
    check(`topic under IPTC ${anyOf.join('|')}`, ok);
  }
  check('every statement has a topic', statements.every((s) => (s.topics ?? []).length > 0), `${statements.filter((s) => !(s.topics ?? []).length).length} without`);

  // ---- the query filters return what the data says ----
  const ids = (xs) => xs.map((x) => x.id).sort().join(',');
  const speakersSeen = [...new Map(statements.filter((s) => s.speaker).map((s) => [s.speaker.id, s.speaker])).values()];
  for (const sp of speakersSeen.slice(0, 6)) {
    const got = await all(`/v1/statements?article=${aid}&speaker=${encodeURIComponent(sp.id)}`);
    check(`?speaker=${sp.id}`, ids(got) === ids(statements.filter((s) => s.speaker?.id === sp.id)));
    const byActor = await all(`/v1/statements?article=${aid}&actor=${encodeURIComponent(sp.id)}`);
    check(`?actor=${sp.id} covers speaker and mentions`, byActor.every((s) => s.speaker?.id === sp.id || (s.mentions ?? []).some((m) => m.id === sp.id)) && got.every((s) => byActor.some((b) => b.id === s.id)));
  }
  const rutte = actors.find((a) => namesMatch([a.name], ['Mark Rutte']));
  if (rutte && gold.article.title.startsWith('NATO and EU')) {
    const byAlias = await all(`/v1/statements?article=${aid}&speaker=rutte`);
    check('?speaker= accepts an alias (rutte)', byAlias.length > 0 && byAlias.every((s) => s.speaker?.id === rutte.id));
  }
  const effective = (s) => (s.date ?? article.publishedAt ?? '').slice(0, 10);
  const days = [...new Set(statements.map(effective).filter(Boolean))];
  for (const d of days.slice(0, 3)) {
    const got = await all(`/v1/statements?article=${aid}&from=${d}&to=${d}`);
    check(`?from=${d}&to=${d}`, ids(got) === ids(statements.filter((s) => effective(s) === d)));
  }
  for (const t of [...articleTopics].slice(0, 3)) {
    const got = await all(`/v1/statements?article=${aid}&topic=${encodeURIComponent(t)}`);
    const direct = statements.filter((s) => (s.topics ?? []).some((x) => x.id === t));
    check(`?topic=${t}`, got.length >= direct.length && direct.every((s) => got.some((g) => g.id === s.id)));
  }
  for (const bad of ['/v1/statements?from=not-a-date', '/v1/statements?limit=-1', '/v1/actors/does-not-exist-42']) {
    const r = await get(bad);
    check(`bad request ${bad} -> 4xx problem+json`, r.status >= 400 && r.status < 500 && r.json && r.json.status === r.status && r.json.title, `${r.status}`);
  }

  const failed = report.checks.filter((c) => !c.ok);
  const s = report.statements;
  const summary = `attributed-F1 ${s.attributed.f1} (P ${s.attributed.precision} R ${s.attributed.recall}) speaker-acc ${s.speakerAccuracy} date-acc ${s.dateAccuracy ?? 'n/a'} claims-F1 ${report.claims.withClaimant.f1} actors P ${report.actors.precision} R ${report.actors.recall} type-acc ${report.actors.typeAccuracy ?? 'n/a'} checks ${report.checks.length - failed.length}/${report.checks.length}`;
  if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2));
  for (const m of s.misses) console.log(`  - ${m}`);
  if (report.actors.missing.length) console.log(`  - actors missing: ${report.actors.missing.join(', ')}`);
  if (report.actors.wrongType.length) console.log(`  - actors of another type than gold: ${report.actors.wrongType.join(', ')}`);
  if (report.actors.precisionDetail.length) console.log(`  - actors not in gold: ${report.actors.precisionDetail.join(', ')}`);
  for (const c of failed) console.log(`  - check failed: ${c.name} ${c.detail}`);
  console.log(summary);
  process.exit(failed.length === 0 && s.attributed.f1 >= minF1 ? 0 : 1);
}

main().catch((e) => { console.error(`score: ${e.message}`); process.exit(2); });
