// A quotation with no cue of its own: said by the speaker the text is following (the last one named, or quoted).

import { tokenFrom } from '../../document.js';
import type { Quote } from '../../quotes.js';
import { contextCandidates, sentenceCandidates, type PatternContext, type Proposal } from '../proposal.js';

export function looseQuotes(ctx: PatternContext, used: Set<Quote>): Proposal[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const q of doc.quotes) {
    if (used.has(q)) continue;
    const k = tokenFrom(doc, q.start);
    if (k >= doc.titleStart) continue;
    const si = toks[k].sentence;
    const words = doc.body.slice(q.start, q.end).split(/\s+/).length;
    const flags = [`words=${words < 3 ? 'short' : words < 8 ? 'medium' : 'long'}`];
    if (q.continues) flags.push('continues-paragraph');
    if (q.unclosed) flags.push('unclosed');
    const s = doc.sentences[si];
    if (toks[s.tokStart].start >= q.open - 1) flags.push('starts-sentence');
    const candidates = [...sentenceCandidates(ctx, si, k, { start: q.start, end: q.end }), ...contextCandidates(ctx, si)];
    out.push({ rule: 'loose-quote', kind: 'direct', span: { start: q.start, end: q.end }, sentence: si, cue: null, candidates, quote: q, flags });
  }
  return out;
}
