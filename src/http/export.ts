// Content negotiation and the CSV / NDJSON exports: every matching row streamed from the store, no page limit.

import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { ExportFormat } from './schemas.js';

export const MEDIA = {
  json: 'application/json',
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  jsonld: 'application/ld+json',
} as const;

/** Adds Accept to Vary, keeping what CORS (Origin) or others put there, so caches keep the formats apart. */
export function varyOnAccept(reply: FastifyReply) {
  const current = reply.getHeader('vary');
  const fields = current === undefined ? [] : String(current).split(',').map((f) => f.trim()).filter(Boolean);
  if (!fields.some((f) => f.toLowerCase() === 'accept')) reply.header('vary', [...fields, 'Accept'].join(', '));
}

/** The media type the client prefers among `offered` (JSON first on ties and for `*\/*` or no Accept). */
export function preferredMedia<T extends string>(request: FastifyRequest, offered: readonly T[]): T {
  const accept = request.headers.accept;
  if (!accept) return offered[0];
  return (new Negotiator({ headers: { accept } }).mediaType(offered as T[]) as T | undefined) ?? offered[0];
}

/** csv or ndjson when the list should be exported (by `format`, else by Accept), null for a JSON page. */
export function exportFormat(request: FastifyRequest, format: ExportFormat | undefined, reply: FastifyReply): 'csv' | 'ndjson' | null {
  varyOnAccept(reply);
  if (format) return format === 'json' ? null : format;
  const media = preferredMedia(request, [MEDIA.json, MEDIA.csv, MEDIA.ndjson]);
  return media === MEDIA.csv ? 'csv' : media === MEDIA.ndjson ? 'ndjson' : null;
}

// ---------- CSV ----------

type Column = { name: string; path: string[] };

/** Columns from the zod schema, so an empty export still has its header: nested objects become `speaker.id`, `span.start`. */
export function csvColumns(schema: z.ZodObject, prefix: string[] = []): Column[] {
  const out: Column[] = [];
  for (const [key, field] of Object.entries(schema.shape)) {
    let inner = field as z.ZodType;
    while (inner instanceof z.ZodNullable || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    const path = [...prefix, key];
    if (inner instanceof z.ZodObject) out.push(...csvColumns(inner, path));
    else out.push({ name: path.join('.'), path });
  }
  return out;
}

/** RFC 4180: quote a field holding a comma, quote or line break, doubling its quotes. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string;
  // Lists (topics, mentions, aliases) become one cell: the ids of referenced things, joined with ";".
  if (Array.isArray(value)) text = value.map((v) => (v && typeof v === 'object' ? String((v as { id?: unknown }).id ?? JSON.stringify(v)) : String(v))).join(';');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(columns: Column[], item: unknown): string {
  return columns.map((c) => csvField(c.path.reduce<unknown>((o, k) => (o == null ? o : (o as Record<string, unknown>)[k]), item))).join(',');
}

function* csvLines(schema: z.ZodObject, rows: Iterable<unknown>): Generator<string> {
  const columns = csvColumns(schema);
  yield `${columns.map((c) => c.name).join(',')}\r\n`;
  yield* batched(rows, (item) => `${csvRow(columns, item)}\r\n`);
}

function* ndjsonLines(rows: Iterable<unknown>): Generator<string> {
  yield* batched(rows, (item) => `${JSON.stringify(item)}\n`);
}

/** Joins lines into chunks of about 64 KB: one stream chunk per row would cost more than the rows. */
function* batched<T>(rows: Iterable<T>, line: (row: T) => string): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += line(row);
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams `rows` as CSV or NDJSON; closing the connection early stops the SQLite iterator. */
export function sendExport(reply: FastifyReply, name: string, schema: z.ZodObject, rows: Iterable<unknown>, format: 'csv' | 'ndjson') {
  const lines = format === 'csv' ? csvLines(schema, rows) : ndjsonLines(rows);
  reply
    .type(format === 'csv' ? `${MEDIA.csv}; charset=utf-8; header=present` : `${MEDIA.ndjson}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${name}.${format}"`);
  return reply.send(Readable.from(lines, { objectMode: false }));
}
