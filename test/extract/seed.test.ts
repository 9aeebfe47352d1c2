// The seed article end to end: every statement with speaker, kind, cue and date; claims; speakers' roles; actors.

import { readFileSync } from 'node:fs';
import t from 'tap';
import { extractArticle } from '../../src/extract/index.js';
import { nameOf } from './helpers.js';

const dir = new URL('../../data/articles/', import.meta.url);
const raw = readFileSync(new URL('000_945e9eab9f0c3dd6.txt', dir), 'utf8');
const meta = JSON.parse(readFileSync(new URL('000_945e9eab9f0c3dd6.meta.json', dir), 'utf8')) as { published: string };
const x = extractArticle(raw, { published: meta.published });

t.test('statements: speaker, kind, cue, date and the start of the text', async (t) => {
  t.same(
    x.statements.map((s) => [nameOf(x, s.speakerKey), s.kind, s.cue, s.date.date, s.date.precision, s.text.slice(0, 40)]),
    [
      ['NATO', 'indirect', 'says', null, null, 'Russia is sending its missile technology'],
      ['Mark Rutte', 'direct', 'said', '2024-11-04', 'week', 'China has a particular responsibility he'],
      ['Mark Rutte', 'direct', 'warned', '2024-11-14', 'day', 'a direct threat, not only to Europe, but'],
      ['Mark Rutte', 'direct', 'said', '2024-11-13', 'day', 'the Euro-Atlantic and the Indo-Pacific r'],
      ['Mark Rutte', 'direct', 'said', '2024-11-13', 'day', 'our security is therefore increasingly g'],
      ['observers', 'indirect', 'say', null, null, 'China is reluctant to form a three-way, '],
      ['Josep Borrell', 'direct', 'wrote', '2024-11-14', 'day', 'This marks an escalation of the highest '],
      ['Josep Borrell', 'direct', 'welcomed', null, null, 'the first outside of Europe'],
      ['Josep Borrell', 'direct', 'wrote', '2024-11-14', 'day', 'The EU was certainly not born as a milit'],
      ['Blinken', 'indirect', 'said', '2024-11-11', 'week', 'Joe Biden’s administration was determine'],
    ],
  );
});

t.test('spans point at the statement text in the body; every statement has a rule and a confidence', async (t) => {
  for (const s of x.statements) {
    t.equal(x.article.body.slice(s.span.start, s.span.end), s.text);
    t.ok(s.attribution.rule && s.attribution.confidence > 0 && s.attribution.confidence <= 1, s.attribution.rule);
  }
});

t.test('an unclosed quotation after "said that" runs to the end of its paragraph', async (t) => {
  t.equal(x.statements[1].text.slice(-40), 'turning a blind eye to the increase in aggression.'.slice(-40));
});

t.test('claims with their claimants', async (t) => {
  t.same(
    x.claims.map((c) => [nameOf(x, c.claimantKey), c.statementIndex, c.text.slice(0, 40)]),
    [
      ['intelligence services', null, 'Up to 12,000 North Korean troops have be'],
      ['NATO', 0, 'Russia is sending its missile technology'],
      ['Mark Rutte', 2, 'exchanges of missile technology, in part'],
      ['observers', 5, 'China is reluctant to form a three-way, '],
      ['Blinken', 9, 'Joe Biden’s administration was determine'],
    ],
  );
});

t.test('speakers carry their roles and affiliations', async (t) => {
  const role = (name: string) => {
    const a = x.actors.find((b) => b.name === name)!;
    return [a.role, nameOf(x, a.affiliationKey)];
  };
  t.same(role('Mark Rutte'), ['NATO Secretary General', 'NATO']);
  t.same(role('Josep Borrell'), ['EU foreign policy chief', 'European Union']);
  t.same(role('Blinken'), ['US Secretary of State', 'United States']);
});

t.test('actors: countries by alpha-3 with capitals and demonyms as aliases, no false actors', async (t) => {
  const byKey = Object.fromEntries(x.actors.map((a) => [a.key, a.aliases]));
  t.same(byKey['country:prk'], ['Pyongyang', 'North Korean']);
  t.same(byKey['country:chn'], ['Beijing']);
  t.same(byKey['organization:nato'], ['North Atlantic Treaty Organization']);
  t.same(byKey['person:josep borrell'], ['Mr. Borrell', 'Mr Borrell']);
  t.same(
    x.actors.map((a) => a.name).sort(),
    ['Asia', 'Asia-Pacific', 'Australia', 'Blinken', 'China', 'Euro-Atlantic', 'Europe', 'European Union', 'Indo-Pacific', 'Japan', 'Joe Biden', 'Josep Borrell', 'Kursk', 'Latvia', 'Mark Rutte', 'Moscow', 'NATO', 'New Zealand', 'North Korea', 'Politico', 'Pyongyang', 'Russia', 'South Korea', 'Ukraine', 'United States', 'West', 'White House', 'intelligence services', 'observers'],
  );
});

t.test('every key a statement, claim or mention uses is an actor of the extraction', async (t) => {
  const keys = new Set(x.actors.map((a) => a.key));
  const used = [...x.statements.flatMap((s) => [s.speakerKey, ...s.mentionKeys]), ...x.claims.flatMap((c) => [c.claimantKey, ...c.mentionKeys]), ...x.mentions.map((m) => m.actorKey)];
  t.same(used.filter((k) => k !== null && !keys.has(k)), []);
});
