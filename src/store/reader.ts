// Read-side repository: every query the API and the pages run, prepared once, giving the contract's objects: the
// stored JSON of statements and claims (made by SQL generated from their schemas, item-json.ts), and the other
// resources mapped from snake_case rows in one rowTo… function each, typed by the contract.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import { DEFAULT_FACET_ROWS } from '../config.js';
import type { ActorT } from '../contract/actor.js';
import type { ArticleDetailT, ArticleT } from '../contract/article.js';
import type { ClaimT } from '../contract/claim.js';
import { LISTED_OCCURRENCES } from '../contract/quote.js';
import type { StatementT } from '../contract/statement.js';
import type {
  ActorSelection,
  ArticleSelection,
  ClaimSelection,
  FacetResult,
  FacetRow,
  JsonPage,
  Page,
  QuoteSelection,
  ReadStore,
  StatementSelection,
} from '../contract/store.js';
import type { TopicT } from '../contract/topic.js';
import type { DB } from './db.js';
import { normName } from './names.js';
import { CLAIM_TABLES, type Driver, type ListFilter, ListPlanner, type ListTables, STATEMENT_TABLES } from './plan.js';
import { QUOTE_SPEAKER_JOIN, quoteJsonSql } from './quote-json.js';

type Row = Record<string, unknown>;

/**
 * Turns user text into a safe FTS5 query: words are ANDed, "quoted phrases" stay phrases, a trailing * is a prefix.
 * Returns null when nothing searchable is left, so FTS5 syntax never reaches the engine from a user.
 */
export function toFtsQuery(q: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    const raw = m[1] ?? m[2];
    const prefix = m[2] !== undefined && raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}]+/gu);
    if (!words) continue;
    if (m[2] !== undefined && words.length === 1 && /^(?:AND|OR|NOT|NEAR)$/.test(words[0])) continue;
    parts.push(`"${words.join(' ')}"${prefix ? '*' : ''}`);
  }
  return parts.length ? parts.join(' ') : null;
}

const ids = (xs: number[]) => JSON.stringify(xs);

export class Store implements ReadStore {
  private readonly cache = new Map<string, SqliteStatement>();
  private readonly q;
  /** Exposed for the query-plan test. */
  readonly statementPlanner: ListPlanner;
  readonly claimPlanner: ListPlanner;
  /** Exports iterating right now: while one is open the connection cannot BEGIN, and already reads one snapshot. */
  private streams = 0;
  private readonly transaction: (fn: () => unknown) => unknown;

  constructor(
    private readonly db: DB,
    /** Facets count at most this many matches, the most recent (see FacetResult). */
    readonly facetRows = DEFAULT_FACET_ROWS,
  ) {
    this.transaction = db.transaction((fn: () => unknown) => fn());
    this.statementPlanner = new ListPlanner(db, STATEMENT_TABLES);
    this.claimPlanner = new ListPlanner(db, CLAIM_TABLES);
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      actorIdsByName: p(`SELECT id FROM actors WHERE slug = @slug
        UNION SELECT actor_id FROM actor_aliases WHERE norm = @norm`),
      articleIdBySlug: p('SELECT id FROM articles WHERE slug = ?'),
      topicByAny: p(
        'SELECT id FROM topics WHERE id = @v OR iptc = @v OR iptc = @medtop OR lower(label) = lower(@v) LIMIT 1',
      ),
      actorAliases: p(
        'SELECT actor_id AS owner, alias FROM actor_aliases WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY alias',
      ),
      articleTopics: p(
        'SELECT t.id, t.label FROM article_topics at JOIN topics t ON t.id = at.topic_id WHERE at.article_id = ? ORDER BY t.id',
      ),
      topics: p('SELECT * FROM topics ORDER BY iptc'),
      topic: p('SELECT * FROM topics WHERE id = ?'),
      counts: p('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM statements) AS statements'),
      version: p('SELECT data_version, total_changes() FROM pragma_data_version').raw(true),
    };
  }

  // ---------- name resolution ----------

  /** Actor ids matching an id or any name or alias, case-insensitively; [] when none does. */
  actorIds(nameOrId: string): number[] {
    return (
      this.q.actorIdsByName.all({ slug: nameOrId.toLowerCase(), norm: normName(nameOrId) }) as { id: number }[]
    ).map((r) => r.id);
  }

  articleId(slug: string): number | null {
    return (this.q.articleIdBySlug.get(slug) as { id: number } | undefined)?.id ?? null;
  }

  /** The FTS5 query for what a user typed, or null when it has no words (see toFtsQuery). */
  ftsQuery(q: string): string | null {
    return toFtsQuery(q);
  }

  /** A topic id from an id, IPTC code ("16000000", "medtop:16000000") or label; null when none matches. */
  topicId(value: string): string | null {
    const v = value.trim();
    return (this.q.topicByAny.get({ v, medtop: `medtop:${v}` }) as { id: string } | undefined)?.id ?? null;
  }

  // ---------- statements ----------

  /**
   * A page of statements as their stored JSON text, joined: no JS object per row to build and serialize, which took
   * two thirds of a list request's time.
   */
  listStatementsJson(sel: StatementSelection, after: number, limit: number): JsonPage {
    return this.jsonPageOf(this.statementPageQuery(sel, after, limit), limit);
  }

  /** One statement as JSON text (see listStatementsJson); null when there is none. */
  statementJson(id: number): string | null {
    return this.jsonOf('SELECT id, json FROM statement_json WHERE id = ?', id);
  }

  /** Runs a page query whose columns are (key, JSON text): the page as one JSON array. */
  private jsonPageOf(
    query: { plan: { empty: boolean }; sql: string; params: Record<string, unknown> },
    limit: number,
  ): JsonPage {
    if (query.plan.empty) return { json: '[]', lastKey: null };
    return jsonPage(this.prepared(query.sql).raw(true).all(query.params) as [number, string][], limit);
  }

  /** The JSON text of the one row (key, JSON text) a query by id gives; null when there is none. */
  private jsonOf(sql: string, id: number): string | null {
    const row = this.prepared(sql).raw(true).get(id) as [number, string] | undefined;
    return row ? row[1] : null;
  }

  /** The query behind a page of statements (rows of id and JSON), with `driver` forced by the query-plan test. */
  statementPageQuery(sel: StatementSelection, after: number, limit: number, driver?: Driver) {
    const plan = this.statementPlanner.plan(statementFilter(sel), limit, driver);
    const sql = `SELECT s.id, j.json FROM ${plan.from} CROSS JOIN statement_json j ON j.id = s.id
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key} LIMIT @limit`;
    return { plan, sql, params: { ...plan.params, after: Math.max(after, plan.lowerBound), limit: limit + 1 } };
  }

  /**
   * Every matching statement, read row by row from SQLite (for exports): memory stays flat however many match. As
   * objects, or as the stored JSON text of each (`'json'`), which an NDJSON export sends as it is.
   */
  iterateStatements(sel: StatementSelection, shape: 'json'): Generator<string>;
  iterateStatements(sel: StatementSelection, shape?: 'objects'): Generator<StatementT>;
  iterateStatements(sel: StatementSelection, shape?: 'objects' | 'json'): Generator<StatementT | string>;
  *iterateStatements(sel: StatementSelection, shape: 'objects' | 'json' = 'objects'): Generator<StatementT | string> {
    const plan = this.statementPlanner.plan(statementFilter(sel));
    if (plan.empty) return;
    const sql = `SELECT j.json FROM ${plan.from} CROSS JOIN statement_json j ON j.id = s.id
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key}`;
    yield* this.iterateJson<StatementT>(sql, { ...plan.params, after: plan.lowerBound }, shape);
  }

  /** Counts per value of each facet over the matching statements (see FacetResult), most frequent first. */
  statementFacets<F extends string>(sel: StatementSelection, facets: F[], size: number): FacetResult<F> {
    return this.facets(this.statementFacetQueries(sel), facets, size);
  }

  /** The queries behind statement facets (see facetQueries), with `driver` forced by the query-plan test. */
  statementFacetQueries(sel: StatementSelection, driver?: Driver) {
    return facetQueries(
      this.statementPlanner,
      STATEMENT_TABLES,
      statementFilter(sel),
      'speaker',
      this.facetRows + 1,
      driver,
    );
  }

  statement(id: number): StatementT | null {
    const json = this.statementJson(id);
    return json === null ? null : (JSON.parse(json) as StatementT);
  }

  // ---------- quotes ----------

  /**
   * A page of quotes as JSON text: the statements that head their quotes, filtered, ordered and paged as statements
   * are, each given as its quote.
   */
  listQuotesJson(sel: QuoteSelection, after: number, limit: number): JsonPage {
    return this.jsonPageOf(this.quotePageQuery(sel, after, limit), limit);
  }

  /** The query behind a page of quotes (rows of the head statement's id and the quote's JSON). */
  quotePageQuery(sel: QuoteSelection, after: number, limit: number, driver?: Driver) {
    const plan = this.statementPlanner.plan(quoteFilter(sel), limit, driver);
    const sql = `SELECT s.id, ${quoteJsonSql(LISTED_OCCURRENCES)} FROM ${plan.from}
      CROSS JOIN quotes q ON q.id = s.quote_id ${QUOTE_SPEAKER_JOIN}
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key} LIMIT @limit`;
    return { plan, sql, params: { ...plan.params, after: Math.max(after, plan.lowerBound), limit: limit + 1 } };
  }

  /** One quote with every occurrence, as JSON text; null when there is none. */
  quoteJson(id: number): string | null {
    const sql = `SELECT q.id, ${quoteJsonSql(null)} FROM quotes q ${QUOTE_SPEAKER_JOIN} WHERE q.id = ?`;
    return this.snapshot(() => this.jsonOf(sql, id));
  }

  /** Every matching quote as JSON text, in the list's order (for exports). */
  *iterateQuotes(sel: QuoteSelection): Generator<string> {
    const plan = this.statementPlanner.plan(quoteFilter(sel));
    if (plan.empty) return;
    const sql = `SELECT ${quoteJsonSql(LISTED_OCCURRENCES)} FROM ${plan.from}
      CROSS JOIN quotes q ON q.id = s.quote_id ${QUOTE_SPEAKER_JOIN}
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key}`;
    yield* this.iterateJson<string>(sql, { ...plan.params, after: plan.lowerBound }, 'json');
  }

  /** Counts per value of each facet over the matching quotes: over the statements that head them. */
  quoteFacets<F extends string>(sel: QuoteSelection, facets: F[], size: number): FacetResult<F> {
    return this.facets(
      facetQueries(this.statementPlanner, STATEMENT_TABLES, quoteFilter(sel), 'speaker', this.facetRows + 1),
      facets,
      size,
    );
  }

  // ---------- claims ----------

  /** A page of claims as their stored JSON text (see listStatementsJson). */
  listClaimsJson(sel: ClaimSelection, after: number, limit: number): JsonPage {
    return this.jsonPageOf(this.claimPageQuery(sel, after, limit), limit);
  }

  claimJson(id: number): string | null {
    return this.jsonOf('SELECT id, json FROM claim_json WHERE id = ?', id);
  }

  /** The query behind a page of claims (rows of id and JSON), with `driver` forced by the query-plan test. */
  claimPageQuery(sel: ClaimSelection, after: number, limit: number, driver?: Driver) {
    const plan = this.claimPlanner.plan(claimFilter(sel), limit, driver);
    const sql = `SELECT c.id, j.json FROM ${plan.from} CROSS JOIN claim_json j ON j.id = c.id
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key} LIMIT @limit`;
    return { plan, sql, params: { ...plan.params, after: Math.max(after, plan.lowerBound), limit: limit + 1 } };
  }

  /** Every matching claim, as objects or as stored JSON text (see iterateStatements). */
  iterateClaims(sel: ClaimSelection, shape: 'json'): Generator<string>;
  iterateClaims(sel: ClaimSelection, shape?: 'objects'): Generator<ClaimT>;
  iterateClaims(sel: ClaimSelection, shape?: 'objects' | 'json'): Generator<ClaimT | string>;
  *iterateClaims(sel: ClaimSelection, shape: 'objects' | 'json' = 'objects'): Generator<ClaimT | string> {
    const plan = this.claimPlanner.plan(claimFilter(sel));
    if (plan.empty) return;
    const sql = `SELECT j.json FROM ${plan.from} CROSS JOIN claim_json j ON j.id = c.id
      WHERE ${plan.where.join(' AND ')} ORDER BY ${plan.key}`;
    yield* this.iterateJson<ClaimT>(sql, { ...plan.params, after: plan.lowerBound }, shape);
  }

  claimFacets<F extends string>(sel: ClaimSelection, facets: F[], size: number): FacetResult<F> {
    return this.facets(this.claimFacetQueries(sel), facets, size);
  }

  /** The queries behind claim facets (see facetQueries). */
  claimFacetQueries(sel: ClaimSelection, driver?: Driver) {
    return facetQueries(this.claimPlanner, CLAIM_TABLES, claimFilter(sel), 'claimant', this.facetRows + 1, driver);
  }

  claim(id: number): ClaimT | null {
    const json = this.claimJson(id);
    return json === null ? null : (JSON.parse(json) as ClaimT);
  }

  // ---------- actors ----------

  listActors(sel: ActorSelection, after: number, limit: number): Page<ActorT> {
    const { where, params } = actorFilter(sel);
    const sql = `${ACTOR_SELECT} WHERE ${where.join(' AND ')} AND a.id > @after ORDER BY a.id LIMIT @limit`;
    return this.snapshot(() =>
      this.page(this.prepared(sql).all({ ...params, after, limit: limit + 1 }) as Row[], limit, (r) =>
        this.actorsFromRows(r),
      ),
    );
  }

  *iterateActors(sel: ActorSelection): Generator<ActorT> {
    const { where, params } = actorFilter(sel);
    yield* this.iterateRows(`${ACTOR_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.id`, params, (r) =>
      this.actorsFromRows(r),
    );
  }

  actor(slug: string): ActorT | null {
    return this.snapshot(
      () => this.actorsFromRows(this.prepared(`${ACTOR_SELECT} WHERE a.slug = ?`).all(slug) as Row[])[0] ?? null,
    );
  }

  private actorsFromRows(rows: Row[]): ActorT[] {
    const aliases = groupBy(this.q.actorAliases.all(ids(rows.map((r) => r.id as number))) as Row[]);
    return rows.map((r) => ({
      id: r.slug as string,
      name: r.name as string,
      type: r.type as ActorT['type'],
      role: r.role as string | null,
      affiliation: r.affiliation_slug ? { id: r.affiliation_slug as string, name: r.affiliation_name as string } : null,
      aliases: [...new Set((aliases.get(r.id as number) ?? []).map((a) => a.alias as string))].filter(
        (a) => a !== r.name,
      ),
      counts: {
        statements: r.statement_count as number,
        claims: r.claim_count as number,
        mentions: r.mention_count as number,
      },
    }));
  }

  // ---------- articles ----------

  listArticles(sel: ArticleSelection, after: number, limit: number): Page<ArticleT> {
    const { where, params } = articleFilter(sel);
    const sql = `${ARTICLE_SELECT} WHERE ${where.join(' AND ')} AND id > @after ORDER BY id LIMIT @limit`;
    const rows = this.prepared(sql).all({ ...params, after, limit: limit + 1 }) as Row[];
    return this.page(rows, limit, (rs) => rs.map(articleOf));
  }

  *iterateArticles(sel: ArticleSelection): Generator<ArticleT> {
    const { where, params } = articleFilter(sel);
    yield* this.iterateRows(`${ARTICLE_SELECT} WHERE ${where.join(' AND ')} ORDER BY id`, params, (rs) =>
      rs.map(articleOf),
    );
  }

  /** An article without its body: what a statement or claim links to. */
  articleSummary(slug: string): ArticleT | null {
    const r = this.prepared(`${ARTICLE_SELECT} WHERE slug = ?`).get(slug) as Row | undefined;
    return r ? articleOf(r) : null;
  }

  article(slug: string): ArticleDetailT | null {
    return this.snapshot(() => {
      const r = this.prepared(`SELECT ${ARTICLE_COLUMNS}, body FROM articles WHERE slug = ?`).get(slug) as
        | Row
        | undefined;
      if (!r) return null;
      return {
        ...articleOf(r),
        body: r.body as string,
        topics: this.q.articleTopics.all(r.id) as { id: string; label: string }[],
      };
    });
  }

  // ---------- topics ----------

  /** Topics in IPTC code order; the page key is the position in that order (the taxonomy only changes on ingest). */
  listTopics(after: number, limit: number): Page<TopicT> {
    const all = this.q.topics.all() as Row[];
    const rows = all.slice(after, after + limit + 1).map((r, i) => ({ ...r, position: after + i + 1 }));
    const more = rows.length > limit;
    return { items: rows.slice(0, limit).map(topicOf), lastKey: more ? after + limit : null };
  }

  *iterateTopics(): Generator<TopicT> {
    yield* this.iterateRows('SELECT * FROM topics ORDER BY iptc', {}, (rs) => rs.map(topicOf));
  }

  topic(id: string): TopicT | null {
    const r = this.q.topic.get(id) as Row | undefined;
    return r ? topicOf(r) : null;
  }

  /**
   * Changes whenever the database does: data_version counts commits by other connections (an ingest in any
   * process), total_changes the rows this connection changed (tests write through the app's own connection).
   */
  dataVersion(): string {
    return (this.q.version.get() as number[]).join('.');
  }

  counts(): { articles: number; statements: number } {
    return this.q.counts.get() as { articles: number; statements: number };
  }

  // ---------- helpers ----------

  /** Statements differ only by which filters are present, so each combination is prepared once. */
  private prepared(sql: string): SqliteStatement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * Streams a query in batches: rows come from `.iterate()` (never all in memory) and each batch is mapped at once,
   * so topics and mentions cost one query per batch. The statement is prepared afresh because a cached one
   * cannot be iterated by two exports at the same time.
   */
  private *iterateRows<T>(sql: string, params: Row, map: (rows: Row[]) => T[], batch = 200): Generator<T> {
    let rows: Row[] = [];
    this.streams++;
    try {
      for (const row of this.db.prepare(sql).iterate(params) as IterableIterator<Row>) {
        rows.push(row);
        if (rows.length === batch) {
          yield* map(rows);
          rows = [];
        }
      }
      if (rows.length) yield* map(rows);
    } finally {
      this.streams--;
    }
  }

  /** Streams the JSON text of a query's rows (one column), parsed into objects unless `shape` is 'json'. */
  private *iterateJson<T>(sql: string, params: Row, shape: 'objects' | 'json'): Generator<T | string> {
    this.streams++;
    try {
      for (const json of this.db.prepare(sql).pluck().iterate(params) as IterableIterator<string>) {
        yield shape === 'json' ? json : (JSON.parse(json) as T);
      }
    } finally {
      this.streams--;
    }
  }

  /**
   * Runs the queries of one answer on one snapshot of the database. A page is read in several queries (rows, then
   * their topics and mentions); without a read transaction an ingest replacing an article between them would
   * give its old statements with no topics. While an export iterates, the connection is inside that export's
   * read transaction already (and cannot BEGIN), so the queries simply join it.
   */
  private snapshot<T>(fn: () => T): T {
    return this.streams > 0 || this.db.inTransaction ? fn() : (this.transaction(fn) as T);
  }

  /**
   * Reads the keys of the matches first, highest first, up to one past the budget: within it, every match is
   * counted; beyond it, the most recent `facetRows`. One query then counts every facet over those keys alone, so the
   * filters run once per request and each row or index entry behind the counts is read once, not once per facet.
   */
  private facets<F extends string>(queries: FacetQueries, facets: F[], size: number): FacetResult<F> {
    return this.snapshot(() => {
      const counts = {} as Record<F, FacetRow[]>;
      for (const f of facets) counts[f] = [];
      const keys = queries.plan.empty
        ? []
        : (this.prepared(queries.ids)
            .pluck()
            .all({ ...queries.params, upTo: this.facetRows + 1 }) as number[]);
      const complete = keys.length <= this.facetRows;
      const counted = complete ? keys : keys.slice(0, this.facetRows);
      if (counted.length && facets.length) {
        const rows = this.prepared(queries.countsSql([...new Set(facets)])).all({
          ids: JSON.stringify(counted),
          facetSize: size,
        }) as (FacetRow & { facet: F })[];
        for (const r of rows) counts[r.facet].push({ value: r.value, label: r.label, count: r.count });
      }
      return { counts, counted: counted.length, complete };
    });
  }

  private page<T>(rows: Row[], limit: number, map: (rows: Row[]) => T[]): Page<T> {
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    return { items: map(kept), lastKey: more ? (kept[kept.length - 1].id as number) : null };
  }
}

// ---------- filters: the WHERE clause of a list, shared by its page, export and facet queries ----------

interface FacetQueries {
  plan: { empty: boolean };
  ids: string;
  /** One query counting the given facets: rows (facet, value, label, count), each facet's most frequent first. */
  countsSql: (facets: string[]) => string;
  params: Row;
}

/**
 * The queries behind the facets of a statement or claim list. `ids` reads the keys of the matches, highest first, up
 * to @upTo (the table's rows only when a filter needs them); `upTo` is what the planner expects it to read at most.
 * `countsSql` counts per value over the keys given as @ids (a JSON array): the facets on the row's own columns share
 * one read of each row (materialized when two or more need it: at a million statements ten thousand rows spread
 * over as many pages, which a second pass would read again from the file cache), the topic and actor facets read
 * their link table's index by key; names are joined to the counted groups only.
 */
function facetQueries(
  planner: ListPlanner,
  t: ListTables,
  filter: ListFilter,
  person: string,
  upTo: number,
  driver?: Driver,
): FacetQueries {
  const plan = planner.plan(filter, upTo, driver, true);
  const a = t.alias;
  const ids = `SELECT ${plan.key} AS id FROM ${plan.keyFrom} WHERE ${plan.keyWhere.join(' AND ')} ORDER BY ${plan.key} DESC LIMIT @upTo`;
  const columns: Record<string, string> = {
    [person]: t.personColumn,
    date: 'effective_date',
    ...(t.table === 'statements' ? { kind: 'kind' } : {}),
  };
  const linked = (
    links: string,
    column: string,
    distinct: string,
  ) => `(SELECT x.${column} AS id, count(${distinct}) AS count
    FROM json_each(@ids) m CROSS JOIN ${links} x ON x.${t.linkKey} = m.value GROUP BY x.${column}) g`;
  const counts = (facet: string): string => {
    const head = `SELECT '${facet}' AS facet,`;
    if (facet === person)
      return `${head} p.slug AS value, p.name AS label, g.count FROM (SELECT ${t.personColumn} AS id, count(*) AS count FROM r GROUP BY ${t.personColumn}) g LEFT JOIN actors p ON p.id = g.id`;
    if (facet === 'date' || facet === 'kind')
      return `${head} ${columns[facet]} AS value, ${columns[facet]} AS label, count(*) AS count FROM r GROUP BY ${columns[facet]}`;
    if (facet === 'actor')
      return `${head} p.slug AS value, p.name AS label, g.count FROM ${linked(t.actorLinks, 'actor_id', `DISTINCT x.${t.linkKey}`)} JOIN actors p ON p.id = g.id`;
    if (facet === 'topic')
      return `${head} t.id AS value, t.label AS label, g.count FROM ${linked(t.topicLinks, 'topic_id', '*')} JOIN topics t ON t.id = g.id`;
    throw new Error(`no facet ${facet}`);
  };
  const countsSql = (facets: string[]) => {
    const own = facets.filter((f) => f in columns);
    const ordered = [...own, ...facets.filter((f) => !(f in columns))];
    const r = own.length
      ? `WITH r AS ${own.length > 1 ? '' : 'NOT '}MATERIALIZED (SELECT ${own.map((f) => `${a}.${columns[f]}`).join(', ')} FROM json_each(@ids) m CROSS JOIN ${t.table} ${a} ON ${a}.id = m.value) `
      : '';
    return (
      r +
      ordered.map((f) => `SELECT * FROM (${counts(f)} ORDER BY count DESC, value LIMIT @facetSize)`).join(' UNION ALL ')
    );
  };
  return { plan, ids, countsSql, params: { ...plan.params, after: plan.lowerBound } };
}

function jsonPage(rows: [number, string][], limit: number): JsonPage {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { json: `[${kept.map((r) => r[1]).join(',')}]`, lastKey: more ? kept[kept.length - 1][0] : null };
}
const ACTOR_SELECT =
  'SELECT a.*, af.slug AS affiliation_slug, af.name AS affiliation_name FROM actors a LEFT JOIN actors af ON af.id = a.affiliation_id';
const ARTICLE_COLUMNS = `id, slug, title, source, published_at, url, language, statement_count, claim_count, actor_count,
  mention_count, (SELECT o.slug FROM articles o WHERE o.id = articles.copy_of) AS copy_of_slug`;
const ARTICLE_SELECT = `SELECT ${ARTICLE_COLUMNS} FROM articles`;

interface Filter {
  where: string[];
  params: Row;
}

function statementFilter(sel: StatementSelection): ListFilter {
  const { speakerIds, ...rest } = sel;
  return { ...rest, personIds: speakerIds };
}

function quoteFilter(sel: QuoteSelection): ListFilter {
  return { ...statementFilter(sel), heads: true };
}

function claimFilter(sel: ClaimSelection): ListFilter {
  const { claimantIds, ...rest } = sel;
  return { ...rest, personIds: claimantIds };
}

function actorFilter(sel: ActorSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.articleId !== undefined) {
    where.push('a.id IN (SELECT actor_id FROM article_actors WHERE article_id = @articleId)');
    params.articleId = sel.articleId;
  }
  if (sel.type !== undefined) {
    where.push('a.type = @type');
    params.type = sel.type;
  }
  if (sel.q !== undefined) {
    // candidates from the word index (a word starting with q, or equal to q's first word when q has several), then
    // the exact rule on their aliases: the name starts with q, or one of its words does
    const norm = normName(sel.q);
    const words = norm.split(' ');
    const like = norm.replace(/[\\%_]/g, (c) => `\\${c}`);
    const lo = words[0];
    const hi = words.length > 1 ? `${lo}\u0000` : nextPrefix(lo);
    where.push(`a.id IN (SELECT actor_id FROM actor_words WHERE word >= @wordLo AND word < @wordHi)`);
    where.push(
      `EXISTS (SELECT 1 FROM actor_aliases x WHERE x.actor_id = a.id AND (x.norm LIKE @qStart ESCAPE '\\' OR x.norm LIKE @qWord ESCAPE '\\'))`,
    );
    Object.assign(params, { wordLo: lo, wordHi: hi, qStart: `${like}%`, qWord: `% ${like}%` });
  }
  return { where, params };
}

function articleFilter(sel: ArticleSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.from !== undefined) {
    where.push('published_at >= @from');
    params.from = sel.from;
  }
  if (sel.to !== undefined) {
    where.push('published_at <= @to');
    params.to = sel.to;
  }
  if (sel.distinct) where.push('copy_of IS NULL');
  return { where, params };
}

/** The smallest string above every string starting with `prefix` (its last character incremented). */
function nextPrefix(prefix: string): string {
  if (!prefix) return '\u{10FFFF}';
  const chars = [...prefix];
  const last = chars.pop()!.codePointAt(0)!;
  return chars.join('') + String.fromCodePoint(Math.min(last + 1, 0x10ffff));
}

function groupBy(rows: Row[]): Map<number, Row[]> {
  const out = new Map<number, Row[]>();
  for (const r of rows) {
    const k = r.owner as number;
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

const articleOf = (r: Row): ArticleT => ({
  id: r.slug as string,
  title: r.title as string,
  source: r.source as string | null,
  publishedAt: r.published_at as string | null,
  url: r.url as string | null,
  language: r.language as string | null,
  copyOf: r.copy_of_slug as string | null,
  counts: {
    statements: r.statement_count as number,
    claims: r.claim_count as number,
    actors: r.actor_count as number,
    mentions: r.mention_count as number,
  },
});

const topicOf = (r: Row): TopicT => ({
  id: r.id as string,
  label: r.label as string,
  iptc: r.iptc as string,
  parentId: r.parent_id as string | null,
  counts: { statements: r.statement_count as number, claims: r.claim_count as number },
});
