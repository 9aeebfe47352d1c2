// The document layer: wink-nlp's tokens and sentences with exact offsets, whatever the script or punctuation.

import t from 'tap';
import { buildDocument } from '../../src/extract/document.js';
import { parseArticle } from '../../src/extract/parse.js';
import { resources } from './helpers.js';

const doc = (body: string, published = '2024-11-14') => buildDocument(parseArticle(`Test Wire\n\nA headline\n\n${body}\n`), published, resources());

t.test('every token slices the body to exactly its text; names with letters beyond Latin-1 stay whole', async (t) => {
  const d = doc('Recep Tayyip Erdoğan met Łukasz Nowak in Łódź. Nguyễn Xuân Phúc said: “Ça va.”\n\nThen 😀 Zoë left — fast…');
  for (let i = 0; i < d.titleStart; i++) t.equal(d.body.slice(d.tokens[i].start, d.tokens[i].end), d.tokens[i].text);
  const words = d.tokens.slice(0, d.titleStart).map((x) => x.text);
  for (const w of ['Erdoğan', 'Łukasz', 'Łódź', 'Nguyễn', 'Zoë']) t.ok(words.includes(w), `${w} is one token`);
  t.equal(d.tokens.find((x) => x.text === 'said')?.lemma, 'say');
});

t.test('sentences never cross paragraphs; a wire dateline and a date-only first paragraph are datelines', async (t) => {
  const d = doc('WASHINGTON — The Senate voted on Monday. It passed\n\nthe bill without a debate');
  t.same(d.sentences.filter((s) => s.para >= 0).map((s) => [d.body.slice(s.start, s.end), s.para, s.dateline]), [
    ['WASHINGTON —', 0, true],
    ['The Senate voted on Monday.', 0, false],
    ['It passed', 0, false],
    ['the bill without a debate', 1, false],
  ]);
  const w = doc('Friday, January 4, 2019\n\nAn apartment building collapsed on Monday.', '2019-01-04');
  t.ok(w.sentences.filter((s) => s.para === 0).every((s) => s.dateline), 'the date line of a Wikinews article');
});

t.test('quoted tokens are marked', async (t) => {
  const d = doc('She said “the plan works” and left.');
  t.same(d.tokens.filter((x) => x.quoted).map((x) => x.text), ['the', 'plan', 'works']);
});
