// The extractor's public face: text in, plain objects out, with the resources (tagger, word lists, models) passed in.

export { extractArticle, type Trace } from './pipeline.js';
export { loadResources, type Resources } from './resources.js';
