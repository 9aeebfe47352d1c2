// Wire-style articles written for these tests (AP/Reuters/BBC copy, machine-translated European outlets): scored the
// way npm run eval scores the corpus, the extractor finds their statements with the right speakers.

import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import type { Gold } from '../../src/eval/gold.js';
import { prf, scoreExtraction, type Counts } from '../../src/eval/score.js';
import { extractArticle } from '../../src/extract/index.js';
import { resources } from './helpers.js';

interface Expected {
  speaker: string | null;
  kind: 'direct' | 'indirect';
  cue: string | null;
  text: string;
  date?: string | null;
  required?: boolean;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'wire');

t.test('the written wire articles score well on statements and speakers', async (t) => {
  const total: Counts = { tp: 0, predicted: 0, relevant: 0 };
  const misses: string[] = [];
  let speakersRight = 0;
  let speakersMatched = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(dir, file), 'utf8');
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.txt$/, '.expected.json')), 'utf8')) as { published: string; statements: Expected[] };
    const speakers = [...new Set(expected.statements.map((s) => s.speaker).filter((s): s is string => !!s))];
    const gold: Gold = {
      article: { file, title: raw.split('\n')[2], source: raw.split('\n')[0], published: expected.published },
      statements: expected.statements.map((s) => ({ speaker: s.speaker, kind: s.kind, text: s.text, cue: s.cue, date: s.date ?? null, datePrecision: s.date ? 'day' : null, dateText: s.date ? 'x' : null, required: s.required !== false && s.speaker !== null })),
      claims: [],
      speakers: speakers.map((name) => ({ name, type: 'person', role: null, affiliation: null, aliases: [] })),
      actors: [],
    };
    const score = scoreExtraction(file, extractArticle(raw, { published: expected.published }, resources()), gold);
    total.tp += score.attributed.tp;
    total.predicted += score.attributed.predicted;
    total.relevant += score.attributed.relevant;
    speakersRight += score.speakers.ok;
    speakersMatched += score.speakers.of;
    for (const m of score.misses) if (/statement|speaker/.test(m.kind)) misses.push(`${file}: ${m.kind}: ${m.detail}`);
  }
  const f = prf(total);
  t.comment(`attributed P ${f.precision} R ${f.recall} F1 ${f.f1}; speaker accuracy ${(speakersRight / speakersMatched).toFixed(3)}\n${misses.join('\n')}`);
  t.ok(f.f1 >= 0.8, `attributed F1 ${f.f1} ≥ 0.8`);
  t.ok(speakersRight / speakersMatched >= 0.85, `speaker accuracy ${(speakersRight / speakersMatched).toFixed(3)} ≥ 0.85`);
});
