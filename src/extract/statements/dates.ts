// The date of each speech act: a date governing its cue, else the date of the account that introduced it; never the publication date by default.

import type { ActorIndex } from '../actors/index.js';
import type { Doc } from '../document.js';
import type { DateMention, DateValue, Span } from '../types.js';
import type { RawStatement } from './index.js';

const NONE: DateValue = { date: null, precision: null, text: null };
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'where']);
const value = (d: DateMention): DateValue => ({ date: d.date, precision: d.precision, text: d.text });
const inside = (x: Span, spans: Span[]) => spans.some((s) => x.start >= s.start && x.end <= s.end);

export function statementDates(doc: Doc, index: ActorIndex, statements: RawStatement[]): DateValue[] {
  const out: DateValue[] = statements.map(() => NONE);
  const bySentence = new Map<number, RawStatement[]>();
  for (const st of statements) bySentence.set(st.sentence, [...(bySentence.get(st.sentence) ?? []), st]);
  const order = statements.map((_, i) => i).sort((a, b) => anchor(doc, statements[a]) - anchor(doc, statements[b]));
  for (const i of order) {
    const st = statements[i];
    const own = governingDate(doc, st, bySentence.get(st.sentence) ?? []);
    if (own) {
      out[i] = own;
      continue;
    }
    out[i] = sameOccasion(doc, statements, out, order, i) ?? introducedOn(doc, index, st) ?? NONE;
  }
  return out;
}

const anchor = (doc: Doc, st: RawStatement) => (st.cue ? doc.tokens[st.cue.tok].start : st.span.start);

/** A date in the cue's sentence outside what was said, other statements, quotations and relative clauses. */
function governingDate(doc: Doc, st: RawStatement, sameSentence: RawStatement[]): DateValue | null {
  if (!st.cue) return null;
  const s = doc.sentences[st.cue.sentence];
  const toks = doc.tokens;
  const excluded: Span[] = [...sameSentence.map((x) => x.span), ...sameSentence.flatMap((x) => (x.clause ? [x.clause] : [])), st.span];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = toks[i];
    if (t.quoted) excluded.push({ start: t.start, end: t.end });
    // ", who also spoke with Y on Wednesday,": an aside about something else
    if (RELATIVE.has(t.lower) && toks[i - 1]?.text === ',') {
      let j = i + 1;
      while (j < s.tokEnd && toks[j].text !== ',' && toks[j].text !== ';') j++;
      excluded.push({ start: t.start, end: j < s.tokEnd ? toks[j].start : s.end });
    }
  }
  const cuePos = toks[st.cue.tok].start;
  let best: DateMention | null = null;
  let bestDist = Infinity;
  for (const d of doc.dates) {
    if (d.start < s.start || d.end > s.end || inside(d, excluded) || !d.date) continue;
    // a speech act cannot lie after publication ("a plan for 2030")
    if (doc.published && d.date > doc.published) continue;
    const dist = Math.abs(d.start - cuePos);
    if (dist < bestDist) ((best = d), (bestDist = dist));
  }
  return best ? value(best) : null;
}

/**
 * "Yesterday, X said ..." then, a paragraph on, "“...,” he said": more words of the same speech keep its date, as
 * long as no other date is mentioned in between and the report has not moved on for long.
 */
function sameOccasion(doc: Doc, statements: RawStatement[], out: DateValue[], order: number[], i: number): DateValue | null {
  const st = statements[i];
  if (st.cue && st.cue.form.kind !== 'speech') return null;
  const para = doc.sentences[st.sentence].para;
  for (let n = order.indexOf(i) - 1; n >= 0; n--) {
    const k = order[n];
    const prev = statements[k];
    if (prev.speakerKey !== st.speakerKey) continue;
    if (!out[k].date || para - doc.sentences[prev.sentence].para > 2) return null;
    const from = anchor(doc, prev);
    const to = anchor(doc, st);
    if (doc.dates.some((d) => d.start > from && d.start < to && d.date && !statements.some((s) => d.start >= s.span.start && d.start < s.span.end))) return null;
    return out[k];
  }
  return null;
}

/**
 * "On Wednesday, the minister addressed parliament." then her quotations in the next sentences: the account that
 * introduces a statement (up to three sentences before it, in its paragraph or the one before) dates it when it
 * names the speaker and a day.
 */
function introducedOn(doc: Doc, index: ActorIndex, st: RawStatement): DateValue | null {
  const toks = doc.tokens;
  for (let si = st.sentence - 1; si >= 0 && si >= st.sentence - 3; si--) {
    const s = doc.sentences[si];
    if (s.para < 0 || s.dateline) continue;
    if (doc.sentences[st.sentence].para - s.para > 1) return null;
    if (!index.bySentence[si].some((m) => m.actorKey === st.speakerKey && !toks[m.tokStart].quoted)) continue;
    const d = doc.dates.find((x) => x.start >= s.start && x.end <= s.end && x.date && (!doc.published || x.date <= doc.published) && !toks.some((t) => t.quoted && t.start <= x.start && x.end <= t.end));
    return d ? value(d) : null;
  }
  return null;
}
