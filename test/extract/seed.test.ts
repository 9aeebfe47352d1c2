// The seed article end to end, scored against the project's gold for it (test/eval/seed.gold.json, a copy of shared/eval's) the way score.mjs scores it, plus the facts the README shows.

import { readFileSync } from 'node:fs';
import t from 'tap';
import { goldSchema } from '../../src/eval/gold.js';
import { prf, scoreExtraction } from '../../src/eval/score.js';
import { extractArticle } from '../../src/extract/index.js';
import { projectPath } from '../../src/paths.js';
import { nameOf, resources } from './helpers.js';

const raw = readFileSync(projectPath('data/articles/000_945e9eab9f0c3dd6.txt'), 'utf8');
const meta = JSON.parse(readFileSync(projectPath('data/articles/000_945e9eab9f0c3dd6.meta.json'), 'utf8')) as { published: string };
const gold = goldSchema.parse(JSON.parse(readFileSync(projectPath('test/eval/seed.gold.json'), 'utf8')));
const x = extractArticle(raw, { published: meta.published }, resources());

t.test('the seed scores at least 0.95 attributed F1, with every speaker and every date right', async (t) => {
  const s = scoreExtraction('seed', x, gold);
  t.ok(prf(s.attributed).f1 >= 0.95, `attributed F1 ${prf(s.attributed).f1}: ${s.misses.filter((m) => /statement|speaker/.test(m.kind)).map((m) => m.detail).join('; ')}`);
  t.equal(s.speakers.ok, s.speakers.of, 'speaker accuracy 1.0');
  t.equal(s.dates.ok, s.dates.of, `date accuracy 1.0: ${s.misses.filter((m) => m.kind.startsWith('date')).map((m) => m.detail).join('; ')}`);
});

t.test('what the README shows of the seed', async (t) => {
  const rutte = x.statements.filter((s) => nameOf(x, s.speakerKey) === 'Mark Rutte');
  t.ok(rutte.length >= 4, 'Mark Rutte speaks at least four times');
  t.ok(rutte.some((s) => s.date.date === '2024-11-13' && s.text.startsWith('the Euro-Atlantic and the Indo-Pacific')), 'the Euro-Atlantic quote, on Wednesday');
  t.ok(x.statements.some((s) => nameOf(x, s.speakerKey) === 'NATO' && s.text.startsWith('Russia is sending its missile technology')), 'NATO says Russia is sending missile technology');
  t.ok(x.claims.some((c) => nameOf(x, c.claimantKey) === 'NATO'), 'a claim by NATO');
  const rutteActor = x.actors.find((a) => a.name === 'Mark Rutte')!;
  t.equal(rutteActor.role, 'NATO Secretary General');
  t.equal(nameOf(x, rutteActor.affiliationKey), 'NATO');
  t.ok(x.actors.find((a) => a.key === 'country:prk')?.aliases.includes('Pyongyang'), 'Pyongyang stands for North Korea');
  t.ok(x.actors.find((a) => a.name === 'Josep Borrell')?.aliases.includes('Mr Borrell'), '"Mr Borrell" is Josep Borrell');
});

t.test('spans point at the statement text in the body; every statement has a rule and a confidence', async (t) => {
  for (const s of x.statements) {
    t.equal(x.article.body.slice(s.span.start, s.span.end), s.text);
    t.ok(s.attribution.rule && s.attribution.confidence > 0 && s.attribution.confidence <= 1, s.attribution.rule);
  }
});

t.test('every key a statement, claim or mention uses is an actor of the extraction', async (t) => {
  const keys = new Set(x.actors.map((a) => a.key));
  const used = [...x.statements.flatMap((s) => [s.speakerKey, ...s.mentionKeys]), ...x.claims.flatMap((c) => [c.claimantKey, ...c.mentionKeys]), ...x.mentions.map((m) => m.actorKey)];
  t.same(used.filter((k) => k !== null && !keys.has(k)), []);
});
