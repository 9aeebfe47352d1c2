// The pages' own reads (src/store/pages.ts): newest statements read either way give the same order; a timeline counts each statement once.

import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { PageReader } from '../../src/store/pages.js';
import { Store } from '../../src/store/reader.js';
import { SEED, seededDb } from '../helpers.js';

interface S {
  id: number;
  date: string | null;
  articleId: string;
  speaker: { id: string } | null;
  topics: { id: string }[];
}

t.test('newest statements: by date then id, the same whether read down the date index or sorted', async (t) => {
  const db = seededDb([
    SEED,
    projectPath('corpus/train/2020-10-29-on-the-campaign-trail-in-the-usa-september-2020.txt'),
  ]);
  const store = new Store(db);
  const reader = new PageReader(db, store);
  const published = new Map(
    (db.prepare('SELECT slug, published_at FROM articles').all() as { slug: string; published_at: string }[]).map(
      (r) => [r.slug, r.published_at],
    ),
  );
  const all = [...store.iterateStatements({})] as S[];
  const day = (s: S) => s.date ?? published.get(s.articleId)!;
  const newest = (xs: S[], n: number) =>
    [...xs]
      .sort((a, b) => (day(b) > day(a) ? 1 : day(b) < day(a) ? -1 : b.id - a.id))
      .slice(0, n)
      .map((s) => s.id);
  const key = (slug: string) => reader.actorKey(slug)!;
  // limit 1 reads a frequent speaker down the date index, limit 50 reads the speaker's statements and sorts them
  for (const limit of [1, 3, 50]) {
    t.same(
      reader.newest({}, limit).map((s) => s.id),
      newest(all, limit),
      `all, ${limit}`,
    );
    for (const speaker of ['mark-rutte', 'donald-trump', 'josep-borrell']) {
      if (reader.actorKey(speaker) === null) continue;
      t.same(
        reader.newest({ speakerId: key(speaker) }, limit).map((s) => s.id),
        newest(
          all.filter((s) => s.speaker?.id === speaker),
          limit,
        ),
        `${speaker}, ${limit}`,
      );
    }
    for (const topic of ['politics-and-government', 'election', 'diplomacy']) {
      const inTopic = [...store.iterateStatements({ topicId: topic })] as S[];
      t.same(
        reader.newest({ topicId: topic }, limit).map((s) => s.id),
        newest(inTopic, limit),
        `${topic}, ${limit}`,
      );
    }
  }
  t.same(reader.newest({ speakerId: 999_999 }, 5), [], 'nobody has no statements');
});

t.test('a timeline counts each dated statement once, under its most frequent topic at the level asked', async (t) => {
  const db = seededDb();
  const store = new Store(db);
  const reader = new PageReader(db, store);
  const { keys, complete } = reader.matchKeys({});
  t.ok(complete);
  const days = reader.timeline(keys, null);
  const dated = ([...store.iterateStatements({})] as S[]).length; // the seed has a publication date: every statement is dated
  t.equal(
    days.reduce((n, d) => n + d.count, 0),
    dated,
  );
  const top = new Set(db.prepare('SELECT id FROM topics WHERE parent_id IS NULL').pluck().all() as string[]);
  t.ok(
    days.every((d) => d.series === null || top.has(d.series)),
    'top-level topics only',
  );
  const under = reader.timeline(keys, 'politics-and-government');
  t.equal(
    under.reduce((n, d) => n + d.count, 0),
    dated,
    'every statement, under a sub-topic or none',
  );
  t.ok(under.some((d) => d.series === 'international-relations'));
  t.same(reader.timeline([], null), []);
});
