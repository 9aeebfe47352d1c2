// The generated TypeScript client works by default: openapi-typescript turns openapi.yaml into types, tsc checks the
// example program (examples/typescript/client.ts, which uses openapi-fetch's plain `createClient<paths>()`, no
// media types narrowed) and the README's snippet of it against them, and the program runs against the app on a random
// port.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { fixtureApp } from '../helpers.js';

const run = promisify(execFile);
const bin = (name: string) => projectPath('node_modules', '.bin', name);

/**
 * A scratch folder outside the repo that resolves packages from the project's node_modules, holding the example
 * program twice: `client.ts` on types from openapi.yaml, `renamed.ts` on types from a copy of it where
 * Statement.text is renamed. One tsc run checks both (tsc is the slow part of this test).
 */
function workspace(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-client-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(projectPath('node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      },
      files: ['client.ts', 'whosaid.d.ts', 'renamed.ts', 'renamed-types.d.ts', 'readme.ts'],
    }),
  );
  const program = readFileSync(projectPath('examples', 'typescript', 'client.ts'), 'utf8');
  writeFileSync(join(dir, 'client.ts'), program);
  writeFileSync(join(dir, 'renamed.ts'), program.replace("from './whosaid.js'", "from './renamed-types.js'"));
  writeFileSync(join(dir, 'readme.ts'), readmeSnippet());
  return dir;
}

/** The README's TypeScript snippet ("The core of it"), type-checked with the program as written there. */
function readmeSnippet(): string {
  const readme = readFileSync(projectPath('README.md'), 'utf8');
  const block = /The core of it:\n\n```ts\n([\s\S]*?)\n```/.exec(readme);
  if (!block) throw new Error('README.md: no ```ts block after "The core of it:"');
  return `${block[1]}\nexport {};\n`;
}

/** openapi-typescript lints with the redocly.yaml of its working folder first and stops on an error. */
async function generate(spec: string, out: string, cwd: string) {
  await run(bin('openapi-typescript'), [spec, '-o', out], { cwd });
}

t.test('types generated from openapi.yaml type-check the client, which then works against the live API', async (t) => {
  const dir = workspace(t);
  const spec = readFileSync(projectPath('openapi.yaml'), 'utf8');
  const renamed = spec.replace(/(\n {8})text:(\n {10}type: string\n {10}description: "The words said)/, '$1words:$2');
  t.not(renamed, spec, 'Statement.text renamed in a copy of the spec');
  writeFileSync(join(dir, 'renamed.yaml'), renamed);
  // as the README says, from the project folder, under our lint rules
  await generate(projectPath('openapi.yaml'), join(dir, 'whosaid.d.ts'), projectPath());
  // (our rules would already stop the renamed copy, its examples no longer matching; the point here is tsc)
  await generate(join(dir, 'renamed.yaml'), join(dir, 'renamed-types.d.ts'), dir);
  t.match(readFileSync(join(dir, 'whosaid.d.ts'), 'utf8'), /Statement: \{/, 'a named Statement type');
  const program = readFileSync(join(dir, 'client.ts'), 'utf8');
  t.match(program, /createClient<paths>\(\{ baseUrl \}\)/, 'the default client');
  t.notMatch(program, /createClient<paths,|as unknown|as any|@ts-/, 'no media types narrowed, no casts');

  const tsc = await run(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(
    () => '',
    (e: { stdout: string }) => e.stdout,
  );
  const errors = tsc.split('\n').filter((l) => /error TS/.test(l));
  t.same(
    errors.filter((l) => !l.startsWith('renamed.ts')),
    [],
    "tsc accepts the program, and the README's snippet, on the real types",
  );
  t.ok(
    errors.length > 0 && errors.every((l) => /^renamed\.ts.*Property 'text' does not exist/.test(l)),
    'and a renamed field breaks its build',
  );

  const app = await fixtureApp();
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { stdout } = await run(
    process.execPath,
    [
      projectPath('node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(dir, 'client.ts'),
      `http://127.0.0.1:${port}`,
      'lima',
      'politics',
      '2024-11-14',
      '2024-11-14',
    ],
    { cwd: dir },
  );
  const out = JSON.parse(stdout);
  t.same(
    out.bySpeaker,
    [{ id: 1, speaker: 'ana-lima', date: '2024-11-11', text: 'will resume soon.' }],
    'by speaker (an alias)',
  );
  t.same(
    out.byTopic.map((s: { id: number }) => s.id),
    [1, 3, 4],
    'by topic, sub-topics included',
  );
  t.same(
    out.inRange.map((s: { id: number }) => s.id),
    [2, 3],
    'by date range',
  );
  t.same(out.walked, { pages: 2, ids: [1, 2, 3, 4] }, 'followed next to the end');
  t.same(out.actor, { id: 'ana-lima', name: 'Ana Lima', role: 'Ruritanian foreign minister', statements: 1 });
  t.same(
    out.missing,
    {
      status: 404,
      contentType: 'application/problem+json',
      type: 'urn:whosaid:problem:not-found',
      detail: 'no actor has id "no-such-actor"; find ids with GET /v1/actors?q=NAME',
    },
    'a typed 404 problem',
  );
  t.same(
    out.csv,
    [
      'id,articleId,quoteId,speaker.id,speaker.name,speaker.type,kind,text,cue,date,datePrecision,dateText,topics,mentions,span.start,span.end,attribution.rule,attribution.confidence',
      '1,ruritania-talks,1,ana-lima,Ana Lima,person,direct,will resume soon.,said,2024-11-11,day,on Monday,diplomacy,,36,53,cue-then-quote,0.9',
    ],
    'the export as text',
  );
  t.same(out.jsonld, { type: 'Quotation', speaker: 'Ana Lima', date: '2024-11-11' }, 'linked data, typed');
});
