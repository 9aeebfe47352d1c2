// The JSON of each statement and claim, made once by SQLite when an article is written and stored beside it, so a
// page of them is a concatenation of stored texts rather than joins and JSON building per row per request. The SQL
// that makes it is generated from the contract's schemas (json-sql.ts): the stored JSON is the schema's, field for
// field, and test/store/json.test.ts holds it to the rows it comes from.

import { createHash } from 'node:crypto';
import type { Database as DB } from 'better-sqlite3';
import { Claim, type ClaimT } from '../contract/claim.js';
import type { ActorRefT, TopicRefT } from '../contract/shared.js';
import { Statement, type StatementT } from '../contract/statement.js';
import { jsonObjectSql, type SqlMap } from './json-sql.js';

type ListSqlOf<T> = SqlMap<{ list: T[] }>['list'];

/** The topics an item is filed under directly, in index order (owner, direct, topic_id). */
const topics = (links: string, key: string, owner: string): ListSqlOf<TopicRefT> => ({
  rows: `SELECT t.id, t.label FROM ${links} l JOIN topics t ON t.id = l.topic_id
    WHERE l.${key} = ${owner}.id AND l.direct = 1 ORDER BY l.topic_id`,
  alias: 't',
  item: { id: 't.id', label: 't.label' },
});

/** The actors an item mentions, by name (then id, for two actors of one name). */
const mentions = (links: string, key: string, owner: string): ListSqlOf<ActorRefT> => ({
  rows: `SELECT m.slug, m.name, m.type FROM ${links} l JOIN actors m ON m.id = l.actor_id
    WHERE l.${key} = ${owner}.id AND l.relation = 'mention' ORDER BY m.name, m.id`,
  alias: 'm',
  item: { id: 'm.slug', name: 'm.name', type: 'm.type' },
});

const ref = (alias: string, column: string) => ({
  $nullWhen: `${column} IS NULL`,
  id: `${alias}.slug`,
  name: `${alias}.name`,
  type: `${alias}.type`,
});

/** Where each field of a Statement comes from: statements s, its article a, its speaker sp. */
const STATEMENT_SQL: SqlMap<StatementT> = {
  id: 's.id',
  articleId: 'a.slug',
  quoteId: 's.quote_id',
  speaker: ref('sp', 's.speaker_id'),
  kind: 's.kind',
  text: 's.text',
  cue: 's.cue',
  date: 's.date',
  datePrecision: 's.date_precision',
  dateText: 's.date_text',
  topics: topics('statement_topics', 'statement_id', 's'),
  mentions: mentions('statement_actors', 'statement_id', 's'),
  span: { start: 's.span_start', end: 's.span_end' },
  attribution: { rule: 's.rule', confidence: 's.confidence' },
};

/** Where each field of a Claim comes from: claims c, its article a, its claimant cl. */
const CLAIM_SQL: SqlMap<ClaimT> = {
  id: 'c.id',
  articleId: 'a.slug',
  claimant: ref('cl', 'c.claimant_id'),
  text: 'c.text',
  statementId: 'c.statement_id',
  date: 'c.date',
  datePrecision: 'c.date_precision',
  dateText: 'c.date_text',
  topics: topics('claim_topics', 'claim_id', 'c'),
  mentions: mentions('claim_actors', 'claim_id', 'c'),
  span: { start: 'c.span_start', end: 'c.span_end' },
  attribution: { rule: 'c.rule', confidence: 'c.confidence' },
};

/** The SELECT of (id, JSON) for each kind of item, over its table, article and actor joined as the maps name them. */
export function itemJsonSql() {
  return {
    statements: `SELECT s.id, ${jsonObjectSql(Statement, STATEMENT_SQL)}
      FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN actors sp ON sp.id = s.speaker_id`,
    claims: `SELECT c.id, ${jsonObjectSql(Claim, CLAIM_SQL)}
      FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN actors cl ON cl.id = c.claimant_id`,
  };
}

const hash = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);

/** Whether the stored JSON was made by the SQL of these schemas (false before migration 006 too). */
export function itemJsonIsCurrent(db: DB): boolean {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'item_json_shapes'").get();
  if (!hasTable) return false;
  const stored = new Map(
    (db.prepare('SELECT kind, sql_hash FROM item_json_shapes').all() as { kind: string; sql_hash: string }[]).map(
      (r) => [r.kind, r.sql_hash],
    ),
  );
  return Object.entries(itemJsonSql()).every(([kind, sql]) => stored.get(kind) === hash(sql));
}

/** Writes the stored JSON of statements and claims: inside the writer's transaction, so it is never out of step. */
export class ItemJsonWriter {
  private readonly q;

  constructor(private readonly db: DB) {
    const sql = itemJsonSql();
    const p = (text: string) => db.prepare(text);
    const statements = (where: string) =>
      p(`INSERT OR REPLACE INTO statement_json (id, json) ${sql.statements} WHERE ${where}`);
    const claims = (where: string) => p(`INSERT OR REPLACE INTO claim_json (id, json) ${sql.claims} WHERE ${where}`);
    this.q = {
      statementsOf: statements('s.article_id = ?'),
      claimsOf: claims('c.article_id = ?'),
      statementsWithTopics: statements(
        's.id IN (SELECT statement_id FROM statement_topics WHERE topic_id IN (SELECT value FROM json_each(?)))',
      ),
      claimsWithTopics: claims(
        'c.id IN (SELECT claim_id FROM claim_topics WHERE topic_id IN (SELECT value FROM json_each(?)))',
      ),
      allStatements: statements('1 = 1'),
      allClaims: claims('1 = 1'),
      dropStatementsOf: p('DELETE FROM statement_json WHERE id IN (SELECT id FROM statements WHERE article_id = ?)'),
      dropClaimsOf: p('DELETE FROM claim_json WHERE id IN (SELECT id FROM claims WHERE article_id = ?)'),
    };
  }

  /** After an article's statements and claims are inserted. */
  writeArticle(articleId: number): void {
    this.q.statementsOf.run(articleId);
    this.q.claimsOf.run(articleId);
  }

  /** Before an article's statements and claims are deleted. */
  dropArticle(articleId: number): void {
    this.q.dropStatementsOf.run(articleId);
    this.q.dropClaimsOf.run(articleId);
  }

  /** After topics are relabelled: the items that name them. */
  rewriteTopics(topicIds: string[]): void {
    if (!topicIds.length) return;
    this.q.statementsWithTopics.run(JSON.stringify(topicIds));
    this.q.claimsWithTopics.run(JSON.stringify(topicIds));
  }

  /**
   * Rewrites every item's JSON when it was made by other SQL (the schemas changed, or a database from before the
   * stored JSON), and records the SQL's hash; nothing when it is current. In one transaction.
   */
  refresh(): boolean {
    if (itemJsonIsCurrent(this.db)) return false;
    this.db.transaction(() => {
      this.q.allStatements.run();
      this.q.allClaims.run();
      const record = this.db.prepare('INSERT OR REPLACE INTO item_json_shapes (kind, sql_hash) VALUES (?, ?)');
      for (const [kind, sql] of Object.entries(itemJsonSql())) record.run(kind, hash(sql));
    })();
    return true;
  }
}
