// "X said: “...”", "X told reporters “...”", "X said that the plan “will work”": a quotation the cue governs.

import { quoteFrom } from '../../document.js';
import type { Quote } from '../../quotes.js';
import { isQuoteMark, sentenceCandidates, trimmed, type PatternContext, type Proposal } from '../proposal.js';

/** Words allowed between the cue and the quotation: an addressee, a setting, "that" and the start of a clause. */
const MAX_GAP = 14;

export function cueThenQuote(ctx: PatternContext, used: Set<Quote>): Proposal[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const cues of ctx.cuesBySentence) {
    for (const cue of cues) {
      if (cue.form.kind === 'according') continue;
      const s = doc.sentences[cue.sentence];
      const cueEnd = toks[cue.end - 1].end;
      // the next quotation opening after the cue, in this sentence (or the next, after "said:")
      const q = doc.quotes[quoteFrom(doc, cueEnd)];
      if (!q) continue;
      const inSentence = q.open < s.end;
      const afterColon = !inSentence && /:\s*$/.test(doc.body.slice(cueEnd, s.end)) && doc.sentences[cue.sentence + 1]?.start <= q.open + 1 && doc.sentences[cue.sentence + 1]?.para === s.para;
      if (!inSentence && !afterColon) continue;
      // only a short gap can separate a cue from its quotation: never look further (linear time on any input)
      const gap = toks.slice(cue.end, Math.min(s.tokEnd, cue.end + MAX_GAP + 1)).filter((t) => t.start < q.open);
      if (gap.length > MAX_GAP || (gap.length === MAX_GAP + 1 && toks[cue.end + MAX_GAP]?.start < q.open)) continue;
      if (gap.length > MAX_GAP || gap.some((t) => isQuoteMark(t) || t.quoted)) continue;
      // a verb between makes the quotation another clause's ("said the minister, who called it “...”")
      const verbs = gap.filter((t) => t.pos === 'VERB').length;
      if (verbs > 1) continue;
      used.add(q);
      const clauseStart = gap.findIndex((t) => t.lower === 'that');
      const clause = clauseStart >= 0 ? trimmed(doc.body, gap[clauseStart].end, s.end) : null;
      const flags = [gap.length === 0 || gap[gap.length - 1].text === ':' || gap[gap.length - 1].text === ',' ? 'opens-after-punct' : 'inside-clause'];
      if (verbs) flags.push('verb-between');
      if (afterColon) flags.push('next-sentence');
      out.push({ rule: 'cue-then-quote', kind: 'direct', span: { start: q.start, end: q.end }, sentence: cue.sentence, cue, candidates: sentenceCandidates(ctx, cue.sentence, cue.tok, { start: q.start, end: q.end }), quote: q, clause: clause ?? undefined, flags });
    }
  }
  return out;
}
