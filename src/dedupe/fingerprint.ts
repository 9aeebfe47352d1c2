// Fingerprints of text for finding repeats: the words after normalising, word shingles, MinHash band keys and the
// overlap of two texts. Pure functions; the store keeps the keys in an index (store/quotes.ts, store/copies.ts).

/**
 * The words of a text as compared: Unicode compatibility forms folded (NFKC: full-width letters, ligatures), lower
 * case, apostrophes inside words dropped (don't, don’t and dont are one word), every other punctuation mark and
 * quotation mark, straight or curly, a word break.
 */
export function words(text: string): string[] {
  return (
    (isAscii(text) ? text : text.normalize('NFKC'))
      .toLowerCase()
      .replace(/(?<=\p{L})['’‘`´ʼ](?=\p{L})/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Whether every character is ASCII: such text needs no Unicode normalising (most of an English article). */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** 32-bit FNV-1a of a string. */
function fnv(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const TWO_32 = 2 ** 32;
/** Keys are 53-bit integers (SQLite INTEGER, exact in a JavaScript number): 21 high bits, 32 low bits. */
const key53 = (hi: number, lo: number) => (hi % 2 ** 21) * TWO_32 + lo;

/** One key for the exact words (two independent 32-bit hashes: a collision needs both to collide). */
export function exactKey(ws: string[]): number {
  const text = ws.join(' ');
  return key53(fnv(text, 0x9747b28c), fnv(text));
}

/** The hashes of every run of `size` consecutive words (one run when the text is shorter). */
export function shingles(ws: string[], size: number): Set<number> {
  // each word hashed once, each run's hash combined from them: no string is built per run (an article has hundreds)
  const hashes = ws.map((w) => fnv(w));
  const out = new Set<number>();
  const runs = Math.max(1, ws.length - size + 1);
  for (let i = 0; i < runs && i < ws.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + size && j < ws.length; j++) h = Math.imul(h ^ hashes[j], 0x01000193) >>> 0;
    out.add(h);
  }
  return out;
}

/**
 * How much of the smaller shingle set the larger one holds (the overlap coefficient): 1 when one text is the other
 * with words cut off (a clause dropped, a paragraph cut), falling by a few shingles per word changed.
 */
export function overlap(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}

/** MinHash signature length and its split into bands: a text is a candidate when any band matches whole. */
const BANDS = 10;
const ROWS = 2;

// fixed odd multipliers and offsets, one per hash function: the same text gives the same keys in every database
const MULTIPLIERS = Array.from({ length: BANDS * ROWS }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const OFFSETS = Array.from({ length: BANDS * ROWS }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

/** A 32-bit mix of a shingle hash under hash function `i`. */
function mix(h: number, i: number): number {
  let x = (Math.imul(h, MULTIPLIERS[i]) + OFFSETS[i]) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The MinHash signature of a shingle set: the least value of each hash function over it. */
export function minHash(set: Set<number>): number[] {
  const minima = new Array<number>(BANDS * ROWS).fill(TWO_32);
  for (const h of set) {
    for (let i = 0; i < minima.length; i++) {
      const v = mix(h, i);
      if (v < minima[i]) minima[i] = v;
    }
  }
  return minima;
}

/** The Jaccard similarity two signatures estimate: the share of hash functions whose least values agree. */
export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

/**
 * The band keys of a MinHash signature (MinHash, BANDS bands of ROWS minima each). Two sets whose Jaccard similarity is J
 * share at least one band with probability 1 - (1 - J^2)^10: 0.99 at J = 0.6, 0.84 at J = 0.4 (an article cut
 * to 40 % of its length), 0.1 at J = 0.1. Candidates are then screened by their signatures and checked by `overlap`.
 */
export function bandKeysOf(minima: number[]): number[] {
  if (minima.every((m) => m === TWO_32)) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let lo = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) lo = Math.imul(lo ^ minima[b * ROWS + r], 0x01000193) >>> 0;
    // the band number in the high bits keeps bands apart, and apart from exact keys (whose high bits are random)
    keys.push(key53(0x100000 + b * 0x1000 + (minima[b * ROWS] >>> 20), lo));
  }
  return keys;
}
