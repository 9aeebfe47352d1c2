// Swagger UI in a real browser (Debian's Chromium driven by playwright-core): /docs loads with no request leaving
// the machine, and "Try it out" on GET /v1/statements with speaker=rutte shows a 200 with Mark Rutte's statements.

import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { seededApp } from '../helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = projectPath('test', 'artifacts');

t.test('Swagger UI: try GET /v1/statements?speaker=rutte in Chromium', async (t) => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no browser at ${CHROMIUM}: run apt-get install -y chromium (npm test does first) or set CHROMIUM_PATH`,
    );
  const { app } = await seededApp();
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const profile = mkdtempSync(join(tmpdir(), 'whosaid-chromium-'));
  t.teardown(() => rmSync(profile, { recursive: true, force: true }));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1000 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  t.teardown(() => browser.close());

  const requested: string[] = [];
  browser.on('request', (r) => requested.push(r.url()));
  const errors: string[] = [];
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  await page.goto(`${origin}/docs`);
  const op = page.locator('#operations-statements-listStatements');
  await op.locator('.opblock-summary').click();
  await op.getByRole('button', { name: 'Try it out' }).click();
  await op.locator('tr[data-param-name="speaker"] input').fill('rutte');
  await op.getByRole('button', { name: 'Execute' }).click();

  const live = op.locator('.live-responses-table');
  const status = live.locator('tr.response .response-col_status');
  await status.waitFor();
  t.equal((await status.innerText()).trim(), '200', 'the call answered 200');
  const body = JSON.parse(
    await live.locator('tr.response .response-col_description pre.microlight').first().innerText(),
  ) as { data: { speaker: { id: string } | null; text: string }[] };
  t.ok(body.data.length > 0, 'statements are shown');
  t.ok(
    body.data.every((s) => s.speaker?.id === 'mark-rutte'),
    'all by Mark Rutte',
  );
  t.match(
    await op.locator('.request-url pre').innerText(),
    `${origin}/v1/statements?speaker=rutte`,
    'the request went to this server',
  );

  // For people to look at: the whole page, and one screen from the curl command of the call down to its response.
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui-full.png'), fullPage: true });
  // (these callbacks run in the page, where `globalThis` is the window)
  const top = await op
    .locator('.curl-command')
    .evaluate((el) => el.getBoundingClientRect().top + (globalThis as unknown as { scrollY: number }).scrollY);
  await page.evaluate(
    (y) => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, y - 90),
    top,
  );
  await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui.png') });

  t.same(
    requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:')),
    [],
    'no request left the machine',
  );
  t.ok(
    requested.some((u) => u.startsWith(`${origin}/docs/static/`)),
    'Swagger UI assets came from this server',
  );
  t.same(errors, [], 'no errors in the page');
});
