// Wire-style articles written for these tests (AP/Reuters/BBC copy, machine-translated European outlets): every
// expected statement is found with a compatible speaker, and nothing else is extracted.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { extractArticle } from '../../src/extract/index.js';

interface Expected {
  speaker: string | null;
  kind: 'direct' | 'indirect';
  cue: string | null;
  text: string;
  date?: string | null;
  required?: boolean;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'wire');

// the evaluation's name rule: after dropping honorifics, one name's words contain the other's ("Solberg" ~ "Ingrid Solberg")
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'the', 'many', 'some']);
const words = (s: string) => s.toLowerCase().replace(/[’']s\b/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w && !HONORIFICS.has(w));
function compatible(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  if (!x.length || !y.length) return false;
  const [small, big] = x.length <= y.length ? [x, y] : [y, x];
  return small.every((w) => big.includes(w));
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  t.test(file, async (t) => {
    const raw = readFileSync(join(dir, file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as { published: string; statements: Expected[] };
    const x = extractArticle(raw, { published: gold.published });
    const name = (k: string | null) => (k ? x.actors.find((a) => a.key === k)?.name ?? k : null);
    const problems: string[] = [];
    const matched = new Set<number>();
    for (const g of gold.statements) {
      const i = x.statements.findIndex((s, k) => !matched.has(k) && s.text === g.text);
      if (i < 0) {
        if (g.required !== false) problems.push(`missed (${g.speaker}): ${g.text}`);
        continue;
      }
      matched.add(i);
      if (g.required === false) continue;
      const s = x.statements[i];
      const speaker = name(s.speakerKey);
      if (g.speaker === null ? speaker !== null : !speaker || !compatible(speaker, g.speaker)) problems.push(`speaker ${speaker} != ${g.speaker}: ${g.text}`);
      if (s.kind !== g.kind) problems.push(`kind ${s.kind} != ${g.kind}: ${g.text}`);
      if ((s.cue ?? '').toLowerCase() !== (g.cue ?? '').toLowerCase()) problems.push(`cue ${s.cue} != ${g.cue}: ${g.text}`);
      if ('date' in g && s.date.date !== g.date) problems.push(`date ${s.date.date} != ${g.date}: ${g.text}`);
    }
    x.statements.forEach((s, i) => {
      if (!matched.has(i)) problems.push(`unexpected (${name(s.speakerKey)}, ${s.cue}): ${s.text}`);
    });
    t.same(problems, []);
  });
}
