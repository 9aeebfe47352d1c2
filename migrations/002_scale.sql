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
