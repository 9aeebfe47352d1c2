// A worker thread of the extraction pool: loads the resources once, says it is ready, then extracts each article it is sent.

import { parentPort } from 'node:worker_threads';
import { extractArticle, loadResources } from '../extract/index.js';
import { ArticleFormatError } from '../extract/parse.js';
import type { ExtractJob, ExtractOutcome, WorkerMessage } from './pool.js';

const resources = loadResources();
const send = (m: WorkerMessage) => parentPort!.postMessage(m);

parentPort!.on('message', (job: ExtractJob) => {
  let outcome: ExtractOutcome;
  const started = performance.now();
  try {
    const extraction = extractArticle(job.text, { published: job.published }, resources);
    outcome = { ok: true, extraction, ms: performance.now() - started };
  } catch (err) {
    outcome = err instanceof ArticleFormatError ? { ok: false, reason: err.reason, format: true } : { ok: false, reason: `extraction failed: ${(err as Error).message}`, format: false };
  }
  send({ outcome });
});
send({ ready: true });
