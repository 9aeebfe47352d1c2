// The /v1 API over a hand-made extraction: envelope, every filter, pagination, and the one error shape.

import t from 'tap';
import { buildApp } from '../../src/app.js';
import { openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { EXTRACTOR_VERSION as VERSION } from '../../src/version.js';
import { fixtureExtraction, fixtureInput, TOPICS } from '../fixtures.js';

async function setup() {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  writer.save(fixtureInput());
  // a second article, a week later, so filters have something to exclude
  const x = fixtureExtraction();
  x.article.title = 'Ruritania closes border';
  x.statements = [x.statements[2]];
  x.claims = [];
  writer.save(fixtureInput({ slug: 'border', contentHash: 'h2', published: '2024-11-21', extraction: x }));
  const app = await buildApp({ db });
  await app.ready();
  return app;
}

t.test('statements: envelope, fields and filters', async (t) => {
  const app = await setup();
  t.teardown(() => app.close());
  const get = async (url: string) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, 200, url);
    return res.json() as { data: { id: number; text: string; speaker: { id: string } | null }[]; next: string | null };
  };
  const ids = async (url: string) => (await get(url)).data.map((s) => s.id);

  const first = await app.inject('/v1/statements/1');
  t.same(first.json(), {
    id: 1,
    articleId: 'ruritania-talks',
    quoteId: 1,
    speaker: { id: 'ana-lima', name: 'Ana Lima', type: 'person' },
    kind: 'direct',
    text: 'will resume soon.',
    cue: 'said',
    date: '2024-11-11',
    datePrecision: 'day',
    dateText: 'on Monday',
    topics: [{ id: 'diplomacy', label: 'diplomacy' }],
    mentions: [],
    span: { start: 36, end: 53 },
    attribution: { rule: 'cue-then-quote', confidence: 0.9 },
  });
  t.same(await ids('/v1/statements'), [1, 2, 3, 4]);
  t.same(await ids('/v1/statements?article=border'), [4]);
  t.same(await ids('/v1/statements?article=nope'), [], 'unknown article: empty, not an error');
  t.same(await ids('/v1/statements?speaker=ana-lima'), [1]);
  t.same(await ids('/v1/statements?speaker=LIMA'), [1], 'alias, case-insensitive');
  t.same(await ids('/v1/statements?speaker=Ms%20Lima'), [1], 'honorific ignored');
  t.same(await ids('/v1/statements?speaker=nobody'), [], 'unknown speaker: empty');
  t.same(await ids('/v1/statements?actor=ruritania'), [], 'no statement mentions Ruritania and it said nothing');
  t.same(await ids('/v1/statements?actor=officials'), [3, 4]);
  t.same(await ids('/v1/statements?topic=politics'), [1, 3, 4], 'a topic includes its sub-topics');
  t.same(await ids('/v1/statements?topic=11000000'), [1, 3, 4], 'IPTC code works');
  t.same(await ids('/v1/statements?topic=medtop:16000000'), [2]);
  t.same(
    await ids('/v1/statements?from=2024-11-14&to=2024-11-14'),
    [2, 3],
    'undated statements fall back to publication',
  );
  t.same(await ids('/v1/statements?to=2024-11-11'), [1]);
  t.same(await ids('/v1/statements?from=2024-11'), [1, 2, 3, 4], 'a month as from');
  t.same(await ids('/v1/statements?to=2024-11'), [1, 2, 3, 4], 'a month as to covers the whole month');
  t.same(await ids('/v1/statements?kind=indirect'), [3, 4]);
  t.same(await ids('/v1/statements?q=border'), [3, 4]);
  t.same(await ids('/v1/statements?q=%22border%20stays%22'), [3, 4], 'phrase');
  t.same(await ids('/v1/statements?q=resum*'), [1], 'prefix');
  t.same(await ids('/v1/statements?q=NEAR(%20a%20AND'), [], 'FTS syntax is treated as words');
  t.same(await ids('/v1/statements?minConfidence=0.9'), [1, 2]);
  t.same(await ids('/v1/statements?speaker=officials&article=border&kind=indirect'), [4], 'filters AND');
});

t.test('pagination: cursor and Link header walk every row once', async (t) => {
  const app = await setup();
  t.teardown(() => app.close());
  const seen: number[] = [];
  let url: string | null = '/v1/statements?limit=1&topic=politics';
  let pages = 0;
  while (url) {
    const res: { json(): unknown; headers: Record<string, unknown> } = await app.inject(url);
    const body = res.json() as { data: { id: number }[]; next: string | null };
    seen.push(...body.data.map((s) => s.id));
    pages++;
    if (body.next) {
      const link: string = String(res.headers.link);
      t.match(link, /^<\/v1\/statements\?limit=1&topic=politics&cursor=[^>]+>; rel="next"$/);
      url = link.slice(1, link.indexOf('>'));
    } else {
      t.notOk(res.headers.link, 'no Link on the last page');
      url = null;
    }
  }
  t.same(seen, [1, 3, 4]);
  t.equal(pages, 3);

  const next = (await app.inject('/v1/statements?limit=1')).json().next as string;
  const foreign = await app.inject(`/v1/statements?limit=1&kind=direct&cursor=${next}`);
  t.equal(foreign.statusCode, 400);
  t.match(foreign.json(), { parameter: 'cursor', detail: /different query/ });
});

t.test('claims, actors, topics and articles', async (t) => {
  const app = await setup();
  t.teardown(() => app.close());
  const claims = (await app.inject('/v1/claims?article=ruritania-talks')).json().data;
  t.same(
    claims.map((c: { claimant: { id: string } | null; statementId: number | null }) => [
      c.claimant?.id ?? null,
      c.statementId,
    ]),
    [
      ['officials', 3],
      [null, null],
    ],
  );
  t.same((await app.inject('/v1/claims?claimant=officials')).json().data.length, 1);
  t.same(
    (await app.inject('/v1/claims?actor=zenda')).json().data.map((c: { id: number }) => c.id),
    [2],
  );

  t.same((await app.inject('/v1/actors/ana-lima')).json(), {
    id: 'ana-lima',
    name: 'Ana Lima',
    type: 'person',
    role: 'Ruritanian foreign minister',
    affiliation: { id: 'ruritania', name: 'Ruritania' },
    aliases: ['Lima'],
    counts: { statements: 1, claims: 0, mentions: 4 },
  });
  t.same(
    (await app.inject('/v1/actors?type=country')).json().data.map((a: { id: string }) => a.id),
    ['ruritania'],
  );
  t.same(
    (await app.inject('/v1/actors?q=rurit')).json().data.map((a: { id: string }) => a.id),
    ['ruritania', 'ruritanian-army'],
  );
  t.same(
    (await app.inject('/v1/actors?q=army')).json().data.map((a: { id: string }) => a.id),
    ['ruritanian-army'],
    'matches a later word',
  );
  t.same(
    (await app.inject('/v1/actors?q=ruritanian%20ar')).json().data.map((a: { id: string }) => a.id),
    ['ruritanian-army'],
    'several words: a whole word, then a prefix',
  );
  t.same((await app.inject('/v1/actors?q=itania')).json().data, [], 'not the middle of a word');
  t.same((await app.inject('/v1/actors?article=border')).json().data.length, 5);

  const topics = (await app.inject('/v1/topics')).json().data;
  t.same(
    topics.map((x: { id: string; parentId: string | null }) => [x.id, x.parentId]),
    [
      ['politics', null],
      ['conflict-war-and-peace', null],
      ['diplomacy', 'politics'],
    ],
  );
  t.same((await app.inject('/v1/topics/16000000')).json().id, 'conflict-war-and-peace');

  const articles = (await app.inject('/v1/articles')).json().data;
  t.same(
    articles.map((a: { id: string; publishedAt: string }) => [a.id, a.publishedAt]),
    [
      ['ruritania-talks', '2024-11-14'],
      ['border', '2024-11-21'],
    ],
  );
  t.same((await app.inject('/v1/articles?from=2024-11-20')).json().data.length, 1);
  const one = (await app.inject('/v1/articles/ruritania-talks')).json();
  t.match(one, {
    title: 'Ruritania ready for talks',
    counts: { statements: 3, claims: 2, actors: 5, mentions: 7 },
    topics: [{ id: 'conflict-war-and-peace' }, { id: 'diplomacy' }],
  });
  t.equal(one.body.slice(one.body.indexOf('Ana'), 8), 'Ana Lima');
  t.same((await app.inject('/health')).json(), { status: 'ok', articles: 2, statements: 4, version: VERSION });
});

t.test('every error is problem+json naming the parameter; never a stack trace', async (t) => {
  const app = await setup();
  const cases: [string, number, string | undefined, RegExp][] = [
    ['/v1/statements?limit=-1', 400, 'limit', /1 to 500/],
    ['/v1/statements?limit=501', 400, 'limit', /1 to 500/],
    ['/v1/statements?from=not-a-date', 400, 'from', /YYYY-MM-DD/],
    ['/v1/statements?to=2024-13-01', 400, 'to', /real date/],
    ['/v1/statements?from=2024-12-01&to=2024-11-01', 400, 'from', /after/],
    ['/v1/statements?kind=shouted', 400, 'kind', /direct/],
    ['/v1/statements?topic=nonsense', 400, 'topic', /GET \/v1\/topics/],
    ['/v1/statements?q=%2A', 400, 'q', /no words/],
    ['/v1/statements?minConfidence=2', 400, 'minConfidence', /0 to 1/],
    ['/v1/statements?speker=x', 400, 'speker', /accepts: .*speaker/],
    ['/v1/statements?kind=direct&kind=indirect', 400, 'kind', /more than once/],
    ['/v1/statements/abc', 400, 'id', /whole numbers/],
    ['/v1/statements/99', 404, undefined, /no statement has id 99/],
    ['/v1/actors/does-not-exist-42', 404, undefined, /no actor/],
    ['/v1/nothing-here', 404, undefined, /no route/],
  ];
  for (const [url, status, parameter, detail] of cases) {
    const res = await app.inject(url);
    t.equal(res.statusCode, status, url);
    t.match(res.headers['content-type'], /^application\/problem\+json/, url);
    const body = res.json();
    t.match(body, { type: /^urn:whosaid:problem:/, title: String, status, detail }, url);
    t.equal(body.parameter, parameter, `${url} names ${parameter}`);
  }
  // a failure inside the server: the database goes away under it
  const db = (app as unknown as { store: { db: { close(): void } } }).store.db;
  db.close();
  const res = await app.inject('/v1/statements');
  t.equal(res.statusCode, 500);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.same(Object.keys(res.json()).sort(), ['detail', 'instance', 'requestId', 'status', 'title', 'type']);
  t.notMatch(res.body, /at |\.ts|SQLITE|SELECT/i, 'no stack, file or SQL in a 500');
  await app.close();
});
