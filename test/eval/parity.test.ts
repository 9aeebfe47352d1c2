// npm run eval's in-process scoring gives the same figures as score.mjs against a live API, for the seed and the four development articles.

import t from 'tap';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadCorpus } from '../../src/eval/corpus.js';
import { prf, scoreExtraction } from '../../src/eval/score.js';
import { extractArticle, loadResources } from '../../src/extract/index.js';
import { projectPath } from '../../src/paths.js';
import { seededApp } from '../helpers.js';

const run = promisify(execFile);
const res = loadResources();
const tuned = loadCorpus(projectPath('corpus'), ['train']).filter((a) => a.meta.tunedBefore && a.gold);

t.test('eval and score.mjs agree on every figure', async (t) => {
  t.equal(tuned.length, 5, 'the seed and the four development articles');
  const { app } = await seededApp(tuned.map((a) => join(a.dir, `${a.name}.txt`)));
  t.teardown(() => app.close());
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const out = mkdtempSync(join(tmpdir(), 'whosaid-parity-'));

  for (const a of tuned) {
    const report = join(out, `${a.name}.json`);
    // score.mjs exits 1 when a check fails; the figures are what is compared here
    await run(process.execPath, [projectPath('test/eval/score.mjs'), '--api', url, '--gold', join(a.dir, `${a.name}.gold.json`), '--json', report]).catch((e) => {
      if (e.code !== 1) throw e;
    });
    const api = JSON.parse(readFileSync(report, 'utf8'));
    const ours = scoreExtraction(a.name, extractArticle(a.raw, { published: a.meta.published }, res), a.gold!);
    const ratio = (x: number, n: number) => (n ? +(x / n).toFixed(3) : 0);
    t.same(
      {
        found: prf(ours.found),
        attributed: prf(ours.attributed),
        speakerAccuracy: ratio(ours.speakers.ok, ours.speakers.of),
        dateAccuracy: ours.dates.of ? ratio(ours.dates.ok, ours.dates.of) : null,
        claims: prf(ours.claims),
        actorsPrecision: ratio(ours.actors.good, ours.actors.predicted),
        actorsRecall: prf({ tp: ours.actors.found, predicted: ours.actors.predicted, relevant: ours.actors.requiredGold }).recall,
        typeAccuracy: ours.actors.found ? ratio(ours.actors.typeOk, ours.actors.found) : null,
      },
      {
        found: api.statements.found,
        attributed: api.statements.attributed,
        speakerAccuracy: api.statements.speakerAccuracy,
        dateAccuracy: api.statements.dateAccuracy,
        claims: api.claims.withClaimant,
        actorsPrecision: api.actors.precision,
        actorsRecall: api.actors.recall,
        typeAccuracy: api.actors.typeAccuracy,
      },
      a.name,
    );
  }
});
