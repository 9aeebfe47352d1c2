// Extraction in worker threads: each worker loads the tagger and models once and extracts articles sent to it.

import { Worker } from 'node:worker_threads';
import type { Extraction } from '../extract/types.js';
import type { IngestFile } from './convert.js';
import type { PageJob } from './sources.js';

/** An article's text to extract, or a web page to read first (reading it is most of the work, so a worker does it). */
export type ExtractJob = { text: string; published: string | null } | { page: PageJob };

/** What a worker sends back: the extraction (and for a page, the article read from it), or why it could not be read. */
export type ExtractOutcome = { ok: true; extraction: Extraction; file?: IngestFile } | { ok: false; reason: string; format: boolean };

interface Pending {
  resolve: (o: ExtractOutcome) => void;
  reject: (e: Error) => void;
}

/** A worker thread running extract-worker, started from TypeScript sources (tsx) or from the build alike. */
function startWorker(): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // under tsx the worker needs tsx's loader registered before it imports TypeScript
    const api = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./extract-worker.ts', here).href;
    return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
  }
  return new Worker(new URL('./extract-worker.js', here));
}

export class ExtractionPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: { job: ExtractJob; pending: Pending }[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private failure: Error | null = null;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) {
      const w = startWorker();
      w.on('message', (outcome: ExtractOutcome) => this.done(w, outcome));
      w.on('error', (err) => this.fail(w, err));
      w.on('exit', (code) => {
        if (code !== 0) this.fail(w, new Error(`extraction worker exited with code ${code}`));
      });
      this.workers.push(w);
      this.idle.push(w);
    }
  }

  /** Extracts one article on the next free worker. */
  extract(job: ExtractJob): Promise<ExtractOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch() {
    while (this.idle.length && this.waiting.length) {
      const w = this.idle.pop()!;
      const { job, pending } = this.waiting.shift()!;
      this.busy.set(w, pending);
      w.postMessage(job);
    }
  }

  private done(w: Worker, outcome: ExtractOutcome) {
    const pending = this.busy.get(w);
    this.busy.delete(w);
    this.idle.push(w);
    pending?.resolve(outcome);
    this.dispatch();
  }

  private fail(w: Worker, err: Error) {
    this.failure ??= err;
    this.busy.get(w)?.reject(err);
    this.busy.delete(w);
    for (const { pending } of this.waiting.splice(0)) pending.reject(err);
  }
}
