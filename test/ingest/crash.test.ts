// Crash safety: SIGKILL an ingest at chosen moments; the database stays intact, each article whole or absent, and a
// re-run finishes with the same ids. Each kill lands where the test put it, not where a timer happened to fall: the
// real ingest command is held reading an article's metadata (a named pipe the test opened and never writes), after
// at least one group of articles is committed; the generated-extraction loader stops at a given article, between
// two transactions or inside one with its rows written, and says so.

import t, { type Test } from 'tap';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../src/corpus/generate.js';
import { GROUP_ARTICLES } from '../../src/ingest/ingest.js';
import { listArticleFiles } from '../../src/ingest/files.js';
import { projectPath } from '../../src/paths.js';
import { articleRows, dump, inconsistencies, openFile } from '../dbcheck.js';
import { Prng } from '../prng.js';

const TRIALS = 3; // per writer and kind of stop
const dir = mkdtempSync(join(tmpdir(), 'whosaid-crash-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

// more than two groups of articles, so a stop past the first group always follows a commit
const ARTICLES = 2 * GROUP_ARTICLES + 12;
const corpus = join(dir, 'corpus');
writeCorpus(corpus, { articles: ARTICLES, seed: 7 });
const articleFiles = listArticleFiles([corpus]).files;

const tsx = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: projectPath(), stdio: ['ignore', 'pipe', 'pipe'] });

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

async function runToEnd(child: ChildProcess, what: string) {
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  const { code } = await exited(child);
  if (code !== 0) throw new Error(`${what} failed (${code}): ${stderr}`);
}

/** Resolves once the child prints `line` on its standard output. */
const said = (child: ChildProcess, line: string) =>
  new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.includes(`${line}\n`)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}) before saying "${line}"`)));
  });

/**
 * Replaces an article's metadata file with a named pipe and opens its writing end as soon as a reader has it open:
 * from then on the ingest is blocked reading it, until it is killed. Returns a function putting the file back.
 */
async function holdAt(metaFile: string, child: ChildProcess): Promise<() => void> {
  const content = readFileSync(metaFile);
  rmSync(metaFile);
  if (spawnSync('mkfifo', [metaFile]).status !== 0) throw new Error('mkfifo failed');
  let fd = -1;
  // opening a pipe's writing end without blocking fails (ENXIO) until the reader has it open
  while (fd < 0 && child.exitCode === null) {
    try {
      fd = openSync(metaFile, constants.O_WRONLY | constants.O_NONBLOCK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENXIO') throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return () => {
    if (fd >= 0) closeSync(fd);
    const tmp = `${metaFile}.tmp`;
    writeFileSync(tmp, content);
    renameSync(tmp, metaFile);
  };
}

interface Stop {
  name: string;
  /** Starts the writer on `db`; with `at`, it is stopped at that article and the promise resolves once it is. */
  start: (db: string, at?: number) => Promise<{ child: ChildProcess; release: () => void }>;
  /** The article to stop at, given how many are committed already. */
  pick: (rng: Prng, committed: number) => number;
}

const ingestArgs = (db: string) => [projectPath('src/cli/ingest.ts'), '--db', db, '--quiet', '--workers', '0', corpus];
const loaderArgs = (db: string, ...more: string[]) => [projectPath('test/ingest/load-generated.ts'), db, '200', '11', ...more];
const loader = (phase: 'between' | 'inside'): Stop => ({
  name: `generated-extraction loader, stopped ${phase === 'inside' ? 'inside a transaction' : 'between two'}`,
  start: async (db, at) => {
    const child = tsx(at === undefined ? loaderArgs(db) : loaderArgs(db, String(at), phase));
    if (at !== undefined) await said(child, 'paused');
    return { child, release: () => {} };
  },
  pick: (rng, committed) => (committed + 1 < 200 ? rng.int(committed + 1, 199) : Infinity),
});

const STOPS: Stop[] = [
  {
    name: 'npm run ingest, held reading an article',
    start: async (db, at) => {
      const child = tsx(ingestArgs(db));
      const release = at === undefined ? () => {} : await holdAt(articleFiles[at].replace(/\.txt$/, '.meta.json'), child);
      return { child, release };
    },
    // articles are read a group at a time, then written: past a whole group from the last commit, one more is in
    pick: (rng, committed) => (committed + GROUP_ARTICLES + 1 < ARTICLES ? rng.int(committed + GROUP_ARTICLES + 1, ARTICLES - 1) : Infinity),
  },
  loader('between'),
  loader('inside'),
];

/** Kills the stopped writer and checks the database: intact, and every article it holds as the reference has it. */
async function killAndCheck(t: Test, run: { child: ChildProcess; release: () => void }, file: string, ref: Map<string, unknown>) {
  run.child.kill('SIGKILL');
  const { signal } = await exited(run.child);
  run.release();
  t.equal(signal, 'SIGKILL', 'killed while it was stopped, before it finished');
  const db = openFile(file);
  const rows = articleRows(db);
  const problems = inconsistencies(db);
  for (const [slug, got] of rows) {
    const want = ref.get(slug);
    if (!want) problems.push(`${slug} is not in the reference`);
    else if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${slug} differs from the reference (partly written, or other ids)`);
  }
  db.close();
  t.same(problems, [], `${rows.size} of ${ref.size} articles written, all whole`);
  return rows.size;
}

for (const stop of STOPS) {
  t.test(`${stop.name}: ${TRIALS} SIGKILLs`, async (t) => {
    const refFile = join(dir, `${stop.name.replace(/\W+/g, '-')}-ref.db`);
    const reference = await stop.start(refFile);
    await runToEnd(reference.child, stop.name);
    const ref = openFile(refFile);
    t.teardown(() => ref.close());
    const refRows = articleRows(ref);
    const refDump = dump(ref);
    t.ok(refDump.statements.length > 0, `the reference build has ${refDump.articles.length} articles, ${refDump.statements.length} statements, ${refDump.claims.length} claims`);
    t.same(inconsistencies(ref), [], 'the reference build is consistent');

    const rng = new Prng(stop.name.length * 7919);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const file = join(dir, `${stop.name.replace(/\W+/g, '-')}-${trial}.db`);
      // two crashes in a row on one database, as repeated failures would leave it, then a run to the end
      let committed = 0;
      for (let kill = 1; kill <= 2; kill++) {
        const at = stop.pick(rng, committed);
        if (at >= refRows.size) break;
        const written = await killAndCheck(t, await stop.start(file, at), file, refRows);
        t.ok(written >= committed && written <= at, `trial ${trial}, kill ${kill} at article ${at}: ${written} written (${committed} before)`);
        if (stop.name.startsWith('npm')) t.ok(written > committed, 'at least one group committed since the last run');
        else t.equal(written, at, 'every article before the stop, none from it');
        committed = written;
      }
      await runToEnd((await stop.start(file)).child, stop.name);
      const after = openFile(file);
      t.same(dump(after), refDump, `trial ${trial}: a re-run completes the rest, identical to an uninterrupted run, ids included`);
      after.close();
    }
  });
}
