-- 001: the whole who-said-what record: articles, actors, statements, claims, mentions, topics and their links.
-- Every table is STRICT; foreign keys are named <resource>_id; each API filter has an index behind it.

PRAGMA application_id = 1464357953; -- "WHOS": marks the file as a whosaid database

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,            -- the public id: the file name without .txt
  title TEXT NOT NULL,
  source TEXT,
  published_at TEXT,                    -- YYYY-MM-DD or NULL
  url TEXT,
  language TEXT,
  body TEXT NOT NULL,                   -- paragraphs joined by a blank line; every span points into it
  file TEXT,                            -- where it was ingested from
  content_hash TEXT NOT NULL,           -- sha256 of the file and its .meta.json: unchanged content is skipped
  extractor TEXT NOT NULL,              -- extractor version that produced the rows
  ingested_at TEXT NOT NULL,
  statement_count INTEGER NOT NULL DEFAULT 0,
  claim_count INTEGER NOT NULL DEFAULT 0,
  actor_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX articles_published_at ON articles (published_at);

CREATE TABLE actors (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,            -- the public id: readable, stable
  key TEXT NOT NULL UNIQUE,             -- identity across articles: "<type>:<normalised name>"
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('person', 'organization', 'country', 'group', 'place', 'other')),
  role TEXT,                            -- latest title seen, e.g. "NATO Secretary General"
  affiliation_id INTEGER REFERENCES actors (id),
  statement_count INTEGER NOT NULL DEFAULT 0,
  claim_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX actors_type ON actors (type);
CREATE INDEX actors_affiliation_id ON actors (affiliation_id);

-- Every surface form an actor has been called by; `norm` is the lookup form (lower case, no honorific).
CREATE TABLE actor_aliases (
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  alias TEXT NOT NULL,
  norm TEXT NOT NULL,
  PRIMARY KEY (actor_id, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX actor_aliases_norm ON actor_aliases (norm, actor_id);

-- Which actors an article involves, with the role and affiliation it gives them.
CREATE TABLE article_actors (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  role TEXT,
  affiliation_id INTEGER REFERENCES actors (id),
  PRIMARY KEY (article_id, actor_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_actors_actor_id ON article_actors (actor_id, article_id);

CREATE TABLE topics (
  id TEXT PRIMARY KEY,                  -- readable slug
  iptc TEXT NOT NULL UNIQUE,            -- IPTC Media Topic code, "medtop:16000000"
  label TEXT NOT NULL,
  parent_id TEXT REFERENCES topics (id),
  statement_count INTEGER NOT NULL DEFAULT 0,   -- including sub-topics
  claim_count INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX topics_parent_id ON topics (parent_id);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  field TEXT NOT NULL CHECK (field IN ('title', 'body')),
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE INDEX mentions_article_id ON mentions (article_id);
CREATE INDEX mentions_actor_id ON mentions (actor_id);

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  speaker_id INTEGER REFERENCES actors (id),
  kind TEXT NOT NULL CHECK (kind IN ('direct', 'indirect')),
  text TEXT NOT NULL,
  cue TEXT,
  date TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
  date_text TEXT,
  effective_date TEXT,                  -- date, else the article's published_at: what from/to filter on
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL
) STRICT;
CREATE INDEX statements_article_id ON statements (article_id);
CREATE INDEX statements_speaker_id ON statements (speaker_id);
CREATE INDEX statements_effective_date ON statements (effective_date);
CREATE INDEX statements_kind ON statements (kind);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  claimant_id INTEGER REFERENCES actors (id),
  statement_id INTEGER REFERENCES statements (id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  date TEXT,
  date_precision TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
  date_text TEXT,
  effective_date TEXT,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  rule TEXT NOT NULL,
  confidence REAL NOT NULL
) STRICT;
CREATE INDEX claims_article_id ON claims (article_id);
CREATE INDEX claims_claimant_id ON claims (claimant_id);
CREATE INDEX claims_statement_id ON claims (statement_id);
CREATE INDEX claims_effective_date ON claims (effective_date);

-- Actors a statement or claim involves: its speaker/claimant and everyone mentioned in its text.
-- This is what ?actor= reads, in id order.
CREATE TABLE statement_actors (
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('speaker', 'mention')),
  PRIMARY KEY (actor_id, statement_id, relation)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_actors_statement_id ON statement_actors (statement_id);

CREATE TABLE claim_actors (
  actor_id INTEGER NOT NULL REFERENCES actors (id),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('claimant', 'mention')),
  PRIMARY KEY (actor_id, claim_id, relation)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_actors_claim_id ON claim_actors (claim_id);

-- Topics of a statement or claim, with every ancestor (direct = 0) so ?topic= includes sub-topics by index.
CREATE TABLE statement_topics (
  topic_id TEXT NOT NULL REFERENCES topics (id),
  statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
  direct INTEGER NOT NULL CHECK (direct IN (0, 1)),
  PRIMARY KEY (topic_id, statement_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX statement_topics_statement_id ON statement_topics (statement_id);

CREATE TABLE claim_topics (
  topic_id TEXT NOT NULL REFERENCES topics (id),
  claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
  direct INTEGER NOT NULL CHECK (direct IN (0, 1)),
  PRIMARY KEY (topic_id, claim_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_topics_claim_id ON claim_topics (claim_id);

CREATE TABLE article_topics (
  topic_id TEXT NOT NULL REFERENCES topics (id),
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (topic_id, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_topics_article_id ON article_topics (article_id);

-- Full-text search over statement and claim text (external content: the text is stored once).
CREATE VIRTUAL TABLE statements_fts USING fts5 (text, content = 'statements', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
  INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5 (text, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
