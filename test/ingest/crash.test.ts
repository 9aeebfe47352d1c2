// Crash safety: SIGKILL an ingest at random moments; the database stays intact, each article whole or absent, and a re-run finishes with the same ids.

import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeCorpus } from '../../src/corpus/generate.js';
import { projectPath } from '../../src/paths.js';
import { articleRows, dump, inconsistencies, openFile } from '../dbcheck.js';
import { Prng } from '../prng.js';

const TRIALS = Number(process.env.CRASH_TRIALS ?? 5); // per writer: the real ingest command, and the generated-extraction loader
const dir = mkdtempSync(join(tmpdir(), 'whosaid-crash-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

interface Writer {
  name: string;
  args: (db: string) => string[];
}

const corpus = join(dir, 'corpus');
writeCorpus(corpus, { articles: 60, seed: 7 });
const WRITERS: Writer[] = [
  // in one thread: the kill times are drawn from the reference run's writing time, which worker start-up would blur;
  // the worker path writes through the same grouped transactions (test/ingest/groups.test.ts shows the same rows)
  { name: 'npm run ingest', args: (db) => [projectPath('src/cli/ingest.ts'), '--db', db, '--quiet', '--workers', '0', corpus] },
  { name: 'generated-extraction loader', args: (db) => [projectPath('test/ingest/load-generated.ts'), db, '200', '11'] },
];

const start = (w: Writer, db: string): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', ...w.args(db)], { cwd: projectPath(), stdio: ['ignore', 'ignore', 'pipe'] });

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

/** Articles committed so far, or -1 while the file or its schema does not exist yet. */
function committed(db: string): number {
  if (!existsSync(db)) return -1;
  let conn: Database.Database | undefined;
  try {
    conn = new Database(db, { readonly: true, fileMustExist: true });
    return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    conn?.close();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runToEnd(w: Writer, db: string): Promise<{ code: number | null; writeMs: number }> {
  const child = start(w, db);
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  let firstWrite = 0;
  while (child.exitCode === null) {
    if (!firstWrite && committed(db) > 0) firstWrite = performance.now();
    await sleep(20);
  }
  const { code } = await exited(child);
  if (code !== 0) throw new Error(`${w.name} failed (${code}): ${stderr}`);
  return { code, writeMs: performance.now() - (firstWrite || performance.now()) };
}

for (const writer of WRITERS) {
  t.test(`${writer.name}: ${TRIALS} SIGKILLs at random moments`, async (t) => {
    const refFile = join(dir, `${writer.name.replace(/\W+/g, '-')}-ref.db`);
    const { writeMs } = await runToEnd(writer, refFile);
    const ref = openFile(refFile);
    t.teardown(() => ref.close());
    const refRows = articleRows(ref);
    const refDump = dump(ref);
    t.ok(refDump.articles.length > 0, `the reference build has ${refDump.articles.length} articles, ${refDump.statements.length} statements, ${refDump.claims.length} claims, ${refDump.mentions.length} mentions`);
    t.same(inconsistencies(ref), [], 'the reference build is consistent');

    const rng = new Prng(writer.name.length * 7919);
    let midway = 0;
    let inconsistent = 0;
    let chain = 0;
    let file = '';
    // Kills come in chains on one database, as repeated crashes would: each trial restarts the ingest on what the
    // last one left and kills it again; when little work is left, a re-run completes the chain and a new one begins.
    const completeChain = async () => {
      await runToEnd(writer, file);
      const after = openFile(file);
      t.same(dump(after), refDump, `chain ${chain}: a re-run completes the rest, identical to an uninterrupted run, ids included`);
      after.close();
    };
    for (let trial = 0; trial < TRIALS; trial++) {
      if (!file || refRows.size - Math.max(0, committed(file)) < refRows.size / 4) {
        if (file) await completeChain();
        file = join(dir, `${writer.name.replace(/\W+/g, '-')}-chain-${++chain}.db`);
      }
      const before = Math.max(0, committed(file));
      const child = start(writer, file);
      // kill at a random point of the rest of the ingest: once a random number of further articles is committed,
      // plus up to two articles' time, so the kill lands anywhere in an article's extraction or its transaction
      const target = before + rng.int(1, Math.max(1, Math.floor((refRows.size - before) * 0.75)));
      while (child.exitCode === null && committed(file) < target) await sleep(2);
      await sleep(rng.next() * 2 * (writeMs / refRows.size));
      child.kill('SIGKILL');
      const { signal } = await exited(child);

      const db = openFile(file);
      const rows = articleRows(db);
      const problems = inconsistencies(db);
      for (const [slug, got] of rows) {
        const want = refRows.get(slug);
        if (!want) problems.push(`${slug} is not in the reference`);
        else if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${slug} differs from the reference (partly written, or other ids)`);
      }
      db.close();
      if (problems.length) inconsistent++;
      const wasMidway = signal === 'SIGKILL' && rows.size > before && rows.size < refRows.size;
      if (wasMidway) midway++;
      t.same(problems, [], `trial ${trial + 1} (chain ${chain}): killed ${signal ? `by ${signal}` : 'too late'} with ${rows.size} of ${refRows.size} articles written (${before} before it started); all whole`);
    }
    await completeChain();
    t.comment(`${writer.name}: ${TRIALS} kill trials, ${midway} mid-ingest, ${inconsistent} inconsistent`);
    t.ok(midway >= TRIALS - 1, `the kills landed mid-ingest (${midway} of ${TRIALS})`);
  });
}
