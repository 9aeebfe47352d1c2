// Quotes and wire copies kept at ingest: one story four ways (test/fixtures/copies/) merges into quotes and copies,
// different quotes by one speaker stay apart, quote ids survive re-ingest and replacement, and a new statement finds
// its quote through the index.

import { readFileSync, writeFileSync } from 'node:fs';
import t from 'tap';
import { loadResources } from '../../src/extract/index.js';
import { Ingester } from '../../src/ingest/ingest.js';
import { projectPath } from '../../src/paths.js';
import { backfillCopies } from '../../src/store/copies.js';
import { type DB, openInMemory } from '../../src/store/db.js';
import { backfillQuotes } from '../../src/store/quotes.js';
import { articleDir } from '../helpers.js';

const resources = loadResources();
const copy = (name: string) => projectPath('test', 'fixtures', 'copies', `${name}.txt`);
const ORIGINAL = copy('ecj-facebook');
const REPRINT = copy('ecj-facebook-reprint');
const TRIMMED = copy('ecj-facebook-trimmed');
const SPOKESMAN = copy('ecj-facebook-spokesman');

function ingest(db: DB, paths: string[], force = false) {
  const report = new Ingester(db, resources).ingestPaths(paths, { force });
  if (report.failed.length) throw new Error(JSON.stringify(report.failed));
  return report;
}

const copies = (db: DB) =>
  db
    .prepare('SELECT a.slug, o.slug AS copyOf FROM articles a LEFT JOIN articles o ON o.id = a.copy_of ORDER BY a.slug')
    .all() as { slug: string; copyOf: string | null }[];

/** Each quote as its speaker, text start and the articles of its occurrences, in occurrence order. */
const quotes = (db: DB) =>
  db
    .prepare(`SELECT q.id, sp.name AS speaker, substr(q.text, 1, 40) AS text, q.statement_count AS n,
        (SELECT group_concat(slug, ' ') FROM (SELECT a.slug FROM statements s JOIN articles a ON a.id = s.article_id
          WHERE s.quote_id = q.id ORDER BY s.id)) AS articles
      FROM quotes q LEFT JOIN actors sp ON sp.id = q.speaker_id ORDER BY q.id`)
    .all() as { id: number; speaker: string | null; text: string; n: number; articles: string }[];

const quoteOf = (db: DB, start: string) => quotes(db).filter((q) => q.text.startsWith(start));

t.test('one story four ways: three copies of the first, and one quote per thing said', async (t) => {
  const db = openInMemory();
  ingest(db, [ORIGINAL, REPRINT, TRIMMED, SPOKESMAN]);
  t.same(copies(db), [
    { slug: 'ecj-facebook', copyOf: null },
    { slug: 'ecj-facebook-reprint', copyOf: 'ecj-facebook' },
    { slug: 'ecj-facebook-spokesman', copyOf: 'ecj-facebook' },
    { slug: 'ecj-facebook-trimmed', copyOf: 'ecj-facebook' },
  ]);

  // Steve Peers: curly quotation marks, two words changed, and "a university spokesman" in the last copy
  t.same(quoteOf(db, 'If there'), [
    {
      id: 6,
      speaker: 'Steve Peers',
      text: "If there's a court order to say that som",
      n: 4,
      articles: 'ecj-facebook ecj-facebook-reprint ecj-facebook-trimmed ecj-facebook-spokesman',
    },
  ]);
  // Facebook's two statements are two quotes; the version with a clause cut joins the first, which keeps its longest
  // text. (In the trimmed copy the extractor gives the first statement to the BBC: two named speakers, two quotes.)
  t.same(
    quoteOf(db, 'This judgment').map((q) => [q.speaker, q.n, q.articles]),
    [
      ['Facebook', 3, 'ecj-facebook ecj-facebook-reprint ecj-facebook-spokesman'],
      ['BBC', 1, 'ecj-facebook-trimmed'],
    ],
  );
  const judgment = db.prepare('SELECT text FROM quotes WHERE id = 8').pluck().get() as string;
  t.match(judgment, /that might be illegal in any particular country$/, 'the longest version is the text');
  t.same(
    quoteOf(db, 'It undermines').map((q) => [q.speaker, q.n]),
    [['Facebook', 4]],
  );
  t.same(
    quotes(db).map((q) => q.n),
    [4, 4, 4, 4, 4, 4, 3, 3, 4, 1],
    '35 statements, 10 quotes',
  );
});

t.test('a named speaker beats "a spokesman", and the earliest article is the first of the story', async (t) => {
  const db = openInMemory();
  ingest(db, [SPOKESMAN]);
  t.same(quoteOf(db, 'If there')[0].speaker, 'spokesman');
  ingest(db, [ORIGINAL]);
  t.same(quoteOf(db, 'If there'), [
    {
      id: 6,
      speaker: 'Steve Peers',
      text: "If there's a court order to say that som",
      n: 2,
      articles: 'ecj-facebook-spokesman ecj-facebook',
    },
  ]);
  t.same(
    copies(db),
    [
      { slug: 'ecj-facebook', copyOf: null },
      { slug: 'ecj-facebook-spokesman', copyOf: 'ecj-facebook' },
    ],
    'published three days before, the original becomes the first though ingested second',
  );
});

t.test('quote ids are stable when articles are ingested again or replaced', async (t) => {
  const db = openInMemory();
  const dir = articleDir({});
  const files = [ORIGINAL, REPRINT, SPOKESMAN].map((path) => {
    const target = `${dir}/${path.split('/').pop()}`;
    writeFileSync(target, readFileSync(path));
    writeFileSync(target.replace(/\.txt$/, '.meta.json'), readFileSync(path.replace(/\.txt$/, '.meta.json')));
    return target;
  });
  ingest(db, files);
  const before = quotes(db);

  ingest(db, files, true);
  t.same(
    quotes(db).map(({ id, speaker, text, n }) => ({ id, speaker, text, n })),
    before.map(({ id, speaker, text, n }) => ({ id, speaker, text, n })),
    'forced re-ingest: the same quotes under the same ids',
  );

  // the original replaced by a version without Peers's paragraph: his quote keeps its id in the copies
  const original = files[0];
  const text = readFileSync(original, 'utf8');
  writeFileSync(original, text.replace(/\n\nAccording to the ruling[^\n]*/, ''));
  ingest(db, [original]);
  const peers = quoteOf(db, 'If there');
  t.same(
    peers.map(({ id, n, articles }) => ({ id, n, articles })),
    [{ id: 6, n: 2, articles: 'ecj-facebook-reprint ecj-facebook-spokesman' }],
  );
  t.same(
    copies(db).map((c) => c.copyOf),
    [null, 'ecj-facebook', 'ecj-facebook'],
    'still copies',
  );

  // and back: the paragraph joins the quote it left
  writeFileSync(original, text);
  ingest(db, [original]);
  t.same(
    quotes(db).map(({ id, n }) => ({ id, n })),
    before.map(({ id, n }) => ({ id, n })),
  );
});

t.test('a new statement finds its quote and a new article its story through the indexes, not by a scan', async (t) => {
  const db = openInMemory();
  ingest(db, [ORIGINAL]);
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
  const quotePlan = plan(`SELECT DISTINCT k.quote_id FROM json_each('[1]') j CROSS JOIN quote_keys k ON k.key = j.value
    ORDER BY k.quote_id`);
  t.match(quotePlan, /SEARCH k USING PRIMARY KEY \(key=\?\)/);
  t.notMatch(quotePlan, /SCAN (k|q|quotes|statements)\b/);
  const articlePlan =
    plan(`SELECT DISTINCT k.article_id FROM json_each('[1]') j CROSS JOIN article_keys k ON k.key = j.value
    ORDER BY k.article_id`);
  t.match(articlePlan, /SEARCH k USING PRIMARY KEY \(key=\?\)/);
  t.notMatch(articlePlan, /SCAN (k|a|articles)\b/);
});

t.test('a database from before quotes gets the quotes and copies ingest would have given', async (t) => {
  const db = openInMemory();
  ingest(db, [ORIGINAL, REPRINT, TRIMMED, SPOKESMAN]);
  const expected = { quotes: quotes(db), copies: copies(db) };
  db.exec(`UPDATE statements SET quote_id = NULL; DELETE FROM quotes; DELETE FROM quote_keys;
    UPDATE articles SET copy_of = NULL; DELETE FROM article_keys;`);
  t.equal(backfillQuotes(db), 35);
  backfillCopies(db);
  t.same({ quotes: quotes(db), copies: copies(db) }, expected);
});
