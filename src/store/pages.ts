// Read queries only the web pages need: newest statements, a timeline bounded like facets, names for quote cards.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { StatementT } from '../contract/statement.js';
import type { StatementSelection } from '../contract/store.js';
import type { DB } from './db.js';
import type { Store } from './reader.js';

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
      cardArticles: p(
        `SELECT slug AS id, title, source, published_at AS publishedAt FROM articles WHERE slug IN (SELECT value FROM json_each(?))`,
      ),
      topicsLike: p(`SELECT id, label, parent_id AS parentId, statement_count AS statements FROM topics
        WHERE lower(label) LIKE @like ESCAPE '\\' ORDER BY statement_count DESC, iptc LIMIT @limit`),
      topicsUnder: p(`SELECT id, label, parent_id AS parentId, statement_count AS statements FROM topics
        WHERE parent_id IS ? ORDER BY statement_count DESC, iptc`),
      total: p('SELECT coalesce(max(id), 0) FROM statements').pluck(),
      speakerCount: p('SELECT statement_count FROM actors WHERE id = ?').pluck(),
      topicCount: p('SELECT statement_count FROM topics WHERE id = ?').pluck(),
      // each statement with its day and its topics at one level (ids joined by spaces: slugs have none), looked up per
      // statement: a join would have SQLite gather every statement's topics at that level first, millions at 1M
      timeline:
        p(`SELECT s.effective_date, (SELECT group_concat(st.topic_id, ' ') FROM statement_topics st JOIN topics tp ON tp.id = st.topic_id
          WHERE st.statement_id = s.id AND tp.parent_id IS @parent)
        FROM json_each(@ids) k CROSS JOIN statements s ON s.id = k.value WHERE s.effective_date IS NOT NULL`).raw(true),
      // a topic without sub-topics: the days alone
      timelineDays: p(`SELECT s.effective_date, NULL FROM json_each(@ids) k CROSS JOIN statements s ON s.id = k.value
        WHERE s.effective_date IS NOT NULL`).raw(true),
      hasTopicsUnder: p('SELECT EXISTS (SELECT 1 FROM topics WHERE parent_id IS ?)').pluck(),
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
   * The keys of the matches, highest first, with the query facets use, up to a budget (by default the facets' own,
   * the store's `facetRows`): a timeline then costs at most that many statements, however many an actor has.
   */
  matchKeys(sel: StatementSelection, budget = this.store.facetRows): MatchKeys {
    const q = this.store.statementFacetQueries(sel);
    if (q.plan.empty) return { keys: [], complete: true };
    const keys = this.prepared(q.ids)
      .pluck()
      .all({ ...q.params, upTo: budget + 1 }) as number[];
    return keys.length > budget ? { keys: keys.slice(0, budget), complete: false } : { keys, complete: true };
  }

  /**
   * The newest dated statements (by the day they are dated, else their article's), of one speaker or topic or of all,
   * as the API's JSON objects. Read one of two ways, whichever reads fewer rows: down the date index until `limit`
   * match (few rows when the speaker or topic is frequent), or every statement of the speaker or topic, then sorted
   * (few rows when it is rare). Either way at most about √(limit × statements) rows: some 3,000 at a million.
   */
  newest(of: { speakerId?: number; topicId?: string }, limit: number): StatementT[] {
    const total = this.q.total.get() as number;
    const count =
      of.speakerId !== undefined
        ? (this.q.speakerCount.get(of.speakerId) as number | undefined)
        : of.topicId !== undefined
          ? (this.q.topicCount.get(of.topicId) as number | undefined)
          : total;
    if (!count) return [];
    const byDate = (limit * total) / count <= count;
    const filter =
      of.speakerId !== undefined
        ? 's.speaker_id = @speaker'
        : of.topicId !== undefined
          ? 'EXISTS (SELECT 1 FROM statement_topics x WHERE x.topic_id = @topic AND x.statement_id = s.id)'
          : '1 = 1';
    const from =
      byDate || filter === '1 = 1'
        ? 'statements s INDEXED BY statements_effective_date'
        : of.speakerId !== undefined
          ? 'statements s INDEXED BY statements_speaker_id'
          : 'statement_topics x CROSS JOIN statements s ON s.id = x.statement_id';
    const where = byDate || of.speakerId !== undefined ? filter : 'x.topic_id = @topic';
    const sql = `SELECT j.json FROM ${from} CROSS JOIN statement_json j ON j.id = s.id
      WHERE s.effective_date IS NOT NULL AND ${where} ORDER BY s.effective_date DESC, s.id DESC LIMIT @limit`;
    const rows = this.prepared(sql).pluck().all({ speaker: of.speakerId, topic: of.topicId, limit }) as string[];
    return rows.map((json) => JSON.parse(json) as StatementT);
  }

  /**
   * Statements per day and topic among the given keys; topics are the children of `parent` (null: the top level).
   * Each statement is counted once, under the one of its topics at that level that is most frequent among these
   * statements, so a stacked bar adds up to the statements of its period. (Grouped here rather than in SQL: a window
   * function over the same rows took three times as long.)
   */
  timeline(keys: number[], parent: string | null): DayCount[] {
    if (!keys.length) return [];
    const query = this.q.hasTopicsUnder.get(parent) ? this.q.timeline : this.q.timelineDays;
    const rows = query.all({ ids: JSON.stringify(keys), parent }) as [string, string | null][];
    const statements = rows.map(([day, topics]) => ({ day, topics: topics ? topics.split(' ') : [] }));
    const frequency = new Map<string, number>();
    for (const s of statements) for (const topic of s.topics) frequency.set(topic, (frequency.get(topic) ?? 0) + 1);
    const rank = (a: string, b: string) => frequency.get(b)! - frequency.get(a)! || (a < b ? -1 : 1);
    const counts = new Map<string, DayCount>();
    for (const { day, topics } of statements) {
      const series = topics.length ? topics.sort(rank)[0] : null;
      const key = `${day} ${series ?? ''}`;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { day, series, count: 1 });
    }
    return [...counts.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  }

  /** Role and affiliation of the speakers on a page of quote cards. */
  cardActors(ids: string[]): Map<string, CardActor> {
    const rows = ids.length
      ? (this.q.cardActors.all(JSON.stringify([...new Set(ids)])) as Record<string, string | null>[])
      : [];
    return new Map(
      rows.map((r) => [
        r.id!,
        {
          id: r.id!,
          role: r.role,
          affiliation: r.affiliationId ? { id: r.affiliationId, name: r.affiliationName! } : null,
        },
      ]),
    );
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
