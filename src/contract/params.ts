// Query and path parameters, checked strictly on the wire and documented for generated clients.

import { z } from 'zod';
import { isIsoDay } from '../common/iso-day.js';

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD; `end` widens a partial date to the last day it covers. */
export function isoDateParam(name: string, end: boolean) {
  return z
    .string()
    .superRefine((v, ctx) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
      const ok = m && (m[3] ? isIsoDay(v) : m[2] ? +m[2] >= 1 && +m[2] <= 12 : true);
      if (!ok) {
        const message = `${name} must be a real date as YYYY-MM-DD (or YYYY-MM, YYYY), got "${v.slice(0, 40)}"`;
        ctx.addIssue({ code: 'custom', message });
      }
    })
    .transform((v) => {
      if (v.length === 10) return v;
      if (!end) return v.length === 4 ? `${v}-01-01` : `${v}-01`;
      if (v.length === 4) return `${v}-12-31`;
      const [y, mo] = v.split('-').map(Number);
      return `${v}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
    });
}

/**
 * A whole number in the query string: checked strictly on the wire (digits only), documented as an integer so
 * generated clients take a number (http/spec.ts drops the string pattern from the document).
 */
function wholeNumber(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,15}$/, { message })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message })
    .meta({ type: 'integer', minimum: min, maximum: max });
}

export const limitParam = wholeNumber('limit', 1, 500).optional().describe('Page size, 1 to 500 (default 50).');

export const cursorParam = z
  .string()
  .max(2000, { message: 'cursor is too long: pass the `next` value of the previous page unchanged' })
  .optional()
  .describe('The `next` value of the previous page.');

/** A non-empty string of at most `max` characters; `what` names it in messages. */
export const text = (max: number, what: string) =>
  z
    .string()
    .min(1, { message: `${what} must not be empty` })
    .max(max, { message: `${what} is longer than ${max} characters` });

export const pageParams = { limit: limitParam, cursor: cursorParam };

/** A comma-separated list of facet names, checked against the ones the endpoint offers. */
export function facetParam(names: readonly string[]) {
  const message = `facet must be a comma-separated list of: ${names.join(', ')}`;
  const split = (v: string) => v.split(',').map((x) => x.trim());
  return z
    .string()
    .max(200, { message })
    .superRefine((v, ctx) => {
      const bad = split(v).filter((x) => !names.includes(x));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `${message} (got "${bad[0].slice(0, 40)}")` });
    })
    .transform((v) => [...new Set(split(v))])
    .optional()
    .describe(
      `Count the matching items per value of these fields (comma-separated: ${names.map((n) => `\`${n}\``).join(', ')}` +
        '); the counts come back in `facets`, over every match, not just this page.',
    );
}

export const facetSizeParam = wholeNumber('facetSize', 1, 1000)
  .optional()
  .describe('How many values to return per facet, most frequent first: 1 to 1000 (default 30).');

/** `?distinct=true`: each story once, leaving out what wire copies repeat. */
export const distinctParam = z
  .enum(['true', 'false'], { message: 'distinct must be true or false' })
  .transform((v) => v === 'true')
  .optional()
  .describe(
    'true: count each story once, leaving out articles that are wire copies of an earlier one (`copyOf`) and what ' +
      'they repeat; false or absent: every article.',
  );

/** The filters statements and claims share. */
export const filterParams = {
  article: text(200, 'article').optional().describe('Only items from this article (its id).'),
  actor: text(200, 'actor')
    .optional()
    .describe(
      'Only items an actor says or is mentioned in: an actor id or any of its names or aliases, case-insensitive ' +
        '(`rutte`, `Mr Borrell`, `Pyongyang`).',
    ),
  topic: text(200, 'topic')
    .optional()
    .describe(
      'Only items under this topic or any of its sub-topics: a topic id, IPTC code (`16000000`, `medtop:16000000`) ' +
        'or label.',
    ),
  from: isoDateParam('from', false)
    .optional()
    .describe(
      'Only items dated on or after this day (YYYY-MM-DD; YYYY-MM and YYYY also work): the statement date, or the ' +
        'article date when the statement has none.',
    ),
  to: isoDateParam('to', true)
    .optional()
    .describe('Only items dated on or before this day (inclusive; YYYY-MM and YYYY cover the whole month or year).'),
  q: text(500, 'q')
    .optional()
    .describe(
      'Full-text search in the text: words are ANDed, "quoted phrases" match as phrases, a trailing * matches a ' +
        'prefix.',
    ),
  minConfidence: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, { message: 'minConfidence must be a number from 0 to 1' })
    .transform(Number)
    .meta({ type: 'number', minimum: 0, maximum: 1 })
    .optional()
    .describe('Only items whose attribution confidence is at least this (0 to 1).'),
};

export const IdParam = (what: string, example: string) =>
  z.object({
    id: text(200, 'id')
      .describe(`The ${what} id.`)
      .meta({ examples: [example] }),
  });

export const NumericIdParam = (what: string, example: number) =>
  z.object({
    id: z
      .string()
      .regex(/^\d{1,15}$/, { message: `${what} ids are whole numbers` })
      .meta({ examples: [example] }) // zod keeps examples only from the input side of a transform
      .transform(Number)
      .meta({ type: 'integer', minimum: 0 })
      .describe(`The ${what} id (a whole number).`),
  });

/**
 * The parameters of an export (every match as CSV or NDJSON): the list's own filters, without the page, facet
 * parameters, which an export has no use for.
 */
export function exportQuery<S extends z.core.$ZodShape>(list: z.ZodObject<S, z.core.$strict>) {
  const mask = Object.fromEntries(PAGE_ONLY.filter((k) => k in list.shape).map((k) => [k, true]));
  return list.omit(mask as never) as unknown as z.ZodObject<Omit<S, (typeof PAGE_ONLY)[number]>, z.core.$strict>;
}
const PAGE_ONLY = ['limit', 'cursor', 'facet', 'facetSize'] as const;
