// One-off: copies the project's Wikinews articles (and the seed) into corpus/{train,test} with the meta the corpus needs.
//
//   npx tsx scripts/import-wikinews.ts [SHARED_CORPUS_DIR]
//
// Existing corpus files are left alone, so annotations are never overwritten.

import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from '../src/eval/split.js';

const shared = process.argv[2] ?? join(import.meta.dirname, '../../shared/corpus');
const root = join(import.meta.dirname, '../corpus');
const dev = join(shared, '../eval/dev');
const tuned = new Set(existsSync(dev) ? readdirSync(dev).map((f) => f.replace(/\.gold\.json$/, '')) : []);

let added = 0;
const wikinews = join(shared, 'wikinews');
for (const file of readdirSync(wikinews).filter((f) => f.endsWith('.txt')).sort()) {
  const name = file.slice(0, -4);
  const isTuned = tuned.has(name);
  const dir = join(root, splitOf(name, isTuned));
  if (existsSync(join(dir, file))) continue;
  const meta = JSON.parse(readFileSync(join(wikinews, `${name}.meta.json`), 'utf8'));
  const raw = readFileSync(join(wikinews, file), 'utf8');
  // a Wikinews interview marks its turns with ((WN)) or ((Name))
  const style = /^\(\([^)]+\)\)/m.test(raw) ? 'interview' : 'news';
  copyFileSync(join(wikinews, file), join(dir, file));
  const out = {
    ...meta,
    origin: `shared/corpus/wikinews/${file} (the project's copy of the English Wikinews article at the url, converted to our text format)`,
    attribution: 'Wikinews contributors',
    style,
    ...(isTuned ? { tunedBefore: true } : {}),
  };
  writeFileSync(join(dir, `${name}.meta.json`), `${JSON.stringify(out, null, 1)}\n`);
  added++;
}

// the seed: the article every earlier version was tuned on
const seed = '000_945e9eab9f0c3dd6';
if (!existsSync(join(root, 'train', `${seed}.txt`))) {
  copyFileSync(join(shared, `${seed}.txt`), join(root, 'train', `${seed}.txt`));
  const meta = JSON.parse(readFileSync(join(shared, `${seed}.meta.json`), 'utf8'));
  const out = {
    source: meta.source,
    url: meta.url,
    published: meta.published,
    language: meta.language ?? 'en',
    license: 'not stated by the outlet; the project\'s seed article, included because the corpus must contain it',
    origin: `shared/corpus/${seed}.txt (the project's seed article)`,
    style: 'machine-translated',
    note: meta.note,
    tunedBefore: true,
  };
  writeFileSync(join(root, 'train', `${seed}.meta.json`), `${JSON.stringify(out, null, 1)}\n`);
  added++;
}
console.log(`added ${added} articles`);
