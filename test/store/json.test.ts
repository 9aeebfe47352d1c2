// The JSON that SQLite builds for statements and claims is byte for byte what the zod schemas make of the store's objects.

import t from 'tap';
import { z } from 'zod';
import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { buildApp } from '../../src/http/app.js';
import { Claim, Statement } from '../../src/http/schemas.js';
import { loadMigrations, migrate, openInMemory } from '../../src/store/db.js';
import { Store } from '../../src/store/reader.js';
import { ArticleWriter } from '../../src/store/writer.js';

function corpusDb() {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(corpusTopics());
  let i = 0;
  for (const a of generateCorpus({ articles: 40, seed: 4 })) {
    const x = a.extraction;
    // edge values the generator never makes: certainty, no speaker, two actors of one name (generated articles
    // already have undated statements, claims in the article's own voice and group speakers)
    if (i === 1) x.statements[0].attribution.confidence = 1;
    if (i === 2) x.statements[0].attribution.confidence = 0;
    if (i === 3) x.statements[0].speakerKey = null;
    if (i === 4) {
      x.actors.push({ key: 'place:twin', name: 'Twin', type: 'place', role: null, affiliationKey: null, aliases: [] });
      x.actors.push({ key: 'organization:twin', name: 'Twin', type: 'organization', role: null, affiliationKey: null, aliases: [] });
      x.statements[0].mentionKeys.push('place:twin', 'organization:twin');
      x.claims[0]?.mentionKeys.push('organization:twin', 'place:twin');
    }
    i++;
    writer.save({ slug: a.slug, file: null, contentHash: a.slug, extractor: 'test', published: a.meta.published, url: a.meta.url, source: a.meta.source, language: 'en', extraction: x });
  }
  return db;
}

const encode = <T extends z.ZodType>(schema: T, value: unknown) => JSON.stringify(z.encode(schema, value as z.output<T>));

t.test('every statement and claim, alone and in pages', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const statements = (db.prepare('SELECT id FROM statements ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const claims = (db.prepare('SELECT id FROM claims ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  let differ = 0;
  for (const id of statements) if (store.statementJson(id) !== encode(Statement, store.statement(id))) differ++;
  for (const id of claims) if (store.claimJson(id) !== encode(Claim, store.claim(id))) differ++;
  t.equal(differ, 0, `${statements.length} statements and ${claims.length} claims`);
  t.equal(store.statementJson(999_999), null);

  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  for (const sel of [{}, { topicId: topic }, { kind: 'indirect' as const, from: '2019-01-01' }, { fts: '"we"' }]) {
    for (let after = 0, pages = 0; pages < 50; pages++) {
      const page = store.listStatements(sel, after, 13);
      const json = store.listStatementsJson(sel, after, 13);
      t.equal(json.json, encode(z.array(Statement), page.items));
      t.equal(json.lastKey, page.lastKey);
      if (page.lastKey === null) break;
      after = page.lastKey;
    }
    const { kind, ...claimSel } = sel as { kind?: string };
    void kind;
    const page = store.listClaims(claimSel, 0, 500);
    t.equal(store.listClaimsJson(claimSel, 0, 500).json, encode(z.array(Claim), page.items), `claims ${JSON.stringify(sel)}`);
  }
});

t.test('the HTTP answers are the schema serialization of the objects', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const list = await app.inject('/v1/statements?limit=5&facet=speaker,kind');
  t.equal(list.headers['content-type'], 'application/json; charset=utf-8');
  const body = list.json();
  t.equal(body.data.length, 5);
  t.ok(list.headers.link, 'Link header to the next page');
  const page = store.listStatements({}, 0, 5);
  const facets = store.statementFacets({}, ['speaker', 'kind'], 30);
  t.equal(list.body, JSON.stringify({ data: JSON.parse(encode(z.array(Statement), page.items)), next: body.next, facets: facets.counts, facetScope: { counted: facets.counted, complete: facets.complete } }));
  const one = await app.inject('/v1/statements/3');
  t.equal(one.body, encode(Statement, store.statement(3)));
  t.equal(one.headers['content-type'], 'application/json; charset=utf-8');
  t.equal((await app.inject('/v1/statements/999999')).statusCode, 404);
  t.equal((await app.inject('/v1/claims/2')).body, encode(Claim, store.claim(2)));
  t.equal((await app.inject('/v1/claims/999999')).statusCode, 404);
  t.equal((await app.inject({ url: '/v1/statements/3', headers: { accept: 'application/ld+json' } })).json()['@type'], 'Quotation');
  t.same((await app.inject('/v1/claims?claimant=nobody-at-all')).json(), { data: [], next: null });
});

/** Items whose stored JSON differs from what the schema makes of the store's objects. */
function stale(db: ReturnType<typeof corpusDb>): number {
  const store = new Store(db);
  let differ = 0;
  for (const { id } of db.prepare('SELECT id FROM statements').all() as { id: number }[]) if (store.statementJson(id) !== encode(Statement, store.statement(id))) differ++;
  for (const { id } of db.prepare('SELECT id FROM claims').all() as { id: number }[]) if (store.claimJson(id) !== encode(Claim, store.claim(id))) differ++;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  differ += Math.abs(count('SELECT count(*) AS n FROM statement_json') - count('SELECT count(*) AS n FROM statements'));
  differ += Math.abs(count('SELECT count(*) AS n FROM claim_json') - count('SELECT count(*) AS n FROM claims'));
  return differ;
}

t.test('the stored JSON follows replaced articles, relabelled topics and databases migrated from before it', async (t) => {
  const db = corpusDb();
  const writer = new ArticleWriter(db);
  const topics = corpusTopics();
  writer.syncTopics(topics);
  const [a, b] = [...generateCorpus({ articles: 40, seed: 4 })].slice(5, 7);
  // the article at slug a now holds b's extraction: other statements, speakers and topics
  writer.save({ slug: a.slug, file: null, contentHash: 'other', extractor: 'test', published: b.meta.published, url: null, source: null, language: 'en', extraction: b.extraction });
  t.equal(stale(db), 0, 'after a replacement');

  const used = (db.prepare('SELECT topic_id AS id FROM statement_topics WHERE direct = 1 LIMIT 1').get() as { id: string }).id;
  writer.syncTopics(topics.map((x) => (x.id === used ? { ...x, label: `${x.label} (renamed)` } : x)));
  t.equal(stale(db), 0, 'after a topic is relabelled');
  t.match(new Store(db).statementJson((db.prepare('SELECT statement_id AS id FROM statement_topics WHERE topic_id = ? AND direct = 1').get(used) as { id: number }).id), '(renamed)');

  // a database from before migration 003 (its tables gone, its version put back): migrating fills them
  db.exec('DROP TABLE statement_json; DROP TABLE claim_json');
  const latest = db.pragma('user_version', { simple: true }) as number;
  db.pragma('user_version = 2');
  t.equal(migrate(db, loadMigrations().filter((m) => m.version === 3)), 1);
  db.pragma(`user_version = ${latest}`);
  const old = db;
  t.equal(stale(old), 0, 'after migrating');
});
