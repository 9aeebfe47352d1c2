// Claims: check-worthy factual assertions with their claimant, from reported speech and from source attributions.

import { LEXICON } from './lexicon.js';
import { ensureActor, parseSpeaker } from './speakers.js';
import type { RawStatement, StatementContext } from './statements.js';
import type { Span } from './types.js';

export interface RawClaim {
  claimantKey: string | null;
  span: Span;
  statementIndex: number | null;
  rule: string;
  confidence: number;
}

// predictions, promises, wishes and proposals are statements, not checkable facts
const NOT_FACTUAL = /\b(?:would|will|should|must|could|might|may|can|shall|ought|going to|wants?|wanted|hopes?|hoped|plans?|planned|intends?|intended|wish(?:es|ed)?|need(?:s|ed)? to)\b|'ll\b/i;
// "since May" is a month, not a modal
// "could not have originated in Yemen", "must have known": a judgement about the past is checkable, not a prediction
const withoutMonths = (text: string) => text.replace(/(?<=\S\s+)May\b/g, '').replace(/\b(?:could|must|may|might|cannot|can't|couldn't)(?:\s+not)?\s+have\s+(?:been\s+)?\w+(?:ed|en|wn|ne)\b/gi, '');
const PRONOUN_START = /^(?:he|she|they|it|we|i|you|this|that|there)\b/i;
// in reported speech without quotation marks the third person reports facts ("she was forced to", "there were 118
// cases", "he was not present"); first and second person stay opinions and accounts
const FIRST_SECOND_START = /^(?:we|i|you)\b/i;

const SUBJECT_PRONOUN = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
// words after a plural noun that are not its verb ("the talks last week", "the officials there")
const PLURAL_NOUN_FOLLOWERS = new Set(['last', 'next', 'own', 'alone', 'there', 'here', 'too', 'now', 'then', 'ago', 'each', 'both', 'abroad', 'overseas', 'nationwide', 'worldwide']);
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'did', 'does', 'do', "isn't", "wasn't", "weren't", "aren't", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't"]);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', "won't", "can't", "couldn't", "wouldn't", "shouldn't"]);

/**
 * A clause has a finite verb within its first `within` words; "a possible arbitration route at the Court" (what
 * was mentioned) and "the schedule in a press release" (what was announced) have none.
 */
export function looksLikeClause(words: string[], within = words.length, modals = false): boolean {
  for (let i = 1; i < words.length && i < within; i++) {
    const w = words[i].toLowerCase().replace(/[.,;:!?"“”]+$/, '');
    const prev = words[i - 1].toLowerCase();
    if (prev === 'to') continue;
    // ", based on": a participle opening an aside
    if (/[,;:]$/.test(prev) && /^(?:on|by|in|to|from|with|as)$/i.test(words[i + 1] ?? '')) continue;
    if (FINITE.has(w) || LEXICON.irregularPast.has(w) || (modals && MODALS.has(w))) return true;
    // "she expects", "they planned": a verb right after a subject pronoun
    if (SUBJECT_PRONOUN.has(prev) && /^[a-z]{3,}(?:s|ed)$/.test(w) && !/(?:ss|us)$/.test(w)) return true;
    // "the stores fill the stock": a plural present tense after a determiner and a plural noun, with an object
    if (/^(?:the|these|those|their|its|his|her|our|many|some|most)$/i.test(words[i - 2] ?? '') && /^[a-z]{3,}s$/.test(prev) && !/(?:ss|us|is)$/.test(prev) &&
      /^[a-z]{3,}$/.test(w) && !/(?:s|ly|ing|ed)$/.test(w) && !LEXICON.functionWords.has(w) && !PLURAL_NOUN_FOLLOWERS.has(w) && /^(?:the|a|an|their|its|his|her|our|no|all|more|[a-z]+s)$/i.test(words[i + 1] ?? '')) return true;
    // "the fire spreads": a present tense after a noun
    if (/^[a-z]{3,}s$/.test(w) && !/(?:ss|us|is|ys)$/.test(w) && /^(?:the|a|an)$/i.test(words[i - 2] ?? '') && !/s$/.test(prev)) return true;
    // "evidence supported his murder", "a gunman shot shoppers": a past tense after a noun
    if (/^[a-z]{2,}ed$/.test(w) && !/(?:eed|dred)$/.test(w) && !['the', 'a', 'an', 'of', 'by', 'was', 'were', 'been', 'be', 'is', 'are', 'and', 'or', 'but', 'then'].includes(prev)) return true;
  }
  return false;
}

/** A claim ends before a participial aside: "... marched in London on Saturday, protesting the exit". */
function trimAdjunct(body: string, span: Span): Span {
  const text = body.slice(span.start, span.end);
  const m = /,\s+(?:\w+ing)\b|\s+[—–]\s+/.exec(text);
  return m && m.index > 20 ? { start: span.start, end: span.start + m.index } : span;
}

/** Whether reported content reads as a checkable assertion about the world. */
export function isFactual(text: string, reported = false): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 4) return false;
  if ((reported ? FIRST_SECOND_START : PRONOUN_START).test(text)) return false;
  if (NOT_FACTUAL.test(withoutMonths(words.slice(0, 14).join(' ')))) return false;
  return looksLikeClause(words);
}

/** Claims carried by statements, plus "This is indicated by X" back-references. */
export function findClaims(ctx: StatementContext, statements: RawStatement[]): RawClaim[] {
  const out: RawClaim[] = [];
  const seen = new Set<string>();
  const add = (c: RawClaim) => {
    const k = `${c.span.start}:${c.span.end}:${c.claimantKey}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(c);
  };
  const spans = new Set<string>();
  statements.forEach((st, i) => {
    const kind = st.cueForm?.kind;
    // "According to Reuters and NBC, X": one claim, made by the first source named
    const spanKey = `${st.span.start}:${st.span.end}`;
    if (spans.has(spanKey)) return;
    spans.add(spanKey);
    if (kind !== 'speech' && kind !== 'according' && kind !== 'cognition') return;
    if (st.kind === 'indirect') {
      if (isFactual(ctx.body.slice(st.span.start, st.span.end), true)) {
        add({ claimantKey: st.speakerKey, span: trimAdjunct(ctx.body, st.span), statementIndex: i, rule: `claim-${st.rule}`, confidence: Math.round(st.confidence * 0.9 * 100) / 100 });
      }
    } else if (st.clause) {
      // a quotation inside reported speech: the claim is the whole reported clause
      if (isFactual(ctx.body.slice(st.clause.start, st.clause.end))) {
        add({ claimantKey: st.speakerKey, span: trimAdjunct(ctx.body, st.clause), statementIndex: i, rule: `claim-reported-clause`, confidence: Math.round(st.confidence * 0.85 * 100) / 100 });
      }
    }
  });
  quotedFacts(ctx, statements, add);
  anaphoricSources(ctx, add);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

const FIRST_PERSON = /\b(?:I|me|my|mine|I'm|I've|I'd)\b/;

/** A sentence that reports a past event or gives a figure: "efforts did not persuade", "thousands have come". */
export function reportsEvent(text: string): boolean {
  const words = text.split(/\s+/).map((w) => w.toLowerCase().replace(/[.,;:!?"“”()[\]]+/g, ''));
  if (/\d/.test(text)) return true;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === 'did' || w === 'was' || w === 'were' || w === "didn't" || w === "wasn't" || w === "weren't") return true;
    if ((words[i - 1] === 'have' || words[i - 1] === 'has' || words[i - 1] === 'had') && (/ed$/.test(w) || LEXICON.pastParticiples.has(w) || LEXICON.irregularPast.has(w))) return true;
    if (LEXICON.irregularPast.has(w) && !['read', 'put', 'set', 'cut', 'let', 'hit', 'cost', 'hurt', 'shut', 'spread', 'quit', 'bet', 'burst', 'cast', 'thought'].includes(w)) return true;
  }
  return false;
}

/**
 * Inside a quotation, a sentence that asserts a past event or a figure in the third person is a claim of its
 * speaker ("But all of these efforts did not persuade world leaders"); opinions and first-person accounts are not.
 */
function quotedFacts(ctx: StatementContext, statements: RawStatement[], add: (c: RawClaim) => void) {
  statements.forEach((st, i) => {
    if (st.kind !== 'direct' || st.clause) return;
    const text = ctx.body.slice(st.span.start, st.span.end);
    // sentences, and the parts around an ellipsis or a colon
    const re = /[^.!?:]+[.!?:]*/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let s = m.index;
      let e = s + m[0].length;
      for (const cut of ['[...]', '[…]']) {
        const k = text.indexOf(cut, s);
        if (k >= 0 && k < e) e = k;
      }
      while (s < e && /[\s"“”\]]/.test(text[s])) s++;
      while (e > s && /[\s.,;:!?"“”[]/.test(text[e - 1])) e--;
      const part = text.slice(s, e).replace(/^(?:but|and|so|yet)\s+/i, '');
      const lead = text.slice(s, e).length - part.length;
      // "Here in London, thousands ...": an opening adverbial is not the subject
      const body = part.replace(/^[^,]{1,30},\s*/, '');
      if (body.split(/\s+/).length < 6 || FIRST_PERSON.test(part) || !isFactual(body) || NOT_FACTUAL.test(withoutMonths(body)) || !reportsEvent(body)) continue;
      add({ claimantKey: st.speakerKey, span: { start: st.span.start + s + lead, end: st.span.start + e }, statementIndex: i, rule: 'claim-quoted-event', confidence: Math.round(st.confidence * 0.6 * 100) / 100 });
    }
  });
}

/** "This is indicated by the assessments of X." makes the sentence before it X's claim. */
function anaphoricSources(ctx: StatementContext, add: (c: RawClaim) => void) {
  ctx.sentences.forEach((s, si) => {
    if (s.field !== 'body' || si === 0) return;
    const t = s.tokens;
    if (!/^(?:this|that|it)$/.test(t[0]?.lower ?? '')) return;
    let i = 1;
    while (i < t.length && /^(?:is|was|has|have|been|also|further|being)$/.test(t[i].lower)) i++;
    if (!LEXICON.anaphoricVerbs.has(t[i]?.lower ?? '')) return;
    i++;
    if (!/^(?:by|to|on|in)$/.test(t[i]?.lower ?? '')) return;
    let end = i + 1;
    while (end < t.length && !/^[.!?]$/.test(t[end].text)) end++;
    const ref = parseSpeaker(ctx, si, i + 1, end);
    if (!ref) return;
    ensureActor(ctx, ref.keys[0]);
    const prev = ctx.sentences[si - 1];
    if (prev.field !== 'body' || prev.para !== s.para) return;
    let e = prev.end;
    while (e > prev.start && /[\s.!?]/.test(ctx.body[e - 1])) e--;
    add({ claimantKey: ref.keys[0], span: { start: prev.start, end: e }, statementIndex: null, rule: 'claim-this-is-indicated-by-X', confidence: 0.7 });
  });
}
