// The annotated corpus on disk: corpus/{train,test}/NAME.txt, NAME.meta.json and NAME.gold.json.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkGold, corpusMetaSchema, goldSchema, type CorpusMeta, type Gold } from './gold.js';
import { splitOf, type Split } from './split.js';

export interface CorpusArticle {
  name: string;
  split: Split;
  dir: string;
  raw: string;
  meta: CorpusMeta;
  /** null while the article is not annotated yet. */
  gold: Gold | null;
}

export const SPLITS: Split[] = ['train', 'test'];

/** Every article of the given splits, in name order; gold files are parsed but not checked (see checkCorpus). */
export function loadCorpus(root: string, splits: Split[] = SPLITS): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const split of splits) {
    const dir = join(root, split);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const name = file.slice(0, -4);
      const meta = corpusMetaSchema.parse(JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')));
      const goldPath = join(dir, `${name}.gold.json`);
      const gold = existsSync(goldPath) ? goldSchema.parse(JSON.parse(readFileSync(goldPath, 'utf8'))) : null;
      out.push({ name, split, dir, raw: readFileSync(join(dir, file), 'utf8'), meta, gold });
    }
  }
  return out;
}

/** Every problem in the corpus: each file's checks, plus articles filed under the wrong split. */
export function checkCorpus(root: string, opts: { requireGold?: boolean; requireReview?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const split of SPLITS) {
    const dir = join(root, split);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const name = file.slice(0, -4);
      const at = `${split}/${name}`;
      const metaPath = join(dir, `${name}.meta.json`);
      const goldPath = join(dir, `${name}.gold.json`);
      if (!existsSync(metaPath)) {
        problems.push(`${at}: no .meta.json`);
        continue;
      }
      let meta: unknown;
      try {
        meta = JSON.parse(readFileSync(metaPath, 'utf8'));
      } catch (err) {
        problems.push(`${at}.meta.json: ${(err as Error).message}`);
        continue;
      }
      const tuned = (meta as { tunedBefore?: boolean }).tunedBefore === true;
      if (splitOf(name, tuned) !== split) problems.push(`${at}: the hash puts it in ${splitOf(name, tuned)}`);
      if (!existsSync(goldPath)) {
        if (opts.requireGold !== false) problems.push(`${at}: no .gold.json`);
        continue;
      }
      let gold: unknown;
      try {
        gold = JSON.parse(readFileSync(goldPath, 'utf8'));
      } catch (err) {
        problems.push(`${at}.gold.json: ${(err as Error).message}`);
        continue;
      }
      const raw = readFileSync(join(dir, file), 'utf8');
      for (const p of checkGold(gold, raw, meta, name, opts.requireReview !== false)) problems.push(`${at}: ${p}`);
    }
  }
  return problems;
}
