// Finds date expressions in text and resolves them against the publication date (or an earlier date in the text).

import * as chrono from 'chrono-node';
import type { DateMention, DatePrecision } from './types.js';

export interface FindDatesOptions {
  /**
   * Day (YYYY-MM-DD) that "the previous day" / "the following day" count from when no day-precision date
   * precedes them in `text`. Defaults to `published`. Pass the context date when `text` is an excerpt.
   */
  anchor?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Calendar arithmetic on whole UTC days (days since 1970-01-01), so no time zone or DST can shift a date.

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDay(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(ms);
  // Reject 2019-02-30 and the like instead of silently rolling over.
  if (d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) return null;
  return ms / DAY_MS;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;
/** The Monday of the ISO week holding `day`. */
const mondayOf = (day: number) => day - ((weekdayOf(day) + 6) % 7);
const yearOf = (day: number) => new Date(day * DAY_MS).getUTCFullYear();
const monthOf = (day: number) => new Date(day * DAY_MS).getUTCMonth() + 1;
/** First day of the month `offset` months from (year, month). */
function shiftMonth(year: number, month: number, offset: number): string {
  const index = year * 12 + (month - 1) + offset;
  return ymd(Math.floor(index / 12), (index % 12) + 1, 1);
}

interface Resolved {
  date: string | null;
  precision: DatePrecision | null;
}
const UNRESOLVED: Resolved = { date: null, precision: null };
const day = (d: number): Resolved => ({ date: fromDay(d), precision: 'day' });
const week = (d: number): Resolved => ({ date: fromDay(mondayOf(d)), precision: 'week' });

// ---------------------------------------------------------------------------------------------------------------
// Vocabulary. These are English grammar, not data about any article.

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

// Capitalised month and weekday names and numeric dates: the only places chrono is asked to look. Case-sensitive on
// purpose, so "thousands march" and "it may rain" never reach the parser.
const CHRONO_TRIGGER =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;
const FULL_MONTH = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const FULL_WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const TRAILING_PUNCTUATION = /(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))[\s,.;:]+$/;
const ATTRIBUTIVE_BEFORE = /\b(?:the|a|an)\s+$/i;
const SLASH_DATE = /\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/;

// Words before a weekday that make it the name of a day in the calendar of feasts or markets, not a date we can
// resolve by counting back ("Good Friday", "Super Tuesday", "Bloody Sunday").
const NAMED_DAY_BEFORE = /\b(?:good|black|super|bloody|easter|palm|ash|holy|maundy|cyber|blue|shrove|giving|whit|fat|great|mardi)\s*$/i;
// Words after a weekday that make it part of a newspaper or programme title ("the Sunday Times", "Sunday paper").
const TITLE_AFTER = /^\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Independent|Star|Sport|People|Observer|Tribune|Night\s+Football|newspapers?|papers?|edition|magazine|supplement)\b/;

// Words that may precede a date and belong to its text ("on Thursday", "late Sunday", "in early December",
// "since last March"). Anchored at the end so the leftmost match is the longest.
const LEAD_IN =
  /(?:\b(?:early|late|earlier|later)\s+)?(?:\b(?:on|in|during|over|since|by|until|till|from|through|throughout|before|after|between)\s+)?(?:\b(?:early|late|mid)(?:\s+|-))?(?:\b(?:last|this|next|past)\s+)?$/i;
// A month without a day ("in December") is a date only in these contexts: "December" alone is too often part of a
// name, and "the December elections" an adjective, often about the future.
const MONTH_CONTEXT = /\b(?:in|since|by|until|till|from|through|during|before|after|of|early|late|mid|last|this|next|past)[\s-]*$/i;
// Month names that are also personal names ("May", "June", "April", "August") need a context that cannot introduce
// a person: "in May" is a month, "by May" or "of May" can be the politician.
const NAME_LIKE_MONTHS = new Set(['may', 'june', 'april', 'august']);
const NAME_MONTH_CONTEXT = /\b(?:in|since|until|till|through|during|early|late|mid|last|this|next|past)[\s-]*$/i;
// Contexts that make any month name a month: "the end of August", "the first week of April", "December and
// January", "from March to May".
const PERIOD_OF = /\b(?:beginning|start|end|middle|week|weeks|month|half|part|parts|days?|first|second|third|fourth|last)\s+of\s+$/i;
const AFTER_MONTH =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:and|or|to|through|until|till)\s+$/;
// A year given in words after a month: "July 13 to 17 of last year", "in March last year", "December of 2018".
const YEAR_SUFFIX = /^,?\s+(?:of\s+(?<year>\d{4})\b|(?:of\s+)?(?<relative>last|this|next)\s+year\b)/i;

// Expressions chrono has no rule for, or whose meaning we define ourselves (weeks by their Monday, "the weekend"),
// matched in one pass over the whole text.
const LEXICAL = new RegExp(
  [
    // "The previous day", "the following day", "later that day": relative to an earlier date in the text.
    String.raw`\b(?<anchored>the\s+(?:previous|preceding|following|next|same)\s+(?:day|morning|afternoon|evening|night|week)|the\s+(?:day|night|week)\s+(?:before|after)(?=\s*[,.;:)]|\s+(?:that|when|and|as)\b)|(?:earlier|later)\s+(?:that|the\s+same)\s+day|(?:on\s+)?that\s+same\s+day|on\s+that\s+day)\b`,
    String.raw`\b(?<casual>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b(?!['’]s\s+(?:show|programme|program))`,
    String.raw`\b(?<weekend>(?:(?:during|over|at|on)\s+)?(?:the|this|last|next|past)\s+weekend)\b`,
    String.raw`\b(?<rel>(?:(?:earlier|later|early|late)\s+)?(?:(?:in|during|over|since|until|by)\s+)?(?:last|this|next)\s+(?:week|month|year))\b`,
    String.raw`\b(?<ago>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:day|week|month|year)s?\s+ago)\b`,
    // A bare year needs a preposition ("in 1949", "since 2015", "in early 2019"): "the 2019 budget" and
    // "12,000 troops" stay out, and so do decades ("the 1990s") and seasons ("2018-19").
    String.raw`\b(?<bareYear>(?:(?:in|since|by|from|until|till|through|during|before|after|of|between)\s+(?:(?:early|late|mid)[\s-]+)?|(?:early|late|mid)[\s-]+)(?<year>1[6-9]\d\d|20\d\d))\b(?![-–/]\d|s\b|['’]s\b|[.,]\d)`,
  ].join('|'),
  'gi',
);
const LEXICAL_KEYWORD = /\b(?:yesterday|today|tonight|tomorrow|night|morning|afternoon|evening|weekend|week|month|year|day|ago|1[6-9]\d\d|20\d\d)\b/gi;
// Lower-case words that may follow a year without making it a quantity ("in 1949 their relationship", but not
// "of 1800 people").
const AFTER_YEAR_OK = new Set(
  'and or but when while as after before until to the a an that which who whom whose was were is are has had have with for in on at by from of also he she it they we i his her its their our amid following during because where then there this these those alone onwards onward through'.split(' '),
);

// ---------------------------------------------------------------------------------------------------------------
// Resolution rules.

/** Day offset and unit of an expression that counts from an earlier date ("the previous day" → -1 day), or null. */
export function anchoredOffset(text: string): { days: number; unit: 'day' | 'week' } | null {
  const t = text.toLowerCase();
  if (!/\b(?:day|morning|afternoon|evening|night|week)\b/.test(t)) return null;
  const unit = /\bweek\b/.test(t) ? 'week' : 'day';
  const step = unit === 'week' ? 7 : 1;
  if (/\b(?:previous|preceding|before)\b/.test(t)) return { days: -step, unit };
  if (/\b(?:following|next|after)\b/.test(t)) return { days: step, unit };
  if (/\b(?:same|that)\b/.test(t)) return { days: 0, unit };
  return null;
}

function resolveAnchored(text: string, anchor: number | null): Resolved {
  const offset = anchoredOffset(text);
  if (!offset || anchor === null) return UNRESOLVED;
  return offset.unit === 'week' ? week(anchor + offset.days) : day(anchor + offset.days);
}

function resolveCasual(text: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const t = text.toLowerCase();
  if (t.includes('before yesterday')) return day(pub - 2);
  if (t.startsWith('yesterday') || t.startsWith('last')) return day(pub - 1);
  if (t.startsWith('tomorrow')) return day(pub + 1);
  return day(pub);
}

function resolveWeekend(text: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const t = text.toLowerCase();
  const thisWeek = mondayOf(pub);
  if (/\bthis\b/.test(t)) return week(thisWeek);
  if (/\blast\b/.test(t)) return week(thisWeek - 7);
  if (/\bnext\b/.test(t)) return week(thisWeek + 7);
  // "The weekend" is the most recent one: this week's once Saturday has come, else last week's.
  const wd = weekdayOf(pub);
  return week(wd === 6 || wd === 0 ? thisWeek : thisWeek - 7);
}

function resolveRelativeUnit(text: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const t = text.toLowerCase();
  const shift = /\blast\b/.test(t) ? -1 : /\bnext\b/.test(t) ? 1 : 0;
  if (/\bweek$/.test(t)) return week(pub + 7 * shift);
  if (/\bmonth$/.test(t)) return { date: shiftMonth(yearOf(pub), monthOf(pub), shift), precision: 'month' };
  return { date: ymd(yearOf(pub) + shift, 1, 1), precision: 'year' };
}

function resolveAgo(text: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const m = /^(\S+)\s+(day|week|month|year)/i.exec(text);
  if (!m) return UNRESOLVED;
  const n = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  switch (m[2].toLowerCase()) {
    case 'day':
      return day(pub - n);
    case 'week':
      return week(pub - 7 * n);
    case 'month':
      return { date: shiftMonth(yearOf(pub), monthOf(pub), -n), precision: 'month' };
    default:
      return { date: ymd(yearOf(pub) - n, 1, 1), precision: 'year' };
  }
}

/** The weekday `wd` (0 = Sunday) that "Thursday", "last Thursday", "next Thursday" mean. */
function resolveWeekday(wd: number, leadIn: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const back = (weekdayOf(pub) - wd + 7) % 7;
  if (/\b(?:last|past)\b/i.test(leadIn)) return day(pub - (back || 7));
  if (/\bnext\b/i.test(leadIn)) return day(pub + ((wd - weekdayOf(pub) + 7) % 7 || 7));
  // A bare weekday is the most recent such day on or before publication (the publication day itself included).
  // "This Sunday" is read the same way: reporters use it for the Sunday just past as often as for the next one.
  return day(pub - back);
}

/** A month without a year: the most recent such month on or before publication, or as "last"/"next" say. */
function resolveMonth(month: number, leadIn: string, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  const py = yearOf(pub);
  const pm = monthOf(pub);
  let year: number;
  if (/\b(?:last|past)\b/i.test(leadIn)) year = month < pm ? py : py - 1;
  else if (/\bnext\b/i.test(leadIn)) year = month > pm ? py : py + 1;
  else if (/\bthis\b/i.test(leadIn)) year = py;
  else year = month <= pm ? py : py - 1;
  return { date: ymd(year, month, 1), precision: 'month' };
}

/**
 * A month and day without a year ("October 14"): the nearest such day to publication, with days after it counting
 * double, since news mostly reports what has happened but also announces what is scheduled.
 */
function resolveMonthDay(month: number, dom: number, pub: number | null): Resolved {
  if (pub === null) return UNRESOLVED;
  let best: number | null = null;
  let bestScore = Infinity;
  for (const y of [yearOf(pub) - 1, yearOf(pub), yearOf(pub) + 1]) {
    const d = toDay(ymd(y, month, dom));
    if (d === null) continue;
    const score = d <= pub ? pub - d : 2 * (d - pub);
    if (score < bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best === null ? UNRESOLVED : day(best);
}

// ---------------------------------------------------------------------------------------------------------------
// chrono, asked only about short windows around month names, weekdays and numeric dates.

const parser = chrono.casual.clone();
// Times, durations and casual words ("now", "tonight", "for three weeks", "in two days") are either not dates or
// are read by LEXICAL with our own rules; without these parsers chrono is faster and never glues a clock time
// onto a date ("on Tuesday. 12"). Matched by class name: should a chrono release rename one, it simply stays,
// and the checks in fromChrono still drop what it finds.
const UNWANTED_PARSERS = /^EN(?:TimeExpression|TimeUnit\w*|Casual\w*|EndOfCurrentMonth|RelativeDateFormat)Parser$/;
parser.parsers = parser.parsers.filter((p) => !UNWANTED_PARSERS.test(p.constructor.name));
// Refiners for the parsers removed above (time zones, clock times, "next"/"last" phrases) only cost time.
const UNWANTED_REFINERS = /^(?:ENEndOfPeriod|ENMergeRelative\w*|ExtractTimezone\w*|ENMergeDateTime|ForwardDate)Refiner$/;
parser.refiners = parser.refiners.filter((r) => !UNWANTED_REFINERS.test(r.constructor.name));
// A fixed reference for chrono when there is no publication date: chrono needs one, and we never use what it
// infers from it (only components chrono marks as certain).
const FALLBACK_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const WINDOW_SEPARATOR = '\n|\n';
/** How far a window is widened to finish a word (longer than any word; see windowsAround). */
const WORD_REACH = 100;

interface Found extends Resolved {
  start: number;
  end: number;
  /** Counts from an earlier date in the text: resolved after all mentions are known. */
  anchored?: boolean;
  /** Used as a modifier ("the December 31 attack"): not a point on the story's timeline. */
  attributive?: boolean;
}

function leadInBefore(text: string, start: number): number {
  const from = Math.max(0, start - 40);
  const m = LEAD_IN.exec(text.slice(from, start));
  return m && m[0].trim() ? from + m.index : start;
}

/**
 * The parts of `text` around each match of `trigger` (from `before` characters ahead of it to `after` past it),
 * kept within the paragraph, widened to whole words, merged where they overlap, and joined into one string so a
 * parser runs once per article over a fraction of it. `origin` maps an index in the joined string back to `text`.
 */
function windowsAround(text: string, trigger: RegExp, before: number, after: number): { joined: string; origin: (i: number) => number } {
  const windows: Array<[number, number]> = [];
  trigger.lastIndex = 0;
  for (let m = trigger.exec(text); m; m = trigger.exec(text)) {
    const mEnd = m.index + m[0].length;
    let s = Math.max(0, m.index - before);
    let e = Math.min(text.length, mEnd + after);
    // the paragraph's edges, looked for inside the window only: a search to the previous or next line break would
    // cross a whole paragraph for each match, the square of its length
    for (let i = m.index - 1; i >= s; i--) {
      if (text.charCodeAt(i) === 10) {
        s = i + 1;
        break;
      }
    }
    for (let i = mEnd; i < e; i++) {
      if (text.charCodeAt(i) === 10) {
        e = i;
        break;
      }
    }
    while (s > 0 && s < m.index && /\S/.test(text[s - 1])) s++;
    // widened to the end of its word, for at most WORD_REACH characters: a "word" of a megabyte would be crossed
    // again for each match inside it
    const reach = e + WORD_REACH;
    while (e < text.length && e < reach && /\S/.test(text[e])) e++;
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  // The separator holds no space or date word, so no pattern can match across it or merge two windows' dates.
  let joined = '';
  const starts: number[] = [];
  for (const [s, e] of windows) {
    if (joined) joined += WINDOW_SEPARATOR;
    starts.push(joined.length);
    joined += text.slice(s, e);
  }
  // the window holding i: a binary search, as origin is asked once per date found
  const origin = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] > i) hi = mid - 1;
      else lo = mid;
    }
    return windows[lo][0] + (i - starts[lo]);
  };
  return { joined, origin };
}

function fromChrono(text: string, pub: number | null, published: string | null): Found[] {
  const found: Found[] = [];
  const instant = published ? new Date(`${published}T12:00:00Z`) : FALLBACK_REFERENCE;
  // 28 characters before a month or weekday reach "Friday, 4 " in "Friday, 4 January"; 36 after reach
  // ", 2019, 5:03 AM" in "January 4, 2019, 5:03 AM".
  const { joined, origin } = windowsAround(text, CHRONO_TRIGGER, 28, 36);
  if (!joined) return found;
  for (const r of parser.parse(joined, instant)) {
    const start = origin(r.index);
    // chrono keeps the comma or full stop after "On Thursday," in its text; the date ends before it.
    let end = start + r.text.replace(TRAILING_PUNCTUATION, '').length;
    // Part of a longer word ("Tuesdays", "Marches"): not a date.
    if (/\w/.test(text[end] ?? '') || /\w/.test(text[start - 1] ?? '')) continue;
    const c = r.start;
    const lead = leadInBefore(text, start);
    const leadText = text.slice(lead, start) + r.text;
    const month = c.isCertain('month') ? c.get('month')! : null;
    const dom = c.isCertain('day') ? c.get('day')! : null;
    let year = c.isCertain('year') ? c.get('year')! : null;
    if (month !== null && dom !== null && SLASH_DATE.test(r.text)) {
      // 05/03/2019 is May or March depending on the outlet's country; only a day above 12 settles it.
      if (year === null || dom <= 12) continue;
    }
    let relativeYear = false;
    if (month !== null && year === null) {
      const suffix = YEAR_SUFFIX.exec(text.slice(end, end + 24));
      if (suffix) {
        const g = suffix.groups!;
        if (g.year) year = Number(g.year);
        else if (pub !== null) year = yearOf(pub) + (/last/i.test(g.relative) ? -1 : /next/i.test(g.relative) ? 1 : 0);
        else relativeYear = true;
        end += suffix[0].length;
      }
    }
    let resolved: Resolved;
    if (month !== null && (year !== null || relativeYear)) {
      resolved = relativeYear ? UNRESOLVED : dom !== null ? { date: ymd(year!, month, dom), precision: 'day' } : { date: ymd(year!, month, 1), precision: 'month' };
    } else if (month !== null && dom !== null) {
      resolved = resolveMonthDay(month, dom, pub);
    } else if (month !== null) {
      const name = FULL_MONTH.exec(r.text);
      if (!name) continue;
      const before = text.slice(Math.max(0, start - 30), start) + r.text.slice(0, name.index);
      const context = NAME_LIKE_MONTHS.has(name[1].toLowerCase()) ? NAME_MONTH_CONTEXT : MONTH_CONTEXT;
      if (!context.test(before) && !PERIOD_OF.test(before) && !AFTER_MONTH.test(before)) continue;
      resolved = resolveMonth(month, leadText, pub);
    } else if (c.isCertain('weekday')) {
      const name = FULL_WEEKDAY.exec(r.text);
      if (!name) continue;
      const nameAt = start + name.index;
      if (NAMED_DAY_BEFORE.test(text.slice(Math.max(0, nameAt - 12), nameAt))) continue;
      if (TITLE_AFTER.test(text.slice(nameAt + name[0].length, nameAt + name[0].length + 24))) continue;
      resolved = resolveWeekday(WEEKDAYS.indexOf(name[1].toLowerCase()), leadText, pub);
    } else {
      continue; // a clock time or a number: not a date
    }
    // "The November 27 agreement" names an event by its date; the story's own timeline is elsewhere, so such a
    // date never anchors "the following day".
    found.push({ start: lead, end, ...resolved, attributive: lead === start && isAttributiveAt(text, start) });
  }
  return found;
}

function fromLexicon(text: string, pub: number | null): Found[] {
  const found: Found[] = [];
  // LEXICAL is slow to try at every character; its expressions all end in one of these words, and begin at most
  // about 40 characters before it ("between early 2019", "the day before yesterday").
  const { joined, origin } = windowsAround(text, LEXICAL_KEYWORD, 44, 12);
  if (!joined) return found;
  LEXICAL.lastIndex = 0;
  for (let m = LEXICAL.exec(joined); m; m = LEXICAL.exec(joined)) {
    const g = m.groups!;
    const start = origin(m.index);
    const end = start + m[0].length;
    if (g.anchored) found.push({ start, end, ...UNRESOLVED, anchored: true });
    else if (g.casual) found.push({ start, end, ...resolveCasual(g.casual, pub) });
    else if (g.weekend) found.push({ start, end, ...resolveWeekend(g.weekend, pub) });
    else if (g.rel) found.push({ start, end, ...resolveRelativeUnit(g.rel, pub) });
    else if (g.ago) found.push({ start, end, ...resolveAgo(g.ago, pub) });
    else if (g.bareYear) {
      const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 20));
      if (next && !AFTER_YEAR_OK.has(next[1])) continue;
      found.push({ start, end, date: ymd(Number(g.year), 1, 1), precision: 'year' });
    }
  }
  return found;
}

/** Keeps the longest of overlapping mentions ("in December 2019" over "December"), in text order. */
function dropOverlaps(found: Found[]): Found[] {
  const byLength = found.slice().sort(longerFirst);
  const kept: Found[] = [];
  // the characters kept mentions cover, instead of comparing each mention with every kept one (the square of the
  // number of dates); a mention is a few words, so marking and testing its characters is cheap
  const covered = new Uint8Array(found.reduce((n, f) => Math.max(n, f.end), 0));
  for (const f of byLength) {
    let overlaps = false;
    for (let i = f.start; i < f.end && !overlaps; i++) if (covered[i]) overlaps = true;
    if (!overlaps) {
      kept.push(f);
      covered.fill(1, f.start, f.end);
    }
  }
  return kept.sort(byStart);
}
const longerFirst = (a: Found, b: Found) => b.end - b.start - (a.end - a.start) || a.start - b.start;
const byStart = (a: Found, b: Found) => a.start - b.start;

/**
 * Every date expression in `text` ("on Thursday", "last week", "in December", "October 2 2018", "yesterday"),
 * with offsets into `text`, resolved against `published` (YYYY-MM-DD): a bare weekday is the most recent such
 * day on or before publication, a month the most recent such month; weeks are given by their Monday.
 * With `published` null, relative expressions keep date null.
 * "The previous day" and its kind count from the nearest earlier day-precision date in `text`, else from
 * `options.anchor`, else from `published`.
 */
export function findDates(text: string, published: string | null, options: FindDatesOptions = {}): DateMention[] {
  const pub = published ? toDay(published) : null;
  const mentions = dropOverlaps([...fromLexicon(text, pub), ...fromChrono(text, pub, published)]);
  const fallbackAnchor = options.anchor !== undefined ? (options.anchor ? toDay(options.anchor) : null) : pub;
  let lastDay: number | null = null;
  const out: DateMention[] = [];
  for (const f of mentions) {
    const resolved = f.anchored ? resolveAnchored(text.slice(f.start, f.end), lastDay ?? fallbackAnchor) : f;
    if (resolved.precision === 'day' && resolved.date && !f.attributive) lastDay = toDay(resolved.date);
    out.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end), date: resolved.date, precision: resolved.precision });
  }
  return out;
}

const isAttributiveAt = (text: string, start: number) => ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, start - 6), start));

/**
 * Whether `mention` (found in `text`) is part of a name ("the November 27 agreement", "a Sunday service") rather
 * than saying when something happened ("on November 27", "Wednesday's summit"). Such a date is not the date of a
 * statement next to it, and findDates does not count "the following day" from it.
 */
export function namesAnEvent(text: string, mention: DateMention): boolean {
  return isAttributiveAt(text, mention.start);
}

/**
 * Re-resolves a mention that counts from another date ("the previous day", "the following week") against
 * `anchor` (YYYY-MM-DD), e.g. the date of the statement that introduced it. Other mentions come back unchanged.
 */
export function resolveRelativeTo(mention: DateMention, anchor: string | null): DateMention {
  if (!anchoredOffset(mention.text) || !isAnchoredExpression(mention.text)) return mention;
  const resolved = resolveAnchored(mention.text, anchor ? toDay(anchor) : null);
  return { ...mention, ...resolved };
}

function isAnchoredExpression(text: string): boolean {
  LEXICAL.lastIndex = 0;
  const m = LEXICAL.exec(text);
  return !!m && m.index === 0 && m[0].length === text.length && !!m.groups!.anchored;
}
