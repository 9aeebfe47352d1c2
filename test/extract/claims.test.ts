// Claims: factual reported content with its claimant and statement; opinions, predictions and article voice are not claimed.

import t from 'tap';
import { isFactual } from '../../src/extract/claims.js';
import { claimed, extract } from './helpers.js';

t.test('reported speech that asserts a fact is a claim linked to its statement', async (t) => {
  t.same(claimed(extract('Officials said two ships were damaged in the storm.')), [['officials', 'two ships were damaged in the storm', 0]]);
});

t.test('"This is indicated by X" makes the sentence before X\'s claim', async (t) => {
  t.same(claimed(extract('Up to 400 workers have left the plant. This is indicated by the assessments of the regional labour inspectors.')), [
    ['inspectors', 'Up to 400 workers have left the plant', null],
  ]);
});

t.test('reported speech around a partial quotation: the claim is the whole clause', async (t) => {
  t.same(claimed(extract('Lena Brandt said the audit found “serious gaps in the accounts.”')), [['Lena Brandt', 'the audit found “serious gaps in the accounts.”', 0]]);
});

t.test('predictions, wishes, directives and pronoun-led fragments are not claims', async (t) => {
  t.same(claimed(extract('Lena Brandt said the bridge would open in May. She urged the council to act. Tomas Rivera said they wanted more time.')), []);
});

t.test('the article\'s own sentences are not claimed', async (t) => {
  t.same(claimed(extract('Two ships were damaged in the storm.')), []);
});

t.test('isFactual needs a finite verb and no modal', async (t) => {
  t.same(
    ['the ships were damaged', 'a possible route to the court', 'the ships will be repaired soon', 'evidence supported the account', 'it was a success'].map(isFactual),
    [true, false, false, true, false],
  );
});

t.test('a quoted sentence reporting a past event or a figure is its speaker\'s claim; opinions are not', async (t) => {
  const x = extract('Lena Brandt said: “Here in the city, hundreds of families have left their homes since May. We must act now. I think it is a disgrace.”');
  t.same(claimed(x), [['Lena Brandt', 'Here in the city, hundreds of families have left their homes since May', 0]]);
});

t.test('a claim ends before a participial aside', async (t) => {
  t.same(claimed(extract('Organisers said thousands of people marched in the capital on Saturday, protesting the new law.')), [
    ['organisers', 'thousands of people marched in the capital on Saturday', 0],
  ]);
});
