// Test helpers that judge a database file after faults: integrity, whole articles, and equality with a reference build.

import Database from 'better-sqlite3';

type Row = Record<string, unknown>;

/** Opens a file the way a process after a crash would (read-write, so SQLite recovers the WAL). */
export const openFile = (file: string) => new Database(file, { fileMustExist: true });

/** Every article's own rows, by table, keyed by article slug: what "wholly present" compares. */
export function articleRows(db: Database.Database): Map<string, Record<string, Row[]>> {
  const q = (sql: string) => db.prepare(sql);
  const parts = {
    statements: q('SELECT * FROM statements WHERE article_id = ? ORDER BY id'),
    claims: q('SELECT * FROM claims WHERE article_id = ? ORDER BY id'),
    mentions: q('SELECT * FROM mentions WHERE article_id = ? ORDER BY id'),
    actors: q('SELECT * FROM article_actors WHERE article_id = ? ORDER BY actor_id'),
    topics: q('SELECT * FROM article_topics WHERE article_id = ? ORDER BY topic_id'),
    statementLinks: q(
      `SELECT x.* FROM statement_actors x JOIN statements s ON s.id = x.statement_id WHERE s.article_id = ? ORDER BY x.statement_id, x.actor_id, x.relation`,
    ),
    statementTopics: q(
      `SELECT x.* FROM statement_topics x JOIN statements s ON s.id = x.statement_id WHERE s.article_id = ? ORDER BY x.statement_id, x.topic_id`,
    ),
    claimLinks: q(
      `SELECT x.* FROM claim_actors x JOIN claims c ON c.id = x.claim_id WHERE c.article_id = ? ORDER BY x.claim_id, x.actor_id, x.relation`,
    ),
  };
  const out = new Map<string, Record<string, Row[]>>();
  for (const a of q(
    'SELECT id, slug, title, body, content_hash, statement_count, claim_count, actor_count, mention_count FROM articles ORDER BY id',
  ).all() as Row[]) {
    const rows: Record<string, Row[]> = { article: [a] };
    for (const [name, stmt] of Object.entries(parts)) rows[name] = stmt.all(a.id) as Row[];
    out.set(a.slug as string, rows);
  }
  return out;
}

/** Problems that make a database inconsistent: integrity, foreign keys, FTS index, counts that disagree with rows. */
export function inconsistencies(db: Database.Database): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
  const fk = db.pragma('foreign_key_check') as unknown[];
  if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  for (const fts of ['statements_fts', 'claims_fts']) {
    try {
      // rank 1: also checks that the index holds exactly the rows of its content table
      db.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (err) {
      problems.push(`${fts}: ${(err as Error).message}`);
    }
  }
  const counts = db
    .prepare(`SELECT slug,
      statement_count - (SELECT count(*) FROM statements WHERE article_id = a.id) AS s,
      claim_count - (SELECT count(*) FROM claims WHERE article_id = a.id) AS c,
      mention_count - (SELECT count(*) FROM mentions WHERE article_id = a.id) AS m,
      actor_count - (SELECT count(*) FROM article_actors WHERE article_id = a.id) AS x
    FROM articles a`)
    .all() as { slug: string; s: number; c: number; m: number; x: number }[];
  for (const r of counts)
    if (r.s || r.c || r.m || r.x)
      problems.push(`${r.slug}: counts on the article row differ from its rows (${JSON.stringify(r)})`);
  const actorCounts = db
    .prepare(`SELECT slug FROM actors a WHERE
      statement_count != (SELECT count(*) FROM statements WHERE speaker_id = a.id) OR
      claim_count != (SELECT count(*) FROM claims WHERE claimant_id = a.id) OR
      mention_count != (SELECT count(*) FROM mentions WHERE actor_id = a.id)`)
    .all() as { slug: string }[];
  if (actorCounts.length)
    problems.push(
      `actor counts differ from rows: ${actorCounts
        .slice(0, 5)
        .map((r) => r.slug)
        .join(', ')}`,
    );
  return problems;
}

/** The whole content, minus what differs between runs by design (ingest time, file path): equal dumps mean equal databases. */
export function dump(db: Database.Database): Record<string, Row[]> {
  const tables = {
    articles:
      'SELECT id, slug, title, source, published_at, url, language, body, content_hash, extractor, statement_count, claim_count, actor_count, mention_count FROM articles ORDER BY id',
    actors: 'SELECT * FROM actors ORDER BY id',
    actor_aliases: 'SELECT * FROM actor_aliases ORDER BY actor_id, alias',
    article_actors: 'SELECT * FROM article_actors ORDER BY article_id, actor_id',
    topics: 'SELECT * FROM topics ORDER BY id',
    mentions: 'SELECT * FROM mentions ORDER BY id',
    statements: 'SELECT * FROM statements ORDER BY id',
    claims: 'SELECT * FROM claims ORDER BY id',
    statement_actors: 'SELECT * FROM statement_actors ORDER BY statement_id, actor_id, relation',
    claim_actors: 'SELECT * FROM claim_actors ORDER BY claim_id, actor_id, relation',
    statement_topics: 'SELECT * FROM statement_topics ORDER BY statement_id, topic_id',
    claim_topics: 'SELECT * FROM claim_topics ORDER BY claim_id, topic_id',
    article_topics: 'SELECT * FROM article_topics ORDER BY article_id, topic_id',
  };
  return Object.fromEntries(Object.entries(tables).map(([name, sql]) => [name, db.prepare(sql).all() as Row[]]));
}
