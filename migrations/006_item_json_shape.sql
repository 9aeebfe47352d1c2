-- 006: which SQL made the stored JSON of statements and claims (src/store/item-json.ts generates it from the API's
-- schemas). When the schemas change, so does the SQL and its hash here: opening the database for writing then
-- rewrites every item's JSON (src/store/db.ts), so a field change needs no migration of its own; a read-only
-- server refuses JSON made by other SQL.
CREATE TABLE item_json_shapes (
  kind TEXT PRIMARY KEY,
  sql_hash TEXT NOT NULL
) STRICT;
