// EXPLAIN QUERY PLAN for every list query the API can build: no page or facet query reads a whole table of rows.

import t from 'tap';
import type { StatementSelection } from '../../src/contract/store.js';
import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { type DB, openInMemory } from '../../src/store/db.js';
import type { Driver } from '../../src/store/plan.js';
import { Store } from '../../src/store/reader.js';
import { ArticleWriter } from '../../src/store/writer.js';

// tables whose rows grow with the corpus; a SCAN of one (other than a virtual table's) reads all of it
const BIG =
  /^SCAN (statements|claims|mentions|statement_actors|claim_actors|statement_topics|claim_topics|statement_json|claim_json|s|c|x|y|j)\b(?! VIRTUAL TABLE)/;
// so does walking the rowid from the start with nothing to stop it: fine when no filter narrows the list, not otherwise
const UNBOUNDED = /^SEARCH (s|c) USING INTEGER PRIMARY KEY \(rowid>\?\)$/;

function corpusDb(): DB {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(corpusTopics());
  for (const a of generateCorpus({ articles: 30, seed: 9 })) {
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
  return db;
}

/** Every combination of list filters, with one and several ids where a name can match several actors. */
function* selections(topic: string): Generator<StatementSelection> {
  for (let bits = 0; bits < 1 << 8; bits++) {
    const has = (i: number) => (bits & (1 << i)) !== 0;
    for (const many of has(1) || has(2) ? [false, true] : [false]) {
      for (const range of has(4)
        ? [
            ['2020-01-01', '2020-12-31'],
            ['2020-01-01', undefined],
            [undefined, '2020-12-31'],
          ]
        : [[undefined, undefined]]) {
        yield {
          articleId: has(0) ? 3 : undefined,
          speakerIds: has(1) ? (many ? [1, 2, 3] : [2]) : undefined,
          actorIds: has(2) ? (many ? [4, 5, 6] : [5]) : undefined,
          topicId: has(3) ? topic : undefined,
          from: range[0],
          to: range[1],
          kind: has(5) ? 'direct' : undefined,
          minConfidence: has(6) ? 0.5 : undefined,
          fts: has(7) ? '"minister"' : undefined,
        };
      }
    }
  }
}

const plan = (db: DB, sql: string, params: Record<string, unknown>) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail);

t.test('no statement or claim list query scans a table of rows, whichever index drives it', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  let queries = 0;
  const bad: string[] = [];
  const check = (what: string, sql: string, params: Record<string, unknown>, driver: Driver) => {
    queries++;
    const scans = plan(db, sql, params).filter((d) => BIG.test(d) || (driver !== 'id' && UNBOUNDED.test(d)));
    if (scans.length && bad.length < 10) bad.push(`${what}: ${scans.join('; ')}\n  ${sql}`);
  };
  const drivers = new Set<Driver>();
  for (const sel of selections(topic)) {
    const { speakerIds, ...rest } = sel;
    const claimSel = { ...rest, kind: undefined, claimantIds: speakerIds };
    for (const driver of store.statementPlanner.drivers({ ...sel, personIds: sel.speakerIds })) {
      drivers.add(driver);
      const page = store.statementPageQuery(sel, 0, 50, driver);
      check(`statements ${JSON.stringify(sel)} by ${driver}`, page.sql, page.params, driver);
      const claims = store.claimPageQuery(claimSel, 0, 50, driver);
      check(`claims ${JSON.stringify(claimSel)} by ${driver}`, claims.sql, claims.params, driver);
      // counting facets reads every match; with no filter at all that is the whole table, by design
      if (driver === 'id') continue;
      const facetQueries = [
        { q: store.statementFacetQueries(sel, driver), names: ['speaker', 'date', 'kind', 'actor', 'topic'] },
        { q: store.claimFacetQueries(claimSel, driver), names: ['claimant', 'date', 'actor', 'topic'] },
      ];
      for (const { q, names } of facetQueries) {
        check(`facet keys ${JSON.stringify(sel)} by ${driver}`, q.ids, { ...q.params, upTo: 101 }, driver);
        // every facet at once (the row read once, materialized), and each alone
        for (const facets of [names, ...names.map((n) => [n])])
          check(`facets ${facets} by ${driver}`, q.countsSql(facets), { ids: '[1,2,3]', facetSize: 10 }, driver);
      }
    }
  }
  t.same(
    [...drivers].sort(),
    ['actor', 'article', 'date', 'dateIndex', 'fts', 'id', 'merge', 'person', 'topic'],
    'every driver was tried',
  );
  t.ok(queries > 10_000, `${queries} queries explained`);
  t.same(bad, [], 'no full scans');
});

t.test('the planner picks the driver that reads fewest rows and skips queries that cannot match', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const p = store.statementPlanner;
  const top = db.prepare('SELECT id, statement_count FROM actors ORDER BY statement_count DESC LIMIT 1').get() as {
    id: number;
  };
  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  t.equal(p.plan({ articleId: 2, topicId: topic }).driver, 'article');
  const rare = (
    db
      .prepare(
        'SELECT speaker_id AS id FROM statements WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*), speaker_id LIMIT 1',
      )
      .get() as { id: number }
  ).id;
  t.equal(
    p.plan({ personIds: [rare], topicId: topic }).driver,
    'person',
    'a speaker of one statement: that row, not a merge through the biggest topic',
  );
  t.not(
    p.plan({ personIds: [top.id], topicId: topic }).driver,
    'topic',
    'the top speaker is narrower than the biggest topic',
  );
  // the actor in most statements (its link rows, not its mention counter) and the biggest topic: two broad lists
  const broad = (
    db
      .prepare('SELECT actor_id AS id FROM statement_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1')
      .get() as { id: number }
  ).id;
  t.equal(p.plan({ actorIds: [broad], topicId: topic }).driver, 'merge', 'two broad lists are merged');
  t.not(
    p.plan({ actorIds: [broad, rare], topicId: topic }).driver,
    'merge',
    'several actors are no list in id order: no merge',
  );
  t.equal(p.plan({}).driver, 'id');
  t.equal(p.plan({ personIds: [] }).empty, true, 'an unknown speaker matches nothing');
  t.equal(p.plan({ from: '1990-01-01', to: '1990-12-31' }).empty, true, 'a range before the corpus matches nothing');
  t.equal(p.plan({ fts: '"zzzunknownword"', topicId: topic }).driver, 'fts', 'a word no statement holds');
  // the range holds every statement, so every id read matches it; the topic's list holds nothing but matches
  t.equal(
    p.plan({ topicId: topic, from: '2019-01-01', to: '2030-12-31' }).driver,
    'topic',
    'a topic in a range holding everything: its own list',
  );
  const range = p.plan({ from: '2019-01-01', to: '2030-12-31' });
  t.equal(range.driver, 'date', 'a range holding everything reads ids in order');
  t.ok(['date', 'dateIndex'].includes(p.plan({ from: '2020-03-01', to: '2020-03-01' }).driver));
  // a day whose statements are spread over a wider id window than their number
  const day = db
    .prepare('SELECT day, n FROM statement_days WHERE max_id - min_id + 1 > n ORDER BY n DESC LIMIT 1')
    .get() as { day: string };
  t.equal(
    p.plan({ from: day.day, to: day.day }, Infinity).driver,
    'dateIndex',
    "a count over every match reads the day's rows, not its whole id window",
  );
});

t.test('every driver gives the same answer, page after page', async (t) => {
  const db = corpusDb();
  const store = new Store(db);
  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  const speaker = (
    db.prepare('SELECT speaker_id AS id FROM statements GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1').get() as {
      id: number;
    }
  ).id;
  const actor = (
    db
      .prepare(
        "SELECT actor_id AS id FROM statement_actors WHERE relation = 'mention' GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1",
      )
      .get() as { id: number }
  ).id;
  const days = db.prepare('SELECT min(effective_date) AS lo, max(effective_date) AS hi FROM statements').get() as {
    lo: string;
    hi: string;
  };
  const cases: StatementSelection[] = [
    { topicId: topic, kind: 'direct' },
    { speakerIds: [speaker], from: days.lo, to: days.hi },
    { actorIds: [actor], topicId: topic },
    { speakerIds: [speaker], topicId: topic, kind: 'indirect' },
    { speakerIds: [speaker], actorIds: [speaker], topicId: topic },
    { actorIds: [speaker], topicId: topic, from: days.lo, to: '2022-06-30' },
    { actorIds: [actor, speaker] },
    { fts: '"we"', topicId: topic, from: days.lo },
    { from: days.lo, to: days.lo },
  ];
  for (const sel of cases) {
    const answers = new Map<string, number[]>();
    for (const driver of store.statementPlanner.drivers({ ...sel, personIds: sel.speakerIds })) {
      const ids: number[] = [];
      let after = 0;
      for (let pages = 0; pages < 100; pages++) {
        const q = store.statementPageQuery(sel, after, 7, driver);
        const rows = db.prepare(q.sql).all(q.params) as { id: number }[];
        ids.push(...rows.slice(0, 7).map((r) => r.id));
        if (rows.length <= 7) break;
        after = rows[6].id;
      }
      answers.set(driver, ids);
    }
    const [first, ...others] = [...answers.entries()];
    t.ok(first[1].length > 0, `${JSON.stringify(sel)} matches something`);
    for (const [driver, ids] of others)
      t.same(ids, first[1], `${JSON.stringify(sel)}: ${driver} agrees with ${first[0]}`);
    t.same(
      first[1],
      [...first[1]].sort((a, b) => a - b),
      'in id order, no repeats',
    );
    t.equal(new Set(first[1]).size, first[1].length);
  }
});

t.test('facets count the same under every driver, over every match or the most recent ones', async (t) => {
  const db = corpusDb();
  const topic = (db.prepare('SELECT id FROM topics ORDER BY statement_count DESC LIMIT 1').get() as { id: string }).id;
  const speaker = (
    db.prepare('SELECT speaker_id AS id FROM statements GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1').get() as {
      id: number;
    }
  ).id;
  const actor = (
    db
      .prepare(
        "SELECT actor_id AS id FROM statement_actors WHERE relation = 'mention' GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1",
      )
      .get() as { id: number }
  ).id;
  const days = db.prepare('SELECT min(effective_date) AS lo, max(effective_date) AS hi FROM statements').get() as {
    lo: string;
    hi: string;
  };
  const cases: StatementSelection[] = [
    { actorIds: [actor], topicId: topic },
    { speakerIds: [speaker], topicId: topic, kind: 'direct' },
    { actorIds: [speaker], topicId: topic, from: days.lo, to: '2022-06-30' },
    { topicId: topic, from: days.lo, to: days.hi },
  ];
  const facets = ['speaker', 'actor', 'topic', 'date', 'kind'];
  for (const facetRows of [5, 10_000]) {
    const store = new Store(db, facetRows);
    for (const sel of cases) {
      // the reference: the matches by the simplest query there is, the most recent `facetRows` of them
      const all = store.statementPageQuery(
        sel,
        0,
        1_000_000,
        store.statementPlanner.drivers({ ...sel, personIds: sel.speakerIds })[0],
      );
      const ids = (db.prepare(all.sql).all(all.params) as { id: number }[])
        .map((r) => r.id)
        .reverse()
        .slice(0, facetRows);
      t.ok(ids.length > 0, `${JSON.stringify(sel)} matches something`);
      const expected = store.statementFacets({ ...sel }, facets, 100);
      t.equal(expected.counted, ids.length, 'counts the most recent matches');
      const kinds = db
        .prepare(
          `SELECT kind AS value, kind AS label, count(*) AS count FROM statements WHERE id IN (SELECT value FROM json_each(?)) GROUP BY kind ORDER BY count DESC, value`,
        )
        .all(JSON.stringify(ids));
      t.same(expected.counts.kind, kinds, 'kind counts over exactly those matches');
      for (const driver of store.statementPlanner.drivers({ ...sel, personIds: sel.speakerIds })) {
        const q = store.statementFacetQueries(sel, driver);
        const keys = db
          .prepare(q.ids)
          .pluck()
          .all({ ...q.params, upTo: facetRows + 1 }) as number[];
        t.same(keys.slice(0, facetRows), ids, `${JSON.stringify(sel)}: ${driver} reads the same keys, highest first`);
        for (const names of [facets, ['topic', 'date'], ['speaker']]) {
          const rows = db.prepare(q.countsSql(names)).all({ ids: JSON.stringify(ids), facetSize: 100 }) as {
            facet: string;
          }[];
          for (const name of names)
            t.same(
              rows.filter((r) => r.facet === name).map(({ facet, ...r }) => r),
              expected.counts[name as 'kind'],
              `${driver}: ${name} of ${names}`,
            );
        }
      }
    }
  }
});
