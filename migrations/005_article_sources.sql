-- 005: articles read from URLs, feeds and JSON Lines are known by their URL: before reading one, the ingest asks
-- whether an article with that URL is stored (a page fetched again replaces it and keeps its id; a feed item seen
-- before is not fetched again), once per input.
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
