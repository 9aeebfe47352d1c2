-- 007: quotes (statements with the same or nearly the same words by compatible speakers, wherever they appeared) and
-- wire copies (an article nearly the same as an earlier one). Both are kept at ingest by the writer through indexes of
-- text fingerprints (src/store/quotes.ts, src/store/copies.ts); statements already stored are given their quotes, and
-- articles their copy links, by the migration step that follows this file (src/store/db.ts).

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  -- the occurrence that stands for the quote: the most specific speaker, then the longest text. A list of quotes is
  -- the list of these statements (their filters, order and paging); not a foreign key, as it is briefly left
  -- pointing at a statement being replaced
  head_statement_id INTEGER,
  head_score INTEGER NOT NULL DEFAULT -1, -- speaker rank * 1,000,000 + length of the head's text
  speaker_id INTEGER REFERENCES actors (id), -- the head's speaker
  speaker_rank INTEGER NOT NULL,        -- 3 person, 2 organisation or country, 1 unnamed source, 0 none
  text TEXT NOT NULL,                   -- the longest version
  statement_count INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Keys of every version of a quote's words (src/dedupe/match.ts): the exact words, the first
-- and the last five words. A new statement looks its keys up here to find the quotes it may belong to; a key lists at
-- most 8 quotes. Keys of a quote that no longer exists are left behind: they find nothing.
CREATE TABLE quote_keys (
  key INTEGER NOT NULL,
  quote_id INTEGER NOT NULL,
  PRIMARY KEY (key, quote_id)
) STRICT, WITHOUT ROWID;

ALTER TABLE statements ADD COLUMN quote_id INTEGER REFERENCES quotes (id);
CREATE INDEX statements_quote_id ON statements (quote_id);

-- The earliest article of the story this one reprints (published first; of two on one day, the one ingested first).
ALTER TABLE articles ADD COLUMN copy_of INTEGER REFERENCES articles (id);
CREATE INDEX articles_copy_of ON articles (copy_of);

-- MinHash band keys of each article's body, to find the stories a new article may be a copy of.
CREATE TABLE article_keys (
  key INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (key, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_keys_article_id ON article_keys (article_id);

-- Each article's MinHash signature (a JSON array of 20 numbers): a candidate is screened by it before its text is read.
CREATE TABLE article_sketches (
  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  signature TEXT NOT NULL
) STRICT;
