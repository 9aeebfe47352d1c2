// "X said:" ending a paragraph, then the words quoted without marks in the next paragraph.

import { tokenFrom } from '../../document.js';
import { isQuoteMark, sentenceCandidates, trimmed, type PatternContext, type Proposal } from '../proposal.js';

export function blockQuotes(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const out: Proposal[] = [];
  const paras = doc.article.paragraphs;
  for (const cues of ctx.cuesBySentence) {
    for (const cue of cues) {
      const s = doc.sentences[cue.sentence];
      const p = paras[s.para];
      if (!p || !/:\s*$/.test(doc.body.slice(doc.tokens[cue.end - 1].end, p.end)) || s.end < p.end - 2) continue;
      const next = paras[s.para + 1];
      if (!next) continue;
      const first = doc.tokens[tokenFrom(doc, next.start)];
      if (!first || isQuoteMark(first) || first.quoted) continue;
      const span = trimmed(doc.body, next.start, next.end, true);
      if (!span) continue;
      out.push({ rule: 'block-quote', kind: 'direct', span, sentence: first.sentence, cue, candidates: sentenceCandidates(ctx, cue.sentence, cue.tok, null), flags: [] });
    }
  }
  return out;
}
