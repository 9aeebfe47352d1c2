// "“...,” X said" and "“...,” said X", with "“A,” X said, “B.”" resuming after the attribution.

import { dateStartingAt, quoteFrom, tokenFrom } from '../../document.js';
import type { Quote } from '../../quotes.js';
import type { Cue } from '../cues.js';
import { isQuoteMark, sentenceCandidates, type PatternContext, type Proposal } from '../proposal.js';

/** Tokens allowed between a quotation's closing mark and its cue: punctuation and a short speaker phrase. */
const MAX_GAP = 9;

export function quoteThenCue(ctx: PatternContext, used: Set<Quote>): Proposal[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const q of doc.quotes) {
    if (q.close < 0) continue;
    // the first token after the closing mark
    const k = tokenFrom(doc, q.close + 1);
    if (k >= doc.titleStart) continue;
    const si = toks[k].sentence;
    if (doc.sentences[si].para !== q.para) continue;
    const cue = ctx.cuesBySentence[si].find((c) => c.tok >= k && c.tok - k <= MAX_GAP && c.form.kind !== 'according');
    if (!cue) continue;
    // nothing but punctuation, names, pronouns, determiners and nouns between the quotation and the cue
    let ok = true;
    for (let j = k; j < cue.tok && ok; j++) {
      const t = toks[j];
      // a conjunction starts a clause of its own ("“...” and urged residents to ..."): the quotation is not its cue's
      if (t.quoted || isQuoteMark(t) || (t.pos === 'VERB' && j !== cue.tok) || t.pos === 'CCONJ' || t.pos === 'SCONJ' || t.text === '.' || t.text === '?' || t.text === '!') ok = false;
    }
    if (!ok) continue;
    // "“...” One interviewee said people ...": a quotation that ends its sentence belongs to the cue only when the
    // cue closes the attribution; a following "that" or clause means the cue reports something else
    const after = toks[cue.end];
    if (after && (after.lower === 'that' || (after.word && !ctx.units[si].some((u) => u.tokStart === cue.end) && after.pos !== 'ADP' && after.pos !== 'ADV' && !dateStartingAt(doc, after.start)))) {
      const endsSentence = /[.!?]$/.test(doc.body.slice(q.start, q.end));
      if (endsSentence) continue;
    }
    used.add(q);
    const candidates = sentenceCandidates(ctx, si, cue.tok, { start: q.start, end: q.end }, 30).map((c) => ({ ...c, relation: c.unit.tokEnd <= cue.tok && c.unit.tokStart >= k ? ('between' as const) : c.relation }));
    out.push({ rule: 'quote-then-cue', kind: 'direct', span: { start: q.start, end: q.end }, sentence: si, cue, candidates, quote: q, flags: k === cue.tok ? ['cue-adjacent'] : [] });
    const resumed = resumption(ctx, q, cue, si, used);
    if (resumed) {
      used.add(resumed);
      out.push({ rule: 'quote-cue-quote', kind: 'direct', span: { start: resumed.start, end: resumed.end }, sentence: si, cue, candidates, quote: resumed, flags: /[.!?…]$/.test(doc.body.slice(q.start, q.end)) ? [] : ['continues-sentence'] });
    }
  }
  return out;
}

/** "“A,” X said, “B”": a quotation opening right after the attribution's comma or colon. */
function resumption(ctx: PatternContext, q: Quote, cue: Cue, si: number, used: Set<Quote>): Quote | null {
  const { doc } = ctx;
  const s = doc.sentences[si];
  let n = quoteFrom(doc, q.close + 1);
  while (n < doc.quotes.length && used.has(doc.quotes[n])) n++;
  const next = doc.quotes[n];
  if (!next || next.open > doc.tokens[s.tokEnd - 1].end + 2) return null;
  const gap = doc.tokens.slice(cue.end, Math.min(s.tokEnd + 2, doc.titleStart, cue.end + 10)).filter((t) => t.start < next.open);
  if (gap.length === 10 && doc.tokens[cue.end + 10]?.start < next.open) return null;
  if (gap.length > 8 || gap.some((t) => t.pos === 'VERB')) return null;
  const last = gap[gap.length - 1];
  return !last || last.text === ',' || last.text === ':' || last.text === '.' ? next : null;
}
