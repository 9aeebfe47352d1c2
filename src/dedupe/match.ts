// When two statements are one quote and when two articles are one story: the thresholds (picked from the fixtures in
// test/fixtures/copies/, see test/dedupe/thresholds.test.ts) and the speaker rules. Pure functions.

import { bandKeysOf, estimatedJaccard, exactKey, minHash, overlap, shingles, words } from './fingerprint.js';

/** Statements are compared by word pairs: short quotes still have several, and one changed word costs two. */
const QUOTE_SHINGLE = 2;
/**
 * Two statements are one quote when this share of the shorter one's word pairs is in the longer one (and they give
 * the same figures). Picked between the fixtures and the corpus (scripts/dedupe-thresholds.ts prints both): versions
 * of one quote in test/fixtures/copies/ (a word changed, two words moved, a clause cut, curly quotation marks) score
 * 0.76 and up; different statements of 10 words or more by one speaker in the train split score 0.6 at most
 * ("proud to endorse Joe Biden as president of the United States" against another endorsement ending "President of
 * the United States"). The pairs above 0.6 that stay apart there are repeats the index did not bring together, both
 * within one article: an answer reported before the interview quotes it (0.82), a sentence inside a longer quote (0.91).
 */
export const QUOTE_OVERLAP = 0.7;
/**
 * Statements shorter than this are one quote only with the same words: below it a pair of shared words is most of a
 * text, and different statements by one speaker score 0.7 to 0.8 in the train split ("Rocky Linux is for the
 * community" against "Rocky Linux is a Community Enterprise Linux distribution by the community").
 */
export const QUOTE_MIN_WORDS = 10;
/** Below this many words even the same words are one quote only by the same named speaker: "Thank you." */
const EXACT_MIN_WORDS = 4;
/**
 * A statement's first and its last this many words are keys of their own: a version with one word changed keeps at
 * least one of them whole (it has QUOTE_MIN_WORDS, twice this, or more), and one with a clause cut keeps the other
 * end. Three keys a statement (MinHash bands, tried first, cost twice the ingest time for no more repeats found in the
 * fixtures or the train split).
 */
const END_WORDS = 5;

/** Articles are compared by runs of three words: common pairs ("of the") would make any two stories look alike. */
const ARTICLE_SHINGLE = 3;
/**
 * An article is a copy of another when this share of the shorter one's word triples is in the longer one. The
 * fixtures' copies (another outlet line and curly quotation marks, a paragraph cut and a sentence reworded, a speaker
 * unnamed) score 0.97 and up; the most alike pair of different articles in the train split, two interviews of one
 * series sharing their questions, scores 0.42 (scripts/dedupe-thresholds.ts).
 */
export const ARTICLE_OVERLAP = 0.7;
/** Texts shorter than this (a brief, a caption) are not compared: a few shared sentences would be most of them. */
export const ARTICLE_MIN_WORDS = 60;

/** A text ready for comparing: its words, its shingles and the keys that find it in an index. */
export interface Fingerprint {
  words: string[];
  shingles: Set<number>;
  /**
   * Index keys: a statement's exact words and its first and last words, any one of which shared makes a candidate;
   * an article's MinHash bands, two of which shared make one (then screened by signature, see worthComparing).
   */
  keys: number[];
}

/**
 * A key shared by this many texts finds no more: a template's ending ("and we will not stop until the job is done")
 * or a phrase many people say identifies nothing, and a list of hundreds would be read at every lookup.
 */
export const KEY_CAPACITY = 8;

/** The keys of a statement's words: the exact words, and for ten words or more the first and the last five. */
export function quoteFingerprint(text: string): Fingerprint {
  const ws = words(text);
  const sh = shingles(ws, QUOTE_SHINGLE);
  const exact = [exactKey(ws)];
  if (ws.length < QUOTE_MIN_WORDS) return { words: ws, shingles: sh, keys: exact };
  // the first and the last words find a version with a word changed or a clause cut at the other end
  const ends = [exactKey(['^', ...ws.slice(0, END_WORDS)]), exactKey([...ws.slice(-END_WORDS), '$'])];
  return { words: ws, shingles: sh, keys: [...exact, ...ends] };
}

/** An article's fingerprint, with its MinHash signature (stored, so candidates are screened without their text). */
export function articleFingerprint(body: string): Fingerprint & { signature: number[] } {
  const ws = words(body);
  if (ws.length < ARTICLE_MIN_WORDS) return { words: ws, shingles: new Set(), keys: [], signature: [] };
  const sh = shingles(ws, ARTICLE_SHINGLE);
  const signature = minHash(sh);
  return { words: ws, shingles: sh, keys: bandKeysOf(signature), signature };
}

/**
 * Whether a candidate article is worth reading and comparing word for word: the signatures estimate a Jaccard
 * similarity of 0.3 or more. A copy trimmed to half its length has 0.5; stories sharing a template's phrases (the
 * bench's generated corpus) share a band or two and little else.
 */
export const worthComparing = (a: number[], b: number[]) => estimatedJaccard(a, b) >= 0.3;

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

const figures = (ws: string[]) => ws.filter((w) => /^\p{N}/u.test(w));

/**
 * How alike two statements' words are: 1 for the same words (after normalising); else, when both are long enough to
 * compare loosely, the overlap of their word pairs, unless the shorter gives a figure the longer does not (an
 * electoral count of 319 to 219 is not one of 359 to 179); else 0.
 */
export function quoteSimilarity(a: Fingerprint, b: Fingerprint): number {
  if (sameWords(a.words, b.words)) return 1;
  if (a.words.length < QUOTE_MIN_WORDS || b.words.length < QUOTE_MIN_WORDS) return 0;
  const [shorter, longer] = a.words.length <= b.words.length ? [a, b] : [b, a];
  const given = new Set(figures(longer.words));
  if (figures(shorter.words).some((f) => !given.has(f))) return 0;
  return overlap(a.shingles, b.shingles);
}

export function articleSimilarity(a: Fingerprint, b: Fingerprint): number {
  return overlap(a.shingles, b.shingles);
}

/** A speaker as quotes compare them: the actor id and how specific it is (see speakerRank). */
export interface SpeakerRef {
  id: number | null;
  rank: number;
}

/**
 * How specific a speaker is: a named person (3) beats an organisation or country (2), which beats an unnamed source
 * ("a spokesman", "officials": group) or anything else (1), which beats no speaker (0).
 */
export function speakerRank(type: string | null): number {
  if (type === null) return 0;
  if (type === 'person') return 3;
  if (type === 'organization' || type === 'country') return 2;
  return 1;
}

/**
 * Whether two statements with these speakers may be one quote: the same actor, or either speaker unnamed or missing
 * (one copy names the minister, another says "a spokesman"). Two named actors are two speakers, whatever the words.
 */
export function speakersCompatible(a: SpeakerRef, b: SpeakerRef): boolean {
  return a.id === b.id || Math.min(a.rank, b.rank) <= 1;
}

/**
 * How alike two statements are as one quote: their similarity when it reaches QUOTE_OVERLAP and their speakers are
 * compatible, else 0. Very short texts are one quote only by the same named speaker: "Thank you." is not one quote.
 */
export function quoteMatch(a: Fingerprint, aSpeaker: SpeakerRef, b: Fingerprint, bSpeaker: SpeakerRef): number {
  const tiny = a.words.length < EXACT_MIN_WORDS || b.words.length < EXACT_MIN_WORDS;
  if (tiny && (aSpeaker.id === null || aSpeaker.id !== bSpeaker.id)) return 0;
  if (!speakersCompatible(aSpeaker, bSpeaker)) return 0;
  const similarity = quoteSimilarity(a, b);
  return similarity >= QUOTE_OVERLAP ? similarity : 0;
}
