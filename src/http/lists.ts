// Turns validated list parameters into store selections (names → ids) and pages into the list envelope.

import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ClaimFilters } from '../contract/claim.js';
import type { QuoteFilters } from '../contract/quote.js';
import type { StatementFilters } from '../contract/statement.js';
import type {
  ClaimSelection,
  FacetResult,
  JsonPage,
  Page,
  QuoteSelection,
  ReadStore,
  StatementSelection,
} from '../contract/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { acceptedExport, csvText, type ExportFormat, ndjsonText, sendExport } from './exports.js';
import { badParameter } from './problem.js';
import { okCsv, okNdjson, problems } from './responses.js';

/** The app as routes see it: zod schemas validate and type their requests. */
export type FastifyZodInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const NO_ARTICLE = -1;

function topicParam(store: ReadStore, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = store.topicId(value);
  if (id === null)
    throw badParameter(
      'topic',
      `unknown topic "${value.slice(0, 60)}": use a topic id, IPTC code or label from GET /v1/topics`,
    );
  return id;
}

function ftsParam(store: ReadStore, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fts = store.ftsQuery(value);
  if (fts === null)
    throw badParameter(
      'q',
      'q has no words to search for: give one or more words, a "quoted phrase" or a prefix like terror*',
    );
  return fts;
}

function dateRange(from: string | undefined, to: string | undefined) {
  if (from !== undefined && to !== undefined && from > to)
    throw badParameter('from', `from (${from}) is after to (${to})`);
  return { from, to };
}

const articleParam = (store: ReadStore, slug: string | undefined) =>
  slug === undefined ? undefined : (store.articleId(slug) ?? NO_ARTICLE);
const actorParam = (store: ReadStore, name: string | undefined) =>
  name === undefined ? undefined : store.actorIds(name);

export function statementSelection(
  store: ReadStore,
  f: Omit<StatementFilters, 'limit' | 'cursor' | 'facet' | 'facetSize'>,
): StatementSelection {
  return {
    articleId: articleParam(store, f.article),
    speakerIds: actorParam(store, f.speaker),
    actorIds: actorParam(store, f.actor),
    topicId: topicParam(store, f.topic),
    ...dateRange(f.from, f.to),
    kind: f.kind,
    fts: ftsParam(store, f.q),
    minConfidence: f.minConfidence,
    distinct: f.distinct,
  };
}

/** Quotes take the statements' filters, without `distinct` (a quote is already counted once). */
export function quoteSelection(
  store: ReadStore,
  f: Omit<QuoteFilters, 'limit' | 'cursor' | 'facet' | 'facetSize'>,
): QuoteSelection {
  return statementSelection(store, f);
}

export function claimSelection(
  store: ReadStore,
  f: Omit<ClaimFilters, 'limit' | 'cursor' | 'facet' | 'facetSize'>,
): ClaimSelection {
  return {
    articleId: articleParam(store, f.article),
    claimantIds: actorParam(store, f.claimant),
    actorIds: actorParam(store, f.actor),
    topicId: topicParam(store, f.topic),
    ...dateRange(f.from, f.to),
    fts: ftsParam(store, f.q),
    minConfidence: f.minConfidence,
    distinct: f.distinct,
  };
}

export { articleParam };

/** The validated query values: what cursors fingerprint, so equal queries share cursors. */
export const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;

export function pageStart(request: FastifyRequest, cursor: string | undefined): number {
  return decodeCursor(request.routeOptions.url ?? '', queryOf(request), cursor);
}

/** The cursor of the next page, also sent as a Link header; null on the last page. */
function nextCursor(request: FastifyRequest, reply: FastifyReply, lastKey: number | null): string | null {
  if (lastKey === null) return null;
  const next = encodeCursor(request.routeOptions.url ?? '', queryOf(request), lastKey);
  const url = new URL(request.url, `${request.protocol}://${request.host || 'localhost'}`);
  url.searchParams.set('cursor', next);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  return next;
}

/** The list envelope, with `next` also as a Link header pointing at the next page. */
export function sendPage<T>(request: FastifyRequest, reply: FastifyReply, page: Page<T>, facets?: FacetResult) {
  const next = nextCursor(request, reply, page.lastKey);
  return facets ? { data: page.items, next, ...facetFields(facets) } : { data: page.items, next };
}

/** The envelope's facet fields: the counts, and what they cover. */
const facetFields = (f: FacetResult) => ({
  facets: f.counts,
  facetScope: { counted: f.counted, complete: f.complete },
});

/** JSON text made by the store, sent as it is: a string with a JSON content type skips the response serializer. */
export function sendJsonText(reply: FastifyReply, json: string) {
  return reply.type('application/json; charset=utf-8').send(json);
}

/** The same envelope around items that are already JSON text: sent as it is, past the response serializer. */
export function sendJsonPage(request: FastifyRequest, reply: FastifyReply, page: JsonPage, facets?: FacetResult) {
  const next = nextCursor(request, reply, page.lastKey);
  reply.type('application/json; charset=utf-8');
  return `{"data":${page.json},"next":${JSON.stringify(next)}${facets ? `,${JSON.stringify(facetFields(facets)).slice(1, -1)}` : ''}}`;
}

/**
 * What a list endpoint can do: a page, every row (for exports) and, for some, facet counts. The page comes as
 * objects (`page`) or, where the store keeps items as JSON text (statements, claims), as that text (`pageJson`).
 */
export type ListSource<T> = {
  /** File name of an export, e.g. "statements". */
  name: string;
  /** The item schema: its fields are the CSV columns. */
  item: z.ZodObject;
  /** Every match, as objects or as the JSON text of each (which NDJSON sends as it is). */
  all: (shape: 'objects' | 'json') => Iterable<T | string>;
  facets?: (names: string[], size: number) => FacetResult;
} & ({ page: (after: number, limit: number) => Page<T> } | { pageJson: (after: number, limit: number) => JsonPage });

interface ListQuery {
  cursor?: string;
  limit?: number;
  facet?: string[];
  facetSize?: number;
}

/** Answers a JSON list request: one page (with facets); an export when the Accept header asks for one. */
export function sendList<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  query: ListQuery,
  source: ListSource<T>,
  defaultLimit = 50,
) {
  const format = acceptedExport(request, reply);
  if (format) return exportList(reply, source, format);
  const after = pageStart(request, query.cursor);
  const limit = query.limit ?? defaultLimit;
  const facets = query.facet && source.facets ? source.facets(query.facet, query.facetSize ?? 30) : undefined;
  if ('pageJson' in source) return reply.send(sendJsonPage(request, reply, source.pageJson(after, limit), facets));
  return reply.send(sendPage(request, reply, source.page(after, limit), facets));
}

/** Streams every match of a list as CSV or NDJSON. */
export function exportList<T>(reply: FastifyReply, source: ListSource<T>, format: ExportFormat) {
  return sendExport(reply, source.name, source.item, source.all(format === 'csv' ? 'objects' : 'json'), format);
}

interface ExportOperations<Q extends z.ZodObject> {
  /** The JSON list's path, e.g. /v1/statements: the exports are at its .csv and .ndjson. */
  path: string;
  tag: string;
  /** What is listed, for summaries: "statements". */
  what: string;
  /** The export's parameters: the list's filters (see exportQuery). */
  query: Q;
  /** The operation ids' resource part: "Statements" gives exportStatementsCsv. */
  operation: string;
  /** The item schema (the CSV columns) and example items, written as each format writes them for the document. */
  item: z.ZodObject;
  examples: unknown[];
  source: (query: z.output<Q>) => ListSource<unknown>;
}

/** GET {path}.csv and GET {path}.ndjson: every match of a list, each an operation of its own media type. */
export function exportOperations<Q extends z.ZodObject>(app: FastifyZodInstance, o: ExportOperations<Q>) {
  for (const format of ['csv', 'ndjson'] as const) {
    const name = format === 'csv' ? 'CSV' : 'NDJSON';
    const example = format === 'csv' ? csvText(o.item, o.examples) : ndjsonText(o.examples);
    const body = format === 'csv' ? okCsv : okNdjson;
    app.get(
      `${o.path}.${format}`,
      {
        schema: {
          operationId: `export${o.operation}${format === 'csv' ? 'Csv' : 'Ndjson'}`,
          tags: [o.tag],
          summary: `Export ${o.what} as ${name}`,
          description:
            `Every ${o.what.replace(/s$/, '')} that matches the filters (the same as the JSON list's), streamed as ` +
            `${name}, in the list's order, with no page limit.`,
          querystring: o.query,
          response: { 200: body(`Every matching item as ${name}.`, example), ...problems(400) },
        },
      },
      async (request, reply) => exportList(reply, o.source(request.query as z.output<Q>), format),
    );
  }
}
