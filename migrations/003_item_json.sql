-- The API JSON of each statement and claim, stored when the article is written (src/store/item-json.ts): a page is
-- then one lookup per row instead of joins to articles, actors and topics and JSON building on every request.
-- Filled for existing rows by the migration step that follows this file (src/store/db.ts).

CREATE TABLE statement_json (
  id INTEGER PRIMARY KEY,
  json TEXT NOT NULL
) STRICT;

CREATE TABLE claim_json (
  id INTEGER PRIMARY KEY,
  json TEXT NOT NULL
) STRICT;
