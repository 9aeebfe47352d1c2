// When two statements are one quote and when two articles are one story: the thresholds (picked from the fixtures in
// test/fixtures/copies/, see test/dedupe/thresholds.test.ts) and the speaker rules. Pure functions.

import { bandKeys, exactKey, overlap, shingles, words } from './fingerprint.js';

/** Statements are compared by word pairs: short quotes still have several, and one changed word costs two. */
const QUOTE_SHINGLE = 2;
/**
 * Two statements are one quote when this share of the shorter one's word pairs is in the longer one. The fixtures'
 * repeats (a word changed, a clause cut, quotation marks and case) score 0.75 and up; the most alike pair of
 * different statements by one speaker in the train corpus scores 0.37.
 */
export const QUOTE_OVERLAP = 0.6;
/** Below this many words a statement joins a quote only by the same words and the same speaker ("We are ready."). */
export const QUOTE_MIN_WORDS = 6;

/** Articles are compared by runs of three words: common pairs ("of the") would make any two stories look alike. */
const ARTICLE_SHINGLE = 3;
/**
 * An article is a copy of another when this share of the shorter one's word triples is in the longer one. The
 * fixtures' copies (a paragraph cut, a sentence reworded, other quotation marks) score 0.8 and up; the most alike pair
 * of different stories in the corpus scores under 0.2.
 */
export const ARTICLE_OVERLAP = 0.5;
/** Texts shorter than this (a brief, a caption) are not compared: a few shared sentences would be most of them. */
export const ARTICLE_MIN_WORDS = 60;

/** A text ready for comparing: its words, its shingles and the keys that find it in an index. */
export interface Fingerprint {
  words: string[];
  shingles: Set<number>;
  /** Index keys: the exact words' key first, then MinHash band keys (none for texts too short to compare loosely). */
  keys: number[];
}

export function quoteFingerprint(text: string): Fingerprint {
  const ws = words(text);
  const sh = shingles(ws, QUOTE_SHINGLE);
  return { words: ws, shingles: sh, keys: [exactKey(ws), ...(ws.length >= QUOTE_MIN_WORDS ? bandKeys(sh) : [])] };
}

export function articleFingerprint(body: string): Fingerprint {
  const ws = words(body);
  if (ws.length < ARTICLE_MIN_WORDS) return { words: ws, shingles: new Set(), keys: [] };
  const sh = shingles(ws, ARTICLE_SHINGLE);
  return { words: ws, shingles: sh, keys: bandKeys(sh) };
}

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/**
 * How alike two statements' words are: 1 for the same words (after normalising), else the overlap of their word
 * pairs when both are long enough to compare loosely, else 0.
 */
export function quoteSimilarity(a: Fingerprint, b: Fingerprint): number {
  if (sameWords(a.words, b.words)) return 1;
  if (a.words.length < QUOTE_MIN_WORDS || b.words.length < QUOTE_MIN_WORDS) return 0;
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

/** Short texts merge only as the same words by the same named speaker: "Thank you." is not one quote. */
export function quoteMatch(a: Fingerprint, aSpeaker: SpeakerRef, b: Fingerprint, bSpeaker: SpeakerRef): number {
  const short = a.words.length < QUOTE_MIN_WORDS || b.words.length < QUOTE_MIN_WORDS;
  if (short && (aSpeaker.id === null || aSpeaker.id !== bSpeaker.id)) return 0;
  if (!speakersCompatible(aSpeaker, bSpeaker)) return 0;
  const similarity = quoteSimilarity(a, b);
  return similarity >= QUOTE_OVERLAP ? similarity : 0;
}
