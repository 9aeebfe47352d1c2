// Trains a LinearModel deterministically: AdaGrad on the multinomial log-loss with L2, examples in a fixed order.

import type { LinearModel } from '../extract/model/linear.js';
import { softmax } from '../extract/model/linear.js';

export interface Example {
  features: string[];
  /** index into classes */
  label: number;
  /** how much this example counts (default 1) */
  weight?: number;
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** features seen in fewer examples are dropped */
  minCount?: number;
  /** seed of the example order's shuffle: the same seed gives the same weights */
  seed?: number;
}

/** A small deterministic PRNG (mulberry32), so training never depends on Math.random. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainLogistic(name: string, classes: string[], examples: Example[], opts: TrainOptions = {}): Omit<LinearModel, 'trainedOn'> {
  const epochs = opts.epochs ?? 12;
  const lr = opts.learningRate ?? 0.3;
  const l2 = opts.l2 ?? 1e-4;
  const minCount = opts.minCount ?? 2;
  const K = classes.length;

  const counts = new Map<string, number>();
  for (const ex of examples) for (const f of new Set(ex.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minCount) index.set(f, index.size);
  const F = index.size;
  const W = new Float64Array((F + 1) * K); // last row: bias
  const G = new Float64Array((F + 1) * K).fill(1e-8);
  const data = examples.map((ex) => ({ ids: [...new Set(ex.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined).concat(F), label: ex.label, weight: ex.weight ?? 1 }));

  const rand = prng(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Fisher-Yates with the seeded PRNG: a fixed order per epoch
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const ex = data[n];
      const s = new Array<number>(K).fill(0);
      for (const id of ex.ids) for (let c = 0; c < K; c++) s[c] += W[id * K + c];
      const p = softmax(s);
      for (const id of ex.ids) {
        for (let c = 0; c < K; c++) {
          const g = ex.weight * (p[c] - (c === ex.label ? 1 : 0)) + (id === F ? 0 : l2 * W[id * K + c]);
          const at = id * K + c;
          G[at] += g * g;
          W[at] -= (lr * g) / Math.sqrt(G[at]);
        }
      }
    }
  }

  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights: Record<string, number[]> = {};
  for (const [f, i] of index) {
    const w = Array.from(W.subarray(i * K, i * K + K), round);
    if (w.some((x) => x !== 0)) weights[f] = w;
  }
  return { name, classes, weights, bias: Array.from(W.subarray(F * K, F * K + K), round) };
}
