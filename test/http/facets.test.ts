// Facets: counts per value over the whole filtered set (not the page), like Datasette's _facet.

import t from 'tap';
import { buildApp } from '../../src/app.js';
import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { fixtureApp } from '../helpers.js';

t.test('statement facets count every match and respect the filters', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject('/v1/statements?facet=speaker,kind,date,topic,actor&limit=1');
  t.equal(res.statusCode, 200);
  const body = res.json();
  t.equal(body.data.length, 1, 'the page is still one item');
  t.same(body.facets, {
    speaker: [
      { value: 'officials', label: 'officials', count: 2 },
      { value: 'ana-lima', label: 'Ana Lima', count: 1 },
      { value: 'ruritanian-army', label: 'Ruritanian army', count: 1 },
    ],
    kind: [
      { value: 'direct', label: 'direct', count: 2 },
      { value: 'indirect', label: 'indirect', count: 2 },
    ],
    date: [
      { value: '2024-11-14', label: '2024-11-14', count: 2 },
      { value: '2024-11-11', label: '2024-11-11', count: 1 },
      { value: '2024-11-21', label: '2024-11-21', count: 1 },
    ],
    topic: [
      { value: 'politics', label: 'politics', count: 3 },
      { value: 'conflict-war-and-peace', label: 'conflict, war and peace', count: 1 },
      { value: 'diplomacy', label: 'diplomacy', count: 1 },
    ],
    actor: [
      { value: 'officials', label: 'officials', count: 2 },
      { value: 'ana-lima', label: 'Ana Lima', count: 1 },
      { value: 'ruritanian-army', label: 'Ruritanian army', count: 1 },
    ],
  });
  // a facet value fed back as a filter gives exactly that many items
  for (const { value, count } of body.facets.topic) {
    t.equal((await app.inject(`/v1/statements?topic=${value}`)).json().data.length, count, `topic=${value}`);
  }
  const filtered = (await app.inject('/v1/statements?kind=direct&facet=speaker')).json();
  t.same(filtered.facets, {
    speaker: [
      { value: 'ana-lima', label: 'Ana Lima', count: 1 },
      { value: 'ruritanian-army', label: 'Ruritanian army', count: 1 },
    ],
  });
  t.same((await app.inject('/v1/statements?facet=speaker&facetSize=1')).json().facets.speaker, [
    { value: 'officials', label: 'officials', count: 2 },
  ]);
  t.notOk('facets' in (await app.inject('/v1/statements')).json(), 'no facets unless asked');
  const next = (await app.inject('/v1/statements?limit=1')).json().next;
  t.equal(
    (await app.inject(`/v1/statements?limit=1&facet=kind&cursor=${next}`)).statusCode,
    200,
    'adding a facet keeps the cursor valid',
  );
});

t.test('claim facets, including the article voice (no claimant)', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const body = (await app.inject('/v1/claims?facet=claimant,date')).json();
  t.same(body.facets, {
    claimant: [
      { value: null, label: null, count: 1 },
      { value: 'officials', label: 'officials', count: 1 },
    ],
    date: [{ value: '2024-11-14', label: '2024-11-14', count: 2 }],
  });
});

t.test('an unknown facet is a 400 naming the parameter and listing the choices', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject('/v1/statements?facet=speaker,colour');
  t.equal(res.statusCode, 400);
  t.match(res.json(), { parameter: 'facet', detail: /speaker, actor, topic, date, kind \(got "colour"\)/ });
  const claimant = await app.inject('/v1/statements?facet=claimant');
  t.match(claimant.json(), { parameter: 'facet' }, 'claimant is a claim facet, not a statement one');
  t.match((await app.inject('/v1/claims?facet=kind')).json(), {
    parameter: 'facet',
    detail: /claimant, actor, topic, date/,
  });
  t.match((await app.inject('/v1/statements?facet=kind&facetSize=0')).json(), {
    parameter: 'facetSize',
    detail: /1 to 1000/,
  });
});

t.test('beyond WHOSAID_FACET_ROWS matches, facets count the most recent ones and say so', async (t) => {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(corpusTopics());
  for (const a of generateCorpus({ articles: 20, seed: 3 })) {
    writer.save({
      slug: a.slug,
      file: null,
      contentHash: a.slug,
      extractor: 'test',
      published: a.meta.published,
      url: null,
      source: null,
      language: 'en',
      extraction: a.extraction,
    });
  }
  const app = await buildApp({ db, facetRows: 40 });
  t.teardown(() => app.close());
  const total = (db.prepare('SELECT count(*) AS n FROM statements').get() as { n: number }).n;
  t.ok(total > 40, `${total} statements`);

  const expected = (where: string, params: unknown[] = []) =>
    db
      .prepare(`SELECT sp.slug AS value, sp.name AS label, count(*) AS count FROM (SELECT id, speaker_id FROM statements s WHERE ${where} ORDER BY id DESC LIMIT 40) r
      LEFT JOIN actors sp ON sp.id = r.speaker_id GROUP BY r.speaker_id ORDER BY count DESC, value LIMIT 1000`)
      .all(...params);
  const all = (await app.inject('/v1/statements?facet=speaker&facetSize=1000&limit=1')).json();
  t.same(all.facetScope, { counted: 40, complete: false });
  t.same(all.facets.speaker, expected('1 = 1'), 'the 40 highest ids');

  const kind = (await app.inject('/v1/statements?kind=direct&facet=speaker,kind&facetSize=1000')).json();
  const direct = (db.prepare("SELECT count(*) AS n FROM statements WHERE kind = 'direct'").get() as { n: number }).n;
  t.same(kind.facetScope, { counted: Math.min(direct, 40), complete: direct <= 40 });
  t.same(kind.facets.speaker, expected("kind = 'direct'"));
  t.same(kind.facets.kind, [{ value: 'direct', label: 'direct', count: Math.min(direct, 40) }]);

  const speaker = db
    .prepare(
      'SELECT sp.slug, count(*) AS n FROM statements s JOIN actors sp ON sp.id = s.speaker_id GROUP BY s.speaker_id HAVING n BETWEEN 2 AND 40 LIMIT 1',
    )
    .get() as { slug: string; n: number };
  const one = (await app.inject(`/v1/statements?speaker=${speaker.slug}&facet=kind`)).json();
  t.same(one.facetScope, { counted: speaker.n, complete: true }, 'within the budget every match is counted');
  t.equal(
    one.facets.kind.reduce((n: number, k: { count: number }) => n + k.count, 0),
    speaker.n,
  );
  t.same((await app.inject('/v1/statements?speaker=nobody-at-all&facet=kind')).json().facetScope, {
    counted: 0,
    complete: true,
  });
  const claims = (await app.inject('/v1/claims?facet=claimant')).json();
  const claimTotal = (db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n;
  t.same(claims.facetScope, { counted: Math.min(claimTotal, 40), complete: claimTotal <= 40 });
});
