// extractArticle: the whole pipeline from an article file's text to plain objects (pure: text in, objects out).

import { findActors, type TokenizedSentence } from './actors.js';
import { findClaims } from './claims.js';
import { findDates } from './dates.js';
import { LEXICON } from './lexicon.js';
import { parseArticle } from './parse.js';
import { findQuotes, type Quote } from './quotes.js';
import { splitSentences, type Sentence } from './sentences.js';
import { statementDates } from './speechDates.js';
import { findStatements, type StatementContext } from './statements.js';
import { tokenize, type Token } from './tokens.js';
import { articleTopics, topicsFor } from './topics.js';
import type { ArticleMeta, ClaimDraft, Extraction, MentionDraft, Span, StatementDraft } from './types.js';

export function extractArticle(raw: string, meta: ArticleMeta): Extraction {
  const article = parseArticle(raw);
  const warnings: string[] = [];
  if (!meta.published) warnings.push('no publication date: relative dates left unresolved');
  const { body, title } = article;

  const sentences = splitSentences(body, article.paragraphs);
  const quotes = findQuotes(body, article.paragraphs, sentenceEndAfter(sentences), fullQuoteBefore(body, sentences));
  // every sentence object built by one literal, with the same fields in the same order: V8 then gives them all one
  // shape, and the code that reads them stays optimised (a spread copy shaped datelines and the title differently)
  const sentence = (start: number, end: number, para: number, dateline: boolean | undefined, field: 'body' | 'title', tokens: Token[]): TokenizedSentence => ({ start, end, para, dateline, tokens, field });
  // filled by push, not map: an array from map is packed or holey depending on whether V8 has optimised the caller,
  // and every function indexing it would be thrown out of optimised code when that changes mid-ingest
  const tokenized: TokenizedSentence[] = [];
  for (const s of sentences) tokenized.push(sentence(s.start, s.end, s.para, s.dateline, 'body', tokenize(body.slice(s.start, s.end), s.start)));
  markQuoted(tokenized, quotes);
  // the title is scanned for actors only (a quoted headline is no statement)
  tokenized.push(sentence(0, title.length, -1, undefined, 'title', tokenize(title, 0)));
  const index = findActors(tokenized, body, title);

  // `found` is set by findStatements; naming it here keeps the context's shape the same throughout (see `sentence`)
  const ctx: StatementContext = { body, sentences: tokenized, index, salient: [], pendingGroups: new Map(), dry: false, quotes, dates: findDates(body, meta.published), published: meta.published, found: undefined };
  const raws = findStatements(ctx);
  const dates = statementDates(ctx, raws);
  const rawClaims = findClaims(ctx, raws);

  const topics = articleTopics(title, body);
  const mentions: MentionDraft[] = [];
  for (const { start, end, field, actorKey, text } of index.mentions) mentions.push({ start, end, field, actorKey, text });
  const bodyMentions = mentions.filter((m) => m.field === 'body');
  const mentionKeys = (span: Span) => [...new Set(bodyMentions.filter((m) => m.start >= span.start && m.end <= span.end).map((m) => m.actorKey))];
  const topicFor = (text: string, keys: string[]) => {
    const t = topicsFor(text, { articleTopics: topics, actorKeys: keys });
    return t.length ? t : topics;
  };

  const statements: StatementDraft[] = [];
  raws.forEach((r, i) => {
    const text = body.slice(r.span.start, r.span.end);
    const keys = mentionKeys(r.span);
    statements.push({
      speakerKey: r.speakerKey,
      kind: r.kind,
      text,
      cue: r.cue,
      span: r.span,
      date: dates[i],
      topics: topicFor(text, [r.speakerKey, ...keys]),
      mentionKeys: keys,
      attribution: { rule: r.rule, confidence: r.confidence },
    });
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

  // every key a statement, claim or mention refers to must be an actor of this extraction
  const actors = [...index.actors.values()];
  return { article, actors, mentions, statements, claims, topics, warnings };
}

function sentenceEndAfter(sentences: Sentence[]) {
  return (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.end ?? offset;
}

/** Whether a quotation opening at `openAt` follows its attribution or starts its sentence (then it may run on). */
function fullQuoteBefore(body: string, sentences: Sentence[]) {
  return (openAt: number) => {
    const s = sentences.find((x) => x.start <= openAt && openAt < x.end);
    const before = body.slice(s ? s.start : 0, openAt).trimEnd();
    if (!before) return true;
    if (/[:,]$/.test(before) || /\bthat$/i.test(before)) return true;
    const last = /([\p{L}]+)$/u.exec(before)?.[1]?.toLowerCase();
    return !!last && (LEXICON.cues.get(last)?.some((c) => c.words.length === 1 && c.kind === 'speech') ?? false);
  };
}

function markQuoted(sentences: TokenizedSentence[], quotes: Quote[]) {
  let q = 0;
  for (const s of sentences) {
    for (const t of s.tokens) {
      while (q < quotes.length && quotes[q].end <= t.start) q++;
      // quotes are sorted and do not overlap, but a token may precede the current quote
      for (let k = q; k < quotes.length && quotes[k].start < t.end; k++) {
        if (t.start >= quotes[k].start && t.end <= quotes[k].end) t.quoted = true;
      }
    }
  }
}
