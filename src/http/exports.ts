// The CSV and NDJSON exports: every matching row streamed from the store, no page limit. Also the Accept header,
// which picks an export or JSON-LD on the JSON operations as a convenience (the documented way is their own paths).

import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { z } from 'zod';
import { MEDIA } from './responses.js';

export type ExportFormat = 'csv' | 'ndjson';

/** Adds Accept to Vary, keeping what CORS (Origin) or others put there, so caches keep the formats apart. */
export function varyOnAccept(reply: FastifyReply) {
  const current = reply.getHeader('vary');
  const fields =
    current === undefined
      ? []
      : String(current)
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
  if (!fields.some((f) => f.toLowerCase() === 'accept')) reply.header('vary', [...fields, 'Accept'].join(', '));
}

/** The media type the client prefers among `offered` (JSON first on ties and for `*\/*` or no Accept). */
export function preferredMedia<T extends string>(request: FastifyRequest, offered: readonly T[]): T {
  const accept = request.headers.accept;
  if (!accept) return offered[0];
  return (new Negotiator({ headers: { accept } }).mediaType(offered as T[]) as T | undefined) ?? offered[0];
}

/** csv or ndjson when the Accept header of a JSON list prefers one, null for a JSON page. */
export function acceptedExport(request: FastifyRequest, reply: FastifyReply): ExportFormat | null {
  varyOnAccept(reply);
  const media = preferredMedia(request, [MEDIA.json, MEDIA.csv, MEDIA.ndjson]);
  return media === MEDIA.csv ? 'csv' : media === MEDIA.ndjson ? 'ndjson' : null;
}

// ---------- CSV ----------

type Column = { key: string; header: string };

/** Columns from the zod schema, so an empty export still has its header: nested objects become `speaker.id`. */
export function csvColumns(schema: z.ZodObject, prefix: string[] = []): Column[] {
  const out: Column[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    let inner = field as z.ZodType;
    while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    const path = [...prefix, key];
    if (inner instanceof z.ZodObject) out.push(...csvColumns(inner, path));
    else out.push({ key: path.join('.'), header: path.join('.') });
  }
  return out;
}

/** Lists (topics, mentions, aliases) become one cell: the ids of referenced things, joined with ";". */
const listCell = (value: unknown[]) =>
  value
    .map((v) => (v && typeof v === 'object' ? String((v as { id?: unknown }).id ?? JSON.stringify(v)) : String(v)))
    .join(';');

/** One batch of rows as CSV, the header first when asked: csv-stringify quotes (RFC 4180) and neutralises formulas. */
const csvBatch = (columns: Column[], rows: unknown[], header: boolean) =>
  stringify(rows as Record<string, unknown>[], {
    header,
    columns,
    record_delimiter: 'windows',
    // `=1+1`, `+1`, `-1`, `@SUM(...)` in a cell are formulas to a spreadsheet: prefixed with ' they are text
    escape_formulas: true,
    cast: { object: (v) => (Array.isArray(v) ? listCell(v) : JSON.stringify(v)), boolean: (v) => String(v) },
  });

function* csvChunks(schema: z.ZodObject, rows: Iterable<unknown>): Generator<string> {
  const columns = csvColumns(schema);
  let header = true;
  for (const batch of batches(rows)) {
    yield csvBatch(columns, batch, header);
    header = false;
  }
  if (header) yield csvBatch(columns, [], true);
}

/** Rows as CSV, whole (the examples in the OpenAPI document). */
export const csvText = (schema: z.ZodObject, rows: unknown[]) => [...csvChunks(schema, rows)].join('');

/** Rows as NDJSON, whole. */
export const ndjsonText = (rows: unknown[]) => [...ndjsonChunks(rows)].join('');

function* ndjsonChunks(rows: Iterable<unknown>): Generator<string> {
  for (const batch of batches(rows))
    yield batch.map((item) => `${typeof item === 'string' ? item : JSON.stringify(item)}\n`).join('');
}

/** Rows in groups of 200: one stream chunk per row would cost more than the rows. */
function* batches<T>(rows: Iterable<T>, size = 200): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/**
 * Streams `rows` as CSV or NDJSON; closing the connection early stops the SQLite iterator. NDJSON rows may come as
 * JSON text already (statements and claims, as stored).
 */
export function sendExport(
  reply: FastifyReply,
  name: string,
  schema: z.ZodObject,
  rows: Iterable<unknown>,
  format: ExportFormat,
) {
  const chunks = format === 'csv' ? csvChunks(schema, rows) : ndjsonChunks(rows);
  reply
    .type(format === 'csv' ? `${MEDIA.csv}; charset=utf-8; header=present` : `${MEDIA.ndjson}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${name}.${format}"`);
  return reply.send(Readable.from(chunks, { objectMode: false }));
}
