// ArticleWriter: one transaction per article, idempotent re-ingest, replacement with stable ids, derived counts.

import t from 'tap';
import { openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { fixtureExtraction, fixtureInput, TOPICS } from '../fixtures.js';

function setup() {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  return { db, writer };
}

const rows = (db: ReturnType<typeof openInMemory>, sql: string) => db.prepare(sql).all();

t.test('saves an article with its actors, statements, claims, mentions and links', async (t) => {
  const { db, writer } = setup();
  t.equal(writer.save(fixtureInput()), 'added');
  t.same(
    rows(db, 'SELECT slug, name, type, role, statement_count, claim_count, mention_count FROM actors ORDER BY id'),
    [
      {
        slug: 'ana-lima',
        name: 'Ana Lima',
        type: 'person',
        role: 'Ruritanian foreign minister',
        statement_count: 1,
        claim_count: 0,
        mention_count: 2,
      },
      {
        slug: 'ruritania',
        name: 'Ruritania',
        type: 'country',
        role: null,
        statement_count: 0,
        claim_count: 0,
        mention_count: 2,
      },
      {
        slug: 'ruritanian-army',
        name: 'Ruritanian army',
        type: 'organization',
        role: null,
        statement_count: 1,
        claim_count: 0,
        mention_count: 1,
      },
      { slug: 'zenda', name: 'Zenda', type: 'place', role: null, statement_count: 0, claim_count: 0, mention_count: 1 },
      {
        slug: 'officials',
        name: 'officials',
        type: 'group',
        role: null,
        statement_count: 1,
        claim_count: 1,
        mention_count: 1,
      },
    ],
  );
  t.same(
    rows(
      db,
      "SELECT a.slug FROM actors a JOIN actors f ON f.id = a.affiliation_id WHERE f.slug = 'ruritania' ORDER BY a.id",
    ),
    [{ slug: 'ana-lima' }],
  );
  t.same(rows(db, 'SELECT topic_id, statement_id, direct FROM statement_topics ORDER BY statement_id, topic_id'), [
    { topic_id: 'diplomacy', statement_id: 1, direct: 1 },
    { topic_id: 'politics', statement_id: 1, direct: 0 },
    { topic_id: 'conflict-war-and-peace', statement_id: 2, direct: 1 },
    { topic_id: 'politics', statement_id: 3, direct: 1 },
  ]);
  t.same(rows(db, 'SELECT id, statement_count, claim_count FROM topics ORDER BY id'), [
    { id: 'conflict-war-and-peace', statement_count: 1, claim_count: 0 },
    { id: 'diplomacy', statement_count: 1, claim_count: 1 },
    { id: 'politics', statement_count: 2, claim_count: 2 },
  ]);
  t.same(rows(db, 'SELECT statement_id FROM claims ORDER BY id'), [{ statement_id: 3 }, { statement_id: null }]);
  t.same(rows(db, 'SELECT effective_date FROM statements ORDER BY id'), [
    { effective_date: '2024-11-11' },
    { effective_date: '2024-11-14' },
    { effective_date: '2024-11-14' },
  ]);
  const body = (db.prepare('SELECT body FROM articles').get() as { body: string }).body;
  for (const s of rows(db, 'SELECT text, span_start, span_end FROM statements') as {
    text: string;
    span_start: number;
    span_end: number;
  }[]) {
    t.equal(body.slice(s.span_start, s.span_end), s.text, 'span points at the text');
  }
});

t.test('unchanged content is a no-op; changed content replaces the rows and keeps article and actor ids', async (t) => {
  const { db, writer } = setup();
  writer.save(fixtureInput());
  const before = rows(db, 'SELECT id, slug FROM actors ORDER BY id');
  t.equal(writer.save(fixtureInput()), 'unchanged');
  t.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 3);

  const x = fixtureExtraction();
  x.statements = x.statements.slice(1);
  x.claims = [];
  t.equal(writer.save(fixtureInput({ contentHash: 'hash-2', extraction: x })), 'replaced');
  t.same(rows(db, 'SELECT id, slug FROM articles'), [{ id: 1, slug: 'ruritania-talks' }]);
  t.same(rows(db, 'SELECT id, slug FROM actors ORDER BY id'), before, 'actor ids stable');
  t.same(
    rows(
      db,
      "SELECT statement_count, claim_count, mention_count FROM actors WHERE slug IN ('ana-lima', 'officials') ORDER BY id",
    ),
    [
      { statement_count: 0, claim_count: 0, mention_count: 2 },
      { statement_count: 1, claim_count: 0, mention_count: 1 },
    ],
  );
  t.same(rows(db, 'SELECT id, statement_count, claim_count FROM topics ORDER BY id'), [
    { id: 'conflict-war-and-peace', statement_count: 1, claim_count: 0 },
    { id: 'diplomacy', statement_count: 0, claim_count: 0 },
    { id: 'politics', statement_count: 1, claim_count: 0 },
  ]);
  t.equal(
    (db.prepare("SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH 'resume'").get() as { n: number })
      .n,
    0,
    'FTS follows the replacement',
  );
  t.same(rows(db, 'PRAGMA foreign_key_check'), []);
});

t.test('a failure inside the transaction leaves the database as it was', async (t) => {
  const { db, writer } = setup();
  writer.save(fixtureInput());
  const x = fixtureExtraction();
  x.statements[0].topics = ['no-such-topic'];
  t.throws(() => writer.save(fixtureInput({ contentHash: 'hash-3', extraction: x })), /no-such-topic/);
  t.same(rows(db, 'SELECT content_hash FROM articles'), [{ content_hash: 'hash-1' }]);
  t.equal((db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n, 3);
});

t.test('slugs stay unique when two actors share a name', async (t) => {
  const { db, writer } = setup();
  const x = fixtureExtraction();
  x.actors.push({
    key: 'place:ana lima',
    name: 'Ana Lima',
    type: 'place',
    role: null,
    affiliationKey: null,
    aliases: [],
  });
  writer.save(fixtureInput({ extraction: x }));
  t.same(rows(db, "SELECT slug FROM actors WHERE name = 'Ana Lima' ORDER BY id"), [
    { slug: 'ana-lima' },
    { slug: 'ana-lima-place' },
  ]);
});

t.test("an actor's role is the one its most recent article gives, whatever the order articles arrive in", async (t) => {
  const { db, writer } = setup();
  const withRole = (slug: string, published: string | null, role: string | null) => {
    const extraction = fixtureExtraction();
    extraction.actors[0] = { ...extraction.actors[0], role };
    return fixtureInput({ slug, contentHash: slug, published, extraction });
  };
  const role = () =>
    (db.prepare("SELECT role FROM actors WHERE slug = 'ana-lima'").get() as { role: string | null }).role;
  writer.save(withRole('b', '2024-05-01', 'deputy minister'));
  t.equal(role(), 'deputy minister');
  writer.save(withRole('a', '2023-01-01', 'adviser'));
  t.equal(role(), 'deputy minister', 'an older article does not take over');
  writer.save(withRole('undated', null, 'envoy'));
  t.equal(role(), 'deputy minister', 'an undated article ranks below dated ones');
  writer.save(withRole('c', '2024-05-01', 'foreign minister'));
  t.equal(role(), 'foreign minister', 'the same day: the later article wins');
  writer.save(withRole('d', '2024-09-01', null));
  t.equal(role(), 'foreign minister', 'an article without a role leaves it');
  writer.save({ ...withRole('c', '2024-05-01', null), contentHash: 'changed' });
  t.equal(role(), 'deputy minister', 'replacing the article that gave it falls back to the next most recent');
});
