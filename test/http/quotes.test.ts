// GET /v1/quotes, /v1/quotes/{id} and ?distinct=true over one story four ways (test/fixtures/copies/): a quote with
// its occurrences, first appearance and outlets; the statements' filters, facets, paging and exports; copies left
// out when asked; bad input answered with a problem naming the parameter.

import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { seededApp } from '../helpers.js';

const copy = (name: string) => projectPath('test', 'fixtures', 'copies', `${name}.txt`);
const { app } = await seededApp(
  ['ecj-facebook', 'ecj-facebook-reprint', 'ecj-facebook-trimmed', 'ecj-facebook-spokesman'].map(copy),
);
t.teardown(() => app.close());

const get = async (url: string, status = 200) => {
  const res = await app.inject(url);
  t.equal(res.statusCode, status, url);
  return res.json();
};

const peers = { id: 'steve-peers', name: 'Steve Peers', type: 'person' };
const PEERS_TEXT =
  "If there's a court order to say that someone's been defamed, then Facebook has to also search for different variations of it";

t.test('a quote: its speaker, longest text, occurrences in order, first appearance and outlets', async (t) => {
  const list = await get('/v1/quotes?speaker=steve-peers');
  t.equal(list.data.length, 1);
  const quote = await get(`/v1/quotes/${list.data[0].id}`);
  t.same(list.data[0], quote, 'four occurrences: the list gives them all, as the quote does');
  const occurrence = (id: number, articleId: string, outlet: string, publishedAt: string, text = PEERS_TEXT) => ({
    id,
    articleId,
    outlet,
    publishedAt,
    copyOf: articleId === 'ecj-facebook' ? null : 'ecj-facebook',
    speaker: peers,
    text,
  });
  t.same(quote, {
    id: 6,
    text: PEERS_TEXT,
    speaker: peers,
    occurrences: 4,
    firstSeen: '2019-10-06',
    outlets: ['Wikinews', 'Campus Wire', 'Valley Courier', 'Harbour Post'],
    statements: [
      occurrence(6, 'ecj-facebook', 'Wikinews', '2019-10-06'),
      occurrence(
        15,
        'ecj-facebook-reprint',
        'Campus Wire',
        '2019-10-07',
        PEERS_TEXT.replace("there's", 'there’s').replace("someone's", 'someone’s'),
      ),
      occurrence(
        24,
        'ecj-facebook-trimmed',
        'Valley Courier',
        '2019-10-08',
        PEERS_TEXT.replace('has to also search for different variations', 'also has to search for different versions'),
      ),
      {
        ...occurrence(32, 'ecj-facebook-spokesman', 'Harbour Post', '2019-10-09'),
        speaker: { id: 'spokesman', name: 'spokesman', type: 'group' },
      },
    ],
  });
  const statement = await get('/v1/statements/32');
  t.equal(statement.quoteId, 6, 'a statement names its quote');
});

t.test("quotes take the statements' filters, facets, paging and exports", async (t) => {
  const all = await get('/v1/quotes?limit=500');
  t.equal(all.data.length, 10, '35 statements, 10 quotes');
  t.same(
    all.data.map((q: { occurrences: number }) => q.occurrences),
    [4, 4, 4, 4, 4, 4, 3, 3, 4, 1],
  );
  const facebook = await get('/v1/quotes?speaker=facebook&facet=speaker,kind');
  t.same(
    facebook.data.map((q: { text: string; occurrences: number }) => [q.text.slice(0, 13), q.occurrences]),
    [
      ['This judgment', 3],
      ['It undermines', 4],
    ],
    "Facebook's two statements stay two quotes",
  );
  t.same(facebook.facets, {
    speaker: [{ value: 'facebook', label: 'Facebook', count: 2 }],
    kind: [{ value: 'direct', label: 'direct', count: 2 }],
  });
  t.same(
    (await get('/v1/quotes?q=variations')).data.map((q: { id: number }) => q.id),
    [6],
    'full text: three occurrences say "variations", one quote',
  );

  const pages: number[] = [];
  for (let url = '/v1/quotes?limit=4'; ; ) {
    const page = await get(url);
    pages.push(...page.data.map((q: { id: number }) => q.id));
    if (!page.next) break;
    url = `/v1/quotes?limit=4&cursor=${page.next}`;
  }
  t.same(
    pages,
    all.data.map((q: { id: number }) => q.id),
    'the cursor walks every quote once',
  );

  const ndjson = await app.inject('/v1/quotes.ndjson?speaker=facebook');
  t.equal(ndjson.headers['content-type'], 'application/x-ndjson; charset=utf-8');
  t.same(
    ndjson.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    facebook.data,
  );
  const csv = (await app.inject('/v1/quotes.csv?speaker=steve-peers')).body.split('\r\n');
  t.equal(csv[0], 'id,text,speaker.id,speaker.name,speaker.type,occurrences,firstSeen,outlets,statements');
  t.equal(
    csv[1],
    `6,"${PEERS_TEXT}",steve-peers,Steve Peers,person,4,2019-10-06,Wikinews;Campus Wire;Valley Courier;Harbour Post,6;15;24;32`,
  );
});

t.test('copyOf on articles; distinct=true counts each story once in lists and facets', async (t) => {
  const articles = await get('/v1/articles');
  t.same(
    articles.data.map((a: { id: string; copyOf: string | null }) => [a.id, a.copyOf]),
    [
      ['ecj-facebook', null],
      ['ecj-facebook-reprint', 'ecj-facebook'],
      ['ecj-facebook-trimmed', 'ecj-facebook'],
      ['ecj-facebook-spokesman', 'ecj-facebook'],
    ],
  );
  t.same(
    (await get('/v1/articles?distinct=true')).data.map((a: { id: string }) => a.id),
    ['ecj-facebook'],
  );
  t.equal((await get('/v1/articles/ecj-facebook-reprint')).copyOf, 'ecj-facebook');

  const every = await get('/v1/statements?speaker=facebook&facet=speaker&limit=500');
  const distinct = await get('/v1/statements?speaker=facebook&facet=speaker&distinct=true&limit=500');
  t.same(every.facets.speaker, [{ value: 'facebook', label: 'Facebook', count: 7 }]);
  t.same(distinct.facets.speaker, [{ value: 'facebook', label: 'Facebook', count: 2 }]);
  t.same(
    distinct.data.map((s: { articleId: string }) => s.articleId),
    ['ecj-facebook', 'ecj-facebook'],
  );
  t.equal(
    (await get('/v1/claims?distinct=true&limit=500')).data.length,
    (await get('/v1/claims?article=ecj-facebook&limit=500')).data.length,
  );
  const csv = (await app.inject('/v1/statements.csv?distinct=true')).body.trimEnd().split('\r\n');
  t.equal(csv.length - 1, 9, 'exports too');
});

t.test('bad input: a problem that names the parameter and says what is accepted', async (t) => {
  const problem = async (url: string, status: number) => {
    const res = await app.inject(url);
    t.equal(res.statusCode, status, url);
    t.equal(res.headers['content-type'], 'application/problem+json', url);
    return res.json();
  };
  t.match(await problem('/v1/quotes/999', 404), {
    status: 404,
    detail: 'no quote has id 999; a statement gives its quote as quoteId',
  });
  t.match(await problem('/v1/quotes/five', 400), { parameter: 'id', detail: 'id: quote ids are whole numbers' });
  t.match(await problem('/v1/statements?distinct=yes', 400), {
    parameter: 'distinct',
    detail: 'distinct must be true or false',
  });
  t.match(await problem('/v1/quotes?distinct=true', 400), { parameter: 'distinct', detail: /distinct/ });
  t.match(await problem('/v1/quotes?facet=outlet', 400), { parameter: 'facet', detail: /speaker, actor, topic/ });
  t.match(await problem('/v1/quotes.csv?from=soon', 400), { parameter: 'from' });
});
