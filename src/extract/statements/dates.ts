// The date of each speech act: the date model picks among the dates of its sentence and of the account before it, or none.

import type { ActorIndex } from '../actors/index.js';
import { datesWithin, quotedAt, tokenFrom, type Doc } from '../document.js';
import { margin, softmax, type LinearModel } from '../model/linear.js';
import type { Lexicon } from '../resources.js';
import type { DateMention, DateValue } from '../types.js';
import type { RawStatement } from './index.js';

const NONE: DateValue = { date: null, precision: null, text: null };
/** How much of the date model's belief a date needs to be given (the rest is on "the text does not say"). */
const DATE_SHARE = 0.3;

const WEEKDAYS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/;
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;

/** The shape of a date expression, not its words: "on Friday" → on-weekday, "in 2016" → in-year, "yesterday". */
export function dateKind(text: string): string {
  const w = text.toLowerCase().replace(/[^a-z0-9\s-]/g, '').split(/\s+/).filter(Boolean);
  const lead = ['on', 'in', 'last', 'this', 'next', 'earlier', 'since', 'by', 'until', 'as', 'of', 'early', 'late', 'mid', 'the'].includes(w[0]) ? w[0] : '';
  const rest = lead ? w.slice(1) : w;
  const head = rest[0] ?? '';
  const shape = WEEKDAYS.test(head) ? 'weekday' : MONTHS.test(head) ? 'month' : /^\d{4}$/.test(head) ? 'year' : /^\d/.test(head) ? 'number' : ['yesterday', 'today', 'tonight', 'week', 'month', 'year', 'morning', 'night', 'weekend'].includes(head) ? head : 'word';
  return lead ? `${lead}-${shape}` : shape;
}

/** A date a statement may have been made on (null: the text does not say), with what the model weighs. */
export interface DateCandidate {
  value: DateValue;
  features: string[];
}

const bucket = (n: number, edges: number[]) => {
  let i = 0;
  while (i < edges.length && n > edges[i]) i++;
  return i;
};

/** What every statement of an article looks up alike: its lead paragraph, that paragraph's first date and speakers. */
export interface ArticleDates {
  leadPara: number;
  lead: DateMention | undefined;
  leadSpeakers: Set<string>;
}

/** Worked out once per article rather than once per statement (each is a pass over the article). */
export function articleDates(doc: Doc, index: ActorIndex): ArticleDates {
  const usable = (d: DateMention) => !!d.date && (!doc.published || d.date <= doc.published);
  const leadSentence = doc.sentences.find((x) => x.para >= 0 && !x.dateline);
  const leadPara = leadSentence?.para ?? 0;
  const p = doc.article.paragraphs[leadPara];
  const lead = p ? datesWithin(doc, p.start, p.end).find(usable) : undefined;
  const leadSpeakers = new Set<string>();
  index.bySentence.forEach((ms, k) => {
    if (doc.sentences[k].para === leadPara) for (const m of ms) leadSpeakers.add(m.actorKey);
  });
  return { leadPara, lead, leadSpeakers };
}

/** The candidates for one statement: none, the dates of its cue's sentence, and of up to four sentences before it. */
export function dateCandidates(doc: Doc, index: ActorIndex, st: RawStatement, lex: Lexicon, article: ArticleDates = articleDates(doc, index)): DateCandidate[] {
  const toks = doc.tokens;
  const si = st.cue?.sentence ?? st.sentence;
  const s = doc.sentences[si];
  const para = s.para;
  const cuePos = st.cue ? toks[st.cue.tok].start : st.span.start;
  const base = [`rule=${st.rule}`, `kind=${st.kind}`];
  if (st.cue) base.push(`cue=${st.cue.lemma}`, `cueword=${toks[st.cue.tok].lower}`, `tense=${/s$/.test(toks[st.cue.tok].lower) ? 'present' : /ed$|said|told|wrote/.test(toks[st.cue.tok].lower) ? 'past' : 'other'}`);
  const usable = (d: DateMention) => !!d.date && (!doc.published || d.date <= doc.published);
  const sentenceDates = datesWithin(doc, s.start, s.end).filter(usable);
  const out: DateCandidate[] = [{ value: NONE, features: ['none', ...base.map((f) => `none|${f}`), `none|sentence-dates=${Math.min(sentenceDates.length, 2)}`] }];
  // one candidate per date: the same day found in several places gathers the features of each place
  const byValue = new Map<string, DateCandidate>();
  const push = (d: DateMention, fs: string[]) => {
    const key = `${d.date}/${d.precision}`;
    const f = [`precision=${d.precision}`, `dkind=${dateKind(d.text)}`, `dkind|precision=${dateKind(d.text)}|${d.precision}`, ...fs, ...fs.map((x) => `${x}|precision=${d.precision}`)];
    if (d.date === doc.published) f.push('is-published-day');
    // "in a blog post published Thursday": the date a piece of writing came out
    const k = tokenFrom(doc, d.start);
    for (let j = k - 1; j >= 0 && j >= k - 5 && toks[j].sentence === toks[k]?.sentence; j--) {
      if (lex.writtenMedia.has(toks[j].lower) || ['publish', 'post', 'release', 'issue'].includes(toks[j].lemma)) {
        f.push('after-medium');
        if (st.cue?.form.written) f.push('after-medium|written-cue');
        break;
      }
    }
    const have = byValue.get(key);
    if (have) {
      for (const x of f) if (!have.features.includes(x)) have.features.push(x);
      return;
    }
    const cand = { value: { date: d.date, precision: d.precision, text: d.text }, features: ['date', ...base.map((b) => `d|${b}`), ...f] };
    byValue.set(key, cand);
    out.push(cand);
  };
  // relative clauses and quotations in the cue's sentence are about something else
  const asides: { start: number; end: number }[] = [];
  // one pass from the sentence's end, knowing where the next comma or semicolon is: a scan forward from each
  // relative pronoun would cost the square of the sentence's length
  for (let i = s.tokEnd - 1, j = s.tokEnd; sentenceDates.length && i >= s.tokStart; i--) {
    if (lex.relativePronouns.has(toks[i].lower) && toks[i - 1]?.text === ',') asides.push({ start: toks[i].start, end: j < s.tokEnd ? toks[j].start : s.end });
    if (toks[i].text === ',' || toks[i].text === ';') j = i;
  }
  for (const d of sentenceDates) {
    const f = ['where=sentence', d.start < cuePos ? 'before-cue' : 'after-cue', `cue-dist=${bucket(Math.abs(d.start - cuePos), [5, 15, 40, 100])}`];
    if (d.start >= st.span.start && d.end <= st.span.end) f.push('inside-content');
    if (st.clause && d.start >= st.clause.start && d.end <= st.clause.end) f.push('inside-clause');
    if (asides.some((a) => d.start >= a.start && d.end <= a.end)) f.push('relative-clause');
    if (quotedAt(doc, d.start, d.end)) f.push('quoted');
    push(d, f);
  }
  // the account that introduced the statement: up to eight sentences back, in its paragraph or the three before it
  for (let k = si - 1, back = 1; k >= 0 && back <= 8; k--, back++) {
    const p = doc.sentences[k];
    if (p.para < 0 || para - p.para > 3) break;
    if (p.dateline) continue;
    const speaks = index.bySentence[k].some((m) => m.actorKey === st.speakerKey);
    for (const d of datesWithin(doc, p.start, p.end).filter(usable)) {
      const f = ['where=before', `back=${back}`, `para-back=${para - p.para}`];
      if (speaks) f.push('names-speaker', `names-speaker|back=${Math.min(back, 2)}`);
      if (quotedAt(doc, d.start, d.end)) f.push('quoted');
      push(d, f);
    }
  }
  // "In a blog post published Thursday, X detailed ..." then "“...,” X wrote": a written statement's piece of writing,
  // named up to twelve sentences back with its speaker
  if (st.cue?.form.written) {
    for (let k = si - 1; k >= 0 && k >= si - 12; k--) {
      const p = doc.sentences[k];
      if (p.para < 0 || p.dateline || !index.bySentence[k].some((m) => m.actorKey === st.speakerKey)) continue;
      for (const d of datesWithin(doc, p.start, p.end).filter(usable)) {
        const at = tokenFrom(doc, d.start);
        const medium = toks.slice(Math.max(p.tokStart, at - 5), at).some((t) => lex.writtenMedia.has(t.lower) || ['publish', 'post', 'release'].includes(t.lemma));
        if (medium) push(d, ['where=medium', `medium-back=${bucket(si - k, [1, 3, 6])}`]);
      }
    }
  }
  // the story's lead: the first date of the first paragraph after any dateline
  const { leadPara, lead } = article;
  if (para > leadPara) {
    const names = article.leadSpeakers.has(st.speakerKey);
    if (lead) push(lead, ['where=lead', `lead-para-back=${bucket(para - leadPara, [1, 3, 6])}`, ...(names ? ['lead-names-speaker'] : [])]);
  }
  // an interview's answers were given when its introduction says the interview took place
  if (st.rule === 'interview-turn') {
    const intro = doc.article.paragraphs.slice(leadPara, Math.min(para, leadPara + 6));
    // the introduction's paragraphs follow one another, and no date spans two of them
    if (intro.length) for (const d of datesWithin(doc, intro[0].start, intro[intro.length - 1].end).filter(usable)) push(d, ['where=intro']);
  }
  return out;
}

/** The model's choice for each statement (without a model: a date in the cue's sentence outside what was said, else none). */
export function statementDates(doc: Doc, index: ActorIndex, statements: RawStatement[], lex: Lexicon, model?: LinearModel): DateValue[] {
  const article = articleDates(doc, index);
  return statements.map((st) => {
    const cands = dateCandidates(doc, index, st, lex, article);
    if (!model) {
      const own = cands.find((c) => c.features.includes('where=sentence') && !c.features.includes('inside-content') && !c.features.includes('relative-clause') && !c.features.includes('quoted'));
      return own ? own.value : NONE;
    }
    const p = softmax(cands.map((c) => margin(model, c.features)));
    // the likeliest date, when the model gives it at least DATE_SHARE of its belief: annotators date a statement from
    // the account around it more often than not, and a reader sees the words that dated it (dateText)
    let best = -1;
    for (let i = 1; i < p.length; i++) if (best < 0 || p[i] > p[best]) best = i;
    return best > 0 && p[best] >= (model.figures?.dateShare ?? DATE_SHARE) ? cands[best].value : NONE;
  });
}
