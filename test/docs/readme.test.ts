// Every curl example in README.md runs, with the real curl, against a live server over the seed article and the four
// copies of one story in test/fixtures/copies/, and prints what the README shows after it (`…` matches any text), so
// the README stays true.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import t from 'tap';
import { projectPath } from '../../src/paths.js';
import { SEED, seededApp } from '../helpers.js';

const README_BASE = 'http://127.0.0.1:3000';

interface Example {
  line: number;
  command: string;
  expected: string;
}

/** `$ command` lines of ```console blocks, each with the output lines that follow it. */
export function readmeExamples(markdown: string): { examples: Example[]; unchecked: string[] } {
  const examples: Example[] = [];
  const unchecked: string[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const open = /^```(\w*)/.exec(line);
    if (open && fence === null) {
      fence = open[1];
      continue;
    }
    if (line.startsWith('```') && fence !== null) {
      fence = null;
      continue;
    }
    if (fence === null) continue;
    if (fence === 'console' && line.startsWith('$ ')) {
      examples.push({ line: i + 1, command: line.slice(2), expected: '' });
    } else if (fence === 'console' && examples.length) {
      const last = examples[examples.length - 1];
      last.expected += (last.expected ? '\n' : '') + line;
    } else if (/\bcurl\s/.test(line)) {
      unchecked.push(`README.md:${i + 1}: ${line}`);
    }
  }
  return { examples, unchecked };
}

/** The output matches when the shown pieces between `…` appear in order, the first at the start, the last at the end. */
export function matches(actual: string, expected: string): boolean {
  const pieces = expected.split('…');
  if (!actual.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (const piece of pieces.slice(1, -1)) {
    const found = actual.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  const last = pieces[pieces.length - 1];
  return pieces.length === 1 ? actual === expected : actual.length - last.length >= at && actual.endsWith(last);
}

t.test('the matcher', async (t) => {
  t.ok(matches('{"a":1,"b":2}', '{"a":…,"b":2}'));
  t.ok(matches('{"a":1,"b":2}', '{"a":1…'));
  t.notOk(matches('{"a":1,"b":2}', '{"a":2…'));
  t.notOk(matches('{"a":1,"b":2}', '{"a":1,"b":3}'), 'no … means the whole output');
  t.notOk(matches('abc', 'ab…bc'), 'pieces may not overlap');
});

t.test('README curl examples print what the README says', async (t) => {
  const { examples, unchecked } = readmeExamples(readFileSync(projectPath('README.md'), 'utf8'));
  t.same(unchecked, [], 'every curl in the README is a `$ curl` line of a ```console block (so it is checked here)');
  t.ok(examples.length >= 10, `${examples.length} examples`);

  const copies = ['ecj-facebook', 'ecj-facebook-reprint', 'ecj-facebook-trimmed', 'ecj-facebook-spokesman'];
  const { app } = await seededApp([SEED, ...copies.map((c) => projectPath('test', 'fixtures', 'copies', `${c}.txt`))]);
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  for (const ex of examples) {
    t.ok(/^curl\s/.test(ex.command), `README.md:${ex.line} is a curl command`);
    const command = ex.command.replaceAll(README_BASE, base);
    const { stdout, code } = await promisify(execFile)('bash', ['-o', 'pipefail', '-c', command], {
      timeout: 15_000,
    }).then(
      (r) => ({ stdout: r.stdout, code: 0 }),
      (e: { stdout?: string; code?: number }) => ({ stdout: e.stdout ?? '', code: e.code ?? 1 }),
    );
    // `head` closing the pipe early makes curl exit 23 (write error): that is the reader stopping, not a failure.
    t.ok(
      code === 0 || (code === 23 && / \| head /.test(command)),
      `README.md:${ex.line} exits 0 (got ${code}): ${ex.command}`,
    );
    const actual = stdout.replace(/\r\n/g, '\n').replace(/\n$/, '');
    const expected = ex.expected.replaceAll(README_BASE, base);
    if (!t.ok(matches(actual, expected), `README.md:${ex.line} prints what the README shows: ${ex.command}`)) {
      t.comment(`expected:\n${expected}\nactual:\n${actual.slice(0, 2000)}`);
    }
  }
});
