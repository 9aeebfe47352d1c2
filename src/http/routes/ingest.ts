// POST /v1/articles: the one write, enabled by WHOSAID_INGEST_TOKEN: ingests an article as the ingest command would.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../../contract/examples.js';
import { HttpProblem, badParameter } from '../problem.js';
import { ok, problems } from '../responses.js';
import { ArticleSubmission, IngestResult, SubmissionQuery } from '../../contract/submission.js';
import { IngestError, decodeText } from '../../ingest/files.js';
import { decodeHtml } from '../../ingest/charset.js';
import { Ingester, OverBudgetError } from '../../ingest/ingest.js';
import { DEFAULT_BUDGET_MS } from '../../config.js';
import { ExtractionPool, PoolFullError } from '../../ingest/pool.js';
import { submissionToFile } from '../../ingest/submission.js';
import type { Database as DB } from 'better-sqlite3';
import type { ReadStore } from '../../contract/store.js';

export interface IngestRouteOptions {
  /** The bearer token clients must send. */
  token: string;
  /** A read-write connection: the app's own connection stays read-only. */
  db: DB;
  /** Largest body accepted: default 1 MB, well above any news article. */
  maxBytes?: number;
  /**
   * The worker threads that extract posted articles, off the event loop that answers reads. By default the route
   * starts its own with the first POST (`workers` threads, `budgetMs`, `maxQueue`) and ends them when the app closes;
   * a pool given here is the caller's to close.
   */
  pool?: ExtractionPool;
  /** Worker threads of the route's own pool (default 1: the other cores serve reads). */
  workers?: number;
  /** An extraction still running after this long (ms) is stopped and the article refused with a 422 (default 5000; 0: none). */
  budgetMs?: number;
  /** Articles that may wait for a worker; one more is a 503 with Retry-After (default 4). */
  maxQueue?: number;
  /** Start the route's own workers with the app (the server does, so the first POST does not wait for them to load). */
  startWorkers?: boolean;
}

/** What src/app.ts adds: a store reading through the write connection, and how to tell a database fault. */
export interface IngestRouteDeps {
  /** Reads answers back through the connection that wrote, which sees its own commit whatever the other reads. */
  store: ReadStore;
  /** The DatabaseError for an SQLite failure (locked, corrupt, disk full); null for other errors. */
  fault: (err: unknown) => Error | null;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export const DEFAULT_POST_BYTES = 1024 * 1024;

export const ingestRoutes: FastifyPluginAsyncZod<IngestRouteOptions & IngestRouteDeps> = async (app, options) => {
  const { token, db, maxBytes = DEFAULT_POST_BYTES, store, fault } = options;
  const ingester = new Ingester(db);
  // started with the first POST: a server that is never posted to starts no thread and loads no model
  let own: ExtractionPool | undefined;
  const pool = () =>
    options.pool ??
    (own ??= new ExtractionPool({ size: options.workers ?? 1, budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS, maxQueue: options.maxQueue ?? 4 }));
  if (options.startWorkers) pool();
  app.addHook('onClose', async () => {
    await own?.close();
  });
  const expected = digest(token);

  // A text/plain body is the article file itself; it gets the same checks a file does (UTF-8, no NUL bytes).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    try {
      done(null, { text: decodeText(body) });
    } catch (err) {
      done(new HttpProblem(400, 'invalid-article', (err as IngestError).reason), undefined);
    }
  });
  // A text/html body is the article's web page, decoded with the charset it declares (header, BOM or <meta>).
  app.addContentTypeParser('text/html', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    try {
      done(null, { html: decodeHtml(body, request.headers['content-type'], 'the page').text });
    } catch (err) {
      done(new HttpProblem(400, 'invalid-article', (err as IngestError).reason), undefined);
    }
  });

  app.post('/v1/articles', {
    bodyLimit: maxBytes,
    // checked before the body is read: without the token nobody makes the server read a megabyte
    onRequest: async (request, reply) => {
      const m = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!m) {
        reply.header('www-authenticate', 'Bearer realm="whosaid"');
        throw new HttpProblem(401, 'unauthorized', 'POST /v1/articles needs the header `Authorization: Bearer TOKEN`, with the token the server was started with (WHOSAID_INGEST_TOKEN)');
      }
      // hashes have equal lengths, so the comparison takes the same time whatever the token's length or content
      if (!timingSafeEqual(digest(m[1]), expected)) throw new HttpProblem(403, 'forbidden', 'the bearer token is not the one this server accepts');
    },
    schema: {
      operationId: 'ingestArticle',
      tags: ['articles'],
      summary: 'Ingest an article',
      description:
        'Extracts and stores one article, exactly as `npm run ingest` does for a file: in one transaction, a no-op when the same content is sent again, a replacement (ids kept) when the id holds other content. ' +
        'Send the article file as `text/plain` or its web page as `text/html` (metadata in the query string), or JSON with `title` and `body` (or `text`, or `html`) and the metadata. ' +
        'A web page that holds no article (an index page, an error page, a paywall stub) is a 400 saying so. Enabled only when the server has `WHOSAID_INGEST_TOKEN`; the body may be up to 1 MB (`WHOSAID_INGEST_MAX_BYTES`). ' +
        'Extraction (and the reading of a web page) runs in worker threads, never on the thread that answers reads: an article whose extraction passes the time budget (5 s, `WHOSAID_EXTRACT_BUDGET_MS`) is stopped and refused (422), and when every worker is busy and the queue is full the answer is a 503 with `Retry-After`.',
      security: [{ bearerAuth: [] }],
      consumes: ['application/json', 'text/plain', 'text/html'],
      'x-text-body': {
        description: 'The article file: source line, blank line, headline, blank line, paragraphs separated by blank lines (UTF-8).',
        example: examples.articleFile,
        html: 'The article\'s web page (any charset it declares). The story, headline, date, outlet, canonical URL and language are read from it; query parameters override them.',
      },
      querystring: SubmissionQuery,
      body: ArticleSubmission,
      response: {
        200: ok(IngestResult, 'The article already existed: replaced, or unchanged when it held exactly this content.', examples.ingestResult('unchanged')),
        201: ok(IngestResult, 'A new article, stored.', examples.ingestResult('added')),
        ...problems(400, 401, 403, 413, 415, 422, 503),
      },
    },
  }, async (request, reply) => {
    const query = Object.keys(request.query);
    const json = /json/i.test(request.headers['content-type'] ?? '');
    if (query.length && json) throw badParameter(query[0], `${query[0]} belongs in the JSON body; query parameters carry metadata only for a text/plain or text/html body`);
    const result = await ingest(fault, ingester, pool(), { ...request.query, ...request.body }, json, (seconds) => reply.header('retry-after', String(seconds)));
    if (result.outcome !== 'unchanged') app.responseCache?.invalidate();
    const article = store.article(result.slug)!;
    return reply.code(result.outcome === 'added' ? 201 : 200).header('location', `/v1/articles/${encodeURIComponent(result.slug)}`)
      .send({ outcome: result.outcome, article, statements: [...store.iterateStatements({ articleId: store.articleId(result.slug)! })] });
  });
};

/**
 * Ingests a submission, extracting it in the pool (a web page is read there too); a bad article is a 400 naming the
 * field at fault, one past the extraction budget a 422, a full queue or a database busy with another writer a 503
 * with Retry-After.
 */
async function ingest(databaseFault: IngestRouteDeps['fault'], ingester: Ingester, pool: ExtractionPool, submission: Parameters<typeof submissionToFile>[0], json: boolean, retryAfter: (seconds: number) => void) {
  try {
    return await ingester.ingestWith(pool, submission.html !== undefined ? { submission } : submissionToFile(submission));
  } catch (err) {
    if (err instanceof PoolFullError) {
      retryAfter(err.retryAfterSeconds);
      throw new HttpProblem(503, 'busy', `every extraction worker is busy and ${pool.queued} article${pool.queued === 1 ? ' is' : 's are'} waiting; retry after ${err.retryAfterSeconds} second${err.retryAfterSeconds === 1 ? '' : 's'}`);
    }
    if (err instanceof OverBudgetError) throw new HttpProblem(422, 'extraction-budget', err.reason);
    if (err instanceof IngestError) {
      // a text/plain or text/html body is no field of anything: only its metadata (query parameters) can be named
      const named = /^(published|title|body|text|html)\b/.exec(err.reason)?.[1];
      const field = named ?? (!json ? undefined : submission.html !== undefined ? 'html' : submission.text === undefined ? 'body' : undefined);
      throw new HttpProblem(400, 'invalid-article', err.reason, field);
    }
    const fault = databaseFault(err);
    if (fault && /locked/.test(fault.message)) {
      retryAfter(1);
      throw new HttpProblem(503, 'busy', 'another ingest is writing; try again in a moment');
    }
    throw fault ?? err;
  }
}
