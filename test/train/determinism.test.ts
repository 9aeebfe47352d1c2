// npm run train is deterministic: training twice on the same articles gives byte-identical models.

import t from 'tap';
import { loadCorpus } from '../../src/eval/corpus.js';
import { loadResources } from '../../src/extract/resources.js';
import { projectPath } from '../../src/paths.js';
import { trainModels } from '../../src/train/train.js';

t.test('the same corpus gives the same weights', async (t) => {
  // a small slice of the train split keeps the test quick; the code path is the full one
  const articles = loadCorpus(projectPath('corpus'), ['train']).filter((a) => a.gold).slice(0, 12);
  const base = loadResources(undefined, { models: false });
  const a = trainModels(articles, base, { folds: 2 });
  const b = trainModels(articles, base, { folds: 2 });
  for (const name of ['entity', 'statement', 'speaker', 'date', 'claim'] as const) {
    t.equal(JSON.stringify(a.models[name]), JSON.stringify(b.models[name]), `${name} model`);
    t.ok(Object.keys(a.models[name].weights).length > 10, `${name} model learned something`);
  }
  t.equal(a.models.entity.trainedOn.corpusHash, a.corpusHash);
});
