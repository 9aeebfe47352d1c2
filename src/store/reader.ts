// Read-side repository: every query the API runs, prepared once, mapping snake_case rows to API objects.

import type { Statement as SqliteStatement } from 'better-sqlite3';
import type { DB } from './db.js';
import { normName } from './names.js';
import type { ActorT, ArticleDetailT, ArticleT, ClaimT, StatementT, TopicT } from '../http/schemas.js';

type Row = Record<string, unknown>;
type Ref = { id: string; name: string; type: ActorT['type'] };

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
}

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
}

/** One value of a facet: `value` is what the matching filter takes, `label` how to show it. */
export interface FacetRow {
  value: string | null;
  label: string | null;
  count: number;
}

export interface Page<T> {
  items: T[];
  /** The sort key of the last item when there are more, else null. */
  lastKey: number | null;
}

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

export class Store {
  private readonly cache = new Map<string, SqliteStatement>();
  private readonly q;

  constructor(private readonly db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      actorIdsByName: p(`SELECT id FROM actors WHERE slug = @slug
        UNION SELECT actor_id FROM actor_aliases WHERE norm = @norm`),
      articleIdBySlug: p('SELECT id FROM articles WHERE slug = ?'),
      topicByAny: p('SELECT id FROM topics WHERE id = @v OR iptc = @v OR iptc = @medtop OR lower(label) = lower(@v) LIMIT 1'),
      statementTopics: p(`SELECT st.statement_id AS owner, t.id, t.label FROM statement_topics st JOIN topics t ON t.id = st.topic_id
        WHERE st.direct = 1 AND st.statement_id IN (SELECT value FROM json_each(?)) ORDER BY t.id`),
      claimTopics: p(`SELECT ct.claim_id AS owner, t.id, t.label FROM claim_topics ct JOIN topics t ON t.id = ct.topic_id
        WHERE ct.direct = 1 AND ct.claim_id IN (SELECT value FROM json_each(?)) ORDER BY t.id`),
      statementMentions: p(`SELECT sa.statement_id AS owner, a.slug AS id, a.name, a.type FROM statement_actors sa JOIN actors a ON a.id = sa.actor_id
        WHERE sa.relation = 'mention' AND sa.statement_id IN (SELECT value FROM json_each(?)) ORDER BY a.name`),
      claimMentions: p(`SELECT ca.claim_id AS owner, a.slug AS id, a.name, a.type FROM claim_actors ca JOIN actors a ON a.id = ca.actor_id
        WHERE ca.relation = 'mention' AND ca.claim_id IN (SELECT value FROM json_each(?)) ORDER BY a.name`),
      actorAliases: p('SELECT actor_id AS owner, alias FROM actor_aliases WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY alias'),
      articleTopics: p('SELECT t.id, t.label FROM article_topics at JOIN topics t ON t.id = at.topic_id WHERE at.article_id = ? ORDER BY t.id'),
      topics: p('SELECT * FROM topics ORDER BY iptc'),
      topic: p('SELECT * FROM topics WHERE id = ?'),
      counts: p('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM statements) AS statements'),
    };
  }

  // ---------- name resolution ----------

  /** Actor ids matching an id or any name or alias, case-insensitively; [] when none does. */
  actorIds(nameOrId: string): number[] {
    return (this.q.actorIdsByName.all({ slug: nameOrId.toLowerCase(), norm: normName(nameOrId) }) as { id: number }[]).map((r) => r.id);
  }

  articleId(slug: string): number | null {
    return (this.q.articleIdBySlug.get(slug) as { id: number } | undefined)?.id ?? null;
  }

  /** A topic id from an id, IPTC code ("16000000", "medtop:16000000") or label; null when none matches. */
  topicId(value: string): string | null {
    const v = value.trim();
    return (this.q.topicByAny.get({ v, medtop: `medtop:${v}` }) as { id: string } | undefined)?.id ?? null;
  }

  // ---------- statements ----------

  listStatements(sel: StatementSelection, after: number, limit: number): Page<StatementT> {
    const { where, params } = statementFilter(sel);
    const sql = `${STATEMENT_SELECT} WHERE ${where.join(' AND ')} AND s.id > @after ORDER BY s.id LIMIT @limit`;
    const rows = this.prepared(sql).all({ ...params, after, limit: limit + 1 }) as Row[];
    return this.page(rows, limit, (r) => this.statementsFromRows(r));
  }

  /** Every matching statement, read row by row from SQLite (for exports): memory stays flat however many match. */
  *iterateStatements(sel: StatementSelection): Generator<StatementT> {
    const { where, params } = statementFilter(sel);
    yield* this.iterateRows(`${STATEMENT_SELECT} WHERE ${where.join(' AND ')} ORDER BY s.id`, params, (r) => this.statementsFromRows(r));
  }

  /** Counts per value of each facet over every matching statement, most frequent first. */
  statementFacets<F extends string>(sel: StatementSelection, facets: F[], size: number): Record<F, FacetRow[]> {
    const { where, params } = statementFilter(sel);
    const matching = `SELECT s.id FROM statements s WHERE ${where.join(' AND ')}`;
    const sqlFor: Record<string, string> = {
      speaker: `SELECT sp.slug AS value, sp.name AS label, count(*) AS count FROM statements s LEFT JOIN actors sp ON sp.id = s.speaker_id
        WHERE ${where.join(' AND ')} GROUP BY s.speaker_id`,
      actor: `SELECT a.slug AS value, a.name AS label, count(DISTINCT x.statement_id) AS count FROM statement_actors x JOIN actors a ON a.id = x.actor_id
        WHERE x.statement_id IN (${matching}) GROUP BY x.actor_id`,
      topic: `SELECT t.id AS value, t.label AS label, count(*) AS count FROM statement_topics x JOIN topics t ON t.id = x.topic_id
        WHERE x.statement_id IN (${matching}) GROUP BY x.topic_id`,
      date: `SELECT s.effective_date AS value, s.effective_date AS label, count(*) AS count FROM statements s WHERE ${where.join(' AND ')} GROUP BY s.effective_date`,
      kind: `SELECT s.kind AS value, s.kind AS label, count(*) AS count FROM statements s WHERE ${where.join(' AND ')} GROUP BY s.kind`,
    };
    return this.facets(sqlFor, facets, params, size);
  }

  statement(id: number): StatementT | null {
    const rows = this.prepared(`${STATEMENT_SELECT} WHERE s.id = ?`).all(id) as Row[];
    return this.statementsFromRows(rows)[0] ?? null;
  }

  private statementsFromRows(rows: Row[]): StatementT[] {
    const idList = ids(rows.map((r) => r.id as number));
    const topics = groupBy(this.q.statementTopics.all(idList) as Row[]);
    const mentions = groupBy(this.q.statementMentions.all(idList) as Row[]);
    return rows.map((r) => ({
      id: r.id as number,
      articleId: r.article_slug as string,
      speaker: r.speaker_slug ? { id: r.speaker_slug as string, name: r.speaker_name as string, type: r.speaker_type as Ref['type'] } : null,
      kind: r.kind as StatementT['kind'],
      text: r.text as string,
      cue: r.cue as string | null,
      ...dateOf(r),
      topics: (topics.get(r.id as number) ?? []).map((t) => ({ id: t.id as string, label: t.label as string })),
      mentions: (mentions.get(r.id as number) ?? []).map(refOf),
      span: { start: r.span_start as number, end: r.span_end as number },
      attribution: { rule: r.rule as string, confidence: r.confidence as number },
    }));
  }

  // ---------- claims ----------

  listClaims(sel: ClaimSelection, after: number, limit: number): Page<ClaimT> {
    const { where, params } = claimFilter(sel);
    const sql = `${CLAIM_SELECT} WHERE ${where.join(' AND ')} AND c.id > @after ORDER BY c.id LIMIT @limit`;
    const rows = this.prepared(sql).all({ ...params, after, limit: limit + 1 }) as Row[];
    return this.page(rows, limit, (r) => this.claimsFromRows(r));
  }

  *iterateClaims(sel: ClaimSelection): Generator<ClaimT> {
    const { where, params } = claimFilter(sel);
    yield* this.iterateRows(`${CLAIM_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.id`, params, (r) => this.claimsFromRows(r));
  }

  claimFacets<F extends string>(sel: ClaimSelection, facets: F[], size: number): Record<F, FacetRow[]> {
    const { where, params } = claimFilter(sel);
    const matching = `SELECT c.id FROM claims c WHERE ${where.join(' AND ')}`;
    const sqlFor: Record<string, string> = {
      claimant: `SELECT cl.slug AS value, cl.name AS label, count(*) AS count FROM claims c LEFT JOIN actors cl ON cl.id = c.claimant_id
        WHERE ${where.join(' AND ')} GROUP BY c.claimant_id`,
      actor: `SELECT a.slug AS value, a.name AS label, count(DISTINCT x.claim_id) AS count FROM claim_actors x JOIN actors a ON a.id = x.actor_id
        WHERE x.claim_id IN (${matching}) GROUP BY x.actor_id`,
      topic: `SELECT t.id AS value, t.label AS label, count(*) AS count FROM claim_topics x JOIN topics t ON t.id = x.topic_id
        WHERE x.claim_id IN (${matching}) GROUP BY x.topic_id`,
      date: `SELECT c.effective_date AS value, c.effective_date AS label, count(*) AS count FROM claims c WHERE ${where.join(' AND ')} GROUP BY c.effective_date`,
    };
    return this.facets(sqlFor, facets, params, size);
  }

  claim(id: number): ClaimT | null {
    const rows = this.prepared(`${CLAIM_SELECT} WHERE c.id = ?`).all(id) as Row[];
    return this.claimsFromRows(rows)[0] ?? null;
  }

  private claimsFromRows(rows: Row[]): ClaimT[] {
    const idList = ids(rows.map((r) => r.id as number));
    const topics = groupBy(this.q.claimTopics.all(idList) as Row[]);
    const mentions = groupBy(this.q.claimMentions.all(idList) as Row[]);
    return rows.map((r) => ({
      id: r.id as number,
      articleId: r.article_slug as string,
      claimant: r.claimant_slug ? { id: r.claimant_slug as string, name: r.claimant_name as string, type: r.claimant_type as Ref['type'] } : null,
      text: r.text as string,
      statementId: r.statement_id as number | null,
      ...dateOf(r),
      topics: (topics.get(r.id as number) ?? []).map((t) => ({ id: t.id as string, label: t.label as string })),
      mentions: (mentions.get(r.id as number) ?? []).map(refOf),
      span: { start: r.span_start as number, end: r.span_end as number },
      attribution: { rule: r.rule as string, confidence: r.confidence as number },
    }));
  }

  // ---------- actors ----------

  listActors(sel: ActorSelection, after: number, limit: number): Page<ActorT> {
    const { where, params } = actorFilter(sel);
    const sql = `${ACTOR_SELECT} WHERE ${where.join(' AND ')} AND a.id > @after ORDER BY a.id LIMIT @limit`;
    const rows = this.prepared(sql).all({ ...params, after, limit: limit + 1 }) as Row[];
    return this.page(rows, limit, (r) => this.actorsFromRows(r));
  }

  *iterateActors(sel: ActorSelection): Generator<ActorT> {
    const { where, params } = actorFilter(sel);
    yield* this.iterateRows(`${ACTOR_SELECT} WHERE ${where.join(' AND ')} ORDER BY a.id`, params, (r) => this.actorsFromRows(r));
  }

  actor(slug: string): ActorT | null {
    const rows = this.prepared(`${ACTOR_SELECT} WHERE a.slug = ?`).all(slug) as Row[];
    return this.actorsFromRows(rows)[0] ?? null;
  }

  private actorsFromRows(rows: Row[]): ActorT[] {
    const aliases = groupBy(this.q.actorAliases.all(ids(rows.map((r) => r.id as number))) as Row[]);
    return rows.map((r) => ({
      id: r.slug as string,
      name: r.name as string,
      type: r.type as ActorT['type'],
      role: r.role as string | null,
      affiliation: r.affiliation_slug ? { id: r.affiliation_slug as string, name: r.affiliation_name as string } : null,
      aliases: [...new Set((aliases.get(r.id as number) ?? []).map((a) => a.alias as string))].filter((a) => a !== r.name),
      counts: { statements: r.statement_count as number, claims: r.claim_count as number, mentions: r.mention_count as number },
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
    yield* this.iterateRows(`${ARTICLE_SELECT} WHERE ${where.join(' AND ')} ORDER BY id`, params, (rs) => rs.map(articleOf));
  }

  /** An article without its body: what a statement or claim links to. */
  articleSummary(slug: string): ArticleT | null {
    const r = this.prepared(`${ARTICLE_SELECT} WHERE slug = ?`).get(slug) as Row | undefined;
    return r ? articleOf(r) : null;
  }

  article(slug: string): ArticleDetailT | null {
    const r = this.prepared('SELECT * FROM articles WHERE slug = ?').get(slug) as Row | undefined;
    if (!r) return null;
    return { ...articleOf(r), body: r.body as string, topics: this.q.articleTopics.all(r.id) as { id: string; label: string }[] };
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
    for (const row of this.db.prepare(sql).iterate(params) as IterableIterator<Row>) {
      rows.push(row);
      if (rows.length === batch) {
        yield* map(rows);
        rows = [];
      }
    }
    if (rows.length) yield* map(rows);
  }

  private facets<F extends string>(sqlFor: Record<string, string>, facets: F[], params: Row, size: number): Record<F, FacetRow[]> {
    const out = {} as Record<F, FacetRow[]>;
    for (const f of facets) {
      out[f] = this.prepared(`${sqlFor[f]} ORDER BY count DESC, value LIMIT @facetSize`).all({ ...params, facetSize: size }) as FacetRow[];
    }
    return out;
  }

  private page<T>(rows: Row[], limit: number, map: (rows: Row[]) => T[]): Page<T> {
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    return { items: map(kept), lastKey: more ? (kept[kept.length - 1].id as number) : null };
  }
}

// ---------- filters: the WHERE clause of a list, shared by its page, export and facet queries ----------

const STATEMENT_SELECT = `SELECT s.*, a.slug AS article_slug, sp.slug AS speaker_slug, sp.name AS speaker_name, sp.type AS speaker_type
  FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN actors sp ON sp.id = s.speaker_id`;
const CLAIM_SELECT = `SELECT c.*, a.slug AS article_slug, cl.slug AS claimant_slug, cl.name AS claimant_name, cl.type AS claimant_type
  FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN actors cl ON cl.id = c.claimant_id`;
const ACTOR_SELECT = 'SELECT a.*, af.slug AS affiliation_slug, af.name AS affiliation_name FROM actors a LEFT JOIN actors af ON af.id = a.affiliation_id';
const ARTICLE_SELECT = 'SELECT id, slug, title, source, published_at, url, language, statement_count, claim_count, actor_count, mention_count FROM articles';

interface Filter {
  where: string[];
  params: Row;
}

function statementFilter(sel: StatementSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.articleId !== undefined) (where.push('s.article_id = @articleId'), (params.articleId = sel.articleId));
  if (sel.speakerIds) (where.push('s.speaker_id IN (SELECT value FROM json_each(@speakerIds))'), (params.speakerIds = ids(sel.speakerIds)));
  if (sel.actorIds) (where.push('EXISTS (SELECT 1 FROM statement_actors x WHERE x.statement_id = s.id AND x.actor_id IN (SELECT value FROM json_each(@actorIds)))'), (params.actorIds = ids(sel.actorIds)));
  if (sel.topicId !== undefined) (where.push('EXISTS (SELECT 1 FROM statement_topics x WHERE x.topic_id = @topicId AND x.statement_id = s.id)'), (params.topicId = sel.topicId));
  if (sel.from !== undefined) (where.push('s.effective_date >= @from'), (params.from = sel.from));
  if (sel.to !== undefined) (where.push('s.effective_date <= @to'), (params.to = sel.to));
  if (sel.kind !== undefined) (where.push('s.kind = @kind'), (params.kind = sel.kind));
  if (sel.minConfidence !== undefined) (where.push('s.confidence >= @minConfidence'), (params.minConfidence = sel.minConfidence));
  if (sel.fts !== undefined) (where.push('s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH @fts)'), (params.fts = sel.fts));
  return { where, params };
}

function claimFilter(sel: ClaimSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.articleId !== undefined) (where.push('c.article_id = @articleId'), (params.articleId = sel.articleId));
  if (sel.claimantIds) (where.push('c.claimant_id IN (SELECT value FROM json_each(@claimantIds))'), (params.claimantIds = ids(sel.claimantIds)));
  if (sel.actorIds) (where.push('EXISTS (SELECT 1 FROM claim_actors x WHERE x.claim_id = c.id AND x.actor_id IN (SELECT value FROM json_each(@actorIds)))'), (params.actorIds = ids(sel.actorIds)));
  if (sel.topicId !== undefined) (where.push('EXISTS (SELECT 1 FROM claim_topics x WHERE x.topic_id = @topicId AND x.claim_id = c.id)'), (params.topicId = sel.topicId));
  if (sel.from !== undefined) (where.push('c.effective_date >= @from'), (params.from = sel.from));
  if (sel.to !== undefined) (where.push('c.effective_date <= @to'), (params.to = sel.to));
  if (sel.minConfidence !== undefined) (where.push('c.confidence >= @minConfidence'), (params.minConfidence = sel.minConfidence));
  if (sel.fts !== undefined) (where.push('c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH @fts)'), (params.fts = sel.fts));
  return { where, params };
}

function actorFilter(sel: ActorSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.articleId !== undefined) (where.push('a.id IN (SELECT actor_id FROM article_actors WHERE article_id = @articleId)'), (params.articleId = sel.articleId));
  if (sel.type !== undefined) (where.push('a.type = @type'), (params.type = sel.type));
  if (sel.q !== undefined) {
    where.push(`a.id IN (SELECT actor_id FROM actor_aliases WHERE norm LIKE @qStart ESCAPE '\\' OR norm LIKE @qWord ESCAPE '\\')`);
    const like = normName(sel.q).replace(/[\\%_]/g, (c) => `\\${c}`);
    Object.assign(params, { qStart: `${like}%`, qWord: `% ${like}%` });
  }
  return { where, params };
}

function articleFilter(sel: ArticleSelection): Filter {
  const where = ['1 = 1'];
  const params: Row = {};
  if (sel.from !== undefined) (where.push('published_at >= @from'), (params.from = sel.from));
  if (sel.to !== undefined) (where.push('published_at <= @to'), (params.to = sel.to));
  return { where, params };
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

const refOf = (r: Row): Ref => ({ id: r.id as string, name: r.name as string, type: r.type as Ref['type'] });

const dateOf = (r: Row) => ({
  date: r.date as string | null,
  datePrecision: r.date_precision as StatementT['datePrecision'],
  dateText: r.date_text as string | null,
});

const articleOf = (r: Row): ArticleT => ({
  id: r.slug as string,
  title: r.title as string,
  source: r.source as string | null,
  publishedAt: r.published_at as string | null,
  url: r.url as string | null,
  language: r.language as string | null,
  counts: { statements: r.statement_count as number, claims: r.claim_count as number, actors: r.actor_count as number, mentions: r.mention_count as number },
});

const topicOf = (r: Row): TopicT => ({
  id: r.id as string,
  label: r.label as string,
  iptc: r.iptc as string,
  parentId: r.parent_id as string | null,
  counts: { statements: r.statement_count as number, claims: r.claim_count as number },
});
