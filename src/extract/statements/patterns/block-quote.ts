// "X said:" ending a paragraph, then the words quoted without marks in the next paragraph.

import { tokenFrom } from '../../document.js';
import { isQuoteMark, sentenceCandidates, trimmed, type PatternContext, type Proposal } from '../proposal.js';

export function blockQuotes(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const out: Proposal[] = [];
  const paras = doc.article.paragraphs;
  // each paragraph's last character that is not white space, found once: testing the rest of the paragraph after
  // each cue would cost the square of a long paragraph's length
  const lastChar = paras.map((p) => {
    let e = p.end;
    while (e > p.start && /\s/.test(doc.body[e - 1])) e--;
    return e - 1;
  });
  for (const cues of ctx.cuesBySentence) {
    for (const cue of cues) {
      const s = doc.sentences[cue.sentence];
      const p = paras[s.para];
      // the paragraph ends with a colon after the cue
      const endsWithColon = !!p && lastChar[s.para] >= doc.tokens[cue.end - 1].end && doc.body[lastChar[s.para]] === ':';
      if (!p || !endsWithColon || s.end < p.end - 2) continue;
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
