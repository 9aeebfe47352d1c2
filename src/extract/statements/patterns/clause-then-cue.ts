// "CLAUSE, X said." / "CLAUSE, said X." / "A, X said, B.": reported speech before its attribution.

import { isQuoteMark, sentenceCandidates, trimmed, type PatternContext, type Proposal } from '../proposal.js';
import { skipSetting } from './cue-then-clause.js';

export function clauseThenCue(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const cues of ctx.cuesBySentence) {
    for (const cue of cues) {
      if (cue.form.kind === 'according') continue;
      const s = doc.sentences[cue.sentence];
      // the attribution: a comma, then a short speaker phrase and the cue, or the cue and then the speaker
      let c = cue.tok - 1;
      while (c > s.tokStart && cue.tok - c <= 8 && toks[c].text !== ',' && toks[c].pos !== 'VERB' && !toks[c].quoted) c--;
      if (toks[c]?.text !== ',' || c <= s.tokStart + 1) continue;
      // what follows the cue: the end, a setting, or ", B" continuing the reported sentence
      const flags: string[] = [];
      let after = cue.end;
      const unitAfter = ctx.units[cue.sentence].find((u) => u.tokStart === after || u.tokStart === after + 1);
      if (c === cue.tok - 1 && unitAfter) {
        after = unitAfter.tokEnd;
        flags.push('inverted');
      }
      after = skipSetting(ctx, toks, after, s.tokEnd, flags);
      const rest = toks.slice(after, s.tokEnd);
      const closesSentence = rest.every((t) => !t.word);
      // "In a statement, Vázquez said, “...”": a quotation after the attribution is cue-then-quote's
      const continues = rest[0]?.text === ',' && rest.filter((t) => t.word).length >= 3 && !isQuoteMark(rest[1]) && !rest[1]?.quoted;
      if (!closesSentence && !continues) continue;
      // the content before the attribution; a quotation there is quote-then-cue's
      const first = toks.slice(s.tokStart, c).find((t) => t.word);
      if (!first || first.quoted || toks.slice(s.tokStart, c).some((t) => t.quoted)) continue;
      const before = trimmed(doc.body, toks[s.tokStart].start, toks[c - 1].end);
      if (!before) continue;
      const beforeWords = toks.slice(s.tokStart, c).filter((t) => t.word).length;
      // what was said is a clause ("The border will stay closed, ..."), not an opening phrase ("Speaking to the BBC, ...")
      if (!toks.slice(s.tokStart, c).some((t) => (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.lower))) continue;
      let span = before;
      if (continues) {
        flags.push('middle');
        const tail = trimmed(doc.body, toks[after].end, s.end);
        // "The accident, police said, began at noon": the longer side carries the content
        if (tail && beforeWords < 4) span = tail;
        else if (tail) span = { start: before.start, end: tail.end };
      }
      if (toks.slice(s.tokStart, c).some((t) => isQuoteMark(t))) flags.push('quote-mark-before');
      flags.push(`words=${Math.min(Math.floor(beforeWords / 5), 4)}`);
      out.push({ rule: 'clause-then-cue', kind: 'indirect', span, sentence: cue.sentence, cue, candidates: sentenceCandidates(ctx, cue.sentence, cue.tok, before), flags });
    }
  }
  return out;
}
