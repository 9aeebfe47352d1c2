// Finds date expressions in text and resolves them against the publication date. (stub: to be replaced)

import type { DateMention } from './types.js';

/**
 * Every date expression in `text` ("on Thursday", "last week", "in December", "October 2 2018", "yesterday"),
 * with offsets into `text`, resolved against `published` (YYYY-MM-DD): a bare weekday is the most recent such
 * day on or before publication, a month the most recent such month; weeks are given by their Monday.
 * With `published` null, relative expressions keep date null.
 */
export function findDates(text: string, published: string | null): DateMention[] {
  void text;
  void published;
  return [];
}
