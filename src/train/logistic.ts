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

/** A choice among candidates: each candidate's features, and which candidate is right. */
export interface Group {
  candidates: string[][];
  /** index of the right candidate */
  label: number;
}

/**
 * Trains a ranker (softmax over each group's candidates, the right one's log-probability maximised), stored as a
 * two-class model whose "yes" weights score a candidate: inference takes the softmax of scores()[1] - scores()[0].
 */
export function trainRanker(name: string, groups: Group[], opts: TrainOptions = {}): Omit<LinearModel, 'trainedOn'> {
  const epochs = opts.epochs ?? 12;
  const lr = opts.learningRate ?? 0.3;
  const l2 = opts.l2 ?? 1e-4;
  const minCount = opts.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const g of groups) for (const c of g.candidates) for (const f of new Set(c)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minCount) index.set(f, index.size);
  const W = new Float64Array(index.size);
  const G = new Float64Array(index.size).fill(1e-8);
  const data = groups.filter((g) => g.candidates.length > 1).map((g) => ({ ids: g.candidates.map((c) => [...new Set(c)].map((f) => index.get(f)).filter((i): i is number => i !== undefined)), label: g.label }));
  const rand = prng(opts.seed ?? 1);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const g = data[n];
      const p = softmax(g.ids.map((ids) => ids.reduce((s, id) => s + W[id], 0)));
      // gradient of -log p[label] for each feature: sum over candidates of (p - y) * x
      const grad = new Map<number, number>();
      g.ids.forEach((ids, c) => {
        const d = p[c] - (c === g.label ? 1 : 0);
        for (const id of ids) grad.set(id, (grad.get(id) ?? 0) + d);
      });
      for (const [id, d] of grad) {
        const gr = d + l2 * W[id];
        G[id] += gr * gr;
        W[id] -= (lr * gr) / Math.sqrt(G[id]);
      }
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  const weights: Record<string, number[]> = {};
  for (const [f, i] of index) if (round(W[i]) !== 0) weights[f] = [0, round(W[i])];
  return { name, classes: ['no', 'yes'], weights, bias: [0, 0] };
}
