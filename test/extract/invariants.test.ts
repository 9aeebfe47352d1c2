// Over every corpus article: spans slice the body to their text, and every key a statement, claim or mention uses is an actor.

import t from 'tap';
import { loadCorpus } from '../../src/eval/corpus.js';
import { extractArticle } from '../../src/extract/index.js';
import { projectPath } from '../../src/paths.js';
import { resources } from './helpers.js';

t.test('extraction output is internally consistent on every corpus article', async (t) => {
  const problems: string[] = [];
  let statements = 0;
  for (const a of loadCorpus(projectPath('corpus'))) {
    const x = extractArticle(a.raw, { published: a.meta.published }, resources());
    const keys = new Set(x.actors.map((actor) => actor.key));
    const body = x.article.body;
    for (const s of x.statements) {
      statements++;
      if (body.slice(s.span.start, s.span.end) !== s.text) problems.push(`${a.name}: statement span does not slice its text`);
      if (s.speakerKey !== null && !keys.has(s.speakerKey)) problems.push(`${a.name}: speaker ${s.speakerKey} is no actor`);
      if (!(s.attribution.confidence > 0 && s.attribution.confidence <= 1)) problems.push(`${a.name}: confidence ${s.attribution.confidence}`);
    }
    for (const c of x.claims) {
      if (body.slice(c.span.start, c.span.end) !== c.text) problems.push(`${a.name}: claim span does not slice its text`);
      if (c.claimantKey !== null && !keys.has(c.claimantKey)) problems.push(`${a.name}: claimant ${c.claimantKey} is no actor`);
    }
    for (const m of x.mentions) {
      if (!keys.has(m.actorKey)) problems.push(`${a.name}: mention of ${m.actorKey}, no actor`);
      const text = m.field === 'title' ? x.article.title : body;
      if (text.slice(m.start, m.end) !== m.text) problems.push(`${a.name}: mention span does not slice its text`);
    }
    for (const actor of x.actors) if (actor.affiliationKey !== null && !keys.has(actor.affiliationKey)) problems.push(`${a.name}: affiliation ${actor.affiliationKey} is no actor`);
  }
  t.ok(statements > 3000, `${statements} statements checked`);
  t.same(problems.slice(0, 20), []);
});
