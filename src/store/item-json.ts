// The JSON of each statement and claim, made once by SQLite when an article is written and stored beside it, so a
// page of them is a concatenation of stored texts rather than joins and JSON building per row per request.

import type { DB } from './db.js';

// Field for field what the reader's statementsFromRows/claimsFromRows and the zod schemas make of a row
// (test/store/json.test.ts holds them to that); the id comes first, the statement_json/claim_json key. Topics come in index order (statement_id, direct,
// topic_id), so only mentions need sorting.
const topicsJson = (links: string, key: string, owner: string) => `json((SELECT json_group_array(json_object('id', t.id, 'label', t.label))
  FROM (SELECT t.id, t.label FROM ${links} l JOIN topics t ON t.id = l.topic_id WHERE l.${key} = ${owner}.id AND l.direct = 1 ORDER BY l.topic_id) t))`;
const mentionsJson = (links: string, key: string, owner: string) => `json((SELECT json_group_array(json_object('id', m.slug, 'name', m.name, 'type', m.type))
  FROM (SELECT m.slug, m.name, m.type FROM ${links} l JOIN actors m ON m.id = l.actor_id WHERE l.${key} = ${owner}.id AND l.relation = 'mention' ORDER BY m.name, m.id) m))`;
const refJson = (alias: string, column: string) => `CASE WHEN ${column} IS NULL THEN NULL ELSE json_object('id', ${alias}.slug, 'name', ${alias}.name, 'type', ${alias}.type) END`;
// SQLite writes a REAL 1 as 1.0; JSON.stringify writes 1
const confidenceJson = (owner: string) => `iif(${owner}.confidence IN (0, 1), CAST(${owner}.confidence AS INTEGER), ${owner}.confidence)`;
const datesJson = (o: string) => `'date', ${o}.date, 'datePrecision', ${o}.date_precision, 'dateText', ${o}.date_text`;
const tailJson = (o: string, links: [string, string, string]) => `'topics', ${topicsJson(links[0], links[2], o)}, 'mentions', ${mentionsJson(links[1], links[2], o)},
  'span', json_object('start', ${o}.span_start, 'end', ${o}.span_end), 'attribution', json_object('rule', ${o}.rule, 'confidence', ${confidenceJson(o)})`;
const STATEMENT_JSON = `SELECT s.id, json_object('id', s.id, 'articleId', a.slug, 'speaker', ${refJson('sp', 's.speaker_id')}, 'kind', s.kind, 'text', s.text,
  'cue', s.cue, ${datesJson('s')}, ${tailJson('s', ['statement_topics', 'statement_actors', 'statement_id'])})`;
const CLAIM_JSON = `SELECT c.id, json_object('id', c.id, 'articleId', a.slug, 'claimant', ${refJson('cl', 'c.claimant_id')}, 'text', c.text,
  'statementId', c.statement_id, ${datesJson('c')}, ${tailJson('c', ['claim_topics', 'claim_actors', 'claim_id'])})`;

const STATEMENT_JOINS = 'JOIN articles a ON a.id = s.article_id LEFT JOIN actors sp ON sp.id = s.speaker_id';
const CLAIM_JOINS = 'JOIN articles a ON a.id = c.article_id LEFT JOIN actors cl ON cl.id = c.claimant_id';

/** Writes the stored JSON of statements and claims: inside the writer's transaction, so it is never out of step. */
export class ItemJsonWriter {
  private readonly q;

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    const statements = (where: string) => p(`INSERT OR REPLACE INTO statement_json (id, json) ${STATEMENT_JSON} FROM statements s ${STATEMENT_JOINS} WHERE ${where}`);
    const claims = (where: string) => p(`INSERT OR REPLACE INTO claim_json (id, json) ${CLAIM_JSON} FROM claims c ${CLAIM_JOINS} WHERE ${where}`);
    this.q = {
      statementsOf: statements('s.article_id = ?'),
      claimsOf: claims('c.article_id = ?'),
      statementsWithTopics: statements('s.id IN (SELECT statement_id FROM statement_topics WHERE topic_id IN (SELECT value FROM json_each(?)))'),
      claimsWithTopics: claims('c.id IN (SELECT claim_id FROM claim_topics WHERE topic_id IN (SELECT value FROM json_each(?)))'),
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

  /** Every item: filling the tables for a database written before they existed (migration 003). */
  writeAll(): void {
    this.q.allStatements.run();
    this.q.allClaims.run();
  }
}
