// Actors: typed by the entity model, linked into one actor per person, organisation or country, with roles.

import t from 'tap';
import { actor, extract, nameOf } from './helpers.js';

t.test('people, organisations, countries and places get their types', async (t) => {
  const x = extract('Foreign Minister Sergei Lavrov met officials of the World Health Organization in Geneva on Monday. Russia and Japan signed the deal, the Kremlin said.');
  t.equal(actor(x, 'Sergei Lavrov')?.type, 'person');
  t.equal(actor(x, 'World Health Organization')?.type, 'organization');
  t.equal(actor(x, 'Geneva')?.type, 'place');
  t.equal(actor(x, 'Russia')?.type, 'country');
  t.equal(actor(x, 'Japan')?.type, 'country');
  t.notOk(x.actors.some((a) => /^(?:The|Monday|Foreign)$/.test(a.name)), 'no sentence-initial word or weekday as an actor');
});

t.test('one actor per person: surnames and honorific forms link to the full name', async (t) => {
  const x = extract('EU foreign policy chief Josep Borrell arrived on Monday. Mr Borrell said the talks went well. Borrell left on Tuesday.');
  const a = actor(x, 'Josep Borrell')!;
  t.ok(a, 'Josep Borrell');
  t.ok(a.aliases.includes('Mr Borrell') && a.aliases.includes('Borrell'), a.aliases.join(', '));
  t.equal(x.actors.filter((b) => b.type === 'person').length, 1);
  t.equal(a.role, 'EU foreign policy chief');
  t.equal(nameOf(x, a.affiliationKey), 'European Union');
});

t.test('capitals standing for governments and demonyms are aliases of the country', async (t) => {
  const x = extract('Pyongyang denied the report. North Korean troops were seen near the border, a South Korean official said.');
  t.ok(x.actors.find((a) => a.key === 'country:prk')?.aliases.includes('North Korean'));
});

t.test('an acronym defined in brackets is the organisation before it', async (t) => {
  const x = extract('The Federal Security Service (FSB) said it had foiled a plot. The FSB gave no details.');
  const fsb = x.actors.filter((a) => a.aliases.includes('FSB'));
  t.equal(fsb.length, 1);
  t.equal(fsb[0].name, 'Federal Security Service');
});

t.test('a role from an appositive after the name', async (t) => {
  const x = extract('Ann Lee, the city’s deputy mayor, said the plan was dead.');
  t.equal(actor(x, 'Ann Lee')?.role, 'city’s deputy mayor');
});

t.test('hyphenated names stay whole: East Asian given names and Arabic particles', async (t) => {
  const x = extract('South Korean President Moon Jae-in met Taiwanese President Tsai Ing-wen in Seoul. Information Minister Moammar al-Eryani joined them, and later al-Eryani left for Aden. Moon said the meeting went well.');
  t.equal(actor(x, 'Moon Jae-in')?.type, 'person');
  t.ok(actor(x, 'Moon Jae-in')?.aliases.includes('Moon'), 'the surname links to the full name');
  t.equal(actor(x, 'Tsai Ing-wen')?.type, 'person');
  t.equal(actor(x, 'Moammar al-Eryani')?.role, 'Information Minister', 'a portfolio before "Minister" is part of the role');
  t.ok(actor(x, 'Moammar al-Eryani')?.aliases.includes('al-Eryani'));
  t.notOk(x.actors.some((a) => /^(?:in|wen|Eryani)$/.test(a.name)), x.actors.map((a) => a.name).join(', '));
});

t.test('a capitalised word before a hyphenated adjective is not a longer name', async (t) => {
  const x = extract('The Kremlin-run channel and a Soviet-era factory were shown. Paris-based analysts were unsurprised.');
  t.notOk(x.actors.some((a) => /-/.test(a.name)), x.actors.map((a) => a.name).join(', '));
});
