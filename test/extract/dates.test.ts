// findDates: date expressions in text, resolved against the publication date; resolveRelativeTo for excerpts.

import t from 'tap';
import { findDates, namesAnEvent, resolveRelativeTo } from '../../src/extract/dates.js';

/** Each mention as [text, date, precision], in text order: compact enough to assert whole results. */
const dates = (text: string, published: string | null, anchor?: string | null) =>
  findDates(text, published, anchor === undefined ? {} : { anchor }).map((m) => [m.text, m.date, m.precision]);

// 2024-11-14 is a Thursday; 2024-01-02 a Tuesday; 2019-09-29 a Sunday.

t.test('gives offsets into the text and the words that date it', async (t) => {
  const text = 'The envoy arrived on Thursday and left last week.';
  t.same(findDates(text, '2024-11-14'), [
    { start: 18, end: 29, text: 'on Thursday', date: '2024-11-14', precision: 'day' },
    { start: 39, end: 48, text: 'last week', date: '2024-11-04', precision: 'week' },
  ]);
});

t.test('a bare weekday is the most recent such day on or before publication', async (t) => {
  t.same(dates('The minister spoke on Thursday.', '2024-11-14'), [['on Thursday', '2024-11-14', 'day']]);
  t.same(dates('Talks ended on Wednesday.', '2024-11-14'), [['on Wednesday', '2024-11-13', 'day']]);
  t.same(dates('A report came out Friday.', '2024-11-14'), [['Friday', '2024-11-08', 'day']]);
  t.same(dates('In a letter published Sunday, she wrote.', '2024-11-14'), [['Sunday', '2024-11-10', 'day']]);
  t.same(dates('Rescuers searched late Monday.', '2024-11-14'), [['late Monday', '2024-11-11', 'day']]);
  t.same(dates('Last Thursday the vote failed.', '2024-11-14'), [['Last Thursday', '2024-11-07', 'day']]);
  t.same(dates('They meet again next Monday.', '2024-11-14'), [['next Monday', '2024-11-18', 'day']]);
});

t.test('yesterday, today, tomorrow and last night count from publication', async (t) => {
  t.same(dates('He resigned yesterday; today the party met; a vote follows tomorrow. Shots rang out last night.', '2024-01-01'), [
    ['yesterday', '2023-12-31', 'day'],
    ['today', '2024-01-01', 'day'],
    ['tomorrow', '2024-01-02', 'day'],
    ['last night', '2023-12-31', 'day'],
  ]);
});

t.test('weeks are given by their Monday', async (t) => {
  t.same(dates('Last week the board met, this week it voted, and next week it reports.', '2024-11-14'), [
    ['Last week', '2024-11-04', 'week'],
    ['this week', '2024-11-11', 'week'],
    ['next week', '2024-11-18', 'week'],
  ]);
  // Publication on the Monday and on the Sunday of a week.
  t.same(dates('She said this week and last week.', '2024-11-11'), [
    ['this week', '2024-11-11', 'week'],
    ['last week', '2024-11-04', 'week'],
  ]);
  t.same(dates('She said earlier this week.', '2024-11-17'), [['earlier this week', '2024-11-11', 'week']]);
});

t.test('the weekend is the most recent one, as its week', async (t) => {
  t.same(dates('Crowds gathered during the weekend.', '2024-11-14'), [['during the weekend', '2024-11-04', 'week']]);
  t.same(dates('Crowds gathered over the weekend.', '2024-11-17'), [['over the weekend', '2024-11-11', 'week']]);
  t.same(dates('They met last weekend.', '2024-11-17'), [['last weekend', '2024-11-04', 'week']]);
});

t.test('a month is the most recent such month on or before publication', async (t) => {
  t.same(dates('He was detained in December and freed in September.', '2019-09-29'), [
    ['in December', '2018-12-01', 'month'],
    ['in September', '2019-09-01', 'month'],
  ]);
  t.same(dates('Last October the plan collapsed; last September it began.', '2019-09-29'), [
    ['Last October', '2018-10-01', 'month'],
    ['last September', '2018-09-01', 'month'],
  ]);
  t.same(dates('Elections are due next March, after a vote in early June.', '2019-09-29'), [
    ['next March', '2020-03-01', 'month'],
    ['in early June', '2019-06-01', 'month'],
  ]);
  t.same(dates('Fighting eased at the end of August.', '2019-09-29'), [['August', '2019-08-01', 'month']]);
});

t.test('relative months and years', async (t) => {
  t.same(dates('Prices rose last month and this month; the law passed last year and lapses next year.', '2024-11-14'), [
    ['last month', '2024-10-01', 'month'],
    ['this month', '2024-11-01', 'month'],
    ['last year', '2023-01-01', 'year'],
    ['next year', '2025-01-01', 'year'],
  ]);
  t.same(dates('The mill shut three years ago, two weeks ago it reopened, and ten days ago it hired.', '2024-11-14'), [
    ['three years ago', '2021-01-01', 'year'],
    ['two weeks ago', '2024-10-28', 'week'],
    ['ten days ago', '2024-11-04', 'day'],
  ]);
});

t.test('year boundaries', async (t) => {
  t.same(dates('Last week the port closed. It had reopened in December. On Friday ships sailed. This month is calm; last month was not; last year was worse.', '2024-01-02'), [
    ['Last week', '2023-12-25', 'week'],
    ['in December', '2023-12-01', 'month'],
    ['On Friday', '2023-12-29', 'day'],
    ['This month', '2024-01-01', 'month'],
    ['last month', '2023-12-01', 'month'],
    ['last year', '2023-01-01', 'year'],
  ]);
  t.same(dates('The treaty was signed in January.', '2024-01-02'), [['in January', '2024-01-01', 'month']]);
});

t.test('explicit dates resolve to their day or month', async (t) => {
  t.same(
    dates('Signed October 2 2018, ratified January 7, 2019, amended on 5 March 2020, filed 2024-11-14, announced in December 2018.', '2024-11-14'),
    [
      ['October 2 2018', '2018-10-02', 'day'],
      ['January 7, 2019', '2019-01-07', 'day'],
      ['on 5 March 2020', '2020-03-05', 'day'],
      ['2024-11-14', '2024-11-14', 'day'],
      ['in December 2018', '2018-12-01', 'month'],
    ],
  );
  t.same(dates('Friday, January 4, 2019\n\nThe council met.', '2019-01-04'), [['Friday, January 4, 2019', '2019-01-04', 'day']]);
  t.same(dates('The survey ran from July 13 to 17 of last year.', '2019-09-08'), [['from July 13 to 17 of last year', '2018-07-13', 'day']]);
});

t.test('a month and day without a year is the nearest such day, the past preferred', async (t) => {
  t.same(dates('The fire started on December 28 and the hearing is on January 9.', '2019-01-04'), [
    ['on December 28', '2018-12-28', 'day'],
    ['on January 9', '2019-01-09', 'day'],
  ]);
  t.same(dates('It happened on March 3.', '2019-09-29'), [['on March 3', '2019-03-03', 'day']]);
});

t.test('a bare year after a preposition is a year', async (t) => {
  t.same(dates('The two states established ties in 1949 and have traded since 2015, expanding in early 2019.', '2024-11-14'), [
    ['in 1949', '1949-01-01', 'year'],
    ['since 2015', '2015-01-01', 'year'],
    ['in early 2019', '2019-01-01', 'year'],
  ]);
});

t.test('things that are not dates', async (t) => {
  t.same(dates('Thousands march through the capital.', '2024-11-14'), []);
  t.same(dates('Officials may announce more cuts.', '2024-11-14'), []);
  t.same(dates('Prime Minister Anna May said the deal was done, as agreed by May.', '2024-11-14'), []);
  t.same(dates('Up to 12,000 troops were sent; a crowd of 1800 people watched.', '2024-11-14'), []);
  t.same(dates('The bomb went off at 6am. The victim, aged 45, was held for three weeks.', '2024-11-14'), []);
  t.same(dates('Crime fell in the 1990s, the 2019 budget says, and the 2018-19 season was short.', '2024-11-14'), []);
  t.same(dates('Shoppers queued on Good Friday and Super Tuesday, and the Sunday Times ran the story.', '2024-11-14'), []);
  t.same(dates('The market opens on Tuesdays. Organisers said March was a success.', '2024-11-14'), []);
  t.same(dates('The ceasefire, 24/7 patrols and the 9/11 inquiry.', '2024-11-14'), []);
});

t.test('without a publication date only absolute dates resolve', async (t) => {
  t.same(dates('On Thursday, in December, in 1949, on October 2 2018 and yesterday.', null), [
    ['On Thursday', null, null],
    ['in December', null, null],
    ['in 1949', '1949-01-01', 'year'],
    ['on October 2 2018', '2018-10-02', 'day'],
    ['yesterday', null, null],
  ]);
});

t.test('"the previous day" counts from the nearest earlier day in the text', async (t) => {
  t.same(dates('On Thursday, the court ruled. The previous day, lawyers had met. The following day they appealed.', '2019-09-29'), [
    ['On Thursday', '2019-09-26', 'day'],
    ['The previous day', '2019-09-25', 'day'],
    ['The following day', '2019-09-26', 'day'],
  ]);
  // A date that names an event ("the November 27 agreement") is not the story's timeline.
  t.same(dates('On Wednesday, ministers met. They rejected the November 27 agreement. A statement issued the following day disagreed.', '2020-01-11'), [
    ['On Wednesday', '2020-01-08', 'day'],
    ['November 27', '2019-11-27', 'day'],
    ['the following day', '2020-01-09', 'day'],
  ]);
  // With no earlier day, it counts from the anchor given, else from publication.
  t.same(dates('The next day, the mayor resigned.', '2019-09-29'), [['The next day', '2019-09-30', 'day']]);
  t.same(dates('The next day, the mayor resigned.', '2019-09-29', '2019-09-20'), [['The next day', '2019-09-21', 'day']]);
  t.same(dates('The previous day, the mayor resigned.', null), [['The previous day', null, null]]);
  // "The day before the blast" is relative to the blast, whose date is unknown: not a date mention.
  t.same(dates('He moved in the day before the blast.', '2019-09-29'), []);
});

t.test('resolveRelativeTo re-anchors relative mentions and leaves the others alone', async (t) => {
  const [previous, thursday] = findDates('The previous day he spoke; on Thursday he left.', '2019-09-29');
  t.same(resolveRelativeTo(previous, '2019-09-26'), { start: 0, end: 16, text: 'The previous day', date: '2019-09-25', precision: 'day' });
  t.same(resolveRelativeTo(previous, null), { start: 0, end: 16, text: 'The previous day', date: null, precision: null });
  t.equal(resolveRelativeTo(thursday, '2019-09-01'), thursday);
});

t.test('namesAnEvent tells a date used as a name from a date that says when', async (t) => {
  const text = 'They rejected the November 27 agreement, signed on November 27, at Wednesday\'s summit.';
  const mentions = findDates(text, '2020-01-11');
  t.same(
    mentions.map((m) => [m.text, namesAnEvent(text, m)]),
    [
      ['November 27', true],
      ['on November 27', false],
      ['Wednesday', false],
    ],
  );
});
