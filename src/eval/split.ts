// Which split an annotated article belongs to: decided by a hash of its file name, never by hand.

import { createHash } from 'node:crypto';

export type Split = 'train' | 'test';

/** Share of articles that go to the frozen test split. */
export const TEST_SHARE = 0.3;

/**
 * `name` is the article's file name without `.txt`. An article the extractor was tuned on before the corpus
 * existed (`tunedBefore` in its .meta.json: the seed and the four development articles) is always train,
 * since it cannot measure anything unseen; every other article goes where the hash puts it.
 */
export function splitOf(name: string, tunedBefore = false): Split {
  if (tunedBefore) return 'train';
  const h = createHash('sha256').update(name, 'utf8').digest();
  return h.readUInt32BE(0) / 2 ** 32 < TEST_SHARE ? 'test' : 'train';
}
