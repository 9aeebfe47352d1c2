// The NLP library underneath extraction: wink-nlp with its English model, created once per process by the caller.

import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Nlp {
  winkNlp: ReturnType<typeof winkNLP>;
}

/** Builds the tagger (about 30 ms); pass the result to every extraction instead of creating it per article. */
export function createNlp(): Nlp {
  // only the stages we read: tokens, sentences, tags and lemmas (no entities, negation or sentiment)
  return { winkNlp: winkNLP(model, ['sbd', 'pos']) };
}
