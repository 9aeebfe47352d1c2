-- 005: articles read from URLs, feeds and JSON Lines are known by their URL and by their content: the ingest asks
-- "is an article with this URL stored?" (a page fetched again replaces it, a feed item seen before is not fetched)
-- and "is this exact content stored?" (the same story under another URL) once per input.
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);
