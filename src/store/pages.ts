// Read queries only the web pages need (newest statements, a timeline, names for quote cards), bounded like facets.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { DB } from './db.js';
import type { StatementSelection, Store } from './reader.js';
import type { StatementT } from '../http/schemas.js';

/** The most recent matches of a selection (by id, as facets count them): all of them when `complete`. */
export interface MatchKeys {
  keys: number[];
  complete: boolean;
}

/** How many statements of one series were dated on one day. */
export interface DayCount {
  day: string;
  /** The topic the statement is counted under; null when it has none at that level. */
  series: string | null;
  count: number;
}

export interface CardActor {
  id: string;
  role: string | null;
  affiliation: { id: string; name: string } | null;
}

export interface CardArticle {
  id: string;
  title: string;
  source: string | null;
  publishedAt: string | null;
}

export interface TopicSummary {
  id: string;
  label: string;
  parentId: string | null;
  statements: number;
}

export class PageReader {
  private readonly cache = new Map<string, SqliteStatement>();
  private readonly q;

  constructor(
    private readonly db: DB,
    private readonly store: Store,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      latestPublished: p('SELECT max(published_at) FROM articles').pluck(),
      actorKey: p('SELECT id FROM actors WHERE slug = ?').pluck(),
      cardActors: p(`SELECT a.slug AS id, a.role, af.slug AS affiliationId, af.name AS affiliationName
        FROM actors a LEFT JOIN actors af ON af.id = a.affiliation_id WHERE a.slug IN (SELECT value FROM json_each(?))`),
      cardArticles: p(`SELECT slug AS id, title, source, published_at AS publishedAt FROM articles WHERE slug IN (SELECT value FROM json_each(?))`),
      topicsLike: p(`SELECT id, label, parent_id AS parentId, statement_count AS statements FROM topics
        WHERE lower(label) LIKE @like ESCAPE '\\' ORDER BY statement_count DESC, iptc LIMIT @limit`),
      topicsUnder: p(`SELECT id, label, parent_id AS parentId, statement_count AS statements FROM topics
        WHERE parent_id IS ? ORDER BY statement_count DESC, iptc`),
      // the statements newest first by the day they are dated (else their article's), among the given keys
      newest: p(`SELECT j.json FROM json_each(@ids) k CROSS JOIN statements s ON s.id = k.value CROSS JOIN statement_json j ON j.id = s.id
        ORDER BY s.effective_date DESC NULLS LAST, s.id DESC LIMIT @limit`).pluck(),
      // Each statement counted once, under the one topic of the given level (the children of @parent) that is most
      // frequent among these statements: a stacked bar then adds up to the statements of its period.
      timeline: p(`WITH m AS (SELECT s.id, s.effective_date AS day FROM json_each(@ids) k CROSS JOIN statements s ON s.id = k.value
          WHERE s.effective_date IS NOT NULL),
        t AS (SELECT st.statement_id AS id, st.topic_id AS topic FROM m CROSS JOIN statement_topics st ON st.statement_id = m.id
          JOIN topics tp ON tp.id = st.topic_id WHERE tp.parent_id IS @parent),
        f AS (SELECT topic, count(*) AS n FROM t GROUP BY topic),
        pick AS (SELECT id, topic FROM (SELECT t.id, t.topic, row_number() OVER (PARTITION BY t.id ORDER BY f.n DESC, t.topic) AS r
          FROM t JOIN f USING (topic)) WHERE r = 1)
        SELECT m.day, pick.topic AS series, count(*) AS count FROM m LEFT JOIN pick ON pick.id = m.id GROUP BY m.day, pick.topic ORDER BY m.day`),
    };
  }

  /** The latest publication date of any article: where "the last 30 days of data" end. */
  latestPublished(): string | null {
    return this.q.latestPublished.get() as string | null;
  }

  /** The database key of an actor by its id (slug); null when there is none. */
  actorKey(slug: string): number | null {
    return (this.q.actorKey.get(slug) as number | undefined) ?? null;
  }

  /**
   * The keys of the matches, highest first, with the same query and budget facets use (the store's `facetRows`): a
   * page's timeline and newest statements then cost what its facets do, however many statements an actor has.
   */
  matchKeys(sel: StatementSelection): MatchKeys {
    const q = this.store.statementFacetQueries(sel);
    if (q.plan.empty) return { keys: [], complete: true };
    const budget = this.store.facetRows;
    const keys = this.prepared(q.ids).pluck().all({ ...q.params, upTo: budget + 1 }) as number[];
    return keys.length > budget ? { keys: keys.slice(0, budget), complete: false } : { keys, complete: true };
  }

  /** Up to `limit` of the given statements, newest first by their date, as the API's JSON objects. */
  newest(keys: number[], limit: number): StatementT[] {
    if (!keys.length) return [];
    return (this.q.newest.all({ ids: JSON.stringify(keys), limit }) as string[]).map((json) => JSON.parse(json) as StatementT);
  }

  /** Statements per day and topic among the given keys; topics are the children of `parent` (null: top level). */
  timeline(keys: number[], parent: string | null): DayCount[] {
    if (!keys.length) return [];
    return this.q.timeline.all({ ids: JSON.stringify(keys), parent }) as DayCount[];
  }

  /** Role and affiliation of the speakers on a page of quote cards. */
  cardActors(ids: string[]): Map<string, CardActor> {
    const rows = ids.length ? (this.q.cardActors.all(JSON.stringify([...new Set(ids)])) as Record<string, string | null>[]) : [];
    return new Map(rows.map((r) => [r.id!, { id: r.id!, role: r.role, affiliation: r.affiliationId ? { id: r.affiliationId, name: r.affiliationName! } : null }]));
  }

  /** Title, outlet and date of the articles on a page of quote cards. */
  cardArticles(ids: string[]): Map<string, CardArticle> {
    const rows = ids.length ? (this.q.cardArticles.all(JSON.stringify([...new Set(ids)])) as CardArticle[]) : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The topics directly under a topic (null: the top level), most statements first. */
  topicsUnder(parent: string | null): TopicSummary[] {
    return this.q.topicsUnder.all(parent) as TopicSummary[];
  }

  /** Topics whose label contains the text, case-insensitively, most statements first. */
  topicsLike(text: string, limit: number): TopicSummary[] {
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.q.topicsLike.all({ like, limit }) as TopicSummary[];
  }

  private prepared(sql: string): SqliteStatement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}
