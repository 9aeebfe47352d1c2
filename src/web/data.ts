// What each page shows, gathered from the store with the API's own queries (and the bounded page reads of store/pages.ts).

import type { ActorT } from '../contract/actor.js';
import type { ArticleDetailT, ArticleT } from '../contract/article.js';
import type { ClaimT } from '../contract/claim.js';
import type { QuoteT } from '../contract/quote.js';
import type { StatementT } from '../contract/statement.js';
import type { FacetRow, StatementSelection } from '../contract/store.js';
import type { TopicT } from '../contract/topic.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { statementSelection } from '../http/lists.js';
import type { CardActor, CardArticle, PageReader, TopicSummary } from '../store/pages.js';
import { type Store, toFtsQuery } from '../store/reader.js';
import { markBody, type Paragraph } from './highlight.js';
import { PAGE_SIZE, type StatementsPageParams } from './query.js';
import { buildTimeline, type Period, type Timeline } from './timeline.js';
import type { Filters } from './urls.js';

/** A statement as a quote card shows it: with its speaker's role and its article's title. */
export interface Card {
  statement: StatementT;
  speaker: CardActor | null;
  article: CardArticle | null;
}

/** Counts that cover the most recent matches only when `complete` is false (see the store's facetRows). */
export interface Scope {
  counted: number;
  complete: boolean;
}

export const LIST_FACETS = ['speaker', 'actor', 'topic', 'kind'] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

export interface StatementsData {
  filters: Filters;
  /** Names to show for the filters given as ids (speaker, actor, topic). */
  names: Partial<Record<'speaker' | 'actor' | 'topic', string>>;
  cards: Card[];
  limit: number;
  cursor: string | undefined;
  next: string | null;
  facets: Record<ListFacet, FacetRow[]>;
  scope: Scope;
}

export interface HomeData {
  counts: { articles: number; statements: number };
  latest: Card[];
  /** The 30 days of data the top speakers are counted over, ending on the latest publication date. */
  window: { from: string; to: string } | null;
  topSpeakers: FacetRow[];
  topSpeakersScope: Scope;
  topics: TopicSummary[];
}

/** A speaker of an article with the colour its statements are marked in. */
export interface ArticleSpeaker {
  id: string | null;
  name: string;
  role: string | null;
  colour: number;
  statements: number;
}

export interface ArticleData {
  article: ArticleDetailT;
  statements: StatementT[];
  claims: ClaimT[];
  actors: ActorT[];
  speakers: ArticleSpeaker[];
  paragraphs: Paragraph[];
}

export interface StatementData {
  statement: StatementT;
  /** The quote it is an occurrence of: where else it appeared, and first. */
  quote: QuoteT | null;
  article: ArticleDetailT;
  speaker: ActorT | null;
  claims: ClaimT[];
  /** The paragraphs the statement spans, marked. */
  context: Paragraph[];
}

export interface ActorData {
  actor: ActorT;
  timeline: Timeline | null;
  scope: Scope;
  newest: Card[];
  mentionedBy: FacetRow[];
  appearsWith: FacetRow[];
}

export interface TopicData {
  topic: TopicT;
  parent: TopicT | null;
  children: TopicSummary[];
  timeline: Timeline | null;
  scope: Scope;
  newest: Card[];
  speakers: FacetRow[];
}

export interface SearchData {
  q: string;
  actors: ActorT[];
  topics: TopicSummary[];
  statements: Card[];
  /** More statements than shown match: the statements page has them all. */
  moreStatements: boolean;
}

export interface ArticlesData {
  articles: ArticleT[];
  cursor: string | undefined;
  next: string | null;
}

export interface TopicsData {
  topics: { topic: TopicSummary; children: TopicSummary[] }[];
}

/** Cards on the actor, topic and home pages. */
const NEWEST = 10;
/** Values per facet beside the statements list, and names in the lists of an actor's page. */
const FACET_SIZE = 8;
const RELATED = 10;
/**
 * Statements a chart counts at most, the most recent: each costs a row read for its date and an index read for its
 * topics, about 10 µs at a million statements, so a chart of the whole budget of facets (10,000) would take 100 ms.
 */
export const TIMELINE_ROWS = 2000;

const DAY_MS = 86_400_000;
const shiftDay = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Every page of a list, for the statements, claims and actors of one article (tens, at most hundreds). */
function everyPage<T>(page: (after: number) => { items: T[]; lastKey: number | null }): T[] {
  const out: T[] = [];
  for (let after: number | null = 0; after !== null; ) {
    const p = page(after);
    out.push(...p.items);
    after = p.lastKey;
  }
  return out;
}

const parsed = <T>(p: { json: string; lastKey: number | null }) => ({
  items: JSON.parse(p.json) as T[],
  lastKey: p.lastKey,
});

export class PageData {
  constructor(
    private readonly store: Store,
    private readonly reader: PageReader,
  ) {}

  home(): HomeData {
    const to = this.reader.latestPublished();
    const window = to ? { from: shiftDay(to, -29), to } : null;
    const top = window ? this.store.statementFacets(window, ['speaker'], RELATED) : null;
    return {
      counts: this.store.counts(),
      latest: this.cards(this.reader.newest({}, NEWEST)),
      window,
      topSpeakers: (top?.counts.speaker ?? []).filter((r) => r.value !== null),
      topSpeakersScope: { counted: top?.counted ?? 0, complete: top?.complete ?? true },
      topics: this.reader.topicsUnder(null).filter((t) => t.statements > 0),
    };
  }

  /** The list of GET /v1/statements with the same filters and cursor, as cards, with facet counts beside it. */
  statements(params: StatementsPageParams, filters: Filters): StatementsData {
    const sel = statementSelection(this.store, params);
    const after = decodeCursor('/v1/statements', params, params.cursor);
    const limit = params.limit ?? PAGE_SIZE;
    const page = parsed<StatementT>(this.store.listStatementsJson(sel, after, limit));
    const facets = this.store.statementFacets(sel, [...LIST_FACETS], FACET_SIZE);
    const actorName = (v: string | undefined) => (v === undefined ? undefined : (this.store.actor(v)?.name ?? v));
    const topic = params.topic === undefined ? null : this.store.topic(sel.topicId!);
    return {
      filters,
      names: { speaker: actorName(params.speaker), actor: actorName(params.actor), topic: topic?.label },
      cards: this.cards(page.items),
      limit,
      cursor: params.cursor,
      next: page.lastKey === null ? null : encodeCursor('/v1/statements', params, page.lastKey),
      facets: facets.counts,
      scope: { counted: facets.counted, complete: facets.complete },
    };
  }

  statement(id: number): StatementData | null {
    const json = this.store.statementJson(id);
    if (json === null) return null;
    const statement = JSON.parse(json) as StatementT;
    const article = this.store.article(statement.articleId)!;
    const articleKey = this.store.articleId(statement.articleId)!;
    const claims = everyPage((after) =>
      parsed<ClaimT>(this.store.listClaimsJson({ articleId: articleKey }, after, 500)),
    ).filter((c) => c.statementId === id);
    const marked = markBody(article.body, [statement], claims);
    const { start, end } = statement.span;
    const context = marked.filter((p, i) => p.start < end && (marked[i + 1]?.start ?? Infinity) > start);
    const quote = this.store.quoteJson(statement.quoteId);
    return {
      statement,
      quote: quote === null ? null : (JSON.parse(quote) as QuoteT),
      article,
      speaker: statement.speaker ? this.store.actor(statement.speaker.id) : null,
      claims,
      context,
    };
  }

  article(slug: string): ArticleData | null {
    const article = this.store.article(slug);
    if (!article) return null;
    const articleId = this.store.articleId(slug)!;
    const statements = everyPage((after) =>
      parsed<StatementT>(this.store.listStatementsJson({ articleId }, after, 500)),
    );
    const claims = everyPage((after) => parsed<ClaimT>(this.store.listClaimsJson({ articleId }, after, 500)));
    const actors = everyPage((after) => this.store.listActors({ articleId }, after, 500));
    return {
      article,
      statements,
      claims,
      actors,
      speakers: speakersOf(statements, actors),
      paragraphs: markBody(article.body, statements, claims),
    };
  }

  actor(slug: string, period?: Period): ActorData | null {
    const actor = this.store.actor(slug);
    const key = this.reader.actorKey(slug);
    if (!actor || key === null) return null;
    const said = this.reader.matchKeys({ speakerIds: [key] }, TIMELINE_ROWS);
    const around = this.store.statementFacets({ actorIds: [key] }, ['speaker', 'actor'], RELATED + 1);
    const others = (rows: FacetRow[]) => rows.filter((r) => r.value !== null && r.value !== slug).slice(0, RELATED);
    return {
      actor,
      timeline: buildTimeline(this.reader.timeline(said.keys, null), (id) => this.topicLabel(id), period),
      scope: { counted: said.keys.length, complete: said.complete },
      newest: this.cards(this.reader.newest({ speakerId: key }, NEWEST)),
      mentionedBy: others(around.counts.speaker),
      appearsWith: others(around.counts.actor),
    };
  }

  /** A topic by id, IPTC code or label (as the API's topic filter takes it). */
  topic(idOrLabel: string, period?: Period): TopicData | null {
    const id = this.store.topicId(idOrLabel);
    const topic = id === null ? null : this.store.topic(id);
    if (!topic) return null;
    const sel: StatementSelection = { topicId: topic.id };
    const keys = this.reader.matchKeys(sel, TIMELINE_ROWS);
    return {
      topic,
      parent: topic.parentId ? this.store.topic(topic.parentId) : null,
      children: this.reader.topicsUnder(topic.id),
      timeline: buildTimeline(
        this.reader.timeline(keys.keys, topic.id),
        (t) => this.topicLabel(t),
        period,
        `${topic.label}, no sub-topic`,
      ),
      scope: { counted: keys.keys.length, complete: keys.complete },
      newest: this.cards(this.reader.newest({ topicId: topic.id }, NEWEST)),
      speakers: this.store.statementFacets(sel, ['speaker'], RELATED).counts.speaker.filter((r) => r.value !== null),
    };
  }

  /** People, organisations and topics by name, and statements by their words. */
  search(q: string): SearchData {
    const text = q.trim().slice(0, 200);
    const fts = toFtsQuery(q);
    const page =
      fts === null
        ? { items: [] as StatementT[], lastKey: null }
        : parsed<StatementT>(this.store.listStatementsJson({ fts }, 0, NEWEST));
    return {
      q,
      actors: text ? this.store.listActors({ q: text }, 0, 12).items : [],
      topics: text ? this.reader.topicsLike(text, 12) : [],
      statements: this.cards(page.items),
      moreStatements: page.lastKey !== null,
    };
  }

  articles(cursor: string | undefined): ArticlesData {
    const after = decodeCursor('/v1/articles', {}, cursor);
    const page = this.store.listArticles({}, after, PAGE_SIZE);
    return {
      articles: page.items,
      cursor,
      next: page.lastKey === null ? null : encodeCursor('/v1/articles', {}, page.lastKey),
    };
  }

  topics(): TopicsData {
    return {
      topics: this.reader
        .topicsUnder(null)
        .map((topic) => ({ topic, children: this.reader.topicsUnder(topic.id).filter((c) => c.statements > 0) })),
    };
  }

  private topicLabel(id: string): string {
    return this.store.topic(id)?.label ?? id;
  }

  private cards(statements: StatementT[]): Card[] {
    const actors = this.reader.cardActors(statements.flatMap((s) => (s.speaker ? [s.speaker.id] : [])));
    const articles = this.reader.cardArticles(statements.map((s) => s.articleId));
    return statements.map((s) => ({
      statement: s,
      speaker: s.speaker ? (actors.get(s.speaker.id) ?? null) : null,
      article: articles.get(s.articleId) ?? null,
    }));
  }
}

/** The article's speakers in the order they first speak, each with its own colour; statements with none share one. */
function speakersOf(statements: StatementT[], actors: ActorT[]): ArticleSpeaker[] {
  const roles = new Map(actors.map((a) => [a.id, a.role]));
  const out = new Map<string | null, ArticleSpeaker>();
  let colours = 0;
  for (const s of [...statements].sort((a, b) => a.span.start - b.span.start)) {
    const id = s.speaker?.id ?? null;
    const known = out.get(id);
    if (known) known.statements++;
    else
      out.set(id, {
        id,
        name: s.speaker?.name ?? 'no speaker found',
        role: id ? (roles.get(id) ?? null) : null,
        colour: id ? colours++ : -1,
        statements: 1,
      });
  }
  return [...out.values()];
}
