// "Statement from President X on ...": a release whose headline names its author; each body paragraph is the author's words.

import { tokenFrom } from '../../document.js';
import { trimmed, type PatternContext, type Proposal } from '../proposal.js';
import type { Unit } from '../units.js';

const HEADLINE = /^(?:joint\s+)?statement\s+(?:by|from|of)\s+/i;

export function headlineStatements(ctx: PatternContext): Proposal[] {
  const { doc, index } = ctx;
  if (!HEADLINE.test(doc.title)) return [];
  // the author: the first person (else organisation or country) the headline names
  const titleMentions = index.mentions.filter((m) => m.field === 'title').map((m) => ({ m, a: index.actors.get(m.actorKey)! }));
  const author = titleMentions.find((x) => x.a.type === 'person') ?? titleMentions.find((x) => x.a.type === 'organization' || x.a.type === 'country');
  if (!author) return [];
  const unit: Unit = { tokStart: 0, tokEnd: 0, sentence: 0, key: author.a.key, type: author.a.type, via: 'name', head: author.a.name.toLowerCase() };
  const out: Proposal[] = [];
  doc.article.paragraphs.forEach((p, pi) => {
    const span = trimmed(doc.body, p.start, p.end, true);
    const first = doc.tokens[tokenFrom(doc, p.start)];
    if (!span || !first || doc.sentences[first.sentence].dateline) return;
    out.push({ rule: 'headline-statement', kind: 'direct', span, sentence: first.sentence, cue: null, candidates: [{ unit: { ...unit, sentence: first.sentence }, relation: 'label' }], flags: [`para=${Math.min(pi, 3)}`] });
  });
  return out;
}
