// Extraction in worker threads: each worker loads the tagger and models once and extracts articles sent to it, within a time budget.

import { Worker } from 'node:worker_threads';
import type { Extraction } from '../extract/types.js';
import type { IngestFile } from './convert.js';
import type { PageJob } from './sources.js';
import type { ArticleSubmission } from './submission.js';

/**
 * An article's text to extract, or a web page to read first (reading it is most of the work, so a worker does it):
 * found by the ingest command, or submitted over HTTP with its metadata.
 */
export type ExtractJob = { text: string; published: string | null } | { page: PageJob } | { submission: ArticleSubmission };

/**
 * What extraction gave: the extraction and how long it took (and for a page, the article read from it), or why the
 * article could not be read (`format`: it is not an article file; `overBudget`: its extraction was stopped at the
 * budget).
 */
export type ExtractOutcome =
  | { ok: true; extraction: Extraction; ms: number; file?: IngestFile }
  | { ok: false; reason: string; format: boolean; overBudget?: boolean };

/** What a worker sends: that it has loaded its resources, or the outcome of the job it was given. */
export type WorkerMessage = { ready: true } | { ready?: false; outcome: ExtractOutcome };

export interface PoolOptions {
  /** How many worker threads extract at once. */
  size: number;
  /** An extraction still running after this many milliseconds is stopped (its worker ended and replaced); 0: no budget. */
  budgetMs?: number;
  /** How many articles may wait for a worker; one more is refused at once with PoolFullError. Default: no limit. */
  maxQueue?: number;
}

/** The reason given for an article whose extraction was stopped at the budget. */
export const overBudgetReason = (budgetMs: number) =>
  `extraction took longer than the ${formatSeconds(budgetMs)} budget and was stopped; the article was not stored (is it an article? see WHOSAID_EXTRACT_BUDGET_MS)`;

const formatSeconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

/** The queue is full: the caller should try again later (HTTP: 503 with Retry-After). */
export class PoolFullError extends Error {
  override name = 'PoolFullError';
  constructor(readonly retryAfterSeconds: number) {
    super('every extraction worker is busy and the queue is full');
  }
}

interface Job {
  job: ExtractJob;
  resolve: (o: ExtractOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** ended on purpose (over budget, or the pool closing): its exit is expected */
  retired: boolean;
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

/**
 * A fixed number of extraction workers. The budget is the last line of defence against text that extraction is slow
 * on: a worker past it is terminated (a thread can be stopped mid-computation; the event loop of this thread never
 * runs extraction) and a fresh one started, and the article is refused with a reason. A worker that dies while
 * extracting (out of memory, say) refuses that article the same way; one that dies before it has loaded its
 * resources fails the pool, since every other would too.
 */
export class ExtractionPool {
  readonly size: number;
  readonly budgetMs: number;
  readonly maxQueue: number;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private failure: Error | null = null;
  private closed = false;
  private onReady: (() => void)[] = [];

  constructor(options: PoolOptions | number) {
    const o = typeof options === 'number' ? { size: options } : options;
    this.size = Math.max(1, o.size);
    this.budgetMs = o.budgetMs ?? 0;
    this.maxQueue = o.maxQueue ?? Infinity;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Articles waiting for a worker (not counting those being extracted). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves once every worker has loaded its resources (rejects if the pool failed). */
  async ready(): Promise<void> {
    while (!this.failure && [...this.slots].some((s) => !s.ready)) await new Promise<void>((resolve) => this.onReady.push(resolve));
    if (this.failure) throw this.failure;
  }

  /** Articles being extracted now. */
  get busy(): number {
    let n = 0;
    for (const s of this.slots) if (s.job) n++;
    return n;
  }

  /** Extracts one article on the next free worker; throws PoolFullError at once when the queue is full. */
  extract(job: ExtractJob): Promise<ExtractOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the extraction pool is closed'));
    if (this.waiting.length >= this.maxQueue && !this.idleSlot()) {
      // a worker frees up at the latest when its article reaches the budget
      return Promise.reject(new PoolFullError(Math.max(1, Math.ceil((this.budgetMs || 5000) / 1000))));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('the extraction pool was closed');
    for (const j of this.waiting.splice(0)) j.reject(closing);
    await Promise.all(
      [...this.slots].map((s) => {
        s.retired = true;
        if (s.timer) clearTimeout(s.timer);
        s.job?.reject(closing);
        s.job = null;
        return s.worker.terminate();
      }),
    );
    this.slots.clear();
  }

  private idleSlot(): Slot | undefined {
    for (const s of this.slots) if (s.ready && !s.job) return s;
    return undefined;
  }

  private spawn(): void {
    const slot: Slot = { worker: startWorker(), ready: false, job: null, timer: null, retired: false };
    this.slots.add(slot);
    slot.worker.on('message', (m: WorkerMessage) => {
      if (m.ready) {
        slot.ready = true;
        for (const f of this.onReady.splice(0)) f();
        this.dispatch();
      } else this.finish(slot, m.outcome);
    });
    slot.worker.on('error', (err) => this.died(slot, err));
    slot.worker.on('exit', (code) => this.died(slot, new Error(`extraction worker exited with code ${code}`)));
  }

  private dispatch(): void {
    for (let slot = this.idleSlot(); slot && this.waiting.length; slot = this.idleSlot()) {
      const job = this.waiting.shift()!;
      slot.job = job;
      if (this.budgetMs > 0) slot.timer = setTimeout(() => this.overBudget(slot), this.budgetMs);
      slot.worker.postMessage(job.job);
    }
  }

  private finish(slot: Slot, outcome: ExtractOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const job = slot.job;
    slot.job = null;
    job?.resolve(outcome);
    this.dispatch();
  }

  private overBudget(slot: Slot): void {
    const job = slot.job;
    this.retire(slot);
    job?.resolve({ ok: false, reason: overBudgetReason(this.budgetMs), format: false, overBudget: true });
  }

  /** Ends a worker on purpose and starts another in its place. */
  private retire(slot: Slot): void {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (!this.closed) this.spawn();
  }

  private died(slot: Slot, err: Error): void {
    if (slot.retired || !this.slots.has(slot)) return;
    if (!slot.ready) {
      // it could not even load: neither would another
      this.slots.delete(slot);
      slot.retired = true;
      this.failure ??= err;
      for (const j of this.waiting.splice(0)) j.reject(err);
      for (const f of this.onReady.splice(0)) f();
      return;
    }
    const job = slot.job;
    this.retire(slot);
    job?.resolve({ ok: false, reason: `extraction failed: the worker extracting it stopped (${err.message})`, format: false });
  }
}
