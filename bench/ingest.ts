// Ingest throughput on one core, as its own process: the real pipeline (read, extract, write) over generated article files.

import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusTopics, generateCorpus, writeCorpus } from '../src/corpus/generate.js';
import { extractArticle, loadResources } from '../src/extract/index.js';
import { loadTopics } from '../src/extract/topics.js';
import { GROUP_ARTICLES, Ingester } from '../src/ingest/ingest.js';
import { listArticleFiles, readArticleFile } from '../src/ingest/files.js';
import { openForWrite } from '../src/store/db.js';
import { ArticleWriter } from '../src/store/writer.js';

// built once, as the ingest command does: the tagger, word lists and models
const resources = loadResources();

export interface IngestFigures {
  articles: number;
  megabytes: number;
  /** `Ingester.ingestPaths`, as `npm run ingest` runs it. */
  endToEnd: { wallSeconds: number; cpuSeconds: number; articlesPerSecond: number; megabytesPerSecond: number; statementsPerArticle: number };
  /** CPU seconds per phase over the same files: where the time goes. */
  phases: { read: number; extract: number; write: number };
  /** The store writer alone, given the generator's own extraction (about 10 statements per article). */
  writerAtTenStatements: { articlesPerSecond: number; statementsPerArticle: number };
  /** `npm run ingest`'s default: extraction in worker threads, one per core, this thread reading and writing (wall clock). */
  workers: { workers: number; wallSeconds: number; articlesPerSecond: number }[];
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function freshDb() {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bench-ingest-'));
  return { db: openForWrite(join(dir, 'ingest.db')), dir };
}

const [corpusDir, count, seed] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4] ?? 1)];
if (!existsSync(corpusDir) || readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).length !== count) {
  rmSync(corpusDir, { recursive: true, force: true });
  writeCorpus(corpusDir, { articles: count, seed });
}
const files = listArticleFiles([corpusDir]).files;

// 1. end to end
let run = freshDb();
let wall = performance.now();
let started = cpu();
const report = new Ingester(run.db).ingestPaths([corpusDir]);
const cpuSeconds = cpu() - started;
const wallSeconds = (performance.now() - wall) / 1000;
run.db.close();
rmSync(run.dir, { recursive: true, force: true });
if (report.failed.length) throw new Error(`ingest failed: ${JSON.stringify(report.failed.slice(0, 3))}`);

// 1b. the same with extraction in worker threads (one and two), as npm run ingest does by default
const workers: IngestFigures['workers'] = [];
for (const n of [1, 2]) {
  const r = freshDb();
  const t0 = performance.now();
  const rep = await new Ingester(r.db).ingestPathsParallel([corpusDir], { workers: n });
  const seconds = (performance.now() - t0) / 1000;
  r.db.close();
  rmSync(r.dir, { recursive: true, force: true });
  if (rep.failed.length) throw new Error(`parallel ingest failed: ${JSON.stringify(rep.failed.slice(0, 3))}`);
  workers.push({ workers: n, wallSeconds: seconds, articlesPerSecond: files.length / seconds });
}

// 2. the same work split into phases
run = freshDb();
const writer = new ArticleWriter(run.db);
writer.syncTopics(loadTopics());
const phases = { read: 0, extract: 0, write: 0 };
let bytes = 0;
// as Ingester.ingestPaths does: GROUP_ARTICLES (64) articles read and extracted, then written in one transaction (the commit counted as writing)
const writeGroup = writer.group((group: { path: string; file: ReturnType<typeof readArticleFile>; extraction: ReturnType<typeof extractArticle> }[]) => {
  for (const { path, file, extraction } of group) {
    writer.save({ slug: file.slug, file: path, contentHash: file.contentHash, extractor: 'bench', published: file.meta.published, url: file.meta.url, source: file.meta.source, language: file.meta.language, extraction });
  }
});
for (let from = 0; from < files.length; from += GROUP_ARTICLES) {
  const group = [];
  for (const path of files.slice(from, from + GROUP_ARTICLES)) {
    let t = cpu();
    const file = readArticleFile(path);
    bytes += Buffer.byteLength(file.text);
    phases.read += cpu() - t;
    t = cpu();
    group.push({ path, file, extraction: extractArticle(file.text, { published: file.meta.published }, resources) });
    phases.extract += cpu() - t;
  }
  const t = cpu();
  writeGroup(group);
  phases.write += cpu() - t;
}
run.db.close();
rmSync(run.dir, { recursive: true, force: true });

// 3. the writer with ten statements per article, whatever the extractor finds today
run = freshDb();
const truthWriter = new ArticleWriter(run.db);
const topics = corpusTopics();
truthWriter.syncTopics(topics);
const generated = [...generateCorpus({ articles: count, seed, topics })];
let statements = 0;
started = cpu();
for (const a of generated) {
  truthWriter.save({ slug: a.slug, file: null, contentHash: a.slug, extractor: 'generated', published: a.meta.published, url: a.meta.url, source: a.meta.source, language: 'en', extraction: a.extraction });
  statements += a.extraction.statements.length;
}
const truthSeconds = cpu() - started;
run.db.close();
rmSync(run.dir, { recursive: true, force: true });
wall = 0;

const megabytes = bytes / 1048576;
const figures: IngestFigures = {
  articles: files.length,
  megabytes,
  endToEnd: {
    wallSeconds, cpuSeconds,
    articlesPerSecond: files.length / cpuSeconds,
    megabytesPerSecond: megabytes / cpuSeconds,
    statementsPerArticle: report.statements / files.length,
  },
  phases,
  writerAtTenStatements: { articlesPerSecond: count / truthSeconds, statementsPerArticle: statements / count },
  workers,
};
process.stdout.write(JSON.stringify(figures));
