// The code itself, checked on every `npm test`: it type-checks (tsc --noEmit), Biome's linter and formatter find
// nothing, src/ has no import cycle (madge), and knip finds no unused file, export or dependency. The folders of
// src/ depend on each other in one direction: store/ and http/ on contract/, never on each other.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';
import { projectPath } from '../src/paths.js';

const bin = (name: string) => projectPath('node_modules', '.bin', name);

/** Runs a tool from the project folder: its exit status and what it printed. */
async function run(name: string, args: string[]): Promise<{ code: number; output: string }> {
  return promisify(execFile)(bin(name), args, { cwd: projectPath(), maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? 1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`,
    }),
  );
}

t.test('tsc --noEmit: the whole project type-checks', async (t) => {
  const { code, output } = await run('tsc', ['-p', 'tsconfig.json', '--noEmit']);
  t.equal(code, 0, output.slice(0, 4000));
});

t.test('biome check: lint rules and formatting hold', async (t) => {
  const { code, output } = await run('biome', ['check', '.', '--max-diagnostics=20']);
  t.equal(code, 0, output.slice(0, 4000));
});

t.test('knip: no unused file, export or dependency', async (t) => {
  const { code, output } = await run('knip', []);
  t.equal(code, 0, output.slice(0, 4000));
});

t.test('madge: no import cycle in src/, and the folders in one direction', async (t) => {
  const cycles = await run('madge', ['--circular', '--extensions', 'ts,tsx', '--ts-config', 'tsconfig.json', 'src']);
  t.equal(cycles.code, 0, cycles.output.slice(-2000));
  t.match(cycles.output, /No circular dependency found/);

  const graph = await run('madge', ['--json', '--extensions', 'ts,tsx', '--ts-config', 'tsconfig.json', 'src']);
  const files = JSON.parse(graph.output.slice(graph.output.indexOf('{'))) as Record<string, string[]>;
  const folder = (file: string) => (file.includes('/') ? file.split('/')[0] : file);
  const uses = new Map<string, Set<string>>();
  for (const [file, deps] of Object.entries(files)) {
    for (const dep of deps) {
      if (folder(dep) === folder(file)) continue;
      if (!uses.has(folder(file))) uses.set(folder(file), new Set());
      uses.get(folder(file))!.add(folder(dep));
    }
  }
  const of = (name: string) => [...(uses.get(name) ?? [])].sort();
  t.comment(
    [...uses.keys()]
      .sort()
      .map((f) => `${f} → ${of(f).join(', ')}`)
      .join('\n'),
  );
  t.notOk(of('store').includes('http'), 'store/ does not import http/');
  t.notOk(of('http').includes('store'), 'http/ does not import store/');
  t.notOk(of('http').includes('web'), 'http/ does not import web/');
  t.same(
    of('contract').filter((f) => !['common', 'extract'].includes(f)),
    [],
    'contract/ imports only shared helpers and the extractor rule ids',
  );
  // no cycle between folders either: a depth-first search over the folder graph
  const state = new Map<string, 'open' | 'done'>();
  const cycle: string[] = [];
  const visit = (node: string, path: string[]): boolean => {
    if (state.get(node) === 'done') return false;
    if (state.get(node) === 'open') {
      cycle.push(...path.slice(path.indexOf(node)), node);
      return true;
    }
    state.set(node, 'open');
    for (const next of uses.get(node) ?? []) if (visit(next, [...path, node])) return true;
    state.set(node, 'done');
    return false;
  };
  for (const node of uses.keys()) if (visit(node, [])) break;
  t.same(cycle, [], 'the folders of src/ form no cycle');
});
