// `npm run corpus:check [-- --draft] [NAME.gold.json ...]`: checks gold files against their articles (all of corpus/ by default).

import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkCorpus } from '../eval/corpus.js';
import { checkGold } from '../eval/gold.js';

const args = process.argv.slice(2);
const draft = args.includes('--draft');
const files = args.filter((a) => !a.startsWith('--'));
let problems: string[] = [];
if (files.length === 0) {
  problems = checkCorpus(join(import.meta.dirname, '../../corpus'), { requireGold: !draft, requireReview: !draft });
} else {
  for (const f of files) {
    const name = basename(f).replace(/\.gold\.json$/, '');
    const dir = dirname(f);
    try {
      const gold = JSON.parse(readFileSync(f, 'utf8'));
      const raw = readFileSync(join(dir, `${name}.txt`), 'utf8');
      const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8'));
      for (const p of checkGold(gold, raw, meta, name, !draft)) problems.push(`${f}: ${p}`);
    } catch (err) {
      problems.push(`${f}: ${(err as Error).message}`);
    }
  }
}
for (const p of problems) console.log(p);
console.log(problems.length ? `${problems.length} problem(s)` : 'ok');
process.exit(problems.length ? 1 : 0);
