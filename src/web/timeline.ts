// Statements per week, month or year for a chart: days binned into periods, gaps filled, the largest series kept.

import type { DayCount } from '../store/pages.js';

export const PERIODS = ['week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** More bars than this are unreadable on a page: a finer period is replaced by a coarser one. */
export const MAX_BARS = 120;
/** Series beyond this many are summed into one, so colours stay distinguishable. */
export const MAX_SERIES = 6;

export interface Series {
  /** A topic id; null for statements with no topic at this level or for the sum of the smaller series. */
  id: string | null;
  label: string;
  counts: number[];
}

export interface Timeline {
  period: Period;
  /** What was asked for, when the period had to be coarsened to fit MAX_BARS. */
  requested: Period | null;
  /** The first day of each period: YYYY-MM-DD (a Monday), YYYY-MM or YYYY. */
  labels: string[];
  series: Series[];
  total: number;
  /** Statements dated far outside the bulk (a quotation about 1949 in a 2024 story), left out of the bars. */
  leftOut: number;
}

const DAY_MS = 86_400_000;
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * The days within reach of the bulk: from the 5th to the 95th percentile of statements, widened by that span (at
 * least a year) on each side. One statement dated 1949 among hundreds from 2019 to 2024 would otherwise stretch
 * the axis over 75 years and squash every other bar into a sliver; it is counted in `leftOut` instead.
 */
function withinReach(days: DayCount[]): { kept: DayCount[]; leftOut: number } {
  const total = days.reduce((n, d) => n + d.count, 0);
  let seen = 0;
  let lo: string | undefined;
  let hi = days[days.length - 1].day;
  for (const d of days) {
    seen += d.count;
    if (lo === undefined && seen >= total * 0.05) lo = d.day;
    if (seen >= total * 0.95) {
      hi = d.day;
      break;
    }
  }
  const span = Math.max(dayMs(hi) - dayMs(lo!), 365 * DAY_MS);
  const [from, to] = [dayMs(lo!) - span, dayMs(hi) + span];
  const kept = days.filter((d) => dayMs(d.day) >= from && dayMs(d.day) <= to);
  return { kept, leftOut: total - kept.reduce((n, d) => n + d.count, 0) };
}

/** The period a day (YYYY-MM-DD) falls in: its week's Monday, its month or its year. */
export function periodOf(day: string, period: Period): string {
  if (period === 'year') return day.slice(0, 4);
  if (period === 'month') return day.slice(0, 7);
  const t = Date.parse(`${day}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** The period after one, in the same form. */
function nextPeriod(label: string, period: Period): string {
  if (period === 'year') return String(Number(label) + 1).padStart(4, '0');
  if (period === 'month') {
    const [y, m] = label.split('-').map(Number);
    return m === 12
      ? `${String(y + 1).padStart(4, '0')}-01`
      : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}`;
  }
  return new Date(Date.parse(`${label}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Every period from the first to the last, or null when there would be more than `max`. */
function periodsBetween(first: string, last: string, period: Period, max: number): string[] | null {
  const out = [first];
  while (out[out.length - 1] < last) {
    if (out.length >= max) return null;
    out.push(nextPeriod(out[out.length - 1], period));
  }
  return out;
}

/** The finest period whose bars fit, starting from `wanted` (default: the finest that fits at all). */
function fittingPeriod(first: string, last: string, wanted: Period | undefined): { period: Period; labels: string[] } {
  const start = wanted ? PERIODS.indexOf(wanted) : 0;
  for (let i = start; i < PERIODS.length; i++) {
    const labels = periodsBetween(periodOf(first, PERIODS[i]), periodOf(last, PERIODS[i]), PERIODS[i], MAX_BARS);
    if (labels) return { period: PERIODS[i], labels };
  }
  // centuries of years: only the years that have statements (an axis of categories, said so by the page)
  return { period: 'year', labels: [] };
}

/**
 * Bins day counts into periods. Without `wanted` the finest period with at most MAX_BARS bars is taken (a person
 * quoted over three months gets weeks, over three years months); a wanted period that would give more is coarsened.
 * Statements of no series (no topic at this level) are counted under `noneLabel`.
 */
export function buildTimeline(
  days: DayCount[],
  labelOf: (id: string) => string,
  wanted?: Period,
  noneLabel = 'no topic',
): Timeline | null {
  const valid = days
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d.day))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (!valid.length) return null;
  const { kept: dated, leftOut } = withinReach(valid);
  const { period, labels: filled } = fittingPeriod(dated[0].day, dated[dated.length - 1].day, wanted);
  const labels = filled.length ? filled : [...new Set(dated.map((d) => periodOf(d.day, period)))];
  const index = new Map(labels.map((l, i) => [l, i]));

  const totals = new Map<string | null, number>();
  for (const d of dated) totals.set(d.series, (totals.get(d.series) ?? 0) + d.count);
  // the largest series by name, then one for the rest (and for statements with no topic at this level)
  const named = [...totals]
    .filter(([id]) => id !== null)
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
  const kept = named.slice(0, named.length > MAX_SERIES ? MAX_SERIES - 1 : MAX_SERIES).map(([id]) => id as string);
  const keptSet = new Set(kept);
  const series: Series[] = kept.map((id) => ({ id, label: labelOf(id), counts: labels.map(() => 0) }));
  const rest: Series = {
    id: null,
    label: named.length > kept.length ? 'other topics' : noneLabel,
    counts: labels.map(() => 0),
  };
  let total = 0;
  for (const d of dated) {
    const at = index.get(periodOf(d.day, period))!;
    const target = d.series !== null && keptSet.has(d.series) ? series[kept.indexOf(d.series)] : rest;
    target.counts[at] += d.count;
    total += d.count;
  }
  if (rest.counts.some((n) => n > 0)) series.push(rest);
  return { period, requested: wanted && wanted !== period ? wanted : null, labels, series, total, leftOut };
}
