// Actors: gazetteer countries, capitals and demonyms, acronyms, organisations, and what must not become an actor.

import t from 'tap';
import { extract } from './helpers.js';

const names = (body: string, title?: string) => extract(body, '2024-11-14', title).actors.map((a) => [a.key, a.name, a.aliases]);

t.test('capitals used for governments and demonyms map to the country', async (t) => {
  t.same(names('Beijing and Pyongyang signed a pact. North Korean troops moved. Seoul’s envoy was absent.'), [
    ['country:chn', 'China', ['Beijing']],
    ['country:prk', 'North Korea', ['Pyongyang', 'North Korean']],
    ['country:kor', 'South Korea', ['Seoul']],
  ]);
});

t.test('a capital after a locative preposition is the city', async (t) => {
  t.same(names('Protesters marched in London.'), [['place:london', 'London', []]]);
});

t.test('an acronym defined in the text joins its full name; one defined by lower-case words is no actor', async (t) => {
  t.same(names('The Harbour Safety Board (HSB) met. The HSB said little. The exclusive economic zone (EEZ) was disputed by the EEZ states.'), [
    ['organization:harbour safety board', 'Harbour Safety Board', ['HSB']],
  ]);
});

t.test('no actors from sentence-initial capitals, titles without names, or "Mr" alone', async (t) => {
  t.same(names('Lots of people came. Secretary General said nothing. Mr said hello. Estimates vary.'), []);
});

t.test('the headline adds only names the body confirms', async (t) => {
  t.same(names('Lena Brandt spoke in Oslo.', 'Brandt Speaks Out On Bridge Plans'), [
    ['person:lena brandt', 'Lena Brandt', ['Brandt']],
    ['place:oslo', 'Oslo', []],
  ]);
});

t.test('a demonym leading an organisation name is part of it; hyphenated compounds name each country', async (t) => {
  t.same(names('The Turkish Ministry of Foreign Affairs objected to the Israeli-Cypriot plan.'), [
    ['organization:turkish ministry of foreign affairs', 'Turkish Ministry of Foreign Affairs', []],
    ['country:isr', 'Israel', ['Israeli']],
    ['country:cyp', 'Cyprus', ['Cypriot']],
  ]);
});

t.test('a person named with and without a title is one actor; "of" does not join a person to an organisation', async (t) => {
  t.same(names('Crown Prince Karim al Noor spoke to Ana Silva of Reuters. Karim al Noor left.'), [
    ['person:karim al noor', 'Karim al Noor', []],
    ['person:ana silva', 'Ana Silva', []],
    ['organization:reuters', 'Reuters', []],
  ]);
});

t.test('mentions point into the body and the title', async (t) => {
  const x = extract('NATO met.', '2024-11-14', 'NATO summit');
  t.same(x.mentions, [
    { start: 0, end: 4, field: 'title', actorKey: 'organization:nato', text: 'NATO' },
    { start: 0, end: 4, field: 'body', actorKey: 'organization:nato', text: 'NATO' },
  ]);
});

t.test('a lone capitalised word opening a sentence is a name when a verb of saying follows it', async (t) => {
  const x = extract('Rudaw reports the director has ties to the Guard. Initial reports stated the fruit was a pineapple. Citing alleged violations, the court acted.');
  const names = x.actors.map((a) => a.name);
  t.ok(names.includes('Rudaw'));
  t.notOk(names.includes('Initial') || names.includes('Citing'));
});

t.test('a known name followed by capitalised common words and an organisation word is one organisation', async (t) => {
  const x = extract('Amazon Web Services acknowledged the outage had affected customers.');
  t.same(x.actors.map((a) => [a.name, a.type]), [['Amazon Web Services', 'organization']]);
  t.same(x.statements.map((s) => x.actors.find((a) => a.key === s.speakerKey)?.name), ['Amazon Web Services']);
  // without an organisation word at the end the known name stands alone
  t.same(extract('Amazon Web pages were slow on Monday.').actors.map((a) => a.name), ['Amazon']);
});

t.test('a lone capitalised word opening a sentence is an actor when an aside and a verb of saying follow it', async (t) => {
  t.same(extract('Velmora-Tisk, which makes paper towels, said supply was short.').actors.map((a) => a.name), ['Velmora-Tisk']);
  t.same(extract('Velmora-Tisk, which makes paper towels, is short of supply.').actors.map((a) => a.name), []);
});
