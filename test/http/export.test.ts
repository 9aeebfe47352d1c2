// CSV and NDJSON exports: every matching row, a header from the schema, RFC 4180 quoting, formulas neutralised; each at
// a path of its own (/v1/statements.csv), and by the Accept header on the JSON list as a convenience.

import t from 'tap';
import { buildApp } from '../../src/app.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { fixtureExtraction, fixtureInput, TOPICS } from '../fixtures.js';
import { fixtureApp, fixtureDb } from '../helpers.js';

const HEADER =
  'id,articleId,quoteId,speaker.id,speaker.name,speaker.type,kind,text,cue,date,datePrecision,dateText,topics,mentions,span.start,span.end,attribution.rule,attribution.confidence';

t.test('CSV: header row, flattened fields, quoting, filters apply', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const res = await app.inject('/v1/statements.csv?article=ruritania-talks');
  t.equal(res.statusCode, 200);
  t.equal(res.headers['content-type'], 'text/csv; charset=utf-8; header=present');
  t.equal(res.headers['content-disposition'], 'attachment; filename="statements.csv"');
  t.same(res.body.split('\r\n'), [
    HEADER,
    '1,ruritania-talks,1,ana-lima,Ana Lima,person,direct,will resume soon.,said,2024-11-11,day,on Monday,diplomacy,,36,53,cue-then-quote,0.9',
    '2,ruritania-talks,2,ruritanian-army,Ruritanian army,organization,direct,"We are ready,",said,,,,conflict-war-and-peace,,117,130,quote-then-cue,0.95',
    '3,ruritania-talks,3,officials,officials,group,indirect,the border stays closed,said,,,,politics,,173,196,cue-then-clause,0.6',
    '',
  ]);

  const claims = await app.inject('/v1/claims.csv?article=ruritania-talks');
  const lines = claims.body.split('\r\n');
  t.equal(
    lines[0],
    'id,articleId,claimant.id,claimant.name,claimant.type,text,statementId,date,datePrecision,dateText,topics,mentions,span.start,span.end,attribution.rule,attribution.confidence',
  );
  t.equal(
    lines[2],
    '2,ruritania-talks,,,,"Lima, the Ruritanian foreign minister, met envoys in Zenda.",,,,,diplomacy,ana-lima;ruritania;zenda,55,114,claim-article-voice,0.4',
    'null claimant is empty; lists joined with ;',
  );

  const none = await app.inject('/v1/statements.csv?speaker=nobody');
  t.equal(none.body, `${HEADER}\r\n`, 'an empty export still has its header');

  const actors = await app.inject('/v1/actors.csv?type=person');
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
  const res = await app.inject('/v1/claims.ndjson');
  t.equal(res.headers['content-type'], 'application/x-ndjson; charset=utf-8');
  t.ok(res.body.endsWith('\n'));
  t.same(
    res.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l)),
    json,
  );
  const topics = await app.inject('/v1/topics.ndjson');
  t.same(
    topics.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).id),
    ['politics', 'conflict-war-and-peace', 'diplomacy'],
  );
  const articles = await app.inject('/v1/articles.ndjson?from=2024-11-20');
  t.same(
    articles.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l).id),
    ['border'],
  );
});

t.test('the Accept header on the JSON list picks an export too; the export paths take filters only', async (t) => {
  const app = await fixtureApp();
  t.teardown(() => app.close());
  const csv = await app.inject({ url: '/v1/statements', headers: { accept: 'text/csv' } });
  t.match(csv.headers['content-type'], /^text\/csv/);
  t.match(csv.headers.vary, /accept/i, 'caches keep the formats apart');
  const nd = await app.inject({ url: '/v1/statements', headers: { accept: 'application/x-ndjson' } });
  t.match(nd.headers['content-type'], /^application\/x-ndjson/);
  const browser = await app.inject({
    url: '/v1/statements',
    headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
  });
  t.match(browser.headers['content-type'], /^application\/json/, 'a browser gets JSON');
  const both = await app.inject({ url: '/v1/statements', headers: { accept: 'application/json;q=0.5, text/csv' } });
  t.match(both.headers['content-type'], /^text\/csv/, 'q-values are respected');
  const paged = await app.inject('/v1/statements.csv?limit=2');
  t.equal(paged.statusCode, 400, 'an export has no pages');
  t.match(paged.json(), {
    parameter: 'limit',
    detail: /unknown parameter "limit"; this endpoint accepts: article, actor/,
  });
  const format = await app.inject('/v1/statements?format=csv');
  t.match(
    format.json(),
    { status: 400, parameter: 'format' },
    'the old format= parameter is gone: one operation, one media type',
  );
  const bad = await app.inject('/v1/statements.csv?from=yesterday');
  t.equal(bad.headers['content-type'], 'application/problem+json');
  t.match(bad.json(), { parameter: 'from' });
});

t.test('a cell that a spreadsheet would run as a formula is text', async (t) => {
  const db = fixtureDb();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  const x = fixtureExtraction();
  const hostile = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)'];
  x.statements = hostile.map((text, i) => ({ ...x.statements[0], text, span: { start: i, end: i + 1 } }));
  x.claims = [];
  writer.save(fixtureInput({ slug: 'formulas', contentHash: 'f', extraction: x }));
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const rows = (await app.inject('/v1/statements.csv?article=formulas')).body.trimEnd().split('\r\n').slice(1);
  t.same(
    rows.map((r) => r.split(',')[7]),
    [`"'=HYPERLINK(""http://evil.example""`, "'+1+1", "'-2+3", "'@SUM(A1:A2)"],
    'each starts with a quote mark',
  );
  t.match(rows[0], /^5,formulas,\d+,ana-lima,/, 'other cells as they are');
  t.equal(
    (await app.inject('/v1/statements.ndjson?article=formulas')).body.split('\n')[0],
    (await app.inject('/v1/statements/5')).body,
    'NDJSON is JSON: nothing to neutralise',
  );
});

t.test('exports stream every match, past the page limit', async (t) => {
  const db = fixtureDb();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  for (let i = 0; i < 200; i++) writer.save(fixtureInput({ slug: `copy-${i}`, contentHash: `c${i}` }));
  const app = await buildApp({ db });
  t.teardown(() => app.close());
  const total = 4 + 200 * 3;
  const nd = await app.inject('/v1/statements.ndjson');
  const ids = nd.body
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l).id as number);
  t.equal(ids.length, total, 'every statement, not a page');
  t.same(
    ids,
    [...ids].sort((a, b) => a - b),
    'in id order',
  );
  t.equal(new Set(ids).size, total, 'no duplicates across batches');
  const csv = await app.inject('/v1/statements.csv?speaker=officials');
  t.equal(csv.body.trimEnd().split('\r\n').length, 1 + 2 + 200, 'header plus every statement by officials');
  const gz = await app.inject({ url: '/v1/statements.csv', headers: { 'accept-encoding': 'gzip' } });
  t.equal(gz.headers['content-encoding'], 'gzip', 'exports are compressed too');
});
