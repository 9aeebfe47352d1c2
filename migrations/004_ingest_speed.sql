-- 004: the writer indexes statements and claims for full-text search itself, once per group of articles, instead of
-- a trigger per row. FTS5 writes its pending terms out as a new segment at every savepoint, and each article of an
-- ingest group is saved in its own savepoint: through the triggers every statement cost a segment write and later
-- merges (about 35 µs a row, a fifth of ingest); indexed once before the group commits, about 1 µs.
-- Rows already indexed stay as they are; ArticleWriter (src/store/writer.ts) keeps the index from here on.
DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_fts_delete;
