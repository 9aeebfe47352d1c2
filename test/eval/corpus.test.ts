// The annotated corpus is sound (every file passes the checker, each article sits in its hash's split), and the checker catches what it should.

import t from 'tap';
import { checkCorpus, loadCorpus } from '../../src/eval/corpus.js';
import { checkGold } from '../../src/eval/gold.js';
import { splitOf } from '../../src/eval/split.js';
import { projectPath } from '../../src/paths.js';

const ROOT = projectPath('corpus');

t.test('every corpus article is annotated, reviewed by a second person, and passes the checker', async (t) => {
  const problems = checkCorpus(ROOT);
  t.same(problems, [], problems.slice(0, 20).join('\n'));
});

t.test('the corpus is large and varied enough to learn from and to measure on', async (t) => {
  const articles = loadCorpus(ROOT);
  const required = articles.reduce((n, a) => n + a.gold!.statements.filter((s) => s.required).length, 0);
  const outlets = new Set(articles.map((a) => a.meta.source));
  const notWikinews = articles.filter((a) => a.meta.source !== 'Wikinews').length;
  t.ok(articles.length >= 200, `${articles.length} articles`);
  t.ok(required >= 3000, `${required} required statements`);
  t.ok(outlets.size >= 4, `${outlets.size} outlets`);
  t.ok(notWikinews >= 50, `${notWikinews} articles from outlets other than Wikinews`);
  t.ok(articles.filter((a) => a.split === 'test').length >= 60, 'at least 60 test articles');
});

t.test('the split is a fixed function of the name', async (t) => {
  t.equal(splitOf('2019-01-04-some-article'), splitOf('2019-01-04-some-article'));
  t.equal(splitOf('anything', true), 'train', 'articles tuned on before the corpus stay in train');
  const names = Array.from({ length: 2000 }, (_, i) => `article-${i}`);
  const test = names.filter((n) => splitOf(n) === 'test').length / names.length;
  t.ok(test > 0.26 && test < 0.34, `about 30 % go to test (${test})`);
  const articles = loadCorpus(ROOT);
  for (const a of articles) if (splitOf(a.name, a.meta.tunedBefore) !== a.split) t.fail(`${a.name} is in ${a.split}`);
});

const raw = 'Test Wire\n\nMinister backs plan\n\nThe minister said on Monday that the plan "will work." Officials disagreed.\n';
const meta = { source: 'Test Wire', url: 'https://example.org/a', published: '2024-03-06', license: 'CC BY 4.0', origin: 'test' };
const gold = () => ({
  article: { file: 'a.txt', title: 'Minister backs plan', source: 'Test Wire', published: '2024-03-06' },
  statements: [{ speaker: 'minister', kind: 'direct', text: 'will work.', cue: 'said', date: '2024-03-04', datePrecision: 'day', dateText: 'on Monday', required: true }],
  claims: [],
  speakers: [{ name: 'minister', type: 'group', role: null, affiliation: null, aliases: ['minister'] }],
  actors: [],
  annotation: { annotator: 'ann', annotated: '2026-12-06', reviewer: 'rev', reviewed: '2026-12-06' },
});

t.test('a sound gold file passes', async (t) => {
  t.same(checkGold(gold(), raw, meta, 'a'), []);
});

t.test('the checker names each kind of mistake', async (t) => {
  const cases: [string, (g: ReturnType<typeof gold>) => void, RegExp][] = [
    ['text not in the article', (g) => (g.statements[0].text = 'will work!'), /not an exact substring/],
    ['title differs', (g) => (g.article.title = 'Minister backs plans'), /is not the headline/],
    ['published differs', (g) => (g.article.published = '2024-03-07'), /differs from meta.json/],
    ['required without speaker', (g) => ((g.statements[0] as { speaker: string | null }).speaker = null), /needs a speaker/],
    ['speaker not listed', (g) => (g.speakers = []), /is not in speakers/],
    ['date without precision', (g) => ((g.statements[0] as { datePrecision: string | null }).datePrecision = null), /has no datePrecision/],
    ['week not a Monday', (g) => ((g.statements[0].datePrecision = 'week'), (g.statements[0].date = '2024-03-05')), /not one/],
    ['after publication', (g) => (g.statements[0].date = '2024-03-08'), /after publication/],
    ['not reviewed', (g) => ((g.annotation as { reviewer?: string }).reviewer = undefined), /not reviewed/],
    ['self-reviewed', (g) => (g.annotation.reviewer = 'ann'), /someone other/],
    ['alias not in text', (g) => (g.speakers[0].aliases = ['Mr Minister']), /does not occur/],
  ];
  for (const [what, change, expected] of cases) {
    const g = gold();
    change(g);
    const problems = checkGold(g, raw, meta, 'a');
    t.ok(problems.some((p) => expected.test(p)), `${what}: ${problems.join('; ') || 'no problem found'}`);
  }
  t.match(checkGold(gold(), raw, { ...meta, license: undefined }, 'a').join(' '), /meta.json/, 'meta without a license');
});
