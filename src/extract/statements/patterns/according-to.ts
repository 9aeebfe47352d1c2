// "According to X, CLAUSE" and "CLAUSE, according to X": the source named after the cue said the clause.

import { phraseAfter, trimmed, type Candidate, type PatternContext, type Proposal } from '../proposal.js';

export function accordingTo(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const cues of ctx.cuesBySentence) {
    for (const cue of cues) {
      if (cue.form.kind !== 'according') continue;
      const s = doc.sentences[cue.sentence];
      // the source: up to the next comma, dash or end of sentence
      let e = cue.end;
      // (a capitalised word is part of a name even when tagged as a verb: "the Red Cross")
      while (e < s.tokEnd && toks[e].text !== ',' && toks[e].text !== '—' && toks[e].text !== ';' && !(toks[e].pos === 'VERB' && !toks[e].cap) && !toks[e].quoted && !(toks[e].text === '.' && e === s.tokEnd - 1)) e++;
      const candidates: Candidate[] = ctx.units[cue.sentence].filter((u) => u.tokStart >= cue.end && u.tokEnd <= e).map((unit) => ({ unit, relation: 'according' as const }));
      if (!candidates.length) {
        const phrase = phraseAfter(ctx, cue.sentence, cue.end, e);
        if (phrase) candidates.push(phrase);
      }
      // "according to a report by X": every phrase of the source is a candidate; the model picks
      let start = s.tokStart;
      while (start < cue.tok && !toks[start].word) start++;
      const opening = cue.tok <= start + 1;
      let span;
      const flags: string[] = [];
      if (opening) {
        span = e < s.tokEnd ? trimmed(doc.body, toks[e].end, s.end) : null;
        flags.push('opening');
      } else {
        let c = cue.tok;
        while (c > s.tokStart && (toks[c - 1].text === ',' || toks[c - 1].text === '(' || toks[c - 1].text === '—')) c--;
        span = trimmed(doc.body, toks[s.tokStart].start, toks[c - 1].end);
        // "X, according to Y, did Z": the clause goes on after the source
        if (e < s.tokEnd - 1 && toks[e].text === ',' && span) {
          const tail = trimmed(doc.body, toks[e].end, s.end);
          if (tail) span = { start: span.start, end: tail.end };
          flags.push('middle');
        }
      }
      if (!span) continue;
      if (candidates.length === 0) flags.push('no-source-unit');
      out.push({ rule: 'according-to', kind: 'indirect', span, sentence: cue.sentence, cue, candidates, flags });
    }
  }
  return out;
}
