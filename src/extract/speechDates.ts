// Picks the date of each speech act: a date in the clause that governs the cue, else one inherited from the
// context that introduced the statement; never the publication date by default.

import { LEXICON } from './lexicon.js';
import type { RawStatement, StatementContext } from './statements.js';
import type { Token } from './tokens.js';
import type { DateMention, DateValue, Span } from './types.js';

const NONE: DateValue = { date: null, precision: null, text: null };
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'where']);

const value = (d: DateMention): DateValue => ({ date: d.date, precision: d.precision, text: d.text });
const inside = (x: Span, spans: Span[]) => spans.some((s) => x.start >= s.start && x.end <= s.end);

/** Dates for statements in `order` (cue order), so a statement can inherit from one before it. */
export function statementDates(ctx: StatementContext, statements: RawStatement[]): DateValue[] {
  const out: DateValue[] = new Array(statements.length).fill(NONE);
  // filled by push, not map (see extractArticle): one array kind whether or not V8 has optimised this function
  const order: number[] = [];
  for (let i = 0; i < statements.length; i++) order.push(i);
  order.sort((a, b) => statements[a].cuePos - statements[b].cuePos || statements[a].span.start - statements[b].span.start);
  const bySentence = new Map<number, RawStatement[]>();
  for (const st of statements) {
    const list = bySentence.get(st.sentence) ?? [];
    list.push(st);
    bySentence.set(st.sentence, list);
  }
  for (const i of order) {
    const st = statements[i];
    if (st.continues !== null) {
      out[i] = out[st.continues] ?? NONE;
      continue;
    }
    const own = governingDate(ctx, st, bySentence.get(st.sentence) ?? []);
    if (own) {
      out[i] = own;
      continue;
    }
    if (st.cueForm?.written) {
      const medium = writtenMediumDate(ctx, st);
      if (medium) {
        out[i] = medium;
        continue;
      }
    }
    if (st.antecedent) {
      // "he said": the date of the clause in which "he" was last the speaker or subject
      const ante = st.antecedent;
      const j = order.find((k) => statements[k].cuePos === ante.pos && statements[k].speakerKey === ante.key);
      const samePara = ante.datePara === undefined || ante.datePara === ctx.sentences[st.sentence].para;
      const inherited = j !== undefined ? out[j] : samePara ? ante.date : null;
      if (inherited?.date) {
        out[i] = inherited;
        continue;
      }
    }
    out[i] = sameOccasion(ctx, statements, out, order, i) ?? NONE;
  }
  return out;
}

/**
 * "Yesterday, X said ..." then, a paragraph on, "“...,” he said": quotations that report the same speech keep its
 * date, as long as no other date is mentioned in between and the report has not moved on for long.
 */
function sameOccasion(ctx: StatementContext, statements: RawStatement[], out: DateValue[], order: number[], i: number): DateValue | null {
  const st = statements[i];
  // praise, criticism and beliefs are reported as stances, not as more words of the same speech
  if (st.cueForm && st.cueForm.kind !== 'speech') return null;
  const para = ctx.sentences[st.sentence].para;
  for (let n = order.indexOf(i) - 1; n >= 0; n--) {
    const k = order[n];
    const prev = statements[k];
    if (prev.speakerKey !== st.speakerKey) continue;
    if (!out[k].date || para - ctx.sentences[prev.sentence].para > 2) return null;
    const from = prev.cuePos;
    const to = st.cuePos;
    if (ctx.dates.some((d) => d.start > from && d.start < to && d.date && !quotedAt(ctx, statements, d.start))) return null;
    return out[k];
  }
  return null;
}

// a date inside what was said ("a plan to be unveiled later this week") is no new occasion
const quotedAt = (ctx: StatementContext, statements: RawStatement[], pos: number) =>
  statements.some((s) => (pos >= s.span.start && pos < s.span.end) || (s.clause && pos >= s.clause.start && pos < s.clause.end));

/** A date in the cue's sentence outside the statement content, other statements, quotations and relative clauses. */
function governingDate(ctx: StatementContext, st: RawStatement, sameSentence: RawStatement[]): DateValue | null {
  const s = ctx.sentences[st.sentence];
  const excluded: Span[] = [...st.excluded, ...sameSentence.map((x) => x.span), ...sameSentence.flatMap((x) => (x.clause ? [x.clause] : [])), ...relativeClauses(s.tokens, s.end)];
  for (const t of s.tokens) if (t.quoted) excluded.push({ start: t.start, end: t.end });
  let best: DateMention | null = null;
  let bestDist = Infinity;
  for (const d of ctx.dates) {
    if (d.start < s.start || d.end > s.end || inside(d, excluded)) continue;
    // a speech act cannot lie after publication ("a plan for 2030"); nor can an undated expression date one
    if (!d.date || (ctx.published && d.date > ctx.published)) continue;
    const dist = Math.abs(d.start - st.cuePos);
    if (dist < bestDist) {
      best = d;
      bestDist = dist;
    }
  }
  return best ? value(best) : null;
}

/** ", who also spoke with Y on Wednesday," and ", which ...": asides about something else. */
function relativeClauses(toks: Token[], sentenceEnd: number): Span[] {
  const out: Span[] = [];
  for (let i = 1; i < toks.length; i++) {
    if (!RELATIVE.has(toks[i].lower) || toks[i].quoted || toks[i - 1].text !== ',') continue;
    let j = i + 1;
    while (j < toks.length && toks[j].text !== ',' && toks[j].text !== ';') j++;
    out.push({ start: toks[i].start, end: j < toks.length ? toks[j].start : sentenceEnd });
  }
  return out;
}

/**
 * "In a blog post published Thursday, X detailed ..." then "“...,” wrote X": a written statement takes the date of
 * the latest earlier piece of writing that names its author and carries a date.
 */
function writtenMediumDate(ctx: StatementContext, st: RawStatement): DateValue | null {
  for (let si = st.sentence; si >= 0 && si >= st.sentence - 12; si--) {
    const s = ctx.sentences[si];
    if (s.field !== 'body') continue;
    const names = ctx.index.bySentence[si] ?? [];
    if (si !== st.sentence && !names.some((m) => m.actorKey === st.speakerKey)) continue;
    const toks = s.tokens;
    for (let i = 0; i < toks.length; i++) {
      const media = LEXICON.writtenMedia.find((words) => words.every((w, k) => toks[i + k]?.lower === w));
      if (!media || toks[i].quoted) continue;
      const after = toks[i + media.length - 1].end;
      // the date that goes with the piece: the first after it in the same phrase ("published Thursday")
      const d = ctx.dates.find((x) => x.start >= after && x.start - after < 40 && x.end <= s.end);
      if (d && d.date) return value(d);
    }
  }
  return null;
}
