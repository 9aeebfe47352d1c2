-- 002: what a million statements need: ingest that does not slow down as the database grows, and reads that follow an index in id order.

-- The article an actor's current role comes from, so a new article can offer its role with one comparison
-- instead of re-reading every article the actor appears in (which made ingest quadratic for famous actors).
ALTER TABLE actors ADD COLUMN role_article_id INTEGER REFERENCES articles (id);
UPDATE actors SET role_article_id = (
  SELECT aa.article_id FROM article_actors aa JOIN articles a ON a.id = aa.article_id
  WHERE aa.actor_id = actors.id AND aa.role IS NOT NULL ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT 1);

-- kind has two values: an index on it never narrows a search; the filter is checked on rows found by id.
DROP INDEX statements_kind;
-- mentions are only ever read by article; nothing looks them up by actor (statement_actors serves ?actor=).
DROP INDEX mentions_actor_id;

-- Statements and claims per effective day, with the range of their ids: a from/to filter learns how many rows it
-- can match and which ids hold them, so it reads only that id window (ingest order roughly follows publication).
-- Kept by the writer; min_id/max_id stay valid bounds when an article is replaced (they may only grow looser).
CREATE TABLE statement_days (
  day TEXT PRIMARY KEY,
  n INTEGER NOT NULL,
  min_id INTEGER NOT NULL,
  max_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO statement_days SELECT effective_date, count(*), min(id), max(id) FROM statements WHERE effective_date IS NOT NULL GROUP BY effective_date;

CREATE TABLE claim_days (
  day TEXT PRIMARY KEY,
  n INTEGER NOT NULL,
  min_id INTEGER NOT NULL,
  max_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO claim_days SELECT effective_date, count(*), min(id), max(id) FROM claims WHERE effective_date IS NOT NULL GROUP BY effective_date;

-- How many statements or claims hold each word: lets a search start from its rarest word, or from another filter
-- when every word is common.
CREATE VIRTUAL TABLE statements_fts_vocab USING fts5vocab (statements_fts, row);
CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab (claims_fts, row);

-- Every word of every actor name and alias: ?q= on actors finds names by the start of any word through this index
-- instead of matching LIKE '% word%' against every alias.
CREATE TABLE actor_words (
  word TEXT NOT NULL,
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  PRIMARY KEY (word, actor_id)
) STRICT, WITHOUT ROWID;
WITH RECURSIVE split (actor_id, word, rest) AS (
  SELECT actor_id, '', norm || ' ' FROM actor_aliases
  UNION ALL
  SELECT actor_id, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
)
INSERT OR IGNORE INTO actor_words (word, actor_id) SELECT word, actor_id FROM split WHERE word <> '';

-- A page's topics are read by statement id for direct topics only: with `direct` in the index, the lookup never
-- leaves it.
DROP INDEX statement_topics_statement_id;
CREATE INDEX statement_topics_statement_id ON statement_topics (statement_id, direct);
DROP INDEX claim_topics_claim_id;
CREATE INDEX claim_topics_claim_id ON claim_topics (claim_id, direct);
