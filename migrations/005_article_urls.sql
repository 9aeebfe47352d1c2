-- 005: every URL an article was read from (the address asked for, where redirects led, the canonical URL the page
-- declares, a feed item's link). An article fetched again by any of them replaces the stored one and keeps its id,
-- and a feed polled every few minutes does not fetch an item whose link is here. Articles already stored are known
-- by the URL their metadata gave.
CREATE TABLE article_urls (
  url TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX article_urls_article ON article_urls (article_id);
INSERT OR IGNORE INTO article_urls (url, article_id) SELECT url, id FROM articles WHERE url IS NOT NULL ORDER BY id;
