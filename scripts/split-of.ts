// Prints the corpus split (train or test) the hash gives each article name: `npx tsx scripts/split-of.ts NAME ...`.

import { splitOf } from '../src/eval/split.js';

for (const name of process.argv.slice(2)) console.log(`${splitOf(name.replace(/\.(txt|meta\.json|gold\.json)$/, ''))}\t${name}`);
