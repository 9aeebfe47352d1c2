// Speakers: surnames and "Mr X" to full names, roles and affiliations, pronouns, organisations and unnamed sources.

import t from 'tap';
import { actor, extract, said } from './helpers.js';

t.test('a surname and "Mr X" resolve to the full name used earlier', async (t) => {
  const x = extract('Finance minister Lena Brandt met the unions on Monday.\n\n“We have a deal,” Brandt said.\n\nMs. Brandt said the strike was over. Ms Brandt left.');
  t.same(said(x), [
    ['Lena Brandt', 'direct', 'said', 'We have a deal,'],
    ['Lena Brandt', 'indirect', 'said', 'the strike was over'],
  ]);
  t.same(actor(x, 'Lena Brandt')?.aliases, ['Brandt', 'Ms. Brandt', 'Ms Brandt']);
});

t.test('titles and appositives give role and affiliation', async (t) => {
  const x = extract(
    'NATO Secretary General Ana Kovacs said the alliance was ready. EU foreign policy chief Piet Maas said talks would go on. ' +
      'US Secretary of State Reyes said nothing. Omar Haddad, a UN rapporteur for the World Health Organization, said the data was clear.',
  );
  const roles = ['Ana Kovacs', 'Piet Maas', 'Reyes', 'Omar Haddad'].map((n) => {
    const a = actor(x, n)!;
    return [n, a.role, x.actors.find((b) => b.key === a.affiliationKey)?.name ?? null];
  });
  t.same(roles, [
    ['Ana Kovacs', 'NATO Secretary General', 'NATO'],
    ['Piet Maas', 'EU foreign policy chief', 'European Union'],
    ['Reyes', 'US Secretary of State', 'United States'],
    ['Omar Haddad', 'UN rapporteur', 'United Nations'],
  ]);
});

t.test('a role before the name in apposition, and a role inside a list of people', async (t) => {
  const x = extract('The mayor of Lisbon, Rui Costa, said the port would reopen. The rally heard Senator Ada Moss, Labour MP (Member of Parliament) Ian Hale, and others.');
  t.equal(actor(x, 'Rui Costa')?.role, 'mayor of Lisbon');
  t.equal(actor(x, 'Ada Moss')?.role, 'Senator');
  t.equal(actor(x, 'Ian Hale')?.role, 'Labour MP');
});

t.test('a pronoun goes to the nearest preceding compatible speaker', async (t) => {
  const x = extract('Lena Brandt said the bridge was safe. The Harbour Authority said repairs were needed.\n\n“We checked every cable,” she said. It said the report would be published.');
  t.same(said(x), [
    ['Lena Brandt', 'indirect', 'said', 'the bridge was safe'],
    ['Harbour Authority', 'indirect', 'said', 'repairs were needed'],
    ['Lena Brandt', 'direct', 'said', 'We checked every cable,'],
    ['Harbour Authority', 'indirect', 'said', 'the report would be published'],
  ]);
});

t.test('"they" finds the group that was the subject, even inside the same sentence', async (t) => {
  const x = extract('State prosecutors charged the driver with manslaughter, they said on Sunday.');
  t.same(said(x), [['prosecutors', 'indirect', 'said', 'State prosecutors charged the driver with manslaughter']]);
});

t.test('organisations and countries speak', async (t) => {
  t.same(said(extract('The Kremlin said the talks had failed. Japan says the deal is fair.')), [
    ['Kremlin', 'indirect', 'said', 'the talks had failed'],
    ['Japan', 'indirect', 'says', 'the deal is fair'],
  ]);
});

t.test('unnamed sources become group actors named by their head noun', async (t) => {
  const x = extract('Many observers say the deal is fragile. Officials said two ships were damaged. One witness told reporters the fire spread fast.');
  t.same(said(x), [
    ['observers', 'indirect', 'say', 'the deal is fragile'],
    ['officials', 'indirect', 'said', 'two ships were damaged'],
    ['witness', 'indirect', 'told', 'the fire spread fast'],
  ]);
  t.same([actor(x, 'observers')?.type, actor(x, 'observers')?.aliases], ['group', ['Many observers']]);
});

t.test('a document speaks for its author: "a report from X", "data from X", "a UN report"', async (t) => {
  t.same(said(extract('A report from the Mexican government said nine people died. According to data from the Harbour Authority, traffic fell.')), [
    ['Mexico', 'indirect', 'said', 'nine people died'],
    ['Harbour Authority', 'indirect', 'According to', 'traffic fell'],
  ]);
});

t.test('a description in apposition with a name means that person', async (t) => {
  t.same(said(extract('According to the port director, Rui Costa, the cranes were idle.')), [['Rui Costa', 'indirect', 'According to', 'the cranes were idle']]);
});

t.test('"according to X, who said": the relative pronoun speaks for X', async (t) => {
  t.same(said(extract('The fire began at noon, according to police, who said the crew was safe.')), [
    ['police', 'indirect', 'according to', 'The fire began at noon'],
    ['police', 'indirect', 'said', 'the crew was safe'],
  ]);
});

t.test('a participle and a coordinated verb share the subject of their sentence', async (t) => {
  t.same(said(extract('Lena Brandt opened the bridge on Friday, calling for calm. She said, "It is safe", adding, "We checked."')), [
    ['Lena Brandt', 'indirect', 'calling for', 'calm'],
    ['Lena Brandt', 'direct', 'said', 'It is safe'],
    ['Lena Brandt', 'direct', 'adding', 'We checked.'],
  ]);
});

t.test('an adverb opening the sentence is not part of the speaker; a relative clause reports only to its end', async (t) => {
  t.same(said(extract('Afterwards Lena Brandt claimed the vote was rigged. Tomas Rivera, who says the port is safe, left early.')), [
    ['Lena Brandt', 'indirect', 'claimed', 'the vote was rigged'],
    ['Tomas Rivera', 'indirect', 'says', 'the port is safe'],
  ]);
});

t.test('"a report on Wednesday by X": the document\'s author speaks', async (t) => {
  t.same(said(extract('According to a report on Wednesday by the Harbour Authority, two cranes failed.')), [['Harbour Authority', 'indirect', 'According to', 'two cranes failed']]);
});

t.test('a spokesperson of an organisation is named after it; "the Labour leader" is a person, not the party', async (t) => {
  const x = extract('A spokesperson for the Harbour Authority said the port was closed. A NATO spokesman said the alliance was ready.\n\n“We will not back down,” Prime Minister Ada Moss told parliament.\n\nThe Labour leader said she had spoken to the unions.');
  t.same(said(x), [
    ['Harbour Authority spokesperson', 'indirect', 'said', 'the port was closed'],
    ['NATO spokesman', 'indirect', 'said', 'the alliance was ready'],
    ['Ada Moss', 'direct', 'told', 'We will not back down,'],
    ['Ada Moss', 'indirect', 'said', 'she had spoken to the unions'],
  ]);
});

t.test('an age in apposition, "the company" for the organisation named last, and a trailing "in a statement"', async (t) => {
  const x = extract('Ada Moss, 45, said the plant would close. In a statement, Acme Holdings said profits fell. Sales rose, the company said in a statement on Monday.');
  t.same(said(x), [
    ['Ada Moss', 'indirect', 'said', 'the plant would close'],
    ['Acme Holdings', 'indirect', 'said', 'profits fell'],
    ['Acme Holdings', 'indirect', 'said', 'Sales rose'],
  ]);
});

t.test('roles: plural titles before a list of names, descriptions in apposition, descriptions before a name', async (t) => {
  const x = extract('Ada Moss met officers Ian Hale and Tom Reed. Lena Brandt, another lawyer for the family, spoke. Sam Ortiz, a Tallinn lawyer representing Ada Moss, spoke. According to Harbour University political scholar Kim Berg, it is over.');
  t.equal(actor(x, 'Ian Hale')?.role, 'officer');
  t.equal(actor(x, 'Tom Reed')?.role, 'officer');
  t.equal(actor(x, 'Lena Brandt')?.role, 'lawyer');
  t.equal(actor(x, 'Sam Ortiz')?.role, 'Tallinn lawyer');
  t.same(said(x), [['Kim Berg', 'indirect', 'According to', 'it is over']]);
});

t.test('a description after a name in apposition does not hide the name as subject', async (t) => {
  t.same(said(extract('Professor Ada Moss, Director General of the Institut National de la Mer that ran the trial, said the results were clear.')), [
    ['Ada Moss', 'indirect', 'said', 'the results were clear'],
  ]);
  t.same(said(extract('Lena Brandt, a cardiologist at the Harbour Clinic who was not involved, cautioned that the study was small.')), [
    ['Lena Brandt', 'indirect', 'cautioned', 'the study was small'],
  ]);
});

t.test('a relation of a named person ("Khan\'s mother", "his daughter") is never that person', async (t) => {
  t.same(said(extract('Omar Khan was convicted on Friday. Khan’s mother said he was innocent.')), [['Omar Khan mother', 'indirect', 'said', 'he was innocent']]);
  t.same(said(extract('Omar Khan was convicted on Friday. His mother said he was innocent.')), [['mother', 'indirect', 'said', 'he was innocent']]);
  // the person named before with that relation
  t.same(said(extract('Omar Khan died on Friday. His daughter, Nettie Khan, was with him. His daughter said he died in Britain.')), [['Nettie Khan', 'indirect', 'said', 'he died in Britain']]);
  // coordinated possessors: the person in apposition, not the possessors
  t.same(said(extract('Omar Khan and Lena Brandt met. Brandt and Khan’s mother, Anwar Bibi, wept and said she believed he was innocent.')), [['Anwar Bibi', 'indirect', 'said', 'she believed he was innocent']]);
  t.same(said(extract('The family said they planned to have a private funeral.')), [['family', 'indirect', 'said', 'they planned to have a private funeral']]);
});

t.test('"X, whose brother was killed, said": X speaks, not the relative clause\'s subject', async (t) => {
  t.same(said(extract('Shonda Miles, whose brother was among those killed, said the family was relieved.')), [['Shonda Miles', 'indirect', 'said', 'the family was relieved']]);
});

t.test('an occupation in apposition without an article describes the person before it', async (t) => {
  t.same(said(extract('In a radio report, Dr Gary Mortimer, retail expert from Queensland University of Technology, said the stores fill the stock every night.')), [
    ['Gary Mortimer', 'indirect', 'said', 'the stores fill the stock every night'],
  ]);
  // a plural noun's verb without "-s" makes a clause; "the talks last week" does not
  t.same(said(extract('Lena Brandt said the talks last week were useful.')), [['Lena Brandt', 'indirect', 'said', 'the talks last week were useful']]);
});

t.test('"according to its press release": the owner of the document is the pronoun\'s antecedent', async (t) => {
  t.same(said(extract('The Karvia League did not name the player. According to its press release, the league was “suspending all games until further notice.”')), [['Karvia League', 'direct', 'According to', 'suspending all games until further notice.']]);
  t.same(said(extract('Mara Voss spoke on Monday. According to her statement, the bridge is unsafe.')), [['Mara Voss', 'indirect', 'According to', 'the bridge is unsafe']]);
  // without an owner the document stays the source
  t.same(said(extract('According to a press release, the league was suspending all games.')).map((s) => s[0]), ['release']);
});

t.test('a title with a preposition inside opening the sentence leads to the name ("Secretary of State X said")', async (t) => {
  t.same(said(extract('Secretary of State Lena Brandt said the plan is dangerous.')), [['Lena Brandt', 'indirect', 'said', 'the plan is dangerous']]);
  t.same(said(extract('Member of Parliament Lena Brandt added that the plan is dangerous.')), [['Lena Brandt', 'indirect', 'added', 'the plan is dangerous']]);
});
