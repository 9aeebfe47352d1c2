// CSV and NDJSON exports: every matching row, a header from the schema, RFC 4180 quoting, format= or Accept.

import t from 'tap';
import { buildApp } from '../../src/http/app.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { TOPICS, fixtureInput } from '../fixtures.js';
import { fixtureApp, fixtureDb } from '../helpers.js';

const HEADER =
  'id,articleId,speaker.id,speaker.name,speaker.type,kind,text,cue,date,datePrecision,dateText,topics,mentions,span.start,span.end,attribution.rule,attribution.confidence';

t.test('CSV: header row, flattened fields, quoting, filters apply', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject('/v1/statements?format=csv&article=ruritania-talks');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present');
  t.equal(res.headers['content-disposition'], 'attachment; filename="statements.csv"');
  t.same(res.body.split('\r\n'), [
    HEADER,
    '1,ruritania-talks,ana-lima,Ana Lima,person,direct,will resume soon.,said,2024-11-11,day,on Monday,diplomacy,,36,53,cue-then-quote,0.9',
    '2,ruritania-talks,ruritanian-army,Ruritanian army,organization,direct,"We are ready,",said,,,,conflict-war-and-peace,,117,130,quote-then-cue,0.95',
    '3,ruritania-talks,officials,officials,group,indirect,the border stays closed,said,,,,politics,,173,196,cue-then-clause,0.6',
    '',
  ]);

  const claims = await app.inject('/v1/claims?format=csv&article=ruritania-talks');
  const lines = claims.body.split('\r\n');
  t.equal(lines[0], 'id,articleId,claimant.id,claimant.name,claimant.type,text,statementId,date,datePrecision,dateText,topics,mentions,span.start,span.end,attribution.rule,attribution.confidence');
  t.equal(lines[2], '2,ruritania-talks,,,,"Lima, the Ruritanian foreign minister, met envoys in Zenda.",,,,,diplomacy,ana-lima;ruritania;zenda,55,114,claim-article-voice,0.4', 'null claimant is empty; lists joined with ;');

  const none = await app.inject('/v1/statements?format=csv&speaker=nobody');
  t.equal(none.body, `${HEADER}\r\n`, 'an empty export still has its header');

  const actors = await app.inject('/v1/actors?format=csv&type=person');
  t.same(actors.body.split('\r\n'), [
    'id,name,type,role,affiliation.id,affiliation.name,aliases,counts.statements,counts.claims,counts.mentions',
    'ana-lima,Ana Lima,person,Ruritanian foreign minister,ruritania,Ruritania,Lima,1,0,4',
    '',
  ]);
});

t.test('NDJSON: one item per line, exactly the JSON items', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const json = (await app.inject('/v1/claims')).json().data;
  const res = await app.inject('/v1/claims?format=ndjson');
  t.equal(res.headers['content-type'], 'application/x-ndjson; charset=utf-8');
  t.ok(res.body.endsWith('\n'));
  t.same(res.body.trimEnd().split('\n').map((l) => JSON.parse(l)), json);
  const topics = await app.inject('/v1/topics?format=ndjson');
  t.same(topics.body.trimEnd().split('\n').map((l) => JSON.parse(l).id), ['politics', 'conflict-war-and-peace', 'diplomacy']);
  const articles = await app.inject('/v1/articles?format=ndjson&from=2024-11-20');
  t.same(articles.body.trimEnd().split('\n').map((l) => JSON.parse(l).id), ['border']);
});

t.test('the Accept header chooses the format; format= wins over it', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const csv = await app.inject({ url: '/v1/statements', headers: { accept: 'text/csv' } });
  t.match(csv.headers['content-type'], /^text\/csv/);
  t.match(csv.headers.vary, /accept/i, 'caches keep the formats apart');
  const nd = await app.inject({ url: '/v1/statements', headers: { accept: 'application/x-ndjson' } });
  t.match(nd.headers['content-type'], /^application\/x-ndjson/);
  const browser = await app.inject({ url: '/v1/statements', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  t.match(browser.headers['content-type'], /^application\/json/, 'a browser gets JSON');
  const both = await app.inject({ url: '/v1/statements', headers: { accept: 'application/json;q=0.5, text/csv' } });
  t.match(both.headers['content-type'], /^text\/csv/, 'q-values are respected');
  const forced = await app.inject({ url: '/v1/statements?format=json', headers: { accept: 'text/csv' } });
  t.match(forced.headers['content-type'], /^application\/json/);
  const bad = await app.inject('/v1/statements?format=xml');
  t.equal(bad.statusCode, 400);
  t.match(bad.json(), { parameter: 'format', detail: /json, csv or ndjson/ });
});

t.test('exports stream every match, past the page limit, and ignore limit/cursor', async (t) => {
  const db = fixtureDb();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  for (let i = 0; i < 200; i++) writer.save(fixtureInput({ slug: `copy-${i}`, contentHash: `c${i}` }));
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const total = 4 + 200 * 3;
  const nd = await app.inject('/v1/statements?format=ndjson&limit=2');
  const ids = nd.body.trimEnd().split('\n').map((l) => JSON.parse(l).id as number);
  t.equal(ids.length, total, 'every statement, not a page');
  t.same(ids, [...ids].sort((a, b) => a - b), 'in id order');
  t.equal(new Set(ids).size, total, 'no duplicates across batches');
  const csv = await app.inject('/v1/statements?format=csv&speaker=officials');
  t.equal(csv.body.trimEnd().split('\r\n').length, 1 + 2 + 200, 'header plus every statement by officials');
  const gz = await app.inject({ url: '/v1/statements?format=csv', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip', 'exports are compressed too');
});
