// Dev tool: one line per statement and claim over many articles (file, rule, speaker, text), to diff extraction before and after a change.
//
//   npx tsx scripts/extract-dump.ts ARTICLE.txt ... > before.txt

import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { extractArticle } from '../src/extract/index.js';

for (const file of process.argv.slice(2)) {
  const metaFile = file.replace(/\.txt$/, '.meta.json');
  const published = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')).published ?? null) : null;
  const x = extractArticle(readFileSync(file, 'utf8'), { published });
  const name = new Map(x.actors.map((a) => [a.key, a.name]));
  const id = basename(file, '.txt').slice(0, 40);
  for (const s of x.statements) {
    console.log(`${id} S ${s.kind[0]} [${name.get(s.speakerKey ?? '') ?? null}] (${s.cue}) ${s.date.date ?? '-'} ${s.text.replace(/\s+/g, ' ')}`);
  }
  for (const c of x.claims) console.log(`${id} C [${name.get(c.claimantKey ?? '') ?? null}] ${c.text.replace(/\s+/g, ' ')}`);
}
