// Turns validated list parameters into store selections (names → ids) and pages into the list envelope.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ClaimSelection, FacetResult, JsonPage, Page, StatementSelection, Store } from '../store/reader.js';
import { toFtsQuery } from '../store/reader.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { exportFormat, sendExport } from './export.js';
import { badParameter } from './problem.js';
import type { ClaimFilters, ExportFormat, StatementFilters } from './schemas.js';

const NO_ARTICLE = -1;

function topicParam(store: Store, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = store.topicId(value);
  if (id === null) throw badParameter('topic', `unknown topic "${value.slice(0, 60)}": use a topic id, IPTC code or label from GET /v1/topics`);
  return id;
}

function ftsParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const fts = toFtsQuery(value);
  if (fts === null) throw badParameter('q', 'q has no words to search for: give one or more words, a "quoted phrase" or a prefix like terror*');
  return fts;
}

function dateRange(from: string | undefined, to: string | undefined) {
  if (from !== undefined && to !== undefined && from > to) throw badParameter('from', `from (${from}) is after to (${to})`);
  return { from, to };
}

const articleParam = (store: Store, slug: string | undefined) => (slug === undefined ? undefined : (store.articleId(slug) ?? NO_ARTICLE));
const actorParam = (store: Store, name: string | undefined) => (name === undefined ? undefined : store.actorIds(name));

export function statementSelection(store: Store, f: StatementFilters): StatementSelection {
  return {
    articleId: articleParam(store, f.article),
    speakerIds: actorParam(store, f.speaker),
    actorIds: actorParam(store, f.actor),
    topicId: topicParam(store, f.topic),
    ...dateRange(f.from, f.to),
    kind: f.kind,
    fts: ftsParam(f.q),
    minConfidence: f.minConfidence,
  };
}

export function claimSelection(store: Store, f: ClaimFilters): ClaimSelection {
  return {
    articleId: articleParam(store, f.article),
    claimantIds: actorParam(store, f.claimant),
    actorIds: actorParam(store, f.actor),
    topicId: topicParam(store, f.topic),
    ...dateRange(f.from, f.to),
    fts: ftsParam(f.q),
    minConfidence: f.minConfidence,
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
const facetFields = (f: FacetResult) => ({ facets: f.counts, facetScope: { counted: f.counted, complete: f.complete } });

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
 * objects (`page`) or, where the store can make it (statements, claims), as JSON text (`pageJson`: much cheaper).
 */
export type ListSource<T> = {
  /** File name of an export, e.g. "statements". */
  name: string;
  /** The item schema: its fields are the CSV columns. */
  item: z.ZodObject;
  all: () => Iterable<T>;
  facets?: (names: string[], size: number) => FacetResult;
} & ({ page: (after: number, limit: number) => Page<T> } | { pageJson: (after: number, limit: number) => JsonPage });

interface ListQuery {
  cursor?: string;
  limit?: number;
  format?: ExportFormat;
  facet?: string[];
  facetSize?: number;
}

/** Answers a list request: a CSV or NDJSON export of every row when asked for, else one page (with facets). */
export function sendList<T>(request: FastifyRequest, reply: FastifyReply, query: ListQuery, source: ListSource<T>, defaultLimit = 50) {
  const format = exportFormat(request, query.format, reply);
  if (format) return sendExport(reply, source.name, source.item, source.all(), format);
  const after = pageStart(request, query.cursor);
  const limit = query.limit ?? defaultLimit;
  const facets = query.facet && source.facets ? source.facets(query.facet, query.facetSize ?? 30) : undefined;
  if ('pageJson' in source) return sendJsonPage(request, reply, source.pageJson(after, limit), facets);
  return sendPage(request, reply, source.page(after, limit), facets);
}
