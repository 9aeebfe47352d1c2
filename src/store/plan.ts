// Query plans for the statement and claim lists: which index drives a list in id order, so a page costs the same at any size and depth.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import { foldAccents } from '../common/fold.js';
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
  /** only rows of articles that are not wire copies: each story once */
  distinct?: boolean;
  /** statements only: only the statement that heads its quote (a list of quotes) */
  heads?: boolean;
}

/**
 * What produces candidate rows in ascending id order:
 * - article, person: the table's own index on that column (equal values are stored in rowid order);
 * - actor, topic: the link table's primary key (actor_id or topic_id, then the statement id);
 * - fts: the full-text index, whose doclists are in rowid order;
 * - date: the rowid itself, inside the id window of the date range;
 * - dateIndex: the date index, sorted by id afterwards (for ranges holding few rows);
 * - id: the rowid, when no filter narrows the list;
 * - merge: two or more of the one-value person, actor and topic lists at once, merged in id order (SQLite's MERGE
 *   INTERSECT): each list is read in sequence up to the last id needed, with no lookup per entry, so two broad
 *   filters that rarely meet (an actor and a topic, each in thousands of statements, together in fifty) cost a read
 *   of both lists instead of a row and an index lookup for each entry of the smaller one.
 * Every other filter is checked on the rows the driver yields, by primary-key lookups.
 */
export type Driver = 'article' | 'person' | 'actor' | 'topic' | 'fts' | 'date' | 'dateIndex' | 'id' | 'merge';

export interface Plan {
  driver: Driver;
  /** FROM clause: the list's table under its alias, preceded by what drives it. */
  from: string;
  /** Conditions, including `key > @after` and the id window of a date range. */
  where: string[];
  /**
   * FROM clause and conditions that give the same keys, in the same order, without reading the table's rows when no
   * filter needs them (the keys of the matches, for facets).
   */
  keyFrom: string;
  keyWhere: string[];
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
  table: 'statements',
  alias: 's',
  personColumn: 'speaker_id',
  personRelation: 'speaker',
  actorLinks: 'statement_actors',
  topicLinks: 'statement_topics',
  linkKey: 'statement_id',
  fts: 'statements_fts',
  vocab: 'statements_fts_vocab',
  days: 'statement_days',
  countColumn: 'statement_count',
};

export const CLAIM_TABLES: ListTables = {
  table: 'claims',
  alias: 'c',
  personColumn: 'claimant_id',
  personRelation: 'claimant',
  actorLinks: 'claim_actors',
  topicLinks: 'claim_topics',
  linkKey: 'claim_id',
  fts: 'claims_fts',
  vocab: 'claims_fts_vocab',
  days: 'claim_days',
  countColumn: 'claim_count',
};

const json = (xs: number[]) => JSON.stringify(xs);

/**
 * What one entry of a list read in sequence costs next to one row a driver yields (a row lookup and an index probe
 * per filter): the merge driver's entries are counted at this rate. Measured at a million statements: about 25 ns
 * per merged entry, 1 to 2 µs per driven row.
 */
const MERGE_ENTRY_COST = 1 / 20;

/** Link rows counted at most when estimating an actor's list: beyond this, the estimate is this. */
const LINK_COUNT_CAP = 100_000;

/** The tokens FTS5's unicode61 tokenizer (remove_diacritics 2) makes of a word: lower case, accents removed. */
const token = foldAccents;

export class ListPlanner {
  private readonly q: Record<string, SqliteStatement>;

  constructor(
    db: DB,
    private readonly t: ListTables,
  ) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      maxId: p(`SELECT coalesce(max(id), 0) AS n FROM ${t.table}`),
      days: p(
        `SELECT coalesce(sum(n), 0) AS n, min(min_id) AS lo, max(max_id) AS hi FROM ${t.days} WHERE day >= @from AND day <= @to`,
      ),
      personCount: p(
        `SELECT coalesce(sum(${t.countColumn}), 0) AS n FROM actors WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      // an actor's link rows, counted in the link table's primary key (tens of µs per thousand rows): the actor's
      // counters are no estimate, as mention_count counts mentions anywhere in an article (six times too many for a
      // country named in many articles but few statements)
      actorCount: p(
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${t.actorLinks} WHERE actor_id IN (SELECT value FROM json_each(?)) LIMIT ${LINK_COUNT_CAP})`,
      ),
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
    if (this.mergeable(f).length >= 2) out.push('merge');
    if (!out.length) out.push('id');
    return out;
  }

  /** The filters the merge driver can read as lists in id order: those with one value. */
  private mergeable(f: ListFilter): ('person' | 'actor' | 'topic')[] {
    const out: ('person' | 'actor' | 'topic')[] = [];
    if (f.personIds?.length === 1) out.push('person');
    if (f.actorIds?.length === 1) out.push('actor');
    if (f.topicId !== undefined) out.push('topic');
    return out;
  }

  /**
   * The plan for a page of `limit` rows (Infinity: every match, as facets count): the driver expected to read the
   * fewest rows, unless `force`d (tests). `desc` reads the keys from the highest down (the merge driver orders its
   * lists that way; every other driver is read backwards by SQLite).
   */
  plan(f: ListFilter, limit = 50, force?: Driver, desc = false): Plan {
    const { t } = this;
    const a = t.alias;
    const params: Row = {};
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

    // estimated rows each driver reads before the page is full (or the stream ends); with one candidate, no estimate.
    // A driver reading its list in id order stops after limit + 1 matches: with the filters taken as independent, its
    // rows match at the rate matches/rows, the same for every such driver, so each reads its rows times `early`. The
    // date index reads the whole range whatever the other filters (and sorts it, for a page).
    const drivers = this.drivers(f);
    const cost: Partial<Record<Driver, number>> = {};
    const size: Partial<Record<'person' | 'actor' | 'topic' | 'fts', number>> = {};
    if (drivers.length > 1 && !force) {
      for (const d of drivers) {
        if (d === 'person') size.person = (this.q.personCount.get(json(f.personIds!)) as { n: number }).n * share;
        else if (d === 'actor') size.actor = (this.q.actorCount.get(json(f.actorIds!)) as { n: number }).n * share;
        else if (d === 'topic')
          size.topic = ((this.q.topicCount.get(f.topicId) as { n: number } | undefined)?.n ?? 0) * share;
        else if (d === 'fts') size.fts = this.ftsDocs(f.fts!, total) * share;
      }
      const matches = Object.values(size).reduce((n, x) => (n * x) / span, window ? window.n : span);
      const early = matches > limit + 1 ? (limit + 1) / matches : 1;
      for (const d of drivers) {
        if (d === 'article') cost.article = 0;
        else if (d === 'person' || d === 'actor' || d === 'topic' || d === 'fts') cost[d] = size[d]! * early;
        else if (d === 'date') cost.date = window!.n ? span * early : 0;
        // every row of the range, then a sort into id order (a count over every match, limit Infinity, needs no sort)
        else if (d === 'dateIndex') cost.dateIndex = (Number.isFinite(limit) ? 2 : 1) * window!.n;
        else if (d === 'id') cost.id = total * early;
      }
      // every entry of the merged lists up to the last match needed, and when a filter needs the row, a row per match
      // (the lists' overlap, were they independent)
      if (drivers.includes('merge')) {
        const lists = this.mergeable(f).map((l) => size[l]!);
        const rowFilters =
          f.articleId !== undefined ||
          f.distinct ||
          f.heads ||
          (f.personIds?.length ?? 0) > 1 ||
          window ||
          f.kind !== undefined ||
          f.minConfidence !== undefined;
        const overlap = lists.reduce((n, x) => (n * x) / span, span);
        cost.merge = (MERGE_ENTRY_COST * lists.reduce((n, x) => n + x, 0) + (rowFilters ? overlap : 0)) * early;
      }
    }
    const driver =
      force ??
      (Object.entries(cost) as [Driver, number][]).reduce(
        (best, c) => (c[1] < best[1] ? c : best),
        [drivers[0], Infinity],
      )[0];

    const person = (col: string) => {
      if (f.personIds!.length === 1) {
        params.person = f.personIds![0];
        return `${col} = @person`;
      }
      params.personIds = json(f.personIds!);
      return `${col} IN (SELECT value FROM json_each(@personIds))`;
    };
    const actorIn = (col: string) => {
      if (f.actorIds!.length === 1) {
        params.actor = f.actorIds![0];
        return `${col} = @actor`;
      }
      params.actorIds = json(f.actorIds!);
      return `${col} IN (SELECT value FROM json_each(@actorIds))`;
    };
    if (f.topicId !== undefined) params.topicId = f.topicId;
    if (f.fts !== undefined) params.fts = f.fts;
    if (window) params.maxId = window.hi;

    // the driver: what it reads (`keys`, yielding `key` in order, with its own conditions in `keyChecks`), and whether
    // that is the table itself (an index on it) or a list the table's rows are joined to
    let keys = `${t.table} ${a}`;
    let key = `${a}.id`;
    let onTable = true;
    const keyChecks: string[] = [];
    const handled = new Set<string>();
    switch (driver) {
      case 'article':
        keys = `${t.table} ${a} INDEXED BY ${t.table}_article_id`;
        break;
      case 'person':
        keys = `${t.table} ${a} INDEXED BY ${t.table}_${t.personColumn}`;
        keyChecks.push(person(`${a}.${t.personColumn}`));
        handled.add('person');
        break;
      case 'actor':
        onTable = false;
        handled.add('actor');
        if (f.actorIds!.length === 1) {
          keys = `${t.actorLinks} x`;
          key = `x.${t.linkKey}`;
          // an actor both speaking and mentioned in one statement has two link rows: keep one
          keyChecks.push(
            actorIn('x.actor_id'),
            `(x.relation = '${t.personRelation}' OR NOT EXISTS (SELECT 1 FROM ${t.actorLinks} y
            WHERE y.actor_id = x.actor_id AND y.${t.linkKey} = x.${t.linkKey} AND y.relation = '${t.personRelation}'))`,
          );
        } else {
          keys = `(SELECT DISTINCT ${t.linkKey} AS id FROM ${t.actorLinks} WHERE ${actorIn('actor_id')}) d`;
          key = 'd.id';
        }
        break;
      case 'topic':
        onTable = false;
        handled.add('topic');
        keys = `${t.topicLinks} x`;
        key = `x.${t.linkKey}`;
        keyChecks.push('x.topic_id = @topicId');
        break;
      case 'fts':
        onTable = false;
        handled.add('fts');
        keys = `${t.fts} f`;
        key = 'f.rowid';
        keyChecks.push(`${t.fts} MATCH @fts`);
        break;
      case 'dateIndex':
        keys = `${t.table} ${a} INDEXED BY ${t.table}_effective_date`;
        break;
      case 'merge': {
        onTable = false;
        // each list bounded like the page (after the cursor, inside the date range's id window) and ordered as asked
        const bound = (col: string) => `${col} > @after${window ? ` AND ${col} <= @maxId` : ''}`;
        const lists = this.mergeable(f).map((l) => {
          handled.add(l);
          if (l === 'person')
            return `SELECT id AS id FROM ${t.table} INDEXED BY ${t.table}_${t.personColumn} WHERE ${person(t.personColumn)} AND ${bound('id')}`;
          if (l === 'actor')
            return `SELECT ${t.linkKey} AS id FROM ${t.actorLinks} WHERE ${actorIn('actor_id')} AND ${bound(t.linkKey)}`;
          return `SELECT ${t.linkKey} AS id FROM ${t.topicLinks} WHERE topic_id = @topicId AND ${bound(t.linkKey)}`;
        });
        keys = `(${lists.join(' INTERSECT ')} ORDER BY 1${desc ? ' DESC' : ''}) d`;
        key = 'd.id';
        break;
      }
    }

    // the other filters: those on the link tables and the full-text index are checked by key (`ref`: the table's id
    // when its row is read anyway, so SQLite probes right after reading it), those on the row's columns on the row
    const probes = (ref: string) => {
      const out: string[] = [];
      if (f.actorIds?.length && !handled.has('actor'))
        out.push(`EXISTS (SELECT 1 FROM ${t.actorLinks} y WHERE ${actorIn('y.actor_id')} AND y.${t.linkKey} = ${ref})`);
      if (f.topicId !== undefined && !handled.has('topic'))
        out.push(`EXISTS (SELECT 1 FROM ${t.topicLinks} y WHERE y.topic_id = @topicId AND y.${t.linkKey} = ${ref})`);
      if (f.fts !== undefined && !handled.has('fts'))
        out.push(`EXISTS (SELECT 1 FROM ${t.fts} WHERE ${t.fts} MATCH @fts AND rowid = ${ref})`);
      return out;
    };
    const rowChecks: string[] = [];
    if (f.articleId !== undefined) {
      params.articleId = f.articleId;
      rowChecks.push(`${a}.article_id = @articleId`);
    }
    if (f.personIds?.length && !handled.has('person')) rowChecks.push(person(`${a}.${t.personColumn}`));
    if (window) rowChecks.push(`${a}.effective_date >= @from`, `${a}.effective_date <= @to`);
    if (f.kind !== undefined) {
      params.kind = f.kind;
      rowChecks.push(`${a}.kind = @kind`);
    }
    if (f.minConfidence !== undefined) {
      params.minConfidence = f.minConfidence;
      rowChecks.push(`${a}.confidence >= @minConfidence`);
    }
    if (f.distinct) rowChecks.push(`(SELECT copy_of FROM articles WHERE id = ${a}.article_id) IS NULL`);
    if (f.heads) rowChecks.push(`${a}.id = (SELECT head_statement_id FROM quotes WHERE id = ${a}.quote_id)`);

    const bounds = [`${key} > @after`, ...(window ? [`${key} <= @maxId`] : [])];
    const from = onTable ? keys : `${keys} CROSS JOIN ${t.table} ${a} ON ${a}.id = ${key}`;
    const where = [...bounds, ...keyChecks, ...probes(`${a}.id`), ...rowChecks];
    const keyOnly = onTable || !rowChecks.length;
    const keyFrom = keyOnly ? keys : from;
    const keyWhere = keyOnly ? [...bounds, ...keyChecks, ...probes(onTable ? `${a}.id` : key), ...rowChecks] : where;
    return { driver, from, where, keyFrom, keyWhere, params, key, lowerBound: window ? window.lo - 1 : 0, empty };
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
