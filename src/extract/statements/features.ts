// Features of a proposal (is it a statement?) and of each candidate speaker (did this one say it?).

import { tokenFrom, type Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import type { Lexicon } from '../resources.js';
import { cueFrame } from './cues.js';
import type { Candidate, Proposal } from './proposal.js';

const bucket = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
};

/** Facts about a proposal that say how likely it is to be a statement someone would mark. */
export function statementFeatures(doc: Doc, lex: Lexicon, p: Proposal, overlapping: Proposal[]): string[] {
  const toks = doc.tokens;
  const f: string[] = ['bias', `rule=${p.rule}`, `kind=${p.kind}`];
  const text = doc.body.slice(p.span.start, p.span.end);
  const words = text.split(/\s+/).filter(Boolean);
  f.push(`len=${bucket(words.length, [2, 4, 7, 12, 20, 40])}`, `${p.rule}|len=${bucket(words.length, [2, 4, 7, 12, 20, 40])}`);
  for (const flag of p.flags) f.push(`flag=${flag}`, `${p.rule}|${flag}`);
  if (p.cue) {
    const s = doc.sentences[p.cue.sentence];
    const fr = cueFrame(lex, toks, p.cue, s.tokStart);
    const t = toks[p.cue.tok];
    f.push(`cue=${p.cue.lemma}`, `${p.rule}|cue=${p.cue.lemma}`, `cuekind=${p.cue.form.kind}`, `${p.rule}|cuekind=${p.cue.form.kind}`, `cuepos=${p.cue.pos}`, `cueword=${t.lower}`);
    f.push(`cueconf=${bucket(p.cue.form.confidence, [0.6, 0.7, 0.8, 0.9])}`);
    if (fr.negated) f.push('negated');
    if (fr.modal) f.push('modal');
    if (fr.infinitive) f.push('infinitive');
    if (fr.passive) f.push('passive');
    if (fr.progressive) f.push('progressive');
    if (t.cap && p.cue.tok !== s.tokStart) f.push('cue-capitalised');
    if (p.cue.tok === s.tokStart) f.push('cue-first');
    if (p.cue.form.needsQuote) f.push('needs-quote');
    if (p.cue.form.needsQuoteOrThat) f.push('needs-quote-or-that');
    if (/ing$/.test(t.lower)) f.push('cue-ing');
    // what surrounds the cue means different things to different patterns ("said in a statement" ends a clause-then-cue)
    const prev = toks[p.cue.tok - 1];
    if (prev) f.push(`${p.rule}|cueprev=${prev.pos}`, `${p.rule}|cueprevw=${prev.lower}`);
    const next = toks[p.cue.end];
    if (next) f.push(`${p.rule}|cuenext=${next.pos}`, `${p.rule}|cuenextw=${next.lower}`);
  }
  if (p.kind === 'indirect') {
    const first = toks[tokenFrom(doc, p.span.start)];
    if (first) f.push(`first=${first.lower}`, `firstpos=${first.pos}`);
    // the span's tokens from a binary search to its start, not a pass over every token of the article
    const inner: Token[] = [];
    for (let k = tokenFrom(doc, p.span.start); k < doc.titleStart && toks[k].start < p.span.end; k++) if (toks[k].end <= p.span.end && toks[k].sentence === p.sentence) inner.push(toks[k]);
    f.push(`verbs=${Math.min(inner.filter((t) => t.pos === 'VERB' || t.pos === 'AUX').length, 3)}`);
    if (/\d/.test(text)) f.push('digits');
  } else {
    if (/[.!?…]$/.test(text)) f.push('ends-sentence');
    if (/^\p{Lu}/u.test(text)) f.push('starts-capital');
    if (words.length <= 4 && !/[.!?]$/.test(text)) f.push('fragment');
  }
  const kinds = p.candidates.map((c) => c.relation);
  f.push(`cands=${bucket(p.candidates.length, [0, 1, 2, 4])}`);
  for (const r of new Set(kinds)) f.push(`has-rel=${r}`);
  if (p.candidates.some((c) => c.unit.type === 'person')) f.push('has-person');
  const near = nearestLeft(p);
  if (near) f.push(`near-left=${near.unit.via}:${near.unit.type}`, `${p.rule}|near-left=${near.unit.via}`);
  if (overlapping.length) {
    f.push(`overlaps=${bucket(overlapping.length, [1, 2])}`);
    for (const o of overlapping) f.push(`overlaps-rule=${o.rule}`);
  }
  const s = doc.sentences[p.sentence];
  if (s.para === 0) f.push('first-paragraph');
  return f;
}

function nearestLeft(p: Proposal): Candidate | undefined {
  if (!p.cue) return undefined;
  let best: Candidate | undefined;
  for (const c of p.candidates) if (c.relation === 'left' && (!best || c.unit.tokEnd > best.unit.tokEnd)) best = c;
  return best;
}

/** Facts about one candidate speaker of a proposal. */
export function speakerFeatures(doc: Doc, lex: Lexicon, p: Proposal, c: Candidate, all: Candidate[]): string[] {
  const toks = doc.tokens;
  const u = c.unit;
  const f: string[] = ['bias', `rel=${c.relation}`, `via=${u.via}`, `type=${u.type}`, `rel|via=${c.relation}|${u.via}`, `rel|type=${c.relation}|${u.type}`, `rule|rel=${p.rule}|${c.relation}`];
  if (p.cue) f.push(`cue|rel=${p.cue.lemma}|${c.relation}`);
  if (u.rank !== undefined) f.push(`rank=${u.via}:${u.rank}`);
  if (u.via === 'pronoun') {
    f.push(`pron=${u.head}`, `agrees=${!!u.agrees}`, `pron-back=${bucket(u.back ?? 0, [0, 1, 2, 4])}`, `pron-freq=${bucket(u.mentions ?? 0, [1, 2, 4, 8])}`);
    if (u.speakerLike) f.push('pron-speaker');
    f.push(`pron-rank|agrees=${u.rank}|${!!u.agrees}`);
  }
  const actorName = doc.article.source?.toLowerCase() ?? '';
  if (u.via === 'name' && actorName && doc.body.slice(doc.tokens[u.tokStart]?.start ?? 0, doc.tokens[Math.max(u.tokStart, u.tokEnd - 1)]?.end ?? 0).toLowerCase() === actorName) f.push('is-outlet');
  if (u.makes) f.push('new-group');
  f.push(`head=${u.via === 'name' ? 'NAME' : u.head}`);
  if (c.relation === 'context') {
    const back = p.sentence - u.sentence;
    f.push(`back=${Math.min(back, 3)}`);
    const sameKind = all.filter((x) => x.relation === 'context');
    f.push(`ctx-rank=${Math.min(sameKind.indexOf(c), 3)}`);
    if (doc.sentences[u.sentence].para === doc.sentences[p.sentence].para) f.push('same-para');
    if (u.type === 'person') f.push('ctx-person');
    // the phrase was the subject of a cue in its own sentence: the speaker the text is following
    const us = doc.sentences[u.sentence];
    for (let k = u.tokEnd; k < us.tokEnd && k < u.tokEnd + 3; k++) if (doc.tokens[k].pos === 'VERB') f.push(`ctx-verb-after=${doc.tokens[k].lemma}`);
    return f;
  }
  if (c.relation === 'label' || !p.cue || u.tokEnd <= u.tokStart) return f;
  const cue = p.cue;
  const [a, b] = u.tokEnd <= cue.tok ? [u.tokEnd, cue.tok] : [cue.end, u.tokStart];
  const between = toks.slice(a, Math.max(a, b));
  f.push(`dist=${bucket(between.length, [0, 1, 2, 4, 8, 15])}`, `rel|dist=${c.relation}|${bucket(between.length, [0, 1, 2, 4, 8, 15])}`);
  const verbs = between.filter((t) => t.pos === 'VERB').length;
  f.push(`verbs=${Math.min(verbs, 2)}`, `rel|verbs=${c.relation}|${Math.min(verbs, 2)}`);
  const commas = between.filter((t) => t.text === ',').length;
  f.push(`commas=${Math.min(commas, 2)}`);
  if (between.some((t) => t.lower === 'that' || t.lower === 'who' || t.lower === 'which')) f.push('relative-between');
  if (between.some((t) => t.quoted)) f.push('quote-between');
  // "..., X said, and was praised by Y": past a conjunction and a verb, a phrase belongs to another clause, not to the cue
  const conj = between.findIndex((t) => t.pos === 'CCONJ');
  if (conj >= 0 && between.slice(conj + 1).some((t) => t.pos === 'VERB' || t.pos === 'AUX')) f.push('clause-between', `clause-between|${c.relation}`);
  if (between.every((t) => t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART')) f.push('adjacent', `adjacent|${c.relation}`);
  let bk = u.tokStart - 1;
  if (toks[bk] && ['the', 'a', 'an', 'its', 'his', 'her', 'their'].includes(toks[bk].lower)) bk--;
  const before = toks[bk];
  if (before && lex.speakerPrepositions.has(before.lower) && before.sentence === u.sentence) f.push(`prep=${before.lower}`);
  // "Kremlin spokesman Pavel Orlov": a phrase right before another modifies it
  const follower = all.find((x) => x !== c && x.unit.sentence === u.sentence && x.unit.tokStart > u.tokEnd - 1 && x.unit.tokStart <= u.tokEnd + 1 && x.unit.key !== u.key);
  if (follower) f.push('another-phrase-follows', `followed-by=${follower.unit.type}`, `${u.type}-followed-by=${follower.unit.type}`);
  if (all.some((x) => x !== c && x.unit.sentence === u.sentence && x.unit.tokEnd >= u.tokStart - 1 && x.unit.tokEnd <= u.tokStart && x.unit.key !== u.key)) f.push('another-phrase-precedes');
  const after = toks[u.tokEnd];
  if (after && (after.lower === "'s" || after.lower === '’s')) f.push('possessor');
  if (after?.text === ',') f.push('comma-after');
  // the nearest phrase on its side of the cue
  const side = all.filter((x) => x.relation === c.relation && x.unit.tokEnd > x.unit.tokStart);
  const order = side.slice().sort((x, y) => Math.abs(x.unit.tokStart - cue.tok) - Math.abs(y.unit.tokStart - cue.tok));
  f.push(`side-rank=${Math.min(order.indexOf(c), 3)}`, `rel|side-rank=${c.relation}|${Math.min(order.indexOf(c), 3)}`);
  const s = doc.sentences[u.sentence];
  // "The United States, which has retreated from ousting X, has stated": a phrase inside a relative clause is its object
  for (let k = u.tokStart - 1; k > s.tokStart && k >= u.tokStart - 15; k--) {
    if (toks[k].text === ',' || toks[k].quoted) break;
    if (['which', 'who', 'whose', 'whom'].includes(toks[k].lower) && toks[k - 1]?.text === ',') {
      f.push('in-relative-clause', `in-relative-clause|${c.relation}`);
      break;
    }
  }
  if (u.makes && u.via === 'group' && !u.makes.aliases.some((a) => /^[A-Z]/.test(a))) f.push(`phrase=${u.head}`);
  if (!all.some((x) => x.unit.tokStart < u.tokStart && x.unit.sentence === u.sentence && x.relation !== 'context')) f.push('first-in-sentence');
  if (u.tokStart === s.tokStart || (u.tokStart === s.tokStart + 1 && !toks[s.tokStart].word)) f.push('sentence-start');
  return f;
}
