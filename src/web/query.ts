// Query parameters of the pages: the statements page takes GET /v1/statements' own filter schemas, so both read a URL alike.

import { z } from 'zod';
import { StatementQuery } from '../contract/statement.js';
import { PERIODS } from './timeline.js';

const api = StatementQuery.shape;

/** Quote cards per page when the URL does not say: a screenful or two. */
export const PAGE_SIZE = 20;

/**
 * The statements page: the API's filters, cursor and limit, validated by the very same schemas (so a cursor of one
 * works on the other). Unknown parameters are ignored rather than refused: a shared link may carry tracking tags.
 */
export const StatementsPageQuery = z.object({
  q: api.q,
  speaker: api.speaker,
  actor: api.actor,
  topic: api.topic,
  from: api.from,
  to: api.to,
  kind: api.kind,
  minConfidence: api.minConfidence,
  cursor: api.cursor,
  limit: api.limit,
});
export type StatementsPageParams = z.output<typeof StatementsPageQuery>;

export const PeriodQuery = z.object({
  period: z.enum(PERIODS, { message: 'period must be week, month or year' }).optional(),
});

export const SearchQuery = z.object({
  q: z.string().max(500, { message: 'the search is longer than 500 characters' }).optional(),
});

export const CursorQuery = z.object({ cursor: api.cursor });

export const SlugParam = z.object({ id: z.string().min(1).max(200, { message: 'ids are at most 200 characters' }) });
export const StatementIdParam = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, { message: 'statement ids are whole numbers' })
    .transform(Number),
});
