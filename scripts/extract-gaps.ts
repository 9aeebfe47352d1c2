// Dev tool: lists sentences where extraction probably missed something — quotations no statement covers, sentences with a cue word but no statement, statements without a speaker.
//
//   npx tsx scripts/extract-gaps.ts [--only quote|cue|nospeaker] ARTICLE.txt ...

import { readFileSync, existsSync } from 'node:fs';
import { extractArticle } from '../src/extract/index.js';
import { LEXICON, lower } from '../src/extract/lexicon.js';
import { splitSentences } from '../src/extract/sentences.js';

const args = process.argv.slice(2);
let only: string | null = null;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--only') only = args[++i];
  else files.push(args[i]);
}
const counts: Record<string, number> = { quote: 0, cue: 0, nospeaker: 0, sentences: 0, statements: 0 };
for (const file of files) {
  const metaFile = file.replace(/\.txt$/, '.meta.json');
  const published = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')).published ?? null) : null;
  const x = extractArticle(readFileSync(file, 'utf8'), { published });
  const { body } = x.article;
  const lines: string[] = [];
  const covered = (s: number, e: number) => x.statements.some((st) => st.span.start < e && st.span.end > s);
  for (const s of splitSentences(body, x.article.paragraphs)) {
    counts.sentences++;
    const text = body.slice(s.start, s.end);
    const quoted = /[“”"]/.test(text);
    const words = text.split(/[^\p{L}'’]+/u).map(lower);
    const cue = words.find((w) => LEXICON.cues.has(w) && LEXICON.cues.get(w)!.some((c) => (c.kind === 'speech' && c.words.length === 1) || c.text === 'according to'));
    if (covered(s.start, s.end)) continue;
    if (quoted && (!only || only === 'quote')) {
      counts.quote++;
      lines.push(`  QUOTE  ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
    } else if (cue && (!only || only === 'cue')) {
      counts.cue++;
      lines.push(`  CUE[${cue}]  ${text.replace(/\s+/g, ' ').slice(0, 240)}`);
    }
  }
  const names = new Map(x.actors.map((a) => [a.key, a.name]));
  for (const st of x.statements) {
    counts.statements++;
    if (st.speakerKey === null && (!only || only === 'nospeaker')) {
      counts.nospeaker++;
      lines.push(`  NOSPK  [${st.attribution.rule}] ${st.text.slice(0, 160)}`);
    }
    void names;
  }
  if (lines.length) console.log(`# ${file.split('/').pop()}\n${lines.join('\n')}`);
}
console.log(JSON.stringify(counts));
