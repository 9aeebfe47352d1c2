// `npm run ingest -- [--db FILE] [--force] [PATH ...] [--url URL ...] [--feed URL|FILE ...]`: loads articles, prints a summary.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DatabaseError, databaseFault, openForWrite } from '../store/db.js';
import { Ingester, type IngestReport } from '../ingest/ingest.js';
import { DEFAULT_MAX_BYTES } from '../ingest/files.js';
import { budgetFromEnv } from '../config.js';
import { DEFAULT_FETCH_LIMITS } from '../ingest/fetch.js';
import { feedSources, isUrl, urlSources } from '../ingest/remote.js';
import { listSources, type ArticleSource } from '../ingest/sources.js';

const USAGE = `usage: npm run ingest -- [--db FILE] [--force] [--max-bytes N] [--workers N] [--budget-ms N] [--quiet] [PATH ...] [--url URL ...] [--feed URL|FILE ...] [--feed-content-only]

  PATH           an article file (NAME.txt, with optional NAME.meta.json), a saved web page (NAME.html), a JSON Lines
                 file (NAME.jsonl, one article per line) or a folder of them; default data/articles
  --url URL      fetch the article page at URL (http or https; a PATH that starts with http:// or https:// is one too)
  --feed SOURCE  read an RSS or Atom feed (a URL or a file) and ingest its items; items whose link is already
                 stored are not fetched again
  --feed-content-only  take only the feed items that carry their story; do not fetch the others' links
  --db FILE      the database to write; default $WHOSAID_DB or data/whosaid.db (created when missing)
  --force        re-extract articles even when their content is unchanged, and fetch feed items already stored
  --max-bytes N  refuse articles (files, pages) larger than N bytes (default ${DEFAULT_MAX_BYTES})
  --timeout S    give up on a page or feed that has not arrived whole in S seconds (default ${DEFAULT_FETCH_LIMITS.timeoutMs / 1000})
  --workers N    extract in N worker threads while this one writes (default: one per core; 0 extracts here)
  --budget-ms N  refuse an article whose extraction takes longer than N ms (default $WHOSAID_EXTRACT_BUDGET_MS or 5000;
                 0: no limit); a worker thread is stopped at the budget, with --workers 0 the article is refused after
  --quiet        print only failures and the summary`;

export function formatSummary(r: IngestReport): string {
  const ok = r.added + r.replaced + r.unchanged;
  return (
    `${ok} article${ok === 1 ? '' : 's'} ingested (${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged), ${r.failed.length} failed` +
    `${r.skipped ? `, ${r.skipped} feed item${r.skipped === 1 ? '' : 's'} not fetched` : ''}; ` +
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
        url: { type: 'string', multiple: true },
        feed: { type: 'string', multiple: true },
        'feed-content-only': { type: 'boolean', default: false },
        timeout: { type: 'string' },
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
    budgetMs = args.values['budget-ms'] === undefined ? budgetFromEnv(process.env) : Number(args.values['budget-ms']);
  } catch (err) {
    console.error(`ingest: ${(err as Error).message}`);
    return 2;
  }
  if (!Number.isInteger(budgetMs) || budgetMs < 0) {
    console.error(`ingest: --budget-ms must be a whole number of milliseconds (0 for no limit), got "${args.values['budget-ms']}"`);
    return 2;
  }
  const timeout = args.values.timeout === undefined ? DEFAULT_FETCH_LIMITS.timeoutMs / 1000 : Number(args.values.timeout);
  if (!(timeout > 0)) {
    console.error(`ingest: --timeout must be a positive number of seconds, got "${args.values.timeout}"`);
    return 2;
  }
  const dbFile = args.values.db ?? process.env.WHOSAID_DB ?? 'data/whosaid.db';
  const urls = [...(args.values.url ?? []), ...args.positionals.filter(isUrl)];
  const feeds = args.values.feed ?? [];
  const paths = args.positionals.filter((p) => !isUrl(p));
  if (!paths.length && !urls.length && !feeds.length) paths.push('data/articles');
  const inputs = { paths, urls, feeds, fetchLinks: !args.values['feed-content-only'], limits: { ...DEFAULT_FETCH_LIMITS, timeoutMs: timeout * 1000, maxBytes } };

  const started = performance.now();
  let report;
  try {
    report = await ingest(dbFile, inputs, { force: args.values.force, maxBytes, quiet: args.values.quiet, workers, budgetMs }, started);
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
interface Inputs {
  paths: string[];
  urls: string[];
  feeds: string[];
  fetchLinks: boolean;
  limits: typeof DEFAULT_FETCH_LIMITS;
}

async function ingest(dbFile: string, inputs: Inputs, o: { force: boolean; maxBytes: number; quiet: boolean; workers: number; budgetMs: number }, started: number): Promise<IngestReport> {
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
    const reader = () => ingester.pageReader();
    // pages and feeds are fetched first (several at a time), then everything is ingested in the order given
    const sources: ArticleSource[] = listSources(inputs.paths, reader, o.maxBytes);
    const remote = { reader: reader(), limits: inputs.limits };
    sources.push(...(await urlSources(inputs.urls, remote)));
    let skipped = 0;
    for (const feed of inputs.feeds) {
      const items = await feedSources(feed, { ...remote, force: o.force, maxBytes: o.maxBytes, fetchLinks: inputs.fetchLinks, isStored: (url) => ingester.storedUrl(url) !== null });
      sources.push(...items.sources);
      skipped += items.skipped;
    }
    const report = o.workers > 0 ? await ingester.ingestSourcesParallel(sources, { ...options, workers: o.workers }) : ingester.ingestSources(sources, options);
    report.skipped += skipped;
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
