// The generated TypeScript client works: openapi-typescript turns openapi.yaml into types, tsc checks the example
// program (examples/typescript/client.ts) against them, and the program runs against the app on a random port.

import t from 'tap';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectPath } from '../../src/paths.js';
import { fixtureApp } from '../helpers.js';

const run = promisify(execFile);
const bin = (name: string) => projectPath('node_modules', '.bin', name);

/** A scratch folder outside the repo that resolves packages from the project's node_modules. */
function workspace(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-client-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(projectPath('node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
      files: ['client.ts', 'whosaid.d.ts'],
    }),
  );
  copyFileSync(projectPath('examples', 'typescript', 'client.ts'), join(dir, 'client.ts'));
  return dir;
}

async function generate(dir: string, spec: string) {
  await run(bin('openapi-typescript'), [spec, '-o', join(dir, 'whosaid.d.ts')], { cwd: dir });
}

const typecheck = (dir: string) => run(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir });

t.test('types generated from openapi.yaml type-check the client, which then works against the live API', async (t) => {
  const dir = workspace(t);
  await generate(dir, projectPath('openapi.yaml'));
  t.match(readFileSync(join(dir, 'whosaid.d.ts'), 'utf8'), /Statement: \{/, 'a named Statement type');
  await t.resolves(typecheck(dir), 'tsc accepts the program');

  const app = await fixtureApp();
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const { stdout } = await run(process.execPath, [projectPath('node_modules', 'tsx', 'dist', 'cli.mjs'), join(dir, 'client.ts'), `http://127.0.0.1:${port}`, 'lima', 'politics', '2024-11-14', '2024-11-14'], { cwd: dir });
  const out = JSON.parse(stdout);
  t.same(out.bySpeaker, [{ id: 1, speaker: 'ana-lima', date: '2024-11-11', text: 'will resume soon.' }], 'by speaker (an alias)');
  t.same(out.byTopic.map((s: { id: number }) => s.id), [1, 3, 4], 'by topic, sub-topics included');
  t.same(out.inRange.map((s: { id: number }) => s.id), [2, 3], 'by date range');
  t.same(out.walked, { pages: 2, ids: [1, 2, 3, 4] }, 'followed next to the end');
  t.same(out.actor, { id: 'ana-lima', name: 'Ana Lima', role: 'Ruritanian foreign minister', statements: 1 });
  t.same(out.missing, {
    status: 404,
    contentType: 'application/problem+json',
    type: 'urn:whosaid:problem:not-found',
    detail: 'no actor has id "no-such-actor"; find ids with GET /v1/actors?q=NAME',
  }, 'a typed 404 problem');
});

t.test('a renamed field breaks the build', async (t) => {
  const dir = workspace(t);
  const renamed = readFileSync(projectPath('openapi.yaml'), 'utf8').replace(/(\n {8})text:(\n {10}type: string\n {10}description: "The words said)/, '$1words:$2');
  t.not(renamed, readFileSync(projectPath('openapi.yaml'), 'utf8'), 'Statement.text renamed in a copy of the spec');
  writeFileSync(join(dir, 'renamed.yaml'), renamed);
  await generate(dir, join(dir, 'renamed.yaml'));
  const err = await typecheck(dir).then(() => null, (e: { stdout: string }) => e);
  t.ok(err, 'tsc fails');
  t.match(err?.stdout ?? '', /client\.ts.*Property 'text' does not exist/);
});
