// The pure part of merging: normalised words, when two statements are one quote, when two speakers may be one.

import t from 'tap';
import { exactKey, words } from '../../src/dedupe/fingerprint.js';
import {
  quoteFingerprint,
  quoteMatch,
  quoteSimilarity,
  speakerRank,
  speakersCompatible,
} from '../../src/dedupe/match.js';

const PEERS =
  "If there's a court order to say that someone's been defamed, then Facebook has to also search for different variations of it";

t.test('words: case, punctuation, quotation marks, whitespace and Unicode forms do not count', async (t) => {
  const forms = [
    PEERS,
    PEERS.replaceAll("'", '’'),
    `“${PEERS.toUpperCase()}.”`,
    PEERS.replaceAll(' ', '  \n'),
    PEERS.replace('Facebook', 'Ｆａｃｅｂｏｏｋ'), // full-width letters (NFKC)
  ];
  t.same(new Set(forms.map((f) => exactKey(words(f)))).size, 1);
  t.same(words('don’t stop—now'), ['dont', 'stop', 'now']);
});

t.test('one quote: a word changed, a clause cut; not: other figures, other short words', async (t) => {
  const sim = (a: string, b: string) => quoteSimilarity(quoteFingerprint(a), quoteFingerprint(b));
  t.ok(sim(PEERS, PEERS.replace('variations', 'versions')) >= 0.9, 'a word changed');
  t.equal(sim(PEERS, "If there's a court order"), 0, 'under ten words: only the same words');
  t.equal(sim(PEERS, PEERS.split(', then')[0]), 1, 'a clause cut (eleven words left)');
  t.equal(
    sim(PEERS, `${PEERS}, and that applies everywhere in the world`),
    1,
    'a clause cut: all of the shorter is in the longer',
  );
  t.equal(
    sim(
      'Knapp predicts former Vice President Biden defeats President Trump with an electoral count of 319 to 219.',
      'Gunzburger predicts former Vice President Biden defeats President Trump with an electoral count of 359 to 179.',
    ),
    0,
    'other figures: another statement',
  );
  const person = { id: 1, rank: speakerRank('person') };
  const other = { id: 2, rank: speakerRank('person') };
  const spokesman = { id: 3, rank: speakerRank('group') };
  const print = quoteFingerprint(PEERS);
  t.equal(quoteMatch(print, person, print, spokesman), 1, 'named and "a spokesman"');
  t.equal(quoteMatch(print, person, print, other), 0, 'two named people');
  const thanks = quoteFingerprint('Thank you.');
  t.equal(quoteMatch(thanks, spokesman, thanks, { id: null, rank: 0 }), 0, '"Thank you." by anyone is not one quote');
  t.equal(quoteMatch(thanks, person, thanks, person), 1, 'but by one person it is');
  t.ok(speakersCompatible({ id: 5, rank: 2 }, { id: null, rank: 0 }));
  t.notOk(speakersCompatible({ id: 5, rank: 2 }, { id: 6, rank: 2 }), 'two organisations');
});
