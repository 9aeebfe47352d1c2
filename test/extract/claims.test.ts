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
    ['the ships were damaged', 'a possible route to the court', 'the ships will be repaired soon', 'evidence supported the account', 'it was a success'].map((x) => isFactual(x)),
    [true, false, false, true, false],
  );
  // reported speech without quotation marks: the third person reports, the first person does not
  t.same(['he was not present at the game', 'we are the best team here'].map((x) => isFactual(x, true)), [true, false]);
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

t.test('reported speech in the third person is a claim; first person and quotations led by a pronoun are not', async (t) => {
  t.same(claimed(extract('The league said he was not present at the arena in Karvia City.')), [['league', 'he was not present at the arena in Karvia City', 0]]);
  t.same(claimed(extract('The broadcaster reported there were at least 1,200 cases in the region.')), [['broadcaster', 'there were at least 1,200 cases in the region', 0]]);
  t.same(claimed(extract('Mara Voss said we are the best team in the league.')), []);
  t.same(claimed(extract('Mara Voss said it was “the moment of maximum opportunity” for the plan.')), []);
});

t.test('a judgement about the past with a modal ("could not have originated") is checkable; a prediction is not', async (t) => {
  t.same(claimed(extract('Karvia said the attack included missiles which could not have originated in Velmora.')).map((c) => c[1]), ['the attack included missiles which could not have originated in Velmora']);
  t.same(claimed(extract('Karvia said the attack could be repeated by the rebels next year.')), []);
});
