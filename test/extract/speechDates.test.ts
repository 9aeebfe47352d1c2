// Statement dates: the date in the clause that governs the cue, or one inherited from the context that introduced it.

import t from 'tap';
import { dated, extract } from './helpers.js';

// 2024-11-14 is a Thursday.

t.test('the date in the governing clause, not one inside the reported content', async (t) => {
  t.same(dated(extract('On Wednesday, Lena Brandt said the vote on Monday had failed.')), [['Lena Brandt', 'the vote on Monday had failed', '2024-11-13', 'day']]);
  t.same(dated(extract('Lena Brandt said this week that the vote had failed.')), [['Lena Brandt', 'the vote had failed', '2024-11-11', 'week']]);
});

t.test('no date in the governing clause means no date, never the publication date', async (t) => {
  t.same(dated(extract('Lena Brandt said the vote had failed.')), [['Lena Brandt', 'the vote had failed', null, null]]);
});

t.test('a date in a relative clause about something else does not date the statement', async (t) => {
  t.same(dated(extract('“The vote failed,” said Lena Brandt, who also met Tomas Rivera on Wednesday.')), [['Lena Brandt', 'The vote failed,', null, null]]);
});

t.test('a written statement takes the date of the piece that introduced it', async (t) => {
  const x = extract('In a blog post published Tuesday, Lena Brandt described her trip.\n\n“The talks were hard,” wrote Ms. Brandt.\n\nMs. Brandt praised the hosts, “the best in years”.\n\n“We will return,” she wrote.');
  t.same(dated(x), [
    ['Lena Brandt', 'The talks were hard,', '2024-11-12', 'day'],
    ['Lena Brandt', 'the best in years', null, null],
    ['Lena Brandt', 'We will return,', '2024-11-12', 'day'],
  ]);
});

t.test('a pronoun speaker inherits the date of the clause its antecedent spoke in', async (t) => {
  const x = extract('On Tuesday, Lena Brandt called the plan “reckless”. “It cannot pass,” she added.');
  t.same(dated(x), [
    ['Lena Brandt', 'reckless', '2024-11-12', 'day'],
    ['Lena Brandt', 'It cannot pass,', '2024-11-12', 'day'],
  ]);
});

t.test('a date after publication cannot date a statement', async (t) => {
  t.same(dated(extract('In its plan for 2030, the Harbour Authority said the port would double in size.')), [['Harbour Authority', 'the port would double in size', null, null]]);
});

t.test('quotations reporting the same speech keep its date until another date is mentioned', async (t) => {
  const x = extract('Yesterday, Lena Brandt said the port would close.\n\nBrandt was speaking at the harbour festival. “We have no choice,” she said.\n\nOn Monday, Tomas Rivera said it would not. “Nonsense,” Brandt said.');
  t.same(dated(x), [
    ['Lena Brandt', 'the port would close', '2024-11-13', 'day'],
    ['Lena Brandt', 'We have no choice,', '2024-11-13', 'day'],
    ['Tomas Rivera', 'it would not', '2024-11-11', 'day'],
    ['Lena Brandt', 'Nonsense,', null, null],
  ]);
});
