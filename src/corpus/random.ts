// A small seeded random number generator, so a generated corpus is the same for the same seed on any machine.

/** splitmix32: mixes a seed and an index into a well-spread 32-bit state. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

const prepared = new WeakMap<object, Weighted<unknown>>();

/** mulberry32: fast, good enough for text generation, and identical across platforms. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A key of `weights`, each chosen in proportion to its weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    let w = prepared.get(weights) as Weighted<K> | undefined;
    if (!w) prepared.set(weights, (w = new Weighted<K>(weights)));
    return w.pick(this.next());
  }

  /** Approximately normal (sum of uniforms), mean 0 and deviation 1. */
  normal(): number {
    return this.next() + this.next() + this.next() + this.next() - 2;
  }
}

/** Cumulative weights prepared once, for many weighted picks. */
export class Weighted<K> {
  private readonly keys: K[];
  private readonly cumulative: number[];

  constructor(weights: Record<string, number> | [K, number][]) {
    const entries = (Array.isArray(weights) ? weights : Object.entries(weights)) as [K, number][];
    this.keys = entries.map(([k]) => k);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
  }

  /** The key at fraction `u` in [0, 1) of the total weight. */
  pick(u: number): K {
    const target = u * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.keys[lo];
  }
}

/** Zipf-distributed ranks 0..n-1 (rank r has weight 1/(r+1)^s): a few people speak often, most rarely. */
export function zipf(n: number, s = 1): Weighted<number> {
  return new Weighted(Array.from({ length: n }, (_, r) => [r, 1 / (r + 1) ** s] as [number, number]));
}
