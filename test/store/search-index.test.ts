// The full-text indexes the writer keeps (no triggers since migration 004): right after saves, replacements, groups and rollbacks.

import t from 'tap';
import { type DB, openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { fixtureExtraction, fixtureInput, TOPICS } from '../fixtures.js';

function setup() {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  return { db, writer };
}

/** The fixture article with its own word in every statement and claim, so a search tells which version is indexed. */
function article(slug: string, word: string, options: { statements?: number; badTopic?: boolean } = {}) {
  const x = fixtureExtraction();
  x.statements = x.statements
    .slice(0, options.statements ?? x.statements.length)
    .map((s, i) => ({ ...s, text: `${word} statement${i}` }));
  x.claims = x.claims.map((c, i) => ({
    ...c,
    text: `${word} claim${i}`,
    statementIndex: c.statementIndex !== null && c.statementIndex < x.statements.length ? c.statementIndex : null,
  }));
  if (options.badTopic) x.claims[0].topics = ['no-such-topic'];
  return fixtureInput({ slug, contentHash: `${slug}-${word}`, extraction: x });
}

/** Article slugs whose statements (or claims) match the query, each once. */
function found(db: DB, table: 'statements' | 'claims', query: string): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT a.slug FROM ${table}_fts f JOIN ${table} x ON x.id = f.rowid JOIN articles a ON a.id = x.article_id WHERE ${table}_fts MATCH ? ORDER BY a.slug`,
      )
      .all(query) as { slug: string }[]
  ).map((r) => r.slug);
}

/** Indexes that do not hold exactly their table's rows (integrity-check with rank 1 also compares with the content table). */
function unindexed(db: DB): string[] {
  const problems: string[] = [];
  for (const fts of ['statements_fts', 'claims_fts']) {
    try {
      db.prepare(`INSERT INTO ${fts} (${fts}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (err) {
      problems.push(`${fts}: ${(err as Error).message}`);
    }
  }
  return problems;
}

t.test('a saved article is found; a replacement is found by its new words only', async (t) => {
  const { db, writer } = setup();
  writer.save(article('a', 'apple'));
  writer.save(article('b', 'banana'));
  t.same(found(db, 'statements', 'apple'), ['a']);
  t.same(found(db, 'claims', 'banana'), ['b']);
  writer.save(article('a', 'cherry', { statements: 1 }));
  t.same(found(db, 'statements', 'apple'), [], 'the old text is gone from the index');
  t.same(found(db, 'claims', 'apple'), []);
  t.same(found(db, 'statements', 'cherry'), ['a']);
  t.same(found(db, 'statements', 'banana'), ['b'], 'other articles untouched');
  t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
});

t.test('in a group, rows are indexed at the end, whatever happens to articles inside it', async (t) => {
  const { db, writer } = setup();
  writer.save(article('first', 'alpha'));
  writer.save(article('last', 'omega')); // holds the highest ids: replacing it reuses them
  const group = writer.group(() => {
    writer.save(article('n1', 'nectar'));
    t.same(found(db, 'statements', 'nectar'), [], 'not indexed before the group ends');
    writer.save(article('n1', 'nutmeg')); // replaced in the same group before it was ever indexed
    writer.save(article('last', 'olive', { statements: 2 })); // an indexed article replaced mid-group
    t.throws(
      () => writer.save(article('first', 'fig', { badTopic: true })),
      /no-such-topic/,
      'a failing replacement rolls back',
    );
    t.throws(
      () => writer.save(article('bad', 'bramble', { badTopic: true })),
      /no-such-topic/,
      'a failing new article rolls back',
    );
    writer.save(article('n2', 'nettle'));
  });
  group();
  t.same(found(db, 'statements', 'nectar'), []);
  t.same(found(db, 'statements', 'nutmeg'), ['n1']);
  t.same(found(db, 'statements', 'omega'), []);
  t.same(found(db, 'statements', 'olive'), ['last']);
  t.same(found(db, 'claims', 'alpha'), ['first'], 'the article whose replacement failed keeps its indexed rows');
  t.same(found(db, 'statements', 'fig OR bramble'), []);
  t.same(found(db, 'statements', 'nettle'), ['n2']);
  t.same(unindexed(db), [], 'each index holds exactly the rows of its table');

  // the same, standalone saves after the group: replacing the article with the highest ids
  writer.save(article('n2', 'nori', { statements: 1 }));
  t.same(found(db, 'statements', 'nettle'), []);
  t.same(found(db, 'statements', 'nori'), ['n2']);
  t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
});

t.test(
  'a failing replacement of the article holding the highest ids leaves its indexed rows indexed once',
  async (t) => {
    const { db, writer } = setup();
    writer.save(article('a', 'apple'));
    writer.save(article('b', 'banana'));
    // the new rows would reuse the ids of b's deleted ones: after the rollback those ids are b's indexed rows again
    writer.group(() => {
      t.throws(() => writer.save(article('b', 'blueberry', { badTopic: true })), /no-such-topic/);
    })();
    t.same(found(db, 'statements', 'banana'), ['b']);
    t.same(found(db, 'statements', 'blueberry'), []);
    t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
    t.throws(
      () => writer.save(article('b', 'blackberry', { badTopic: true })),
      /no-such-topic/,
      'the same outside a group',
    );
    writer.save(article('c', 'cherry'));
    t.same(found(db, 'claims', 'banana'), ['b']);
    t.same(found(db, 'claims', 'cherry'), ['c']);
    t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
  },
);

t.test(
  'a group that fails as a whole leaves neither rows nor index entries, and the next one indexes its own',
  async (t) => {
    const { db, writer } = setup();
    writer.save(article('kept', 'kale'));
    t.throws(
      () =>
        writer.group(() => {
          writer.save(article('lost', 'lemon'));
          writer.save(article('kept', 'leek'));
          throw new Error('disk on fire');
        })(),
      /disk on fire/,
    );
    t.same(found(db, 'statements', 'lemon OR leek'), []);
    t.same(found(db, 'statements', 'kale'), ['kept']);
    t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
    writer.group(() => writer.save(article('next', 'mango')))();
    t.same(found(db, 'statements', 'mango'), ['next']);
    t.same(unindexed(db), [], 'each index holds exactly the rows of its table');
  },
);
