// splitSentences: sentence boundaries with offsets; abbreviations, initials and lower-case continuations do not split.

import t from 'tap';
import { splitSentences } from '../../src/extract/sentences.js';

const split = (text: string) => splitSentences(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));

t.test('splits at full stops before a capital, keeping offsets into the text', async (t) => {
  const text = 'The talks ended. Both sides left. Nothing changed!';
  t.same(split(text), ['The talks ended.', 'Both sides left.', 'Nothing changed!']);
  t.same(splitSentences(text, [{ start: 0, end: text.length }])[1], { start: 17, end: 33, para: 0 });
});

t.test('titles, initials and dotted abbreviations do not end a sentence', async (t) => {
  t.same(split('Mr. Smith met Dr. Jones in the U.S. Senate on Monday.'), ['Mr. Smith met Dr. Jones in the U.S. Senate on Monday.']);
  t.same(split('United States Attorney Jessie K. Liu said it.'), ['United States Attorney Jessie K. Liu said it.']);
  t.same(split('It began at 10 a.m. local time.'), ['It began at 10 a.m. local time.']);
});

t.test('an abbreviation followed by a word that only starts sentences does end one', async (t) => {
  t.same(split('They flew to the U.S. The next day they left.'), ['They flew to the U.S.', 'The next day they left.']);
});

t.test('a closing quotation mark stays with its sentence; a lower-case word after a stop continues it', async (t) => {
  t.same(split('“We will win.” She smiled.'), ['“We will win.”', 'She smiled.']);
  t.same(split('Economic challenges. maintain its relations.'), ['Economic challenges. maintain its relations.']);
});

t.test('each paragraph is split on its own and keeps its index', async (t) => {
  const text = 'One. Two.\n\nThree.';
  const got = splitSentences(text, [{ start: 0, end: 9 }, { start: 11, end: 17 }]);
  t.same(got.map((s) => [text.slice(s.start, s.end), s.para]), [['One.', 0], ['Two.', 0], ['Three.', 1]]);
});

t.test('a wire dateline is a sentence of its own, so the first sentence starts after its dash', async (t) => {
  const first = (text: string) => splitSentences(text, [{ start: 0, end: text.length }]).map((s) => [text.slice(s.start, s.end), !!s.dateline]);
  t.same(first('HARBOR CITY, Ore. (AP) — The ferry sank on Monday, officials said.'), [['HARBOR CITY, Ore. (AP) —', true], ['The ferry sank on Monday, officials said.', false]]);
  t.same(first('VALLETTA, June 3 (Reuters) - Talks resumed.'), [['VALLETTA, June 3 (Reuters) -', true], ['Talks resumed.', false]]);
  t.same(first('Graz, 4 May (APA) – Talks resumed.'), [['Graz, 4 May (APA) –', true], ['Talks resumed.', false]]);
  // a title-case word and a dash without an agency is an ordinary sentence
  t.same(first('Talks - what comes next is unclear.'), [['Talks - what comes next is unclear.', false]]);
});
