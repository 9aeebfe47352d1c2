// Query plans for the statement and claim lists: which index drives a list in id order, so a page costs the same at any size and depth.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { DB } from './db.js';

type Row = Record<string, unknown>;

/** The filters of a statement or claim list, with names resolved to ids. An empty id list matches nothing. */
export interface ListFilter {
  articleId?: number;
  /** speaker (statements) or claimant (claims) */
  personIds?: number[];
  actorIds?: number[];
  topicId?: string;
  from?: string;
  to?: string;
  kind?: 'direct' | 'indirect';
  minConfidence?: number;
  /** an FTS5 query made by toFtsQuery */
  fts?: string;
}

/**
 * What produces candidate rows in ascending id order:
 * - article, person: the table's own index on that column (equal values are stored in rowid order);
 * - actor, topic: the link table's primary key (actor_id or topic_id, then the statement id);
 * - fts: the full-text index, whose doclists are in rowid order;
 * - date: the rowid itself, inside the id window of the date range;
 * - dateIndex: the date index, sorted by id afterwards (for ranges holding few rows);
 * - id: the rowid, when no filter narrows the list.
 * Every other filter is checked on the rows the driver yields, by primary-key lookups.
 */
export type Driver = 'article' | 'person' | 'actor' | 'topic' | 'fts' | 'date' | 'dateIndex' | 'id';

export interface Plan {
  driver: Driver;
  /** FROM clause: the list's table under its alias, preceded by what drives it. */
  from: string;
  /** Conditions, including `key > @after` and the id window of a date range. */
  where: string[];
  params: Row;
  /** The id column the list is ordered and paged by. */
  key: string;
  /** The smallest `@after` worth asking for: the id window starts there. */
  lowerBound: number;
  /** Nothing can match (an unknown name, an empty date range): the query need not run. */
  empty: boolean;
}

/** The tables behind one kind of list. */
export interface ListTables {
  table: 'statements' | 'claims';
  alias: 's' | 'c';
  personColumn: 'speaker_id' | 'claimant_id';
  /** relation of the person in the actor link table */
  personRelation: 'speaker' | 'claimant';
  actorLinks: 'statement_actors' | 'claim_actors';
  topicLinks: 'statement_topics' | 'claim_topics';
  linkKey: 'statement_id' | 'claim_id';
  fts: 'statements_fts' | 'claims_fts';
  vocab: 'statements_fts_vocab' | 'claims_fts_vocab';
  days: 'statement_days' | 'claim_days';
  countColumn: 'statement_count' | 'claim_count';
}

export const STATEMENT_TABLES: ListTables = {
  table: 'statements', alias: 's', personColumn: 'speaker_id', personRelation: 'speaker', actorLinks: 'statement_actors',
  topicLinks: 'statement_topics', linkKey: 'statement_id', fts: 'statements_fts', vocab: 'statements_fts_vocab', days: 'statement_days', countColumn: 'statement_count',
};

export const CLAIM_TABLES: ListTables = {
  table: 'claims', alias: 'c', personColumn: 'claimant_id', personRelation: 'claimant', actorLinks: 'claim_actors',
  topicLinks: 'claim_topics', linkKey: 'claim_id', fts: 'claims_fts', vocab: 'claims_fts_vocab', days: 'claim_days', countColumn: 'claim_count',
};

const json = (xs: number[]) => JSON.stringify(xs);

/** The tokens FTS5's unicode61 tokenizer (remove_diacritics 2) makes of a word: lower case, accents removed. */
const token = (word: string) => word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

export class ListPlanner {
  private readonly q: Record<string, SqliteStatement>;

  constructor(db: DB, private readonly t: ListTables) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      maxId: p(`SELECT coalesce(max(id), 0) AS n FROM ${t.table}`),
      days: p(`SELECT coalesce(sum(n), 0) AS n, min(min_id) AS lo, max(max_id) AS hi FROM ${t.days} WHERE day >= @from AND day <= @to`),
      personCount: p(`SELECT coalesce(sum(${t.countColumn}), 0) AS n FROM actors WHERE id IN (SELECT value FROM json_each(?))`),
      // an actor's link rows: those as speaker/claimant, plus the mentions (an upper bound: mentions count the whole article)
      actorCount: p(`SELECT coalesce(sum(${t.countColumn} + mention_count), 0) AS n FROM actors WHERE id IN (SELECT value FROM json_each(?))`),
      topicCount: p(`SELECT ${t.countColumn} AS n FROM topics WHERE id = ?`),
      termDocs: p(`SELECT doc AS n FROM ${t.vocab} WHERE term = ?`),
    };
  }

  /** Drivers that can serve this filter, for the query-plan test; `plan` picks the cheapest. */
  drivers(f: ListFilter): Driver[] {
    const out: Driver[] = [];
    if (f.articleId !== undefined) out.push('article');
    if (f.personIds?.length) out.push('person');
    if (f.actorIds?.length) out.push('actor');
    if (f.topicId !== undefined) out.push('topic');
    if (f.fts !== undefined) out.push('fts');
    if (f.from !== undefined || f.to !== undefined) out.push('date', 'dateIndex');
    if (!out.length) out.push('id');
    return out;
  }

  /**
   * The plan for a page of `limit` rows (Infinity: every match, as facets count): the driver expected to read the
   * fewest rows, unless `force`d (tests).
   */
  plan(f: ListFilter, limit = 50, force?: Driver): Plan {
    const { t } = this;
    const a = t.alias;
    const params: Row = {};
    const checks: string[] = [];
    const total = (this.q.maxId.get() as { n: number }).n;
    let empty = (f.personIds !== undefined && !f.personIds.length) || (f.actorIds !== undefined && !f.actorIds.length);

    // the id window of a date range: ingest order roughly follows publication, so a range usually covers few ids
    let window: { n: number; lo: number; hi: number } | null = null;
    if (f.from !== undefined || f.to !== undefined) {
      params.from = f.from ?? '0000-00-00';
      params.to = f.to ?? '9999-99-99';
      const r = this.q.days.get(params) as { n: number; lo: number | null; hi: number | null };
      window = { n: r.n, lo: r.lo ?? 1, hi: r.hi ?? 0 };
      if (!r.n) empty = true;
    }
    const span = window ? Math.max(1, window.hi - window.lo + 1) : Math.max(1, total);
    const share = total ? span / total : 1;

    // estimated rows each driver reads before the page is full (or the stream ends)
    const cost: Partial<Record<Driver, number>> = {};
    for (const d of this.drivers(f)) {
      if (d === 'article') cost.article = 0;
      else if (d === 'person') cost.person = (this.q.personCount.get(json(f.personIds!)) as { n: number }).n * share;
      else if (d === 'actor') cost.actor = (this.q.actorCount.get(json(f.actorIds!)) as { n: number }).n * share;
      else if (d === 'topic') cost.topic = ((this.q.topicCount.get(f.topicId) as { n: number } | undefined)?.n ?? 0) * share;
      else if (d === 'fts') cost.fts = this.ftsDocs(f.fts!, total) * share;
      else if (d === 'date') cost.date = window!.n ? Math.min(span, ((limit + 1) * span) / window!.n) : 0;
      // every row of the range, then a sort into id order (a count over every match, limit Infinity, needs no sort)
      else if (d === 'dateIndex') cost.dateIndex = (Number.isFinite(limit) ? 2 : 1) * window!.n;
      else cost.id = total;
    }
    const driver = force ?? (Object.entries(cost) as [Driver, number][]).reduce((best, c) => (c[1] < best[1] ? c : best))[0];

    // the driver: FROM clause, its own condition and the key it yields in order
    let from = `${t.table} ${a}`;
    let key = `${a}.id`;
    const person = (col: string) => {
      if (f.personIds!.length === 1) return (params.person = f.personIds![0]), `${col} = @person`;
      return (params.personIds = json(f.personIds!)), `${col} IN (SELECT value FROM json_each(@personIds))`;
    };
    const actorIn = (col: string) => {
      if (f.actorIds!.length === 1) return (params.actor = f.actorIds![0]), `${col} = @actor`;
      return (params.actorIds = json(f.actorIds!)), `${col} IN (SELECT value FROM json_each(@actorIds))`;
    };
    switch (driver) {
      case 'article':
        from = `${t.table} ${a} INDEXED BY ${t.table}_article_id`;
        break;
      case 'person':
        from = `${t.table} ${a} INDEXED BY ${t.table}_${t.personColumn}`;
        checks.push(person(`${a}.${t.personColumn}`));
        break;
      case 'actor':
        if (f.actorIds!.length === 1) {
          from = `${t.actorLinks} x CROSS JOIN ${t.table} ${a} ON ${a}.id = x.${t.linkKey}`;
          key = `x.${t.linkKey}`;
          // an actor both speaking and mentioned in one statement has two link rows: keep one
          checks.push(actorIn('x.actor_id'), `(x.relation = '${t.personRelation}' OR NOT EXISTS (SELECT 1 FROM ${t.actorLinks} y
            WHERE y.actor_id = x.actor_id AND y.${t.linkKey} = x.${t.linkKey} AND y.relation = '${t.personRelation}'))`);
        } else {
          from = `(SELECT DISTINCT ${t.linkKey} AS id FROM ${t.actorLinks} WHERE ${actorIn('actor_id')}) d CROSS JOIN ${t.table} ${a} ON ${a}.id = d.id`;
          key = 'd.id';
        }
        break;
      case 'topic':
        from = `${t.topicLinks} x CROSS JOIN ${t.table} ${a} ON ${a}.id = x.${t.linkKey}`;
        key = `x.${t.linkKey}`;
        checks.push('x.topic_id = @topicId');
        break;
      case 'fts':
        from = `${t.fts} f CROSS JOIN ${t.table} ${a} ON ${a}.id = f.rowid`;
        key = 'f.rowid';
        checks.push(`${t.fts} MATCH @fts`);
        break;
      case 'dateIndex':
        from = `${t.table} ${a} INDEXED BY ${t.table}_effective_date`;
        break;
    }

    // the other filters, checked on each row the driver yields
    if (f.articleId !== undefined) (params.articleId = f.articleId), checks.push(`${a}.article_id = @articleId`);
    if (f.personIds?.length && driver !== 'person') checks.push(person(`${a}.${t.personColumn}`));
    if (f.actorIds?.length && driver !== 'actor') {
      checks.push(`EXISTS (SELECT 1 FROM ${t.actorLinks} y WHERE ${actorIn('y.actor_id')} AND y.${t.linkKey} = ${a}.id)`);
    }
    if (f.topicId !== undefined) {
      params.topicId = f.topicId;
      if (driver !== 'topic') checks.push(`EXISTS (SELECT 1 FROM ${t.topicLinks} y WHERE y.topic_id = @topicId AND y.${t.linkKey} = ${a}.id)`);
    }
    if (f.fts !== undefined) {
      params.fts = f.fts;
      if (driver !== 'fts') checks.push(`EXISTS (SELECT 1 FROM ${t.fts} WHERE ${t.fts} MATCH @fts AND rowid = ${a}.id)`);
    }
    if (window) checks.push(`${a}.effective_date >= @from`, `${a}.effective_date <= @to`);
    if (f.kind !== undefined) (params.kind = f.kind), checks.push(`${a}.kind = @kind`);
    if (f.minConfidence !== undefined) (params.minConfidence = f.minConfidence), checks.push(`${a}.confidence >= @minConfidence`);

    const where = [`${key} > @after`, ...checks];
    let lowerBound = 0;
    if (window) {
      where.push(`${key} <= @maxId`);
      params.maxId = window.hi;
      lowerBound = window.lo - 1;
    }
    return { driver, from, where, params, key, lowerBound, empty };
  }

  /** Documents the FTS query can match at most: the rarest of its words (a prefix counts as matching everything). */
  private ftsDocs(fts: string, total: number): number {
    let best = total;
    for (const m of fts.matchAll(/"([^"]*)"(\*?)/g)) {
      if (m[2]) continue;
      for (const word of m[1].split(' ')) {
        best = Math.min(best, (this.q.termDocs.get(token(word)) as { n: number } | undefined)?.n ?? 0);
      }
    }
    return best;
  }
}
