// Publication dates as pages and feeds write them (ISO 8601, RFC 822, "Friday, May 3, 2019") reduced to the day.

import * as chrono from 'chrono-node';
import { isIsoDay } from '../common/iso-day.js';

/**
 * The calendar day a date string names, as written: "2024-11-14T23:30:00-05:00" is 2024-11-14 (the day where it
 * was published, not in UTC), and so is "Thu, 14 Nov 2024 23:30:00 -0500". null when there is no whole date in it.
 */
export function parseDay(value: string): string | null {
  const v = value.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(v);
  if (iso) return isIsoDay(iso[1]) ? iso[1] : null;
  // a year alone, or a month and year, is not a publication day
  const parsed = chrono.en.strict.parse(v)[0];
  if (!parsed || !parsed.start.isCertain('day') || !parsed.start.isCertain('month') || !parsed.start.isCertain('year')) return null;
  const day = `${String(parsed.start.get('year')).padStart(4, '0')}-${String(parsed.start.get('month')).padStart(2, '0')}-${String(parsed.start.get('day')).padStart(2, '0')}`;
  return isIsoDay(day) ? day : null;
}
