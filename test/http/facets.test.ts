// Facets: counts per value over the whole filtered set (not the page), like Datasette's _facet.

import t from 'tap';
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
  t.same(filtered.facets, { speaker: [{ value: 'ana-lima', label: 'Ana Lima', count: 1 }, { value: 'ruritanian-army', label: 'Ruritanian army', count: 1 }] });
  t.same((await app.inject('/v1/statements?facet=speaker&facetSize=1')).json().facets.speaker, [{ value: 'officials', label: 'officials', count: 2 }]);
  t.notOk('facets' in (await app.inject('/v1/statements')).json(), 'no facets unless asked');
  const next = (await app.inject('/v1/statements?limit=1')).json().next;
  t.equal((await app.inject(`/v1/statements?limit=1&facet=kind&cursor=${next}`)).statusCode, 200, 'adding a facet keeps the cursor valid');
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
  t.match((await app.inject('/v1/claims?facet=kind')).json(), { parameter: 'facet', detail: /claimant, actor, topic, date/ });
  t.match((await app.inject('/v1/statements?facet=kind&facetSize=0')).json(), { parameter: 'facetSize', detail: /1 to 1000/ });
});
