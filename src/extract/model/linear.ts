// Multinomial logistic regression over sparse string features: the trained decisions' inference side.

/** A trained model as stored in data/models/NAME.json. */
export interface LinearModel {
  /** what it decides, e.g. "entity-type" */
  name: string;
  classes: string[];
  /** per feature, one weight per class */
  weights: Record<string, number[]>;
  bias: number[];
  /** the corpus it was trained on and what it scored, for the record */
  trainedOn: { corpusHash: string; examples: number; articles: number };
  figures?: Record<string, number>;
}

/** The weights as a Map, built once per model object: a property lookup in a 10,000-key object is slow. */
const compiled = (model: LinearModel): Map<string, number[]> => {
  const m = model as LinearModel & { _map?: Map<string, number[]> };
  if (!m._map) Object.defineProperty(m, '_map', { value: new Map(Object.entries(model.weights)), enumerable: false });
  return m._map!;
};

/** Class scores (log-odds up to a constant) for a bag of features. */
export function scores(model: LinearModel, features: string[]): number[] {
  const weights = compiled(model);
  const out = model.bias.slice();
  for (const f of features) {
    const w = weights.get(f);
    if (!w) continue;
    for (let c = 0; c < out.length; c++) out[c] += w[c];
  }
  return out;
}

/** For a two-class model: the "yes" score minus the "no" score (a ranker's score of one candidate). */
export function margin(model: LinearModel, features: string[]): number {
  const weights = compiled(model);
  let s = model.bias[1] - model.bias[0];
  for (const f of features) {
    const w = weights.get(f);
    if (w) s += w[1] - w[0];
  }
  return s;
}

export function softmax(xs: number[]): number[] {
  const m = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

export function probabilities(model: LinearModel, features: string[]): number[] {
  return softmax(scores(model, features));
}

/** Probability of one class (binary models: "yes"). */
export function probabilityOf(model: LinearModel, features: string[], cls: string): number {
  const i = model.classes.indexOf(cls);
  if (i < 0) throw new Error(`model ${model.name} has no class ${cls}`);
  return probabilities(model, features)[i];
}

/** The most probable class and its probability. */
export function classify(model: LinearModel, features: string[]): { label: string; p: number; all: number[] } {
  const p = probabilities(model, features);
  let best = 0;
  for (let c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
  return { label: model.classes[best], p: p[best], all: p };
}
