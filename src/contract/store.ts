// What the API and the pages read, as the store offers it: filters resolved to ids, pages, facet counts, and the
// ReadStore interface store/reader.ts implements. http/ reads through this interface; src/app.ts hands it the store.

import type { ActorT } from './actor.js';
import type { ArticleDetailT, ArticleT } from './article.js';
import type { ClaimT } from './claim.js';
import type { FacetValueT } from './shared.js';
import type { StatementT } from './statement.js';
import type { TopicT } from './topic.js';

/** Resolved filters: names already turned into ids. An empty id list means "matches nothing". */
export interface StatementSelection {
  articleId?: number;
  speakerIds?: number[];
  actorIds?: number[];
  topicId?: string;
  from?: string;
  to?: string;
  kind?: 'direct' | 'indirect';
  fts?: string;
  minConfidence?: number;
  /** Only items of articles that are not wire copies (`?distinct=true`). */
  distinct?: boolean;
}

/** Quotes are selected by the statement that heads each: the same filters. */
export type QuoteSelection = Omit<StatementSelection, 'distinct'>;

export interface ClaimSelection extends Omit<StatementSelection, 'speakerIds' | 'kind'> {
  claimantIds?: number[];
}

export interface ActorSelection {
  articleId?: number;
  type?: string;
  q?: string;
}

export interface ArticleSelection {
  from?: string;
  to?: string;
  distinct?: boolean;
}

/** One value of a facet: `value` is what the matching filter takes, `label` how to show it. */
export type FacetRow = FacetValueT;

/**
 * Facet counts and what they cover: every match (`complete`), or, when more match than the store counts per request
 * (its `facetRows`), the most recent `counted` of them, so one broad facet cannot hold the server for seconds.
 */
export interface FacetResult<F extends string = string> {
  counts: Record<F, FacetRow[]>;
  counted: number;
  complete: boolean;
}

/** A page whose items are already JSON text: an array, `[{...},{...}]`. */
export interface JsonPage {
  json: string;
  lastKey: number | null;
}

export interface Page<T> {
  items: T[];
  /** The sort key of the last item when there are more, else null. */
  lastKey: number | null;
}

/** Every matching item as objects, or as the stored JSON text of each (what an NDJSON export sends as it is). */
export type Shape = 'objects' | 'json';

/** The reads the API makes. */
export interface ReadStore {
  /** Actor ids matching an id or any name or alias, case-insensitively; [] when none does. */
  actorIds(nameOrId: string): number[];
  articleId(slug: string): number | null;
  /** A topic id from an id, IPTC code ("16000000", "medtop:16000000") or label; null when none matches. */
  topicId(value: string): string | null;
  /** The full-text query for what a user typed; null when nothing searchable is left. */
  ftsQuery(q: string): string | null;

  listStatementsJson(sel: StatementSelection, after: number, limit: number): JsonPage;
  statementJson(id: number): string | null;
  statement(id: number): StatementT | null;
  iterateStatements(sel: StatementSelection, shape: 'json'): Iterable<string>;
  iterateStatements(sel: StatementSelection, shape?: 'objects'): Iterable<StatementT>;
  iterateStatements(sel: StatementSelection, shape?: Shape): Iterable<StatementT | string>;
  statementFacets<F extends string>(sel: StatementSelection, facets: F[], size: number): FacetResult<F>;

  listQuotesJson(sel: QuoteSelection, after: number, limit: number): JsonPage;
  /** One quote with every occurrence; null when there is none. */
  quoteJson(id: number): string | null;
  iterateQuotes(sel: QuoteSelection): Iterable<string>;
  quoteFacets<F extends string>(sel: QuoteSelection, facets: F[], size: number): FacetResult<F>;

  listClaimsJson(sel: ClaimSelection, after: number, limit: number): JsonPage;
  claimJson(id: number): string | null;
  claim(id: number): ClaimT | null;
  iterateClaims(sel: ClaimSelection, shape: 'json'): Iterable<string>;
  iterateClaims(sel: ClaimSelection, shape?: 'objects'): Iterable<ClaimT>;
  iterateClaims(sel: ClaimSelection, shape?: Shape): Iterable<ClaimT | string>;
  claimFacets<F extends string>(sel: ClaimSelection, facets: F[], size: number): FacetResult<F>;

  listActors(sel: ActorSelection, after: number, limit: number): Page<ActorT>;
  iterateActors(sel: ActorSelection): Iterable<ActorT>;
  actor(slug: string): ActorT | null;

  listArticles(sel: ArticleSelection, after: number, limit: number): Page<ArticleT>;
  iterateArticles(sel: ArticleSelection): Iterable<ArticleT>;
  /** An article without its body: what a statement or claim links to. */
  articleSummary(slug: string): ArticleT | null;
  article(slug: string): ArticleDetailT | null;

  listTopics(after: number, limit: number): Page<TopicT>;
  iterateTopics(): Iterable<TopicT>;
  topic(id: string): TopicT | null;

  /** Changes whenever the database does (the response cache is dropped then). */
  dataVersion(): string;
  counts(): { articles: number; statements: number };
}
