// Response declarations shared by the routes: each success is one media type with its example, and the errors are
// problem+json, described once. One media type per response is what lets a generated client type its answers.

import { z } from 'zod';
import * as examples from '../contract/examples.js';
import { PROBLEM_MEDIA_TYPE, Problem } from '../contract/meta.js';

export const MEDIA = {
  json: 'application/json',
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  jsonld: 'application/ld+json',
} as const;

const DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is invalid; `parameter` names it and `detail` says what is accepted.',
  404: 'Nothing has this id.',
  429:
    'Too many requests from this address (only when the server runs with a rate limit, `WHOSAID_RATE_LIMIT`): ' +
    'retry after the seconds in the `Retry-After` header.',
  500: 'The server failed; the details are in its log under `requestId`.',
  // the write path's errors (POST /v1/articles)
  401: 'No `Authorization: Bearer TOKEN` header.',
  403: 'The bearer token is not the one the server accepts.',
  413: 'The body is over the size limit (1 MB unless the server sets WHOSAID_INGEST_MAX_BYTES).',
  415: 'The body is not `application/json`, `text/plain` or `text/html`.',
  422: 'The article was read but its extraction passed the time budget (`WHOSAID_EXTRACT_BUDGET_MS`, 5 s by default) and was stopped; nothing was stored.',
  503: 'Every extraction worker is busy and the queue of articles waiting for one is full (`WHOSAID_INGEST_QUEUE`), or another ingest is writing: retry after the seconds in the `Retry-After` header.',
};

const problem = (status: number, slug: string, title: string, detail: string, instance: string, requestId: string) => ({
  type: `urn:whosaid:problem:${slug}`,
  title,
  status,
  detail,
  instance,
  requestId,
});
const writeProblem = (status: number, slug: string, title: string, detail: string) =>
  problem(status, slug, title, detail, '/v1/articles', '3a7d1c52-9e4b-4f08-b6a1-2c5d8e9f0a13');

const PROBLEM_EXAMPLES: Record<number, unknown> = {
  400: examples.badParameter,
  404: examples.notFound,
  429: problem(
    429,
    'rate-limited',
    'Too many requests',
    'the limit of 1200 requests per 60 s from one address is reached; retry after 42 seconds',
    '/v1/statements',
    '9d8c7b6a-5f4e-4d3c-8b2a-190817263544',
  ),
  500: problem(
    500,
    'internal',
    'Internal server error',
    'the server could not answer this request; it has been logged with the request id',
    '/v1/statements',
    'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  ),
  401: writeProblem(
    401,
    'unauthorized',
    'Unauthorized',
    'POST /v1/articles needs the header `Authorization: Bearer TOKEN`, with the token the server was started with ' +
      '(WHOSAID_INGEST_TOKEN)',
  ),
  403: writeProblem(403, 'forbidden', 'Forbidden', 'the bearer token is not the one this server accepts'),
  413: writeProblem(
    413,
    'ctp-body-too-large',
    'Payload too large',
    'the body is over the 1048576-byte limit of POST /v1/articles',
  ),
  415: writeProblem(
    415,
    'ctp-invalid-media-type',
    'Unsupported media type',
    'POST /v1/articles does not take application/xml; send application/json, text/plain or text/html',
  ),
  422: writeProblem(
    422,
    'extraction-budget',
    'Unprocessable content',
    'extraction took longer than the 5 s budget and was stopped; the article was not stored (is it an article? see WHOSAID_EXTRACT_BUDGET_MS)',
  ),
  503: writeProblem(
    503,
    'busy',
    'Service unavailable',
    'every extraction worker is busy and 4 articles are waiting; retry after 5 seconds',
  ),
};

/** Error responses for a route (429 and 500 can happen anywhere): each is a Problem as application/problem+json. */
export function problems(...codes: number[]) {
  return Object.fromEntries(
    [...codes, 429, 500].map((code) => [
      code,
      {
        description: DESCRIPTIONS[code] ?? 'Problem.',
        content: { [PROBLEM_MEDIA_TYPE]: { schema: Problem, example: PROBLEM_EXAMPLES[code] } },
      },
    ]),
  );
}

/** A JSON response with its example. */
export function ok<T extends z.ZodType>(schema: T, description: string, example: z.output<T>) {
  return { description, content: { [MEDIA.json]: { schema, example } } } as const;
}

/** A schema.org JSON-LD response with its example. */
export function okJsonLd<T extends z.ZodType>(schema: T, description: string, example: z.output<T>) {
  return { description, content: { [MEDIA.jsonld]: { schema, example } } } as const;
}

const CsvBody = z
  .string()
  .describe(
    'CSV (RFC 4180) with a header row: one column per field, nested fields as `speaker.id`, `span.start`, lists ' +
      "joined with `;`. A text cell starting with `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet " +
      'shows it rather than running it as a formula.',
  );
const NdjsonBody = z
  .string()
  .describe('Newline-delimited JSON: one item per line, each exactly as in `data` of the JSON list.');

/** Every matching item as CSV. */
export function okCsv(description: string, example?: string) {
  return { description, content: { [MEDIA.csv]: { schema: CsvBody, ...(example ? { example } : {}) } } } as const;
}

/** Every matching item as NDJSON. */
export function okNdjson(description: string, example?: string) {
  return { description, content: { [MEDIA.ndjson]: { schema: NdjsonBody, ...(example ? { example } : {}) } } } as const;
}
