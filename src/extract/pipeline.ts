// extractArticle: the whole pipeline from an article file's text to plain objects (text in, objects out; resources passed in).

import { findActors, type ActorIndex } from './actors/index.js';
import { findClaims } from './claims/index.js';
import { buildDocument, type Doc } from './document.js';
import { parseArticle } from './parse.js';
import type { Resources } from './resources.js';
import { statementDates } from './statements/dates.js';
import { decideStatements, proposeStatements, type RawStatement, type Scored } from './statements/index.js';
import type { ArticleMeta, ClaimDraft, Extraction, MentionDraft, Span, StatementDraft } from './types.js';

/** What extraction saw on the way, for training and evaluating its models. */
export interface Trace {
  doc: Doc;
  index: ActorIndex;
  scored: Scored[];
  statements: RawStatement[];
}

export function extractArticle(raw: string, meta: ArticleMeta, res: Resources, trace?: (t: Trace) => void): Extraction {
  const article = parseArticle(raw);
  const warnings: string[] = [];
  if (!meta.published) warnings.push('no publication date: relative dates left unresolved');
  const doc = buildDocument(article, meta.published, res);
  const index = findActors(doc, res);
  const scored = proposeStatements(doc, res, index);
  const raws = decideStatements(doc, res, index, scored);
  trace?.({ doc, index, scored, statements: raws });
  const dates = statementDates(doc, index, raws, res.lexicon, res.models.date);
  const rawClaims = findClaims(doc, index, res.lexicon, raws, res.models.claim);

  const { title, body } = article;
  const topics = res.topics.forArticle(title, body);
  const mentions: MentionDraft[] = index.mentions.map(({ start, end, field, actorKey, text }) => ({ start, end, field, actorKey, text }));
  // in text order (mentions come in token order): a statement's are found by binary search, not a pass over all
  const bodyMentions = mentions.filter((m) => m.field === 'body');
  const mentionKeys = (span: Span) => {
    let lo = 0;
    let hi = bodyMentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bodyMentions[mid].start < span.start) lo = mid + 1;
      else hi = mid;
    }
    const keys = new Set<string>();
    for (let i = lo; i < bodyMentions.length && bodyMentions[i].start < span.end; i++) if (bodyMentions[i].end <= span.end) keys.add(bodyMentions[i].actorKey);
    return [...keys];
  };
  const topicFor = (text: string, keys: string[]) => {
    const t = res.topics.forText(text, { articleTopics: topics, actorKeys: keys });
    return t.length ? t : topics;
  };

  const statements: StatementDraft[] = raws.map((r, i) => {
    const text = body.slice(r.span.start, r.span.end);
    const keys = mentionKeys(r.span);
    return {
      speakerKey: r.speakerKey,
      kind: r.kind,
      text,
      cue: r.cue?.text ?? null,
      span: r.span,
      date: dates[i],
      topics: topicFor(text, [r.speakerKey, ...keys]),
      mentionKeys: keys,
      attribution: { rule: r.rule, confidence: r.confidence },
    };
  });
  const claims: ClaimDraft[] = rawClaims.map((c) => {
    const text = body.slice(c.span.start, c.span.end);
    const keys = mentionKeys(c.span);
    const st = c.statementIndex !== null ? statements[c.statementIndex] : null;
    return {
      claimantKey: c.claimantKey,
      text,
      span: c.span,
      statementIndex: c.statementIndex,
      date: st ? st.date : { date: null, precision: null, text: null },
      topics: topicFor(text, c.claimantKey ? [c.claimantKey, ...keys] : keys),
      mentionKeys: keys,
      attribution: { rule: c.rule, confidence: c.confidence },
    };
  });
  return { article, actors: [...index.actors.values()], mentions, statements, claims, topics, warnings };
}
