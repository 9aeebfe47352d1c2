// The pages in a real browser (Debian's Chromium driven by playwright-core) over the seed and a few corpus articles:
// home → statement → article → speaker by links, a highlight's details, the chart drawn, the filter form, a phone's
// width, no JavaScript, hostile text; no console errors or requests leaving the machine; axe-core finds nothing serious.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { articleDir, SEED, seededApp } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = projectPath('test', 'artifacts');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Corpus articles from the training split (the test split is not read outside evaluation). */
const CORPUS = [
  'corpus/train/2020-01-20-study-people-infected-by-new-coronavirus-likely-hundreds-mor',
  'corpus/train/2020-10-29-on-the-campaign-trail-in-the-usa-september-2020',
  'corpus/train/whitehouse-2021-02-11-readout-of-the-first-national-climate-task-force-meeting',
];
const HOSTILE = [
  'Hostile Wire',
  '',
  'Minister <script>alert(1)</script> warns "><img src=x onerror=alert(2)>',
  '',
  '"The river <script>alert(3)</script> will rise by Friday," said Ana Lima, the flood minister, on Monday.',
  '',
  '"Never click <a href="javascript:alert(4)">this</a> or "><img src=x onerror=alert(5)>," Lima told reporters.',
  '',
].join('\n');

interface ApiStatement {
  id: number;
  speaker: { id: string; name: string } | null;
  cue: string | null;
  date: string | null;
  attribution: { rule: string; confidence: number };
}
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core run inside the page (evaluated by the driver, so the page's CSP does not stop it); serious and critical only. */
async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE);
  const all = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Is the chart on the page drawn: a Chart.js chart on the canvas whose bars add up to the page's table, and pixels. */
async function chartState(page: Page) {
  await page.locator('canvas[data-drawn="true"]').waitFor();
  return page.evaluate(() => {
    const g = globalThis as unknown as {
      document: { querySelector: (s: string) => any; querySelectorAll: (s: string) => any[] };
      Chart: { getChart: (c: unknown) => any };
    };
    const canvas = g.document.querySelector('canvas[data-chart]');
    const chart = g.Chart.getChart(canvas);
    const drawn = chart.data.datasets.reduce(
      (n: number, d: { data: number[] }) => n + d.data.reduce((a, b) => a + b, 0),
      0,
    );
    const table = Array.from(g.document.querySelectorAll('.chart tbody td')).reduce(
      (n: number, td: { textContent: string }) => n + Number(td.textContent),
      0,
    );
    const ctx = canvas.getContext('2d');
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data as Uint8ClampedArray;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted++;
    return { type: chart.config.type as string, drawn, table, painted, width: canvas.width as number };
  });
}

t.test('the pages in Chromium', async (t) => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no browser at ${CHROMIUM}: run apt-get install -y chromium (npm test does first) or set CHROMIUM_PATH`,
    );
  const hostileDir = articleDir({ 'hostile.txt': HOSTILE });
  writeFileSync(
    join(hostileDir, 'hostile.meta.json'),
    JSON.stringify({ published: '2024-11-14', url: 'javascript:alert(6)' }),
  );
  const { app } = await seededApp([
    SEED,
    ...CORPUS.map((c) => projectPath(`${c}.txt`)),
    join(hostileDir, 'hostile.txt'),
  ]);
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const api = async <T>(path: string) => (await app.inject(path)).json() as T;
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = (page: Page, name: string, fullPage = false) =>
    page.screenshot({ path: join(ARTIFACTS, `pages-${name}.png`), fullPage });

  const launch = async (options: Parameters<typeof chromium.launchPersistentContext>[1]) => {
    const profile = mkdtempSync(join(tmpdir(), 'whosaid-chromium-'));
    t.teardown(() => rmSync(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      ...options,
    });
    t.teardown(() => context.close());
    return context;
  };
  const requested: string[] = [];
  const errors: string[] = [];
  const dialogs: string[] = [];
  const watch = (context: BrowserContext) => {
    context.on('request', (r) => requested.push(r.url()));
    const page = context.pages()[0];
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(`${page.url()}: ${m.text()}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return page;
  };
  const browser = await launch({ viewport: { width: 1280, height: 900 } });
  const page = watch(browser);
  const audited: string[] = [];
  const audit = async (name: string) => {
    t.same(await seriousViolations(page), [], `${name}: axe-core finds no serious or critical violation`);
    audited.push(name);
  };

  await t.test('home → a statement → its article → its speaker, by links', async (t) => {
    await page.goto(`${origin}/`);
    t.equal(await page.locator('h1').innerText(), 'Who said what, when, about whom');
    await audit('home');
    await shot(page, 'home');
    // the first latest statement that has a speaker
    const card = page
      .locator('ol.cards article.card')
      .filter({ has: page.locator('.who a') })
      .first();
    const speakerName = await card.locator('.who a').innerText();
    await card.locator('a.words').click();
    await page.waitForURL(/\/statements\/\d+$/);
    const id = Number(page.url().split('/').pop());
    const s = await api<ApiStatement>(`/v1/statements/${id}`);
    t.equal(s.speaker?.name, speakerName, 'the statement page of the card');
    t.equal(await page.locator('.statement-facts .rule').innerText(), s.attribution.rule);
    await audit('statement');

    await page.getByRole('link', { name: 'See it in the whole article →' }).click();
    await page.waitForURL(new RegExp(`/articles/[^#]+#q-${id}$`));
    const articleId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const statements = (
      await api<{ data: ApiStatement[] }>(`/v1/statements?article=${encodeURIComponent(articleId)}&limit=500`)
    ).data;
    t.equal(
      await page.locator('a.hl[id^="q-"]').count(),
      statements.length,
      'every statement of the article is highlighted',
    );
    t.ok(await page.locator(`#q-${id}`).isVisible(), 'the statement is in view');

    // a highlight's details: select it, its note comes into view with speaker, cue, date, rule and confidence
    await page.locator(`#q-${id}`).click();
    t.equal(new URL(page.url()).hash, `#st-${id}`);
    const note = page.locator(`#st-${id}`);
    t.ok(await note.evaluate((el) => el.matches(':target')), 'its note is the target');
    const box = (await note.boundingBox())!;
    t.ok(box.y >= 0 && box.y < 900, `the note is on screen (top at ${Math.round(box.y)})`);
    t.ok(await page.locator(`#q-${id}`).isVisible(), 'and so is the highlight: the notes scroll beside the text');
    t.equal(await note.locator('.note-who a').innerText(), s.speaker!.name, 'speaker');
    t.equal(await note.locator('.cue').innerText(), s.cue ?? 'none', 'cue');
    t.equal(await note.locator('.rule').innerText(), s.attribution.rule, 'rule');
    t.equal((await note.locator('.confidence').innerText()).trim(), s.attribution.confidence.toFixed(2), 'confidence');
    if (s.date) t.match(await note.locator('.date time').getAttribute('datetime'), s.date.slice(0, 4), 'date');
    const colour = async (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    const speakerClass = (await page.locator(`#q-${id}`).getAttribute('class'))!
      .split(' ')
      .find((c) => c.startsWith('sp-'))!;
    t.equal(
      await colour(`.legend li.${speakerClass} .swatch`),
      await colour(`#q-${id}`),
      'the legend shows the speaker in the highlight colour',
    );
    await audit('article');
    await shot(page, 'article');

    await note.locator('.note-who a').click();
    await page.waitForURL(new RegExp(`/actors/${s.speaker!.id}$`));
    t.equal(await page.locator('h1').innerText(), s.speaker!.name, 'the speaker page');
    const chart = await chartState(page);
    t.equal(chart.type, 'bar');
    t.ok(chart.drawn > 0, `the chart has bars (${chart.drawn} statements)`);
    t.equal(chart.drawn, chart.table, 'the bars add up to the table');
    t.ok(chart.painted > 1000, `the canvas is painted (${chart.painted} pixels)`);
    await audit('actor');
    await shot(page, 'actor');
  });

  await t.test('the topic page draws its chart; the topic list and articles list open', async (t) => {
    await page.goto(`${origin}/topics/politics-and-government`);
    const chart = await chartState(page);
    t.ok(chart.drawn > 0 && chart.drawn === chart.table, 'drawn, adding up to the table');
    await audit('topic');
    await shot(page, 'topic');
    await page.goto(`${origin}/topics`);
    await audit('topics');
    await page.goto(`${origin}/articles`);
    t.equal(await page.locator('.article-list li').count(), 5, 'the seed, three corpus articles and the hostile one');
    await audit('articles');
  });

  await t.test(
    'the statements page: the form puts the filters in the URL, facets narrow, the pager follows the cursor',
    async (t) => {
      await page.goto(`${origin}/statements`);
      await page.locator('#f-speaker').fill('rutte');
      await page.locator('#f-kind').selectOption('direct');
      await page.getByRole('button', { name: 'Show statements' }).click();
      await page.waitForURL(/\/statements\?/);
      t.equal(new URL(page.url()).search, '?speaker=rutte&kind=direct', 'empty fields left out of the URL');
      const expected = (await api<{ data: ApiStatement[] }>('/v1/statements?speaker=rutte&kind=direct')).data.map(
        (s) => s.id,
      );
      const shown = await page
        .locator('a.words')
        .evaluateAll((as) => as.map((a) => Number(a.getAttribute('href')!.split('/').pop())));
      t.same(shown, expected, 'the API list');
      await audit('statements (filtered)');

      await page.goto(`${origin}/statements?limit=5`);
      const facet = page.locator('.facets section[aria-label="Speakers"] a').first();
      const value = decodeURIComponent((await facet.getAttribute('href'))!.match(/speaker=([^&]+)/)![1]);
      await facet.click();
      await page.waitForURL(/speaker=/);
      const bySpeaker = (
        await api<{ data: ApiStatement[] }>(`/v1/statements?speaker=${encodeURIComponent(value)}&limit=5`)
      ).data;
      t.equal(await page.locator('a.words').count(), bySpeaker.length, `the facet narrowed the list to ${value}`);
      await page.goto(`${origin}/statements?limit=5`);
      const firstPage = await page.locator('a.words').first().getAttribute('href');
      await page.getByRole('link', { name: 'Next page →' }).click();
      await page.waitForURL(/cursor=/);
      t.not(await page.locator('a.words').first().getAttribute('href'), firstPage, 'the next page');
      await audit('statements');
      await shot(page, 'statements');

      await page.locator('#site-q').fill('rutte');
      await page.locator('#site-q').press('Enter');
      await page.waitForURL(/\/search\?q=rutte/);
      t.ok(await page.locator('a[href="/actors/mark-rutte"]').count(), 'search finds the person');
      await audit('search');
    },
  );

  await t.test('corpus articles: every statement highlighted, accessible', async (t) => {
    for (const path of CORPUS) {
      const id = path.split('/').pop()!;
      await page.goto(`${origin}/articles/${id}`);
      const count = (await api<{ data: unknown[] }>(`/v1/statements?article=${id}&limit=500`)).data.length;
      t.equal(await page.locator('a.hl[id^="q-"]').count(), count, `${id}: ${count} statements highlighted`);
      await audit(`article ${id.slice(0, 30)}`);
    }
  });

  await t.test('hostile text stays text in the browser', async (t) => {
    for (const path of ['/articles/hostile', '/statements?article=hostile']) {
      await page.goto(`${origin}${path}`);
      const found = await page.evaluate(() => {
        const d = (
          globalThis as unknown as {
            document: { querySelectorAll: (s: string) => { getAttribute: (n: string) => string | null }[] };
          }
        ).document;
        return {
          images: d.querySelectorAll('img').length,
          scripts: Array.from(d.querySelectorAll('script')).map((s) => s.getAttribute('src')),
          links: d.querySelectorAll('a[href^="javascript:"]').length,
        };
      });
      t.same(found, { images: 0, scripts: [], links: 0 }, `${path}: no element made from the text`);
    }
    await page.goto(`${origin}/articles/hostile`);
    t.equal(
      await page.locator('h1').innerText(),
      'Minister <script>alert(1)</script> warns "><img src=x onerror=alert(2)>',
      'the headline reads as written',
    );
    t.same(dialogs, [], 'nothing ran');
  });

  await t.test('on a phone: one column, nothing wider than the screen', async (t) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', '/articles/000_945e9eab9f0c3dd6', '/statements', '/actors/mark-rutte']) {
      await page.goto(`${origin}${path}`);
      const width = await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement
            .scrollWidth,
      );
      t.ok(width <= 390, `${path}: ${width} px wide`);
    }
    await page.goto(`${origin}/articles/000_945e9eab9f0c3dd6`);
    await shot(page, 'article-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    // for the README: the top of an article with one of Mark Rutte's statements selected, its note beside the text
    await page.goto(`${origin}/articles/000_945e9eab9f0c3dd6`);
    await page.locator('a.hl[id^="q-"]').filter({ hasText: 'China has a particular responsibility' }).click();
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await shot(page, 'article-top');
  });

  t.same(errors, [], 'no errors in any page (a CSP violation would be one)');
  t.same(
    requested.filter((u) => !u.startsWith(`${origin}/`)),
    [],
    'no request left the machine',
  );
  t.ok(audited.length >= 10, `axe-core ran on ${audited.length} pages`);

  await t.test('without JavaScript: highlights still lead to their notes, the form still filters', async (t) => {
    const plain = await launch({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const p = plain.pages()[0];
    await p.goto(`${origin}/articles/000_945e9eab9f0c3dd6`);
    const first = p.locator('a.hl[id^="q-"]').first();
    const id = (await first.getAttribute('id'))!.slice(2);
    await first.click();
    t.ok(await p.locator(`#st-${id}`).evaluate((el) => el.matches(':target')), 'the note is selected');
    t.ok(await p.locator(`#st-${id} .rule`).isVisible(), 'its details are shown');
    await p.goto(`${origin}/statements`);
    await p.locator('#f-q').fill('China');
    await p.getByRole('button', { name: 'Show statements' }).click();
    await p.waitForURL(/\?q=China$/);
    t.ok((await p.locator('a.words').count()) > 0, 'statements with the word');
    await p.goto(`${origin}/actors/mark-rutte`);
    t.equal(await p.locator('canvas[data-drawn]').count(), 0, 'the chart is not drawn');
    await p.locator('.chart summary').click();
    t.ok(await p.locator('.chart table').isVisible(), 'its numbers are in the table');
  });
});
