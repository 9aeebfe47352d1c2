// The JSON of statements and claims is made by SQL generated from their schemas (src/store/item-json.ts). Every
// field of every stored item is checked here against the rows it comes from, read by plain queries independent of
// that SQL, and against the schema: parsing and re-encoding it gives the same bytes (no field missing, none extra,
// each of its type, in the schema's order).

import t from 'tap';
import { z } from 'zod';
import { buildApp } from '../../src/app.js';
import { Claim, type ClaimT, Statement, type StatementT } from '../../src/contract/index.js';
import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { type DB, openInMemory } from '../../src/store/db.js';
import { itemJsonIsCurrent, itemJsonSql } from '../../src/store/item-json.js';
import { jsonObjectSql } from '../../src/store/json-sql.js';
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
      x.actors.push({
        key: 'organization:twin',
        name: 'Twin',
        type: 'organization',
        role: null,
        affiliationKey: null,
        aliases: [],
      });
      x.statements[0].mentionKeys.push('place:twin', 'organization:twin');
      x.claims[0]?.mentionKeys.push('organization:twin', 'place:twin');
    }
    i++;
    writer.save({
      slug: a.slug,
      file: null,
      contentHash: a.slug,
      extractor: 'test',
      published: a.meta.published,
      url: a.meta.url,
      source: a.meta.source,
      language: 'en',
      extraction: x,
    });
  }
  return db;
}

type Row = Record<string, unknown>;

/** What each statement and claim should hold, read from its rows by plain queries (the test's own mapping). */
function fromRows(db: DB) {
  const ref = (slug: unknown, name: unknown, type: unknown) =>
    slug === null ? null : { id: slug as string, name: name as string, type: type as 'person' };
  const topicsOf = db.prepare(
    'SELECT t.id, t.label FROM statement_topics l JOIN topics t ON t.id = l.topic_id WHERE l.statement_id = ? AND l.direct = 1 ORDER BY t.id',
  );
  const claimTopicsOf = db.prepare(
    'SELECT t.id, t.label FROM claim_topics l JOIN topics t ON t.id = l.topic_id WHERE l.claim_id = ? AND l.direct = 1 ORDER BY t.id',
  );
  const mentionsOf = db.prepare(
    "SELECT a.slug AS id, a.name, a.type FROM statement_actors l JOIN actors a ON a.id = l.actor_id WHERE l.statement_id = ? AND l.relation = 'mention' ORDER BY a.name, a.id",
  );
  const claimMentionsOf = db.prepare(
    "SELECT a.slug AS id, a.name, a.type FROM claim_actors l JOIN actors a ON a.id = l.actor_id WHERE l.claim_id = ? AND l.relation = 'mention' ORDER BY a.name, a.id",
  );
  const statements = (
    db
      .prepare(
        'SELECT s.*, a.slug AS article, p.slug, p.name, p.type FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN actors p ON p.id = s.speaker_id ORDER BY s.id',
      )
      .all() as Row[]
  ).map(
    (r): StatementT => ({
      id: r.id as number,
      articleId: r.article as string,
      quoteId: r.quote_id as number,
      speaker: ref(r.slug, r.name, r.type),
      kind: r.kind as 'direct',
      text: r.text as string,
      cue: r.cue as string | null,
      date: r.date as string | null,
      datePrecision: r.date_precision as 'day' | null,
      dateText: r.date_text as string | null,
      topics: topicsOf.all(r.id) as StatementT['topics'],
      mentions: mentionsOf.all(r.id) as StatementT['mentions'],
      span: { start: r.span_start as number, end: r.span_end as number },
      attribution: { rule: r.rule as 'cue-then-quote', confidence: r.confidence as number },
    }),
  );
  const claims = (
    db
      .prepare(
        'SELECT c.*, a.slug AS article, p.slug, p.name, p.type FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN actors p ON p.id = c.claimant_id ORDER BY c.id',
      )
      .all() as Row[]
  ).map(
    (r): ClaimT => ({
      id: r.id as number,
      articleId: r.article as string,
      claimant: ref(r.slug, r.name, r.type),
      text: r.text as string,
      statementId: r.statement_id as number | null,
      date: r.date as string | null,
      datePrecision: r.date_precision as 'day' | null,
      dateText: r.date_text as string | null,
      topics: claimTopicsOf.all(r.id) as ClaimT['topics'],
      mentions: claimMentionsOf.all(r.id) as ClaimT['mentions'],
      span: { start: r.span_start as number, end: r.span_end as number },
      attribution: { rule: r.rule as 'claim-of-statement', confidence: r.confidence as number },
    }),
  );
  return { statements, claims };
}

const encode = <T extends z.ZodType>(schema: T, value: unknown) =>
  JSON.stringify(z.encode(schema, value as z.output<T>));

/** Items whose stored JSON is not the schema's encoding of what their rows hold, plus any row without stored JSON. */
function stale(db: DB): string[] {
  const store = new Store(db);
  const expected = fromRows(db);
  const wrong: string[] = [];
  for (const s of expected.statements)
    if (store.statementJson(s.id) !== encode(Statement, s)) wrong.push(`statement ${s.id}`);
  for (const c of expected.claims) if (store.claimJson(c.id) !== encode(Claim, c)) wrong.push(`claim ${c.id}`);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  if (count('SELECT count(*) AS n FROM statement_json') !== expected.statements.length)
    wrong.push('statement_json rows');
  if (count('SELECT count(*) AS n FROM claim_json') !== expected.claims.length) wrong.push('claim_json rows');
  return wrong;
}

t.test('every stored statement and claim is its rows, field for field, as the schema encodes them', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const { statements, claims } = fromRows(db);
  t.ok(statements.length > 100 && claims.length > 20, `${statements.length} statements and ${claims.length} claims`);
  t.ok(
    statements.some((s) => s.speaker === null) && statements.some((s) => s.attribution.confidence === 1),
    'edge values are there',
  );
  t.same(stale(db), []);
  // the stored text is exactly the schema's encoding of itself: nothing missing, nothing extra, in its order
  for (const s of statements) {
    const json = store.statementJson(s.id)!;
    if (encode(Statement, Statement.parse(JSON.parse(json))) !== json)
      t.fail(`statement ${s.id} is not in the schema's form`);
  }
  t.equal(store.statementJson(999_999), null);
  t.same(store.statement(statements[3].id), statements[3], 'read back as an object');
  t.same(store.claim(claims[1].id), claims[1]);

  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  for (const sel of [{}, { topicId: topic }, { kind: 'indirect' as const, from: '2019-01-01' }, { fts: '"we"' }]) {
    const all = [...store.iterateStatements(sel)];
    const pages: StatementT[] = [];
    for (let after = 0, n = 0; n < 50; n++) {
      const page = store.listStatementsJson(sel, after, 13);
      pages.push(...(JSON.parse(page.json) as StatementT[]));
      if (page.lastKey === null) break;
      after = page.lastKey;
    }
    t.same(pages, all, `pages walk the export ${JSON.stringify(sel)}`);
    t.same(
      [...store.iterateStatements(sel, 'json')],
      all.map((s) => store.statementJson(s.id)),
      'as stored text too',
    );
  }
});

t.test('the SQL comes from the schema: a field the map lacks, or one the schema lacks, is refused', async (t) => {
  const Small = z.object({
    id: z.number().int(),
    ratio: z.number(),
    flag: z.boolean(),
    ref: z.object({ id: z.string() }).nullable(),
  });
  const sql = jsonObjectSql(Small, {
    id: 'x.id',
    ratio: 'x.r',
    flag: 'x.f',
    ref: { $nullWhen: 'x.ref IS NULL', id: 'x.ref' },
  });
  const db = openInMemory();
  const row = (r: number, f: number, ref: string | null) =>
    db.prepare(`SELECT ${sql} AS j FROM (SELECT 7 AS id, ? AS r, ? AS f, ? AS ref) x`).pluck().get(r, f, ref);
  t.equal(
    row(1.0, 1, 'a'),
    encode(Small, { id: 7, ratio: 1, flag: true, ref: { id: 'a' } }),
    'a whole REAL as JavaScript writes it, a boolean as JSON',
  );
  t.equal(row(0.25, 0, null), encode(Small, { id: 7, ratio: 0.25, flag: false, ref: null }));
  t.throws(() => jsonObjectSql(Small, { id: 'x.id', ratio: 'x.r', flag: 'x.f' } as never), /no SQL for \[ref\]/);
  t.throws(
    () =>
      jsonObjectSql(Small, {
        id: 'x.id',
        ratio: 'x.r',
        flag: 'x.f',
        ref: { $nullWhen: '1', id: 'x' },
        more: 'x',
      } as never),
    /no field for \[more\]/,
  );
  t.match(
    itemJsonSql().statements,
    /'speaker', CASE WHEN s\.speaker_id IS NULL THEN NULL ELSE json_object\('id', sp\.slug/,
  );
});

t.test('the HTTP answers are the stored JSON', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const list = await app.inject('/v1/statements?limit=5&facet=speaker,kind');
  t.equal(list.headers['content-type'], 'application/json; charset=utf-8');
  const body = list.json();
  t.equal(body.data.length, 5);
  t.ok(list.headers.link, 'Link header to the next page');
  const page = store.listStatementsJson({}, 0, 5);
  const facets = store.statementFacets({}, ['speaker', 'kind'], 30);
  t.equal(
    list.body,
    JSON.stringify({
      data: JSON.parse(page.json),
      next: body.next,
      facets: facets.counts,
      facetScope: { counted: facets.counted, complete: facets.complete },
    }),
  );
  const one = await app.inject('/v1/statements/3');
  t.equal(one.body, store.statementJson(3));
  t.equal(one.headers['content-type'], 'application/json; charset=utf-8');
  t.equal((await app.inject('/v1/statements/999999')).statusCode, 404);
  t.equal((await app.inject('/v1/claims/2')).body, store.claimJson(2));
  t.equal((await app.inject('/v1/claims/999999')).statusCode, 404);
  t.equal((await app.inject('/v1/statements/3.jsonld')).json()['@type'], 'Quotation');
  t.same((await app.inject('/v1/claims?claimant=nobody-at-all')).json(), { data: [], next: null });
});

t.test('the stored JSON follows replaced articles, relabelled topics and a change of its SQL', async (t) => {
  const db = corpusDb();
  const writer = new ArticleWriter(db);
  const topics = corpusTopics();
  writer.syncTopics(topics);
  const [a, b] = [...generateCorpus({ articles: 40, seed: 4 })].slice(5, 7);
  // the article at slug a now holds b's extraction: other statements, speakers and topics
  writer.save({
    slug: a.slug,
    file: null,
    contentHash: 'other',
    extractor: 'test',
    published: b.meta.published,
    url: null,
    source: null,
    language: 'en',
    extraction: b.extraction,
  });
  t.same(stale(db), [], 'after a replacement');

  const used = (
    db.prepare('SELECT topic_id AS id FROM statement_topics WHERE direct = 1 LIMIT 1').get() as { id: string }
  ).id;
  writer.syncTopics(topics.map((x) => (x.id === used ? { ...x, label: `${x.label} (renamed)` } : x)));
  t.same(stale(db), [], 'after a topic is relabelled');
  const id = (
    db.prepare('SELECT statement_id AS id FROM statement_topics WHERE topic_id = ? AND direct = 1').get(used) as {
      id: number;
    }
  ).id;
  t.match(new Store(db).statementJson(id), '(renamed)');

  // JSON made by other SQL (an older schema): opening the database for writing makes it again
  db.exec(
    "UPDATE statement_json SET json = '{}'; DELETE FROM claim_json; UPDATE item_json_shapes SET sql_hash = 'old'",
  );
  t.notOk(itemJsonIsCurrent(db));
  t.ok(stale(db).length > 0);
  const { migrate } = await import('../../src/store/db.js');
  migrate(db);
  t.ok(itemJsonIsCurrent(db));
  t.same(stale(db), [], 'rewritten');
});
