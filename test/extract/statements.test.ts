// Each attribution pattern on sentences written for it: the statement is found, with its speaker, kind and date.

import t from 'tap';
import { dated, extract, said } from './helpers.js';

const first = (body: string) => said(extract(body))[0];

t.test('quote then cue: "“...,” said X" and "“...,” X said"', async (t) => {
  t.same(first('“We will not back down,” said Interior Minister Ana Lima.'), ['Ana Lima', 'direct', 'said', 'We will not back down,']);
  t.same(said(extract('Interior Minister Ana Lima arrived on Monday. “We will not back down,” Lima said.'))[0].slice(0, 2), ['Ana Lima', 'direct']);
});

t.test('cue then quote: "X told reporters: “...”"', async (t) => {
  t.same(first('President Jane Doe told reporters: “This is a historic day for our country.”'), ['Jane Doe', 'direct', 'told', 'This is a historic day for our country.']);
});

t.test('"told" takes one addressee: what follows it is what was said', async (t) => {
  t.same(first('Later, Dutton told reporters the war would end.'), ['Dutton', 'indirect', 'told', 'the war would end']);
  t.same(first('Alvarez told CNN he would run again.'), ['Alvarez', 'indirect', 'told', 'he would run again']);
  t.same(first('Brandt told the paper’s editors that prices would fall.'), ['Brandt', 'indirect', 'told', 'prices would fall']);
});

t.test('a name in a hyphenated modifier does not speak: the noun it modifies does', async (t) => {
  t.same(first('A Kremlin-backed candidate said she would win the seat.').slice(0, 2), ['candidate', 'indirect']);
  t.same(first('The Labour-led council said it could not pay its bills.').slice(0, 2), ['council', 'indirect']);
});

t.test('cue then clause, with an appositive between the speaker and the cue', async (t) => {
  t.same(first('Ann Lee, the city’s deputy mayor, said on Monday that the border would stay closed.'), ['Ann Lee', 'indirect', 'said', 'the border would stay closed']);
});

t.test('clause then cue: an organisation speaks', async (t) => {
  t.same(first('The border will stay closed until further notice, the ministry said in a statement.'), ['ministry', 'indirect', 'said', 'The border will stay closed until further notice']);
});

t.test('according to X, at the start and at the end', async (t) => {
  t.match(first('According to the Red Cross, more than 200 people were injured.'), [/Red Cross/, 'indirect', 'According to', 'more than 200 people were injured']);
  t.match(first('More than 200 people were injured, according to the Red Cross.'), [/Red Cross/, 'indirect', 'according to', 'More than 200 people were injured']);
});

t.test('unnamed sources speak as groups', async (t) => {
  t.same(first('Police said the suspect was arrested at the airport.'), ['police', 'indirect', 'said', 'the suspect was arrested at the airport']);
  t.same(first('Officials estimated that the damage would cost $2 million.'), ['officials', 'indirect', 'estimated', 'the damage would cost $2 million']);
});

t.test('a pronoun speaks for the person named before it, and a quotation with no cue keeps the speaker', async (t) => {
  const x = extract('Jane Doe arrived in Paris on Tuesday. “This is a historic day,” she said. “We have waited too long.”');
  t.same(dated(x), [
    ['Jane Doe', 'This is a historic day,', '2024-11-12', 'day'],
    ['Jane Doe', 'We have waited too long.', '2024-11-12', 'day'],
  ]);
});

t.test('a title and an office before the name: "Kremlin spokesman X said"', async (t) => {
  t.same(first('Kremlin spokesman Dmitry Peskov said Moscow had no plans to respond.'), ['Dmitry Peskov', 'indirect', 'said', 'Moscow had no plans to respond']);
});

t.test('a stance verb with a quotation, and a directive', async (t) => {
  const x = said(extract('The mayor, Dee Margo, called the attack “a senseless act of violence” and urged residents to stay calm.'));
  t.ok(x.every((s) => s[0] === 'Dee Margo'), JSON.stringify(x));
  t.ok(x.some((s) => s[3] === 'residents to stay calm'), 'urged residents to stay calm');
});

t.test('an interview transcript: each answer is a statement of the person its label names', async (t) => {
  const x = said(extract('Wikinews spoke to the engineer Maria Okafor about the bridge.\n\n((WN)) Why did the bridge fail?\n\n((Maria Okafor)) The steel was older than the records said, and nobody had checked it since 1990.\n\n((WN)) What happens now?\n\n((Maria Okafor)) The city will rebuild it with a new design.'));
  t.same(x.filter((s) => s[0] === 'Maria Okafor').map((s) => s[3]), ['The steel was older than the records said, and nobody had checked it since 1990.', 'The city will rebuild it with a new design.']);
});

t.test('nothing is attributed where nobody speaks', async (t) => {
  t.same(said(extract('The bridge reopened on Monday after two years of repairs. Traffic was light.')), []);
});

t.test('"“...,” X said, and was praised by Y": the phrase in the next clause does not speak', async (t) => {
  const x = said(extract('The pilot scheme, run by the city council in two schools, “cut waiting times by about a third,” Anna Berg said, and was judged by the wider review panel “far better than the old system”.'));
  t.ok(x.some((s) => s[0] === 'Anna Berg' && /cut waiting times/.test(s[3] ?? '')), JSON.stringify(x));
});
