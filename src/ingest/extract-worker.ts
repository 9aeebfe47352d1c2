// A worker thread of the extraction pool: loads the resources once, says it is ready, then extracts each article (or page) it is sent.

import { parentPort } from 'node:worker_threads';
import { extractArticle, loadResources } from '../extract/index.js';
import { ArticleFormatError } from '../extract/parse.js';
import { IngestError } from './files.js';
import type { PageReader } from './html.js';
import type { ExtractJob, ExtractOutcome, WorkerMessage } from './pool.js';
import { readPage } from './sources.js';
import { submissionToFile } from './submission.js';

const resources = loadResources();
// the page reader (linkedom, Readability and the cleanup rules) is loaded with the first page this worker reads: a
// worker that is only sent text (the server's, most often) is ready sooner without it
let reader: PageReader | undefined;
const pageReader = async () => (reader ??= new (await import('./html.js')).PageReader());
const send = (m: WorkerMessage) => parentPort!.postMessage(m);

// the pool sends a worker one job at a time, so an awaited page reader cannot reorder jobs
parentPort!.on('message', async (job: ExtractJob) => {
  let outcome: ExtractOutcome;
  // a page's reading counts with its extraction: the pool's budget covers the whole job
  const started = performance.now();
  try {
    const file = 'page' in job ? readPage(job.page, await pageReader()) : 'submission' in job ? submissionToFile(job.submission, job.submission.html === undefined ? undefined : await pageReader()) : undefined;
    const text = file?.text ?? (job as { text: string }).text;
    const published = file ? file.meta.published : (job as { published: string | null }).published;
    const extraction = extractArticle(text, { published }, resources);
    outcome = { ok: true, extraction, ms: performance.now() - started, file };
  } catch (err) {
    if (err instanceof IngestError) outcome = { ok: false, reason: err.reason, format: false };
    else if (err instanceof ArticleFormatError) outcome = { ok: false, reason: err.reason, format: true };
    else outcome = { ok: false, reason: `extraction failed: ${(err as Error).message}`, format: false };
  }
  send({ outcome });
});
send({ ready: true });
