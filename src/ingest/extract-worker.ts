// A worker thread of the extraction pool: loads the resources once, then extracts each article it is sent.

import { parentPort } from 'node:worker_threads';
import { extractArticle, loadResources } from '../extract/index.js';
import { ArticleFormatError } from '../extract/parse.js';
import type { ExtractJob, ExtractOutcome } from './pool.js';

const resources = loadResources();

parentPort!.on('message', (job: ExtractJob) => {
  let outcome: ExtractOutcome;
  try {
    outcome = { ok: true, extraction: extractArticle(job.text, { published: job.published }, resources) };
  } catch (err) {
    outcome = err instanceof ArticleFormatError ? { ok: false, reason: err.reason, format: true } : { ok: false, reason: `extraction failed: ${(err as Error).message}`, format: false };
  }
  parentPort!.postMessage(outcome);
});
