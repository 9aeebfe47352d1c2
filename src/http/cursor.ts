// Opaque keyset cursors: the last sort key plus a fingerprint of the query, so a cursor only works where it was issued.

import { createHash } from 'node:crypto';
import { badParameter } from './problem.js';

// Parameters that shape the response but not which rows match, so a cursor stays valid when they change.
const NOT_FILTERS = new Set(['cursor', 'limit', 'format', 'facet', 'facetSize']);

const fingerprint = (route: string, query: Record<string, unknown>) => {
  const stable = Object.keys(query)
    .filter((k) => !NOT_FILTERS.has(k) && query[k] !== undefined)
    .sort()
    .map((k) => `${k}=${String(query[k])}`)
    .join('&');
  return createHash('sha256').update(`${route}?${stable}`).digest('base64url').slice(0, 10);
};

export function encodeCursor(route: string, query: Record<string, unknown>, lastKey: number): string {
  return Buffer.from(JSON.stringify({ k: lastKey, f: fingerprint(route, query) })).toString('base64url');
}

/** The key to continue after (0 for the first page); a tampered or foreign cursor is a 400 naming `cursor`. */
export function decodeCursor(route: string, query: Record<string, unknown>, cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const c = parsed as { k?: unknown; f?: unknown } | null;
  if (!c || typeof c !== 'object' || !Number.isSafeInteger(c.k) || (c.k as number) < 0 || typeof c.f !== 'string') {
    throw badParameter(
      'cursor',
      'cursor is not one this API issued: pass the `next` value of the previous page unchanged, or leave it out for the first page',
    );
  }
  if (c.f !== fingerprint(route, query)) {
    throw badParameter(
      'cursor',
      'cursor belongs to a different query: keep the other parameters as they were when the cursor was issued, or leave it out to start again',
    );
  }
  return c.k as number;
}
