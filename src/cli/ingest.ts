// `npm run ingest -- [--db FILE] [--force] [PATH ...]`: loads article files into the database and prints a summary.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DatabaseError, databaseFault, openForWrite } from '../store/db.js';
import { Ingester, type IngestReport } from '../ingest/ingest.js';
import { DEFAULT_MAX_BYTES } from '../ingest/files.js';
import { budgetFromEnv } from '../config.js';

const USAGE = `usage: npm run ingest -- [--db FILE] [--force] [--max-bytes N] [--workers N] [--budget-ms N] [--quiet] [PATH ...]

  PATH           an article file (NAME.txt, with optional NAME.meta.json) or a folder of them; default data/articles
  --db FILE      the database to write; default $WHOSAID_DB or data/whosaid.db (created when missing)
  --force        re-extract articles even when their content is unchanged
  --max-bytes N  refuse article files larger than N bytes (default ${DEFAULT_MAX_BYTES})
  --workers N    extract in N worker threads while this one writes (default: one per core; 0 extracts here)
  --budget-ms N  refuse an article whose extraction takes longer than N ms (default $WHOSAID_EXTRACT_BUDGET_MS or 5000;
                 0: no limit); a worker thread is stopped at the budget, with --workers 0 the article is refused after
  --quiet        print only failures and the summary`;

export function formatSummary(r: IngestReport): string {
  const ok = r.added + r.replaced + r.unchanged;
  return (
    `${ok} article${ok === 1 ? '' : 's'} ingested (${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged), ${r.failed.length} failed; ` +
    `${r.statements} statements, ${r.claims} claims, ${r.actors} actors extracted; ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}`
  );
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        force: { type: 'boolean', default: false },
        'max-bytes': { type: 'string' },
        workers: { type: 'string' },
        'budget-ms': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`ingest: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  const maxBytes = args.values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(args.values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
    console.error(`ingest: --max-bytes must be a positive whole number of bytes, got "${args.values['max-bytes']}"`);
    return 2;
  }
  const workers = args.values.workers === undefined ? availableParallelism() : Number(args.values.workers);
  if (!Number.isInteger(workers) || workers < 0) {
    console.error(`ingest: --workers must be a whole number (0 or more), got "${args.values.workers}"`);
    return 2;
  }
  let budgetMs: number;
  try {
    budgetMs = args.values['budget-ms'] === undefined ? budgetFromEnv() : Number(args.values['budget-ms']);
  } catch (err) {
    console.error(`ingest: ${(err as Error).message}`);
    return 2;
  }
  if (!Number.isInteger(budgetMs) || budgetMs < 0) {
    console.error(`ingest: --budget-ms must be a whole number of milliseconds (0 for no limit), got "${args.values['budget-ms']}"`);
    return 2;
  }
  const dbFile = args.values.db ?? process.env.WHOSAID_DB ?? 'data/whosaid.db';
  const paths = args.positionals.length ? args.positionals : ['data/articles'];

  const started = performance.now();
  let report;
  try {
    report = await ingest(dbFile, paths, { force: args.values.force, maxBytes, quiet: args.values.quiet, workers, budgetMs }, started);
  } catch (err) {
    if (err instanceof DatabaseError) {
      console.error(`ingest: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;

  if (!args.values.quiet) for (const w of report.warnings) console.error(`warning: ${w.path}: ${w.message}`);
  for (const f of report.failed) console.error(`error: ${f.path}: ${f.reason}`);
  console.log(`${formatSummary(report)} into ${dbFile} in ${seconds.toFixed(2)} s`);
  return report.failed.length ? 1 : 0;
}

/** Opens (or creates) the database and ingests; a database that cannot be used throws DatabaseError. */
async function ingest(dbFile: string, paths: string[], o: { force: boolean; maxBytes: number; quiet: boolean; workers: number; budgetMs: number }, started: number): Promise<IngestReport> {
  const db = openForWrite(dbFile);
  try {
    const tty = process.stderr.isTTY;
    let lastShown = 0;
    const options = {
      force: o.force,
      maxBytes: o.maxBytes,
      budgetMs: o.budgetMs,
      onProgress: (done: number, total: number) => {
        if (o.quiet || total < 20) return;
        const now = performance.now();
        if (done < total && now - lastShown < (tty ? 200 : 2000)) return;
        lastShown = now;
        const rate = done / ((now - started) / 1000);
        const line = `[${done}/${total}] ${Math.floor((100 * done) / total)}% ${rate.toFixed(0)} articles/s`;
        process.stderr.write(tty ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
      },
    };
    const ingester = new Ingester(db);
    const report = o.workers > 0 ? await ingester.ingestPathsParallel(paths, { ...options, workers: o.workers }) : ingester.ingestPaths(paths, options);
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch (err) {
      throw databaseFault(db, err) ?? err;
    }
    return report;
  } finally {
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
