// The corpus generator: deterministic, in the input format, and its recorded extraction points at its own text.

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { corpusTopics, generateArticle, generateCorpus, writeCorpus } from '../../src/corpus/generate.js';
import { parseArticle } from '../../src/extract/parse.js';
import { readArticleFile } from '../../src/ingest/files.js';
import { openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';

t.test('the same seed gives the same article, another seed another', async (t) => {
  const a = generateArticle(17, { articles: 100, seed: 3 });
  t.same(generateArticle(17, { articles: 100, seed: 3 }), a);
  t.not(generateArticle(17, { articles: 100, seed: 4 }).text, a.text);
  t.not(generateArticle(18, { articles: 100, seed: 3 }).text, a.text);
});

t.test('articles parse as our input format and every span points at its text', async (t) => {
  const rules = new Set<string>();
  let statements = 0;
  let problems = 0;
  const years = new Set<string>();
  for (const a of generateCorpus({ articles: 300, seed: 1 })) {
    const x = a.extraction;
    const parsed = parseArticle(a.text);
    if (parsed.body !== x.article.body || parsed.title !== x.article.title || parsed.source !== x.article.source) problems++;
    for (const s of [...x.statements, ...x.claims]) if (x.article.body.slice(s.span.start, s.span.end) !== s.text) problems++;
    for (const m of x.mentions) if ((m.field === 'title' ? x.article.title : x.article.body).slice(m.start, m.end) !== m.text) problems++;
    const keys = new Set(x.actors.map((d) => d.key));
    for (const s of x.statements) if (s.speakerKey && !keys.has(s.speakerKey)) problems++;
    for (const s of x.statements) rules.add(s.attribution.rule);
    statements += x.statements.length;
    years.add(a.meta.published.slice(0, 4));
  }
  t.equal(problems, 0, 'bodies, spans and speakers agree with the text');
  t.ok(statements / 300 > 8 && statements / 300 < 12, `about 10 statements per article (${(statements / 300).toFixed(1)})`);
  t.ok(years.size >= 5, `dated over several years (${[...years].sort().join(', ')})`);
  t.ok(rules.size >= 6, `many attribution patterns (${[...rules].sort().join(', ')})`);
});

t.test('written files read back as article files, in date order', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-corpus-'));
  const { articles } = writeCorpus(dir, { articles: 12, seed: 2 });
  const txt = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  t.equal(txt.length, articles);
  const files = txt.map((f) => readArticleFile(join(dir, f)));
  t.same(files.map((f) => f.meta.published), [...files.map((f) => f.meta.published)].sort(), 'names sort by publication date');
  t.same(files[0].text, [...generateCorpus({ articles: 12, seed: 2 })].find((a) => `${a.slug}.txt` === txt[0])!.text);
});

t.test('the recorded extraction loads through the store writer', async (t) => {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(corpusTopics());
  let statements = 0;
  for (const a of generateCorpus({ articles: 20, seed: 5 })) {
    writer.save({ slug: a.slug, file: null, contentHash: a.slug, extractor: 'generated', published: a.meta.published, url: a.meta.url, source: a.meta.source, language: 'en', extraction: a.extraction });
    statements += a.extraction.statements.length;
  }
  t.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, statements);
  const top = db.prepare('SELECT statement_count AS n FROM actors ORDER BY statement_count DESC LIMIT 1').get() as { n: number };
  t.ok(top.n > 1, 'speakers recur across articles');
});
