// The pages over the seed article through inject(): each kind answers HTML from the same data as the API, with a strict
// CSP; URLs are clean and shareable; errors are pages; article text is text, never markup.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { openInMemory } from '../../src/store/db.js';
import { articleDir, SEED, SEED_ID, seededApp, seededDb } from '../helpers.js';

type App = Awaited<ReturnType<typeof seededApp>>['app'];
interface ApiStatement {
  id: number;
  speaker: { id: string } | null;
  text: string;
  date: string | null;
  attribution: { rule: string; confidence: number };
  cue: string | null;
}

const html = async (app: App, url: string, status = 200) => {
  const res = await app.inject(url);
  if (res.statusCode !== status)
    throw new Error(`${url} answered ${res.statusCode}, not ${status}: ${res.body.slice(0, 300)}`);
  return res;
};
const api = async <T>(app: App, url: string) => (await app.inject(url)).json() as T;
/** Statement ids in the order the page's quote cards show them. */
const cardIds = (body: string) =>
  [...body.matchAll(/<a href="\/statements\/(\d+)" class="words">/g)].map((m) => Number(m[1]));
/** One app over the seed for the tests that only read (building one takes a second: the extractor runs). */
const shared = seededApp();
t.teardown(async () => (await shared).app.close());

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'");

t.test('every kind of page answers HTML with a CSP that allows no inline script or style', async (t) => {
  const { app } = await shared;
  const pages = [
    '/',
    '/statements',
    '/statements?speaker=rutte',
    '/statements/1',
    `/articles/${SEED_ID}`,
    '/articles',
    '/actors/mark-rutte',
    '/topics',
    '/topics/conflict-war-and-peace',
    '/search?q=rutte',
  ];
  for (const url of pages) {
    const res = await html(app, url);
    t.equal(res.headers['content-type'], 'text/html; charset=utf-8', url);
    const csp = String(res.headers['content-security-policy']);
    t.match(csp, /default-src 'none'/, url);
    t.match(csp, /script-src 'self'(;|$)/, url);
    t.match(csp, /style-src 'self'(;|$)/, url);
    t.notMatch(csp, /unsafe/, `${url}: nothing unsafe`);
    t.equal(res.headers['x-frame-options'], 'DENY', url);
    t.notMatch(res.body, /<script(?![^>]*\bsrc="\/assets\/)/, `${url}: no inline script`);
    t.notMatch(res.body, /\sstyle=/, `${url}: no style attribute`);
    t.match(res.body, /<main id="main"/, `${url}: a main landmark`);
    for (const [, src] of res.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) {
      t.equal((await app.inject(src)).statusCode, 200, `${url} loads ${src} from this server`);
    }
  }
  const css = await app.inject((await html(app, '/')).body.match(/href="(\/assets\/pages\.[^"]+)"/)![1]);
  t.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable', 'assets are named by content and kept');
  t.equal(
    (await app.inject('/v1/statements')).headers['content-security-policy'],
    "default-src 'none';frame-ancestors 'none'",
    'the API keeps its own headers',
  );
});

t.test(
  'the statements page is GET /v1/statements as cards: same filters, same order, interchangeable cursors',
  async (t) => {
    const { app } = await shared;
    const first = await api<{ data: ApiStatement[]; next: string }>(app, '/v1/statements?speaker=rutte&limit=2');
    const page = (await html(app, '/statements?speaker=rutte&limit=2')).body;
    t.same(
      cardIds(page),
      first.data.map((s) => s.id),
      'the API page, in its order',
    );
    const next = decode(page.match(/<a href="([^"]+)" rel="next">/)![1]);
    t.equal(next, `/statements?speaker=rutte&limit=2&cursor=${first.next}`, 'the next page carries the API cursor');
    const second = await api<{ data: ApiStatement[] }>(
      app,
      `/v1/statements?speaker=rutte&limit=2&cursor=${first.next}`,
    );
    t.same(
      cardIds((await html(app, next)).body),
      second.data.map((s) => s.id),
      'and shows the API second page',
    );
    t.match(page, 'href="/v1/statements?speaker=rutte&amp;limit=2"', 'a link to the same query in the API');
    t.match(page, 'href="/v1/statements.csv?speaker=rutte"', 'and to every match as CSV');
    t.match(page, /<input type="text" id="f-speaker" name="speaker" value="rutte"/, 'the form shows the filter');

    const all = await api<{ data: ApiStatement[]; facets: { topic: { value: string; count: number }[] } }>(
      app,
      '/v1/statements?facet=topic&limit=500',
    );
    const listed = (await html(app, '/statements')).body;
    const topic = all.facets.topic.find((f) => f.count < all.data.length)!;
    const facetLink = `/statements?topic=${topic.value}`;
    t.match(listed, `href="${facetLink}"`, 'a facet value links to the narrowed list');
    t.match(
      listed,
      new RegExp(
        `href="${facetLink.replace('?', '\\?')}"><span class="name">[^<]+</span> <span class="count">${topic.count}</span>`,
      ),
      'with its count',
    );
    const narrowed = await api<{ data: ApiStatement[] }>(app, `/v1/statements?topic=${topic.value}&limit=20`);
    t.same(
      cardIds((await html(app, facetLink)).body),
      narrowed.data.map((s) => s.id),
      'which is the API list with that filter',
    );

    const filtered = await api<{ data: ApiStatement[] }>(
      app,
      '/v1/statements?from=2024-11&to=2024-11&kind=direct&minConfidence=0.5&q=China',
    );
    t.same(
      cardIds((await html(app, '/statements?from=2024-11&to=2024-11&kind=direct&minConfidence=0.5&q=China')).body),
      filtered.data.map((s) => s.id),
      'every filter as in the API',
    );
    t.ok(filtered.data.length > 0);
  },
);

t.test('URLs stay short and shareable: empty form fields are dropped, a topic has one address', async (t) => {
  const { app } = await shared;
  const empty = await app.inject('/statements?q=&speaker=rutte&actor=&topic=&from=&to=&kind=&minConfidence=');
  t.equal(empty.statusCode, 303);
  t.equal(empty.headers.location, '/statements?speaker=rutte');
  t.equal((await app.inject('/statements?q=')).headers.location, '/statements');
  const code = await app.inject('/topics/16000000?period=month');
  t.equal(code.statusCode, 301);
  t.equal(code.headers.location, '/topics/conflict-war-and-peace?period=month');
  t.equal((await app.inject('/search?q=%20')).headers.location, '/search', 'a blank field is dropped');
  t.equal((await app.inject('/search')).headers.location, '/', 'and a search for nothing goes home');
  t.equal(
    (await app.inject('/statements?utm_source=mail')).statusCode,
    200,
    'unknown parameters (tracking tags) are ignored',
  );
});

t.test('errors are pages: a 404 for what does not exist, a 400 saying which value is wrong', async (t) => {
  const { app } = await shared;
  for (const url of ['/actors/nobody', '/articles/nothing', '/topics/no-such-topic', '/statements/999999']) {
    const res = await html(app, url, 404);
    t.match(res.headers['content-type'], /^text\/html/, url);
    t.match(res.body, /<h1>Not found<\/h1>/, url);
  }
  const cases: [string, RegExp][] = [
    ['/statements?from=2024-13', /from must be a real date/],
    ['/statements?from=2024-12-01&to=2024-11-01', /from \(2024-12-01\) is after to \(2024-11-01\)/],
    ['/statements?topic=nonsense', /unknown topic &quot;nonsense&quot;/],
    ['/statements?cursor=garbage', /cursor is not one this API issued/],
    ['/statements?kind=shouted', /kind must be &quot;direct&quot; or &quot;indirect&quot;/],
    ['/actors/mark-rutte?period=decade', /period must be week, month or year/],
    ['/statements/abc', /statement ids are whole numbers/],
  ];
  for (const [url, message] of cases) t.match((await html(app, url, 400)).body, message, url);
});

t.test(
  'the article page marks every statement in its speaker colour, with a note saying who, cue, date, rule and confidence',
  async (t) => {
    const { app } = await shared;
    const statements = (await api<{ data: ApiStatement[] }>(app, `/v1/statements?article=${SEED_ID}&limit=500`)).data;
    const claims = (
      await api<{ data: { id: number; statementId: number | null }[] }>(app, `/v1/claims?article=${SEED_ID}&limit=500`)
    ).data;
    const body = (await html(app, `/articles/${SEED_ID}`)).body;
    t.ok(statements.length >= 10);
    for (const s of statements) {
      t.match(
        body,
        new RegExp(`<a class="hl sp-[^"]+" href="#st-${s.id}" id="q-${s.id}"`),
        `statement ${s.id} is marked and anchored`,
      );
      const note = body.match(new RegExp(`<li id="st-${s.id}"[^>]*>([\\s\\S]*?)</li>`))![1];
      if (s.speaker) t.match(note, `href="/actors/${s.speaker.id}"`, `note ${s.id} links to its speaker`);
      t.match(note, `<dd class="rule">${s.attribution.rule}</dd>`, `note ${s.id}: rule`);
      t.match(
        note,
        new RegExp(`<dd class="confidence">.*${s.attribution.confidence.toFixed(2)}</dd>`),
        `note ${s.id}: confidence`,
      );
      t.match(note, `<dd class="cue">${s.cue ?? 'none'}</dd>`, `note ${s.id}: cue`);
      if (s.date) t.match(note, `datetime="${s.date.slice(0, 4)}`, `note ${s.id}: date`);
    }
    t.equal([...body.matchAll(/<li id="st-\d+"/g)].length, statements.length, 'one note per statement');
    t.ok(/class="hl[^"]* claim"/.test(body), 'claims inside statements are marked');
    const loose = claims.filter((c) => c.statementId === null);
    for (const c of loose) t.match(body, `id="cl-${c.id}"`, `claim ${c.id} has its own note`);
    // the speakers' colours: one each, in the order they first speak, listed in the legend with a link
    const legend = body.match(/<section class="legend"[\s\S]*?<\/section>/)![0];
    const speakers = [
      ...legend.matchAll(
        /<li class="(sp-[\w-]+)[^"]*"><span class="swatch" aria-hidden="true"><\/span>(?:<a href="\/actors\/([^"]+)")?/g,
      ),
    ];
    t.equal(new Set(speakers.map((m) => m[1])).size, speakers.length, 'a different colour per speaker');
    t.same(
      new Set(speakers.map((m) => m[2]).filter(Boolean)),
      new Set(statements.flatMap((s) => (s.speaker ? [s.speaker.id] : []))),
      'every speaker in the legend',
    );
    t.match(
      body,
      '<a href="https://euro.dayfr.com/trends/amp/2332369" rel="noopener noreferrer nofollow">original</a>',
      'a link to where it was published',
    );
  },
);

t.test(
  'the actor page: who they are, their chart data, newest statements, who mentions them and who they appear with',
  async (t) => {
    const { app } = await shared;
    const body = (await html(app, '/actors/mark-rutte')).body;
    t.match(body, '<h1>Mark Rutte</h1>');
    t.match(body, /NATO Secretary General, <a href="\/actors\/nato">NATO<\/a>/, 'role and affiliation');
    t.match(body, '<span class="alias">Rutte</span>', 'aliases');
    const said = (await api<{ data: ApiStatement[] }>(app, '/v1/statements?speaker=mark-rutte&limit=500')).data;
    const chart = JSON.parse(decode(body.match(/<canvas data-chart="([^"]+)"/)![1])) as {
      labels: string[];
      series: { label: string; counts: number[] }[];
    };
    const charted = chart.series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0);
    t.equal(charted, said.filter((s) => s.date).length, 'the chart counts every dated statement once');
    t.same(chart.labels, ['2024-11-04', '2024-11-11'], 'per week, gaps filled');
    t.same(new Set(cardIds(body)), new Set(said.map((s) => s.id)), 'what they said');
    const around = await api<{ facets: { actor: { value: string; count: number }[] } }>(
      app,
      '/v1/statements?actor=mark-rutte&facet=actor&limit=1',
    );
    const top = around.facets.actor.find((a) => a.value !== 'mark-rutte')!;
    t.match(
      body,
      new RegExp(
        `<a href="/actors/${top.value}"><span class="name">[^<]+</span> <span class="count">${top.count}</span>`,
      ),
      'the actors they appear with, counted',
    );
    t.match(body, '<script src="/assets/chart.umd.min.', 'Chart.js from this server');

    const monthly = (await html(app, '/actors/mark-rutte?period=month')).body;
    t.same(
      JSON.parse(decode(monthly.match(/<canvas data-chart="([^"]+)"/)![1])).labels,
      ['2024-11'],
      'per month when asked',
    );
    const mentioned = (await html(app, '/actors/north-korea')).body;
    t.match(
      mentioned,
      /<h2 id="by-h">Who mentions North Korea<\/h2><ul class="counts"><li><a href="\/statements\?speaker=[^"]+&amp;actor=north-korea">/,
      'who mentions an actor, linked to those statements',
    );
  },
);

t.test('home, topic, statement and search pages show what the API holds', async (t) => {
  const { app } = await shared;
  const home = (await html(app, '/')).body;
  const top = await api<{ facets: { speaker: { value: string; label: string; count: number }[] } }>(
    app,
    '/v1/statements?from=2024-10-16&to=2024-11-14&facet=speaker&limit=1',
  );
  t.match(home, 'From 16 Oct 2024 to 14 Nov 2024, the last 30 days of data.');
  const listed = [
    ...home.matchAll(/<a href="\/actors\/([^"]+)"><span class="name">[^<]+<\/span> <span class="count">(\d+)<\/span>/g),
  ].map((m) => [m[1], Number(m[2])]);
  t.same(
    listed,
    top.facets.speaker
      .filter((s) => s.value)
      .slice(0, 10)
      .map((s) => [s.value, s.count]),
    'the most quoted speakers, as the speaker facet counts them',
  );
  t.equal(cardIds(home).length, 10, 'the latest statements');
  t.match(home, /<input id="home-q" name="q" type="search" list="home-suggestions"/, 'one search box with suggestions');

  const topic = (await html(app, '/topics/conflict-war-and-peace')).body;
  const inTopic = (await api<{ data: ApiStatement[] }>(app, '/v1/statements?topic=conflict-war-and-peace&limit=500'))
    .data;
  t.match(topic, '<h1>conflict, war and peace</h1>');
  t.equal(cardIds(topic).length, Math.min(10, inTopic.length), 'its newest statements');
  t.ok(cardIds(topic).every((id) => inTopic.some((s) => s.id === id)));
  t.match(topic, '<canvas data-chart=', 'its chart');

  const s = (await api<{ data: ApiStatement[] }>(app, '/v1/statements?speaker=rutte&limit=1')).data[0];
  const page = (await html(app, `/statements/${s.id}`)).body;
  t.match(page, `href="/articles/${SEED_ID}#q-${s.id}"`, 'a statement links to its place in the article');
  t.match(page, `<dd class="rule">${s.attribution.rule}</dd>`);
  t.match(
    page,
    new RegExp(`<a class="hl sp-0[^"]*" href="#st-${s.id}" id="q-${s.id}"`),
    'and is marked in its paragraph',
  );

  const search = (await html(app, '/search?q=rutte')).body;
  t.match(search, 'href="/actors/mark-rutte"', 'a person by name');
  const war = (await html(app, '/search?q=war')).body;
  t.match(war, 'href="/topics/conflict-war-and-peace"', 'a topic by name');
  t.match((await html(app, '/search?q=%22global%20problem%22')).body, /global problem/, 'statements by their words');
});

t.test(
  'text from articles is text: markup, event handlers and javascript: links render escaped, never as elements',
  async (t) => {
    const hostile = [
      'Hostile Wire',
      '',
      'Minister <script>alert(1)</script> warns "><img src=x onerror=alert(2)>',
      '',
      '"The river <script>alert(3)</script> will rise by Friday," said Ana Lima, the flood minister, on Monday.',
      '',
      'Lima said that people should not click javascript:alert(4) or "><img src=x onerror=alert(5)> links.',
      '',
      '"<a href="javascript:alert(6)">Read more</a> on the site," Lima told reporters.',
      '',
    ].join('\n');
    const dir = articleDir({ 'hostile.txt': hostile });
    writeFileSync(
      join(dir, 'hostile.meta.json'),
      JSON.stringify({ published: '2024-11-14', url: 'javascript:alert(7)', source: '<b>Wire</b>' }),
    );
    const { app } = await seededApp([SEED, join(dir, 'hostile.txt')]);
    t.teardown(() => app.close());
    const statements = (await api<{ data: ApiStatement[] }>(app, '/v1/statements?article=hostile')).data;
    t.ok(
      statements.some((s) => s.text.includes('<script>')),
      'the extractor kept the markup as words said',
    );
    const speaker = statements.find((s) => s.speaker)?.speaker?.id;
    const urls = [
      '/articles/hostile',
      '/statements?article=hostile',
      `/statements/${statements[0].id}`,
      '/search?q=script',
      '/',
      ...(speaker ? [`/actors/${speaker}`] : []),
    ];
    for (const url of urls) {
      const body = (await html(app, url)).body;
      t.notMatch(body, /<script(?![^>]*\bsrc="\/assets\/)/i, `${url}: no script element but ours`);
      t.notMatch(body, /<img/i, `${url}: no img element`);
      t.notMatch(body, /<a href="javascript:/i, `${url}: no javascript: link`);
      t.notMatch(body, /<b>Wire/, `${url}: no markup from metadata`);
      t.notMatch(body, /<[^>]*\son\w+=/i, `${url}: no event handler attribute`);
    }
    const article = (await html(app, '/articles/hostile')).body;
    // (a > in text needs no escaping: only < starts markup)
    t.match(
      article,
      '<h1>Minister &lt;script>alert(1)&lt;/script> warns &quot;>&lt;img src=x onerror=alert(2)></h1>',
      'the headline shows as written',
    );
    t.match(article, '&lt;script>alert(3)&lt;/script>', 'so does the text');
    t.notMatch(article, />original</, 'a javascript: URL in the metadata is not linked at all');
    t.match(article, '&lt;b>Wire&lt;/b>', 'the outlet name is text');
  },
);

t.test('pages are kept in the response cache like API answers, with their own headers on a hit', async (t) => {
  const app = await buildApp({ db: seededDb(), http: { responseCacheMb: 4 } });
  t.teardown(() => app.close());
  for (const url of ['/actors/mark-rutte', `/articles/${SEED_ID}`, '/statements?speaker=rutte']) {
    const miss = await app.inject(url);
    const hit = await app.inject(url);
    t.same([miss.headers['x-cache'], hit.headers['x-cache']], ['miss', 'hit'], url);
    t.equal(hit.body, miss.body, `${url}: the same page`);
    t.equal(
      hit.headers['content-security-policy'],
      miss.headers['content-security-policy'],
      `${url}: the page's CSP on a hit too`,
    );
    t.match(String(hit.headers['content-security-policy']), /script-src 'self'/);
  }
  t.notOk((await app.inject('/actors/nobody')).headers['x-cache'] === 'hit', 'errors are not kept');
  t.equal((await app.inject('/actors/nobody')).headers['x-cache'], 'miss');
});

t.test('an empty database: the pages say there is nothing yet', async (t) => {
  const app = await buildApp({ db: openInMemory() });
  t.teardown(() => app.close());
  t.match((await html(app, '/')).body, '0 statements from 0 articles');
  t.match((await html(app, '/statements')).body, 'No statement matches these filters.');
  t.match((await html(app, '/articles')).body, 'No articles yet.');
  t.match((await html(app, '/search?q=anything')).body, 'No statement has these words.');
});
