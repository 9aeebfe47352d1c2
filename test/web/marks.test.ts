// The article page's marks and the pages' timelines as pure functions: overlapping and cross-paragraph spans, periods, series.

import t from 'tap';
import { markBody, paragraphsOf } from '../../src/web/highlight.js';
import { buildTimeline, MAX_BARS, MAX_SERIES, periodOf } from '../../src/web/timeline.js';

const body = 'He said "one two three." Then more.\n\n"Four five," she said.\n\nLast line.';
const at = (text: string) => ({ start: body.indexOf(text), end: body.indexOf(text) + text.length });

t.test('paragraphs are the text between blank lines, with their offsets', async (t) => {
  t.same(
    paragraphsOf(body).map((p) => body.slice(p.start, p.end)),
    ['He said "one two three." Then more.', '"Four five," she said.', 'Last line.'],
  );
  t.same(
    paragraphsOf('a\n \n\nb\n'),
    [
      { start: 0, end: 1 },
      { start: 5, end: 7 },
    ],
    'blank lines with spaces count; a trailing newline stays in the last',
  );
});

t.test(
  'each run belongs to the innermost statement; claims are listed; the anchor goes on the first run',
  async (t) => {
    const paragraphs = markBody(
      body,
      [
        { id: 1, span: at('one two three.') },
        { id: 2, span: at('two') },
        { id: 3, span: at('Four five,') },
      ],
      [{ id: 9, span: at('three." Then') }],
    );
    t.same(paragraphs[0].runs, [
      { text: 'He said "', statement: null, opens: false, claims: [] },
      { text: 'one ', statement: 1, opens: true, claims: [] },
      { text: 'two', statement: 2, opens: true, claims: [] },
      { text: ' ', statement: 1, opens: false, claims: [] },
      { text: 'three.', statement: 1, opens: false, claims: [9] },
      { text: '" Then', statement: null, opens: false, claims: [9] },
      { text: ' more.', statement: null, opens: false, claims: [] },
    ]);
    t.same(
      paragraphs[1].runs.map((r) => [r.text, r.statement]),
      [
        ['"', null],
        ['Four five,', 3],
        ['" she said.', null],
      ],
    );
    t.same(paragraphs[2].runs, [{ text: 'Last line.', statement: null, opens: false, claims: [] }]);
    t.equal(
      paragraphs.flatMap((p) => p.runs.map((r) => r.text)).join(''),
      body.replace(/\n\n/g, ''),
      'no character is lost or doubled',
    );
  },
);

t.test(
  'a statement running over two paragraphs is marked in both, anchored once; spans outside the body are clipped',
  async (t) => {
    const span = { start: body.indexOf('Then'), end: body.indexOf('five') };
    const paragraphs = markBody(
      body,
      [
        { id: 5, span },
        { id: 6, span: { start: body.length - 5, end: body.length + 40 } },
        { id: 7, span: { start: 3, end: 3 } },
      ],
      [],
    );
    t.same(paragraphs[0].runs.at(-1), { text: 'Then more.', statement: 5, opens: true, claims: [] });
    t.same(paragraphs[1].runs[0], { text: '"Four ', statement: 5, opens: false, claims: [] });
    t.same(paragraphs[2].runs.at(-1), { text: 'line.', statement: 6, opens: true, claims: [] });
    t.notOk(
      paragraphs.some((p) => p.runs.some((r) => r.statement === 7)),
      'an empty span marks nothing',
    );
  },
);

t.test('periods: a week is given by its Monday, a month and a year by their first day', async (t) => {
  t.equal(periodOf('2024-11-13', 'week'), '2024-11-11');
  t.equal(periodOf('2024-11-11', 'week'), '2024-11-11');
  t.equal(periodOf('2024-11-17', 'week'), '2024-11-11', 'Sunday belongs to the week before');
  t.equal(periodOf('2024-01-01', 'week'), '2024-01-01');
  t.equal(periodOf('2024-11-13', 'month'), '2024-11');
  t.equal(periodOf('2024-11-13', 'year'), '2024');
});

t.test('a timeline fills the gaps, takes the finest period that fits and keeps the largest series', async (t) => {
  const label = (id: string) => id.toUpperCase();
  const weeks = buildTimeline(
    [
      { day: '2024-11-04', series: 'a', count: 2 },
      { day: '2024-11-20', series: 'b', count: 1 },
      { day: '2024-11-21', series: null, count: 3 },
    ],
    label,
  )!;
  t.same(weeks, {
    period: 'week',
    requested: null,
    labels: ['2024-11-04', '2024-11-11', '2024-11-18'],
    series: [
      { id: 'a', label: 'A', counts: [2, 0, 0] },
      { id: 'b', label: 'B', counts: [0, 0, 1] },
      { id: null, label: 'no topic', counts: [0, 0, 3] },
    ],
    total: 6,
    leftOut: 0,
  });
  const months = buildTimeline(
    [
      { day: '2019-01-04', series: 'a', count: 1 },
      { day: '2024-11-14', series: 'a', count: 1 },
    ],
    label,
  )!;
  t.equal(months.period, 'month', 'six years of weeks would be too many bars');
  t.equal(months.labels.length, 71);
  const asked = buildTimeline(
    [
      { day: '2019-01-04', series: 'a', count: 1 },
      { day: '2024-11-14', series: 'a', count: 1 },
    ],
    label,
    'week',
  )!;
  t.match(asked, { period: 'month', requested: 'week' }, 'a period that gives too many bars is coarsened and says so');
  const centuries = buildTimeline(
    [
      { day: '1776-07-04', series: 'a', count: 1 },
      { day: '2024-11-14', series: 'a', count: 4 },
    ],
    label,
  )!;
  t.same(
    [centuries.period, centuries.labels],
    ['year', ['1776', '2024']],
    'beyond MAX_BARS years only the years with statements',
  );
  const outlier = buildTimeline(
    [
      { day: '1949-01-01', series: 'a', count: 1 },
      { day: '2019-03-04', series: 'a', count: 30 },
      { day: '2024-11-14', series: 'b', count: 30 },
    ],
    label,
  )!;
  t.match(
    outlier,
    { period: 'month', total: 60, leftOut: 1 },
    'one statement about 1949 among years of them is left out of the bars, and counted',
  );
  t.equal(outlier.labels[0], '2019-03');
  t.ok(MAX_BARS >= 52);

  const many = buildTimeline(
    'abcdefgh'.split('').map((s, i) => ({ day: '2024-11-04', series: s, count: 10 - i })),
    label,
  )!;
  t.equal(many.series.length, MAX_SERIES);
  t.same(many.series.at(-1), { id: null, label: 'other topics', counts: [5 + 4 + 3] }, 'the smaller series are summed');
  t.equal(
    many.series.reduce((n, s) => n + s.counts[0], 0),
    many.total,
    'every statement is in one series',
  );
  t.equal(buildTimeline([], label), null);
});
