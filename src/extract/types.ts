// The plain objects extraction produces: the contract between src/extract (pure, no I/O) and the store.

import type { Rule } from './rules.js';

export type ActorType = 'person' | 'organization' | 'country' | 'group' | 'place' | 'other';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** Character offsets (UTF-16 code units, as JavaScript strings index) into the article body; end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface ParsedArticle {
  /** Line 1 of the file: the outlet name. */
  source: string | null;
  /** The headline. */
  title: string;
  /** Paragraphs joined by "\n\n", boilerplate removed. Every span points into this string. */
  body: string;
  /** Offsets of each paragraph in `body`. */
  paragraphs: Span[];
}

/** A resolved date expression ("on Thursday", "last week", "in March", "October 2, 2018"). */
export interface DateMention extends Span {
  text: string;
  /** ISO day (YYYY-MM-DD); a week is given by its Monday, a month by its first day, a year by 1 January. null when it cannot be resolved (no publication date). */
  date: string | null;
  precision: DatePrecision | null;
}

export interface DateValue {
  date: string | null;
  precision: DatePrecision | null;
  text: string | null;
}

export interface Attribution {
  /** The attribution pattern that proposed the item (src/extract/rules.ts). */
  rule: Rule;
  /** 0..1: the models' probability that the item (and its speaker or claimant) is right. */
  confidence: number;
}

export interface ActorDraft {
  /**
   * Identity across the whole database: two drafts with the same key (from any articles) are the same actor.
   * Form: "<type>:<normalised canonical name>", countries by ISO alpha-3 ("country:prk").
   */
  key: string;
  /** Canonical display name: the fullest form the article uses ("Mark Rutte", "North Korea"). */
  name: string;
  type: ActorType;
  /** Title as written ("NATO Secretary General"), or null. */
  role: string | null;
  /** Key of another ActorDraft of this extraction that this actor belongs to (NATO for Rutte), or null. */
  affiliationKey: string | null;
  /** Every surface form seen in this article, including the name ("Rutte", "Mr. Borrell", "Pyongyang", "North Korean"). */
  aliases: string[];
}

export interface MentionDraft extends Span {
  actorKey: string;
  /** Which text the span points into. */
  field: 'title' | 'body';
  text: string;
}

export interface StatementDraft {
  speakerKey: string | null;
  kind: 'direct' | 'indirect';
  /** The words said: the quotation without its marks, or the reported clause without "that". */
  text: string;
  cue: string | null;
  /** Offsets of `text` in the body (body.slice(span.start, span.end) === text). */
  span: Span;
  date: DateValue;
  /** Topic ids (see data/topics.json), at least one. */
  topics: string[];
  /** Keys of actors mentioned inside the statement text. */
  mentionKeys: string[];
  attribution: Attribution;
}

export interface ClaimDraft {
  /** null when the article asserts it in its own voice. */
  claimantKey: string | null;
  text: string;
  span: Span;
  /** Index into Extraction.statements of the statement that carries this claim, or null. */
  statementIndex: number | null;
  date: DateValue;
  topics: string[];
  mentionKeys: string[];
  attribution: Attribution;
}

export interface ArticleMeta {
  /** YYYY-MM-DD, or null when unknown (relative dates then stay unresolved). */
  published: string | null;
}

export interface Extraction {
  article: ParsedArticle;
  actors: ActorDraft[];
  mentions: MentionDraft[];
  statements: StatementDraft[];
  claims: ClaimDraft[];
  /** Topic ids for the article as a whole. */
  topics: string[];
  /** Non-fatal problems worth telling the user ("no publication date: relative dates left unresolved"). */
  warnings: string[];
}
