// Statements: direct quotations and reported speech, each with its cue, speaker and the clause that governs it.

import { PARTY_TAG, titleAt, type TokenizedSentence } from './actors.js';
import { looksLikeClause } from './claims.js';
import { LEXICON, type CueForm } from './lexicon.js';
import type { Quote } from './quotes.js';
import { addSalient, antecedent, ensureActor, isPluralActor, parseSpeaker, type Salient, type SpeakerContext, type SpeakerRef } from './speakers.js';
import { isPossessive, type Token } from './tokens.js';
import type { DateMention, Span } from './types.js';

/** A statement before dates and topics are attached. */
export interface RawStatement {
  speakerKey: string;
  kind: 'direct' | 'indirect';
  span: Span;
  cue: string | null;
  cueForm: CueForm | null;
  /** sentence index of the cue (or of the quote when attributed by adjacency) */
  sentence: number;
  /** offset of the cue, for ordering and antecedents */
  cuePos: number;
  rule: string;
  confidence: number;
  /** the whole reported clause when the quotation sits inside reported speech (for claims) */
  clause: Span | null;
  /** the speaker was a pronoun, a participle's or a coordinated verb's subject: the antecedent's date may apply */
  antecedent: Salient | null;
  /** statement this one continues (same speech act: a split quotation, the next quoted sentence) */
  continues: number | null;
  /** parts of the sentence that do not govern the statement's date (its content, relative clauses) */
  excluded: Span[];
}

export interface StatementContext extends SpeakerContext {
  quotes: Quote[];
  dates: DateMention[];
  published: string | null;
  /** statements found so far, in the order found (filled by findStatements) */
  found?: RawStatement[];
}

interface CueHit {
  i: number;
  /** token index after the cue words */
  end: number;
  form: CueForm;
  /** "has been encouraging": a participle in a progressive tense, with a subject to its left */
  progressive?: boolean;
  /** "with officials saying": index of "with", the participle's subject between */
  withAt?: number;
  /** a cue inside the clause another cue reports that is a statement too: where that clause starts */
  inside?: number;
}

const BE = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", 'am']);
const AUX = new Set(['has', 'have', 'had', 'having', 'would', 'will', 'could', 'did', 'does', 'do', 'may', 'might', 'should', 'must', 'can', 'also', 'then', 'later', 'reportedly', 'repeatedly', 'previously', 'once', 'again', 'further', 'publicly', 'privately', 'recently', 'earlier', 'initially', 'eventually', 'subsequently', 'separately', 'even', 'first', 'last', 'allegedly', 'apparently', 'simply', 'only', 'openly', 'specifically', 'explicitly', 'directly', 'quickly', 'immediately', 'finally', 'repeatedly', 'already', 'still', 'often', 'frequently', 'twice']);
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'all', 'any', 'no', 'of', 'in', 'on', 'for', 'with', "'s", 'such', 'many', 'some', 'several', 'new', 'earlier', 'recent', 'latest', 'first', 'false', 'unconfirmed', 'media', 'news', 'phone', 'to']);
// "several said": a quantifier can be the subject of a past-tense cue ("all claims" stays a noun)
const NOUN_SUBJECTS = new Set(['media', 'news']);
const QUANTIFIER_SUBJECTS = new Set(['many', 'some', 'several', 'all', 'both', 'others', 'most']);
const MODALS = new Set(['would', 'will', 'could', 'may', 'might', 'should', 'must', 'can', 'shall']);
const NEGATION = new Set(['not', "n't", 'never', 'no', 'declined', 'refused', 'without']);
const SUBORDINATORS = new Set(['upon', 'while', 'although', 'though', 'because', 'since', 'as', 'if', 'when', 'whereas', 'after', 'before', 'despite', 'following', 'amid', 'during', 'with', 'without', 'unlike', 'in', 'on', 'at', 'by', 'for', 'from', 'under', 'over', 'to', 'speaking', 'asked', 'according', 'until', 'once', 'whether', 'given', 'regarding', 'like']);
const CONJUNCTIONS = new Set(['as', 'because', 'while', 'after', 'before', 'when', 'since', 'although', 'though', 'whereas', 'once', 'until', 'but']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'where', 'when']);
const CONTRAST = new Set(['however', 'although', 'though', 'whereas', 'yet']);
const SENT_END = /^[.!?…]$/;
const APPOSITIVE_START = new Set(['a', 'an', 'the']);

const isQuoteMark = (t: Token) => /^["“”„«»]$/.test(t.text);

/** Every statement in the body, in cue order. */
export function findStatements(ctx: StatementContext): RawStatement[] {
  const out: RawStatement[] = [];
  ctx.found = out;
  const used = new Set<Quote>();
  const transcript = transcriptParagraphs(ctx);
  ctx.sentences.forEach((s, si) => {
    if (s.field !== 'body' || s.dateline || transcript.has(s.para)) return;
    const back = passiveBackReference(ctx, si);
    if (back) out.push(back);
    // a cue that needs a quotation or "that" and has neither ("think tank", "can continue fighting") is no cue
    const hits = nestedCuesDropped(ctx, si, findCues(s.tokens).filter((x) => canGovern(s.tokens, x)));
    // the sentence's subject first, so "State prosecutors charged X, they said" finds its own subject
    noteSubject(ctx, si, hits);
    let consumed = 0; // tokens before this index belong to an earlier statement of the sentence
    let lastSpeaker: { ref: SpeakerRef; st: RawStatement | null } | null = null;
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h];
      // the next cue that can govern content of its own bounds this one ("can continue fighting" does not, nor one
      // in an aside between dashes: "X commented — which the BBC noted as unusual — “...”")
      const next = hits.slice(h + 1).find((x) => !inDashAside(s.tokens, x.i) && x.inside === undefined);
      if (hit.inside !== undefined) {
        // reported inside an earlier cue's clause: its own subject is within that clause
        const made = statementsForCue(ctx, si, hit, next, hit.inside, null, used);
        for (const st of made?.statements ?? []) out.push(st);
        continue;
      }
      const made = statementsForCue(ctx, si, hit, next, consumed, lastSpeaker, used);
      if (!made) continue;
      for (const st of made.statements) out.push(st);
      if (made.speaker) {
        lastSpeaker = { ref: made.speaker, st: made.statements[0] ?? null };
        const a = ctx.index.actors.get(made.speaker.keys[0]);
        if (a) addSalient(ctx, { pos: s.tokens[hit.i].start, key: a.key, type: a.type, plural: isPluralActor(a), date: null, speaker: true });
      }
      // a cue that attributed nothing ("A mother called the police ..., according to X") leaves its clause to the next
      if (made.statements.length) consumed = Math.max(consumed, made.consumedTo);
    }
  });
  attachLooseQuotes(ctx, out, used);
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

const DASHES = new Set(['—', '–']);

/** Whether token i sits in a relative clause set off by dashes: "— which the BBC noted as unusual —". */
function inDashAside(toks: Token[], i: number): boolean {
  let open = i - 1;
  while (open >= 0 && i - open <= 12 && !DASHES.has(toks[open].text) && !toks[open].quoted) open--;
  if (open < 0 || !DASHES.has(toks[open].text) || !RELATIVE.has(toks[open + 1]?.lower ?? '')) return false;
  for (let k = i + 1; k < toks.length && !toks[k].quoted; k++) if (DASHES.has(toks[k].text)) return true;
  return false;
}

/**
 * "This was announced yesterday by the Minister of Tourism, X, at a press conference.": the sentence before (in the
 * same paragraph) is what X said. Translated reports put the speaker after the news this way.
 */
function passiveBackReference(ctx: StatementContext, si: number): RawStatement | null {
  const toks = ctx.sentences[si].tokens;
  const prev = ctx.sentences[si - 1];
  if (!prev || prev.field !== 'body' || prev.dateline || prev.para !== ctx.sentences[si].para) return null;
  if (!['this', 'that', 'it'].includes(toks[0]?.lower ?? '')) return null;
  let i = 1;
  const skip = () => {
    for (let guard = 0; guard < 6 && i < toks.length; guard++) {
      const t = toks[i];
      const d = ctx.dates.find((x) => x.start === t.start);
      if (d) {
        while (i < toks.length && toks[i].end <= d.end) i++;
      } else if (BE.has(t.lower) || ['has', 'had', 'have', 'also', 'first', 'officially'].includes(t.lower) || (/ly$/.test(t.lower) && !t.cap)) i++;
      else break;
    }
  };
  skip();
  if (i < 2 || !BE.has(toks[i - 1].lower) && toks[i - 1].lower !== 'been') return null;
  const cueTok = toks[i];
  const form = cueTok && LEXICON.passiveSpeech.has(cueTok.lower) ? LEXICON.cues.get(cueTok.lower)?.find((f) => f.words.length === 1 && f.kind === 'speech') : undefined;
  if (!form) return null;
  const hit: CueHit = { i, end: i + 1, form };
  i++;
  skip();
  if (toks[i]?.lower !== 'by') return null;
  let end = i + 1;
  while (end < toks.length && toks[end].text !== ',' && !SENT_END.test(toks[end].text) && !SETTING_PREPS.has(toks[end].lower)) end++;
  const ref = parseSpeaker(ctx, si, i + 1, end);
  if (!ref || !ref.keys[0]) return null;
  const span = trimSpan(ctx.body, prev.start, prev.end);
  if (!span) return null;
  return make(ctx, ref, 'indirect', span, hit, si, 'this-was-cue-by-X', form.confidence * 0.85, null);
}

// "((Name)) answer" and "Name: answer" open a speaker's turn in an interview transcript
const TURN = /^(?:\(\([^)]{1,60}\)\)|[\p{Lu}][\p{L}.'’ -]{0,40}:\s)/u;

/**
 * Paragraphs of an interview transcript: a turn marker opens an answer that runs until the next question.
 * An answer is the interviewee's own words in the first person: "they say ..." inside it is not a report by
 * the article, so cues are not read there.
 */
function transcriptParagraphs(ctx: StatementContext): Set<number> {
  const out = new Set<number>();
  const paras = new Map<number, { start: number; end: number }>();
  for (const s of ctx.sentences) {
    if (s.field !== 'body') continue;
    const p = paras.get(s.para);
    if (!p) paras.set(s.para, { start: s.start, end: s.end });
    else p.end = s.end;
  }
  let inAnswer = false;
  let turns = 0;
  for (const [para, span] of [...paras.entries()].sort((a, b) => a[0] - b[0])) {
    const text = ctx.body.slice(span.start, span.end);
    if (TURN.test(text) && !/^(?:Image|Photo|Source|Credit|Update|Note|Caption)s?:/i.test(text)) {
      turns++;
      inAnswer = true;
    } else if (/\?\s*$/.test(text) && text.length < 400) inAnswer = false;
    if (inAnswer) out.add(para);
  }
  // one "Name:" paragraph is a label, not a transcript
  return turns >= 2 ? out : new Set();
}

/** Cue words outside quotations that are used as verbs of saying. */
export function findCues(toks: Token[]): CueHit[] {
  const hits: CueHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.quoted || !t.word) continue;
    // "Turkish-claimed": part of a hyphenated compound, not a verb
    if (i > 0 && toks[i - 1].text === '-' && toks[i - 1].end === t.start) continue;
    const forms = LEXICON.cues.get(t.lower);
    if (!forms) continue;
    const form = forms.find((f) => f.words.every((w, k) => toks[i + k]?.lower === w && !toks[i + k].quoted));
    if (!form) continue;
    // capitalised cue words inside a name ("Call of Duty") or at a heading are not verbs, "According" is fine
    if (t.cap && i > 0 && form.kind !== 'according' && !SENT_END.test(toks[i - 1].text) && !isQuoteMark(toks[i - 1])) continue;
    let p = i - 1;
    while (p >= 0 && AUX.has(toks[p].lower) && !BE.has(toks[p].lower)) p--;
    const before = toks[p];
    // "has been encouraging", "is warning": a progressive tense is a verb with a subject of its own
    // ("may have been telling." is an adjective: a progressive needs something after it)
    const progressive = form.participle && !!before && p === i - 1 && BE.has(before.lower) && before.lower !== 'being' && !!toks[i + 1] && !SENT_END.test(toks[i + 1].text);
    // "..., with officials saying this is ...": the participle's subject follows "with"
    let withAt = -1;
    if (form.participle && !progressive) {
      for (let k = i - 1; k >= 0 && k >= i - 6 && toks[k].word && !toks[k].quoted; k--) if (toks[k].lower === 'with') withAt = k;
      if (withAt === i - 1) withAt = -1;
    }
    if (form.kind !== 'according') {
      // passive ("is said to", "has been described as") and negated ("did not say") uses attribute nothing
      if (before && (BE.has(before.lower) && !progressive || NEGATION.has(before.lower))) continue;
      if (toks[i - 1] && NEGATION.has(toks[i - 1].lower)) continue;
      // "the state would ask for help", "she will announce": a plan, not a speech act
      let mq = i - 1;
      while (mq > 0 && AUX.has(toks[mq].lower) && !MODALS.has(toks[mq].lower)) mq--;
      if (toks[mq] && mq < i && MODALS.has(toks[mq].lower)) continue;
      // noun uses: "all claims", "his remarks", "the reported cases"; infinitives: "declined to say"
      // ("several said" and "local media reported" are verbs after a subject)
      if (before && (!before.cap || p === 0) && NOUN_BEFORE.has(before.lower) && p === i - 1 && !((QUANTIFIER_SUBJECTS.has(before.lower) || NOUN_SUBJECTS.has(before.lower)) && /(?:said|ed)$/.test(t.lower))) continue;
      // a participle attaches to a clause after a comma or "by": "..., adding", "by saying"; else it is a noun or adjective
      if (form.participle && !progressive && withAt < 0 && before && before.text !== ',' && before.lower !== 'by' && before.lower !== 'and' && !isQuoteMark(before) && i !== 0) continue;
    }
    // "2741 confirmed cases": a participle after a number is an adjective
    if (form.words.length === 1 && /ed$/.test(t.lower) && toks[i - 1] && /^\d/.test(toks[i - 1].text) && toks[i + 1]?.word && !toks[i + 1].cap) continue;
    // "the virus claimed 6606 lives": a death toll, not speech
    if (form.text.startsWith('claim') && toks.slice(i + 1, i + 5).some((x) => x.lower === 'lives' || x.lower === 'life')) continue;
    // "a UN report eventually concluded": a cue word that is also a noun, followed by a verb, is the noun
    if (form.words.length === 1 && NOUN_LIKE.has(t.lower) && verbFollows(toks, i + 1)) continue;
    // "as suppliers try to meet demand,", "in high demand.": a bare base form closing a phrase after a word that
    // cannot be its subject is the noun ("..., the officials claim." and "..., they note." keep their subjects)
    if (form.words.length === 1 && NOUN_LIKE.has(t.lower) && !/(?:s|ed)$/.test(t.lower) && (!toks[i + 1] || !toks[i + 1].word) && toks[i - 1]?.word && !toks[i - 1].cap && !SUBJECT_PRONOUNS.has(toks[i - 1].lower) && !/s$/.test(toks[i - 1].lower) && !LEXICON.pluralSources.has(toks[i - 1].lower)) continue;
    hits.push({ i, end: i + form.words.length, form, progressive, withAt: withAt >= 0 ? withAt : undefined });
    i += form.words.length - 1;
    // "according to government reports,": the source phrase holds no cue of its own
    if (form.kind === 'according') while (i + 1 < toks.length && toks[i + 1].text !== ',' && !SENT_END.test(toks[i + 1].text) && !toks[i + 1].quoted && LEXICON.cues.has(toks[i + 1].lower) === false) i++;
    if (form.kind === 'according' && NOUN_LIKE.has(toks[i + 1]?.lower ?? '')) i++;
  }
  return hits;
}

/**
 * "The defendants claimed Spanton first complained of theft", "Police said on Monday they believe the theft ...",
 * "X told the press the officers claimed ...": a cue inside the clause another cue reports (its subject follows the
 * outer cue, past a date, a setting, an addressee or "that") is part of what was reported, not a statement of its own.
 */
function nestedCuesDropped(ctx: StatementContext, si: number, hits: CueHit[]): CueHit[] {
  const toks = ctx.sentences[si].tokens;
  return hits.filter((h, k) => {
    const outer = hits[k - 1];
    if (!outer || outer.form.kind !== 'speech' || h.i <= outer.end) return true;
    let from = outer.end;
    if (outer.form.object) from = addresseeEnd(ctx, si, toks, from, h.i);
    from = skipAdverbials(ctx, toks, from, h.i, si);
    if (toks[from]?.lower === 'that' && !toks[from].quoted) from++;
    // "reports Mahan's director, Hamid Khanooki, has alleged", "reported a source, whom they did not name, said": an
    // appositive name or a relative clause between commas belongs to the subject
    const words: number[] = [];
    for (let j = from; j < h.i; j++) words.push(j);
    const commas = words.filter((j) => toks[j].text === ',');
    let subject = words;
    if (commas.length === 2) {
      const [c1, c2] = commas;
      const m = ctx.index.bySentence[si]?.find((x) => x.tokStart === c1 + 1 && x.tokEnd === c2);
      if (m || RELATIVE.has(toks[c1 + 1]?.lower ?? '')) subject = words.filter((j) => j < c1 || j > c2);
    }
    if (subject.length > 5 || subject.length < 1) return true;
    for (const j of subject) {
      const t = toks[j];
      if ((!t.word && !isPossessive(t)) || t.quoted || ['and', 'but', 'that', 'who', 'which', 'as'].includes(t.lower) || CONJUNCTIONS.has(t.lower) || RELATIVE.has(t.lower) || PREPOSITION_WORDS.has(t.lower)) return true;
      // a pronoun is the inner cue's subject only right before it ("said they believe")
      if (SUBJECT_PRONOUNS.has(t.lower) && j !== h.i - 1 && !AUX.has(toks[j + 1].lower)) return true;
    }
    // the outer cue must not itself close a quotation ("“...,” said X. Y said")
    const kept = isQuoteMark(toks[outer.i - 1] ?? toks[0]) || toks[outer.i - 1]?.text === ',';
    // "Reuters reported on Monday a government source said X": what a news report says someone said is also that
    // someone's statement, when a named or described source says it in so many words
    if (!kept && /^report/.test(outer.form.text) && h.form.kind === 'speech' && h.form.confidence >= 0.9 && !SUBJECT_PRONOUNS.has(toks[h.i - 1].lower)) {
      h.inside = from;
      return true;
    }
    return kept;
  });
}

/** Whether a cue that needs a quotation or "that" has one right after it. */
function canGovern(toks: Token[], hit: CueHit): boolean {
  if (!hit.form.needsQuote && !hit.form.needsQuoteOrThat) return true;
  // "“...”, he continued in the speech": a quotation just before the cue and its subject
  for (let k = hit.i - 1; k >= 0 && k >= hit.i - 4; k--) if (toks[k].quoted || isQuoteMark(toks[k])) return true;
  // right after the cue, past a colon or comma: "continued: “...”", "suggested that ..."
  let i = hit.end;
  while (i < toks.length && (toks[i].text === ',' || toks[i].text === ':')) i++;
  const t = toks[i];
  if (!t) return false;
  return t.quoted || isQuoteMark(t) || (t.lower === 'that' && hit.form.needsQuoteOrThat);
}

const NOUN_LIKE = new Set(['report', 'reports', 'claim', 'claims', 'call', 'calls', 'note', 'notes', 'post', 'posts', 'comment', 'comments', 'remark', 'remarks', 'estimate', 'estimates', 'demand', 'demands', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'vows', 'fear', 'fears', 'tweet', 'tweets', 'reply', 'replies', 'counter', 'state', 'states', 'warning', 'statement', 'welcome']);

function verbFollows(toks: Token[], i: number): boolean {
  while (toks[i] && /ly$/.test(toks[i].lower) && !toks[i].cap) i++;
  const t = toks[i];
  if (!t) return false;
  return BE.has(t.lower) || AUX.has(t.lower) && !/ly$/.test(t.lower) || (LEXICON.cues.get(t.lower)?.some((f) => f.words.length === 1 && /(?:ed|s)$/.test(t.lower)) ?? false);
}

interface Made {
  statements: RawStatement[];
  speaker: SpeakerRef | null;
  consumedTo: number;
}

function statementsForCue(
  ctx: StatementContext,
  si: number,
  hit: CueHit,
  next: CueHit | undefined,
  consumed: number,
  lastSpeaker: { ref: SpeakerRef; st: RawStatement | null } | null,
  used: Set<Quote>,
): Made | null {
  if (hit.form.kind === 'according') return accordingTo(ctx, si, hit, next, consumed, used);
  const s = ctx.sentences[si];
  const toks = s.tokens;

  // 1. "“...,” said X." / "“...,” X said." / "“...” he wrote": the quotation just before the cue
  const post = quoteBefore(ctx, si, hit, used);
  if (post) {
    const ref = post.npBetween ?? speakerAfter(ctx, si, hit.end) ?? null;
    if (!ref) return null;
    const st = make(ctx, ref, 'direct', post.quote, hit, si, 'quote-then-cue', hit.form.confidence, null);
    used.add(post.quote);
    const statements = [st];
    // "“A,” X said, “B.”": the quotation resumes after the attribution. When A and B are one sentence, B is a
    // statement of its own only if it is a full clause ("“A,” he said, “they will start ...”"); a mere continuation
    // ("“A,” he said, “under brutal conditions.”") belongs to A and is not counted twice
    let resumeAt = ref.tokEnd > hit.end ? ref.tokEnd : hit.end;
    if (hit.form.object && resumeAt === hit.end) resumeAt = addresseeEnd(ctx, si, toks, resumeAt, toks.length);
    const resumed = quoteAfterAttribution(ctx, si, resumeAt, used);
    if (resumed) {
      used.add(resumed);
      const oneSentence = !/[.!?…]$/.test(ctx.body.slice(post.quote.start, post.quote.end));
      const b = ctx.body.slice(resumed.start, resumed.end);
      // B runs on into sentences of its own ("“What is sad”, she said, “is the silence. Nobody ...”"): it stands
      if (!oneSentence || isFullClause(b) || /[.!?…\]]\s+[“"‘']?\p{Lu}/u.test(b)) {
        statements.push({ ...make(ctx, ref, 'direct', resumed, hit, si, 'quote-cue-quote', hit.form.confidence, null), continues: null });
      }
    }
    return { statements, speaker: ref, consumedTo: toks.length };
  }

  // "As the ministry said, CLAUSE." / "CLAUSE, as X put it." / "As reported by X, CLAUSE."
  const asClause = asAttribution(ctx, si, hit, next, consumed);
  if (asClause) {
    const statements = contentStatements(ctx, si, hit, asClause.ref, asClause.content, used, 'as-X-cue');
    return { statements, speaker: asClause.ref, consumedTo: asClause.consumedTo };
  }

  // 2. the speaker: a subject to the left, or after the cue in an inverted clause ("..., reported officials")
  const inverted = hit.withAt === undefined ? invertedClause(ctx, si, hit, consumed) : null;
  if (inverted) {
    const { ref, content } = inverted;
    const statements = contentStatements(ctx, si, hit, ref, content, used, 'clause-then-cue');
    return { statements, speaker: ref, consumedTo: Math.max(hit.end, ref.tokEnd) };
  }

  let ref: SpeakerRef | null = null;
  let rule = 'X-cue';
  const prev = toks[hit.i - 1];
  // "Calling it “just another apology”, Anna Nowak told ...": an opening participle's subject follows its phrase
  if (hit.form.participle && hit.i === 0) {
    const comma = toks.findIndex((t, k) => k > hit.end && t.text === ',' && !t.quoted);
    if (comma < 0) return null;
    let end = comma + 1;
    while (end < toks.length && toks[end].word && !LEXICON.cues.has(toks[end].lower)) end++;
    const subject = parseSpeaker(ctx, si, comma + 1, end);
    if (!subject) return null;
    const statements = contentStatements(ctx, si, hit, subject, { startTok: hit.end, endTok: comma, leadingQuote: false, hadThat: false }, used, 'opening-participle');
    return { statements, speaker: null, consumedTo: comma };
  }
  const prevWord = prevNonAux(toks, hit.i);
  if (hit.withAt !== undefined) {
    ref = parseSpeaker(ctx, si, hit.withAt + 1, hit.i);
    if (ref && ref.tokEnd < hit.i) ref = null;
    rule = 'with-X-cue';
  } else if (prevWord && RELATIVE.has(toks[prevWord].lower) && toks[prevWord].lower !== 'when') {
    // "according to police, who said ...": the relative pronoun's antecedent speaks
    ref = relativeAntecedent(ctx, si, prevWord);
    rule = 'X-who-cue';
  } else if ((hit.form.participle && !hit.progressive) || (prev && (prev.lower === 'and' || prev.lower === 'by'))) {
    // "..., adding", "... and said", "by saying": the subject of the verb before
    ref = lastSpeaker?.ref ?? sentenceSubject(ctx, si, hit.i) ?? speakerOfQuoteBefore(ctx, si, hit);
    rule = hit.form.participle ? 'participle-cue' : 'coordinated-cue';
    if (ref && !lastSpeaker) ref = { ...ref };
  } else {
    ref = subjectLeft(ctx, si, hit.i, consumed);
    // "Taiwan, which China claims sovereignty over, ...": inside a relative clause, the content ends with it
    let k = hit.i - 1;
    while (k >= consumed && toks[k].text !== ',' && !RELATIVE.has(toks[k].lower)) k--;
    if (k >= consumed && RELATIVE.has(toks[k].lower) && (toks[k - 1]?.text === ',' || DASHES.has(toks[k - 1]?.text ?? ''))) rule = 'X-who-cue';
  }
  if (!ref) return null;
  let content = contentAfter(ctx, si, hit, next);
  // "China, which claims sovereignty over Taiwan, ...": a cue in a relative clause reports only to its end
  if (content && rule === 'X-who-cue') {
    const comma = toks.findIndex((t, k) => k >= content!.startTok && k < content!.endTok && (t.text === ',' || DASHES.has(t.text)) && !t.quoted);
    if (comma > content.startTok) content = { ...content, endTok: comma };
  }
  // "After Trump tweeted the same advice, Twitter placed ...": a cue in an opening subordinate clause reports only
  // to the end of that clause
  const opener = toks[ref.tokStart - 1];
  if (content && !content.leadingQuote && opener && SUBORDINATE_OPENERS.has(opener.lower) && (ref.tokStart - 1 === 0 || toks[ref.tokStart - 2].text === ',')) {
    const comma = toks.findIndex((t, k) => k > content!.startTok && k < content!.endTok && t.text === ',' && !t.quoted);
    if (comma > 0) content = { ...content, endTok: comma };
  }
  // a cue with nothing to report leaves the sentence to the next cue ("X speaking to the think tank called ...")
  if (!content) return { statements: [], speaker: null, consumedTo: consumed };
  const statements = colonSplit(ctx, si, hit, ref, content, used, rule);
  // "said that A, and that B" / "told reporters that A but that “B”": each "that" clause is a statement
  let endTok = content.endTok;
  for (let guard = 0; guard < 4; guard++) {
    let k = endTok;
    if (toks[k]?.text === ',') k++;
    if (!['and', 'but'].includes(toks[k]?.lower ?? '') || toks[k + 1]?.lower !== 'that' || toks[k + 1].quoted) break;
    const limit = clauseLimit(toks, { ...hit, end: k + 2 }, next);
    if (limit <= k + 2) break;
    statements.push(...contentStatements(ctx, si, hit, ref, { startTok: k + 2, endTok: limit, leadingQuote: isQuoteMark(toks[k + 2]), hadThat: true }, used, rule));
    endTok = limit;
  }
  return { statements, speaker: ref, consumedTo: endTok };
}

/**
 * "“...know,” further remarking, “...”": a participle right after a quotation that is already attributed (its
 * sentence began inside the quotation) shares that quotation's speaker.
 */
function speakerOfQuoteBefore(ctx: StatementContext, si: number, hit: CueHit): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let k = hit.i - 1;
  while (k >= 0 && (AUX.has(toks[k].lower) || toks[k].text === ',' || toks[k].lower === 'and')) k--;
  if (k < 0 || !(toks[k].quoted || isQuoteMark(toks[k]))) return null;
  const at = toks[k].start;
  const st = (ctx.found ?? []).find((x) => x.kind === 'direct' && x.span.start <= at && at <= x.span.end + 2);
  if (!st) return null;
  return { keys: [st.speakerKey], via: 'pronoun', tokStart: hit.i, tokEnd: hit.i, antecedent: st.antecedent ?? undefined };
}

function prevNonAux(toks: Token[], i: number): number | null {
  let p = i - 1;
  while (p >= 0 && AUX.has(toks[p].lower)) p--;
  return p >= 0 ? p : null;
}

function make(
  ctx: StatementContext,
  ref: SpeakerRef,
  kind: 'direct' | 'indirect',
  span: Span,
  hit: CueHit | null,
  si: number,
  rule: string,
  confidence: number,
  clause: Span | null,
): RawStatement {
  const toks = ctx.sentences[si].tokens;
  for (const k of ref.keys) ensureActor(ctx, k);
  const cueTok = hit ? toks[hit.i] : null;
  const cueText = hit && cueTok ? ctx.body.slice(cueTok.start, toks[hit.end - 1].end) : null;
  const viaPenalty = ref.via === 'pronoun' ? 0.9 : ref.via === 'group' ? 0.9 : ref.via === 'description' ? 0.85 : 1;
  return {
    speakerKey: ref.keys[0],
    kind,
    span: { start: span.start, end: span.end },
    cue: cueText,
    cueForm: hit?.form ?? null,
    sentence: si,
    cuePos: cueTok ? cueTok.start : span.start,
    rule,
    confidence: Math.round(confidence * viaPenalty * 100) / 100,
    clause,
    antecedent: ref.antecedent ?? null,
    continues: null,
    excluded: [],
  };
}

/** The quotation closing just before the cue (with at most a speaker phrase between), as in "“...,” said X". */
function quoteBefore(ctx: StatementContext, si: number, hit: CueHit, used: Set<Quote>): { quote: Quote; npBetween: SpeakerRef | null } | null {
  const s = ctx.sentences[si];
  const toks = s.tokens;
  const cueStart = toks[hit.i].start;
  let q: Quote | null = null;
  for (const x of ctx.quotes) {
    const closeAt = x.close >= 0 ? x.close + 1 : x.end;
    if (closeAt <= cueStart && x.para === s.para) q = x;
    if (x.start > cueStart) break;
  }
  if (!q || used.has(q)) return null;
  const closeAt = q.close >= 0 ? q.close + 1 : q.end;
  const gap = ctx.body.slice(closeAt, cueStart);
  if (/^[\s,.!?;:—–-]*$/.test(gap)) return { quote: q, npBetween: null };
  // "“...,” he wrote" / "“...”, Cengiz said": a short speaker phrase between the quotation and the cue
  const m = /^[\s,.!?;:—–-]*/.exec(gap)!;
  const npStartOffset = closeAt + m[0].length;
  const from = toks.findIndex((t) => t.start >= npStartOffset);
  // the phrase must fill the gap: a quotation in an earlier sentence is not "just before" the cue
  if (from < 0 || from >= hit.i || hit.i - from > 8 || toks[from].start !== npStartOffset) return null;
  let to = hit.i;
  while (to > from && AUX.has(toks[to - 1].lower)) to--;
  // "“...”, however Bonham noted the swing ...": a conjunction opens a clause of its own, not an attribution
  if (CONTRAST.has(toks[from].lower) || COORDINATORS.has(toks[from].lower)) return null;
  const ref = parseSpeaker(ctx, si, from, to);
  if (!ref || ref.tokEnd < to) return null;
  // "“...” One interviewee said people ...": a quotation that ends its sentence belongs to the cue only when the
  // cue closes the attribution ("“...” he said.")
  if (/[.!?]$/.test(ctx.body.slice(q.start, q.end)) && !/^[\s]*[.,;!?]/.test(ctx.body.slice(toks[hit.end - 1].end))) return null;
  return { quote: q, npBetween: ref };
}

/** "“A,” X said, “B”" and "“A,” X said at a briefing in Y, “B”": a quotation opening right after the attribution. */
function quoteAfterAttribution(ctx: StatementContext, si: number, afterTok: number, used: Set<Quote>): Quote | null {
  const toks = ctx.sentences[si].tokens;
  const from = toks[afterTok - 1]?.end ?? 0;
  for (const q of ctx.quotes) {
    if (q.open < from || used.has(q)) continue;
    const gap = ctx.body.slice(from, q.open);
    if (/^\s*[,:]\s*$/.test(gap)) return q;
    // a setting or date between the attribution and the comma
    const at = skipAdverbials(ctx, toks, afterTok, toks.length, si);
    return at > afterTok && toks[at]?.text === ',' && /^\s*$/.test(ctx.body.slice(toks[at].end, q.open)) ? q : null;
  }
  return null;
}

// a conjunction before a parenthetical source: the content is the clause after it
const PARENTHETICAL_AFTER = new Set(['but', 'and', 'yet', 'so', 'while', 'whereas', 'however', 'although', 'though']);
const SUBORDINATE_OPENERS = new Set(['after', 'when', 'before', 'because', 'since', 'although', 'though', 'whereas', 'once', 'until', 'while', 'if', 'whenever']);
const COORDINATORS = new Set(['and', 'but', 'or', 'so', 'yet', 'because', 'then']);

/** Whether a quoted continuation is a clause with its own subject ("they will start ...") rather than the rest of one. */
function isFullClause(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).map((w) => w.replace(/^[“"‘'(]+/, ''));
  let i = 0;
  while (i < words.length && COORDINATORS.has(words[i].toLowerCase())) i++;
  const rest = words.slice(i);
  const first = (rest[0] ?? '').toLowerCase().replace(/[,.]$/, '');
  if (!first || RELATIVE.has(first) || first === 'that' || PREPOSITION_WORDS.has(first) || AUX.has(first) || BE.has(first) || /ing$/.test(first)) return false;
  return looksLikeClause(rest, 10, true);
}

/** Speaker phrase right after the cue in "said X" / "wrote Mr. Borrell". */
function speakerAfter(ctx: StatementContext, si: number, from: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let to = from;
  while (to < toks.length && toks[to].word && !RELATIVE.has(toks[to].lower) && !isDateStart(ctx, toks[to])) to++;
  // "Mr." keeps its period
  while (to < toks.length && toks[to].text === '.' && toks[to + 1]?.cap && toks[to + 1].word) {
    to++;
    while (to < toks.length && toks[to].word) to++;
  }
  if (to === from) return null;
  return parseSpeaker(ctx, si, from, to);
}

const isDateStart = (ctx: StatementContext, t: Token) => ctx.dates.some((d) => d.start === t.start);

/** The subject to the left of a cue: the nearest comma-separated segment that holds a speaker phrase. */
function subjectLeft(ctx: StatementContext, si: number, cueIdx: number, lo: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let end = cueIdx;
  while (end > lo && AUX.has(toks[end - 1].lower)) end--;
  // "German firms including A, B, and C have announced": the head before the list speaks, not its last member
  const listed = listHead(ctx, si, lo, end);
  if (listed) return listed;
  const segs = segments(toks, lo, end);
  for (let k = segs.length - 1; k >= 0; k--) {
    const [a, b] = segs[k];
    let a2 = a;
    while (a2 < b && (toks[a2].lower === 'and' || toks[a2].lower === 'but' || toks[a2].lower === 'so')) a2++;
    if (a2 >= b) continue;
    const first = toks[a2];
    // "Taiwan, which China claims ...": an object relative clause has its own subject
    // ("X, whose brother was killed, said": the relative clause is complete and X speaks)
    // ("Kimberly-Clark, which makes tissues, said": a relative clause closed by a comma before the cue is an aside)
    if ((RELATIVE.has(first.lower) || first.lower === 'that') && first.lower !== 'whose' && k === segs.length - 1 && a2 + 1 < b && b === end) {
      const inner = parseSpeaker(ctx, si, a2 + 1, b);
      if (inner && inner.tokEnd === b) return inner;
    }
    if (RELATIVE.has(first.lower)) continue;
    const prevSeg = segs[k - 1];
    const prevNames = !!prevSeg && toks.slice(prevSeg[0], prevSeg[1]).some((x) => x.word && !LEXICON.functionWords.has(x.lower));
    if (k > 0 && prevNames && APPOSITIVE_START.has(first.lower) && looksLikeRole(toks, a2 + 1, b)) continue;
    // "Sophie Okafor, another lawyer for the family, told", "Professor X, Director General of Y, said": a description
    // in apposition to the name before it
    if (k > 0 && appositiveToName(ctx, si, segs[k - 1], a2, b)) continue;
    // "John Carter, 45, said", "Tom Keller, R-Ky., said": an age or a party and state in apposition
    if (toks.slice(a2, b).every((x) => /^\d+$/.test(x.text) || PARTY_TAG.test(x.text) || x.text === '.')) continue;
    if (SUBORDINATORS.has(first.lower) || isDateOnly(ctx, toks, a2, b)) {
      // "but upon learning the result he claimed ...", "as the company said profits ...": the subject stands right
      // before the cue at the end of an opening phrase
      if (k === segs.length - 1) {
        const tail = subjectBeforeCue(ctx, si, a2 + 1, b);
        if (tail) return tail;
      }
      continue;
    }
    // "Shares fell as the company said profits would drop": a subordinate clause inside the segment has the cue
    if (k === segs.length - 1) {
      let c = b - 1;
      while (c > a2 && !(CONJUNCTIONS.has(toks[c].lower) && !toks[c].quoted)) c--;
      if (c > a2) {
        const inner = parseSpeaker(ctx, si, c + 1, b);
        if (inner && inner.tokEnd === b) return inner;
      }
    }
    // "Greek prime minister X speaking to the Atlantic Council think tank called": the phrase starts the segment
    const ref = parseSpeaker(ctx, si, a2, b);
    // "NDTV later reported officials, following an investigation, stated": a segment with a verb of its own after
    // the name is a clause of its own; its subject is not this cue's
    // ("Lena Brandt spoke, though Omar Khan said": the same for any verb)
    // ("The ministry has, in a statement, called on": auxiliaries alone do not count)
    const rest = toks.slice(ref?.tokEnd ?? b, b).filter((t) => !AUX.has(t.lower) && !BE.has(t.lower));
    // "NDTV later reported officials, following an investigation, stated": the object of a reporting verb there
    // is the subject of this cue
    if (ref && k < segs.length - 1 && rest.length) {
      const c = findCues(toks.slice(ref.tokEnd, b)).find((h) => h.form.kind === 'speech');
      const object = c ? parseSpeaker(ctx, si, ref.tokEnd + c.end, b) : null;
      if (object && object.tokEnd === b && object.tokStart === ref.tokEnd + c!.end) return object;
    }
    if (ref && k < segs.length - 1 && rest.length && (findCues(rest).length || rest.some((t) => NEGATION.has(t.lower)) || looksLikeClause(['X', ...rest.map((t) => t.text)], rest.length + 1, true))) return null;
    if (ref) return ref;
    if (k === segs.length - 1) return null;
  }
  return null;
}

/** "firms including A, B and C" / "allies such as A and B" right before the cue: the phrase before the list. */
function listHead(ctx: StatementContext, si: number, lo: number, end: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let k = end - 1;
  // walk back over names, commas and "and"
  while (k >= lo && !toks[k].quoted && (toks[k].text === ',' || toks[k].lower === 'and' || (toks[k].cap && toks[k].word) || mentionAt(ctx, si, k))) k--;
  let intro = k;
  if (toks[k]?.lower === 'as' && toks[k - 1]?.lower === 'such') intro = k - 1;
  else if (toks[k]?.lower !== 'including') return null;
  if (k === end - 1 || intro <= lo) return null;
  // the head phrase: back to the start of its segment
  const headEnd = toks[intro - 1].text === ',' ? intro - 1 : intro;
  let a = headEnd - 1;
  while (a > lo && toks[a - 1].text !== ',' && toks[a - 1].text !== ';' && !toks[a - 1].quoted) a--;
  if (a >= headEnd) return null;
  const ref = parseSpeaker(ctx, si, a, headEnd);
  return ref && ref.tokEnd === headEnd ? ref : null;
}

const mentionAt = (ctx: StatementContext, si: number, i: number) => ctx.index.bySentence[si]?.find((m) => m.tokStart <= i && i < m.tokEnd);

const APPOSITIVE_STARTERS = new Set(['a', 'an', 'the', 'another', 'one', 'his', 'her', 'its', 'their', 'also', 'himself', 'herself', 'now', 'then', 'both', 'each', 'former', 'currently']);

/** Whether toks[a, b) describes the person or organisation named at the end of the segment before it. */
function appositiveToName(ctx: StatementContext, si: number, prev: [number, number], a: number, b: number): boolean {
  const toks = ctx.sentences[si].tokens;
  const ms = ctx.index.bySentence[si] ?? [];
  const named = ms.find((m) => m.tokEnd === prev[1] && m.tokStart >= prev[0]);
  const type = named ? ctx.index.actors.get(named.actorKey)?.type : undefined;
  // ("Domain.com, a property site, reported": a name of unknown kind described with an article is the speaker too)
  if (type === 'other' && APPOSITIVE_START.has(toks[a].lower) && toks[prev[1]]?.text === ',' && toks[b]?.text === ',') return true;
  if (type !== 'person' && type !== 'organization') return false;
  // a name inside the segment may be the speaker ("the mayor of London, Sadiq Khan, said")
  if (ms.some((m) => m.tokStart >= a && m.tokEnd <= b && ctx.index.actors.get(m.actorKey)?.type === 'person')) return false;
  const first = toks[a];
  // ("Dr Gary Mortimer, retail expert from X, said": an occupation without an article, for a person)
  return APPOSITIVE_STARTERS.has(first.lower) || (first.cap && titleAt(toks, a) > 0) || (type === 'person' && !first.cap && looksLikeRole(toks, a, b));
}

/** A pronoun or a name ending right at `b` (the cue), when it is preceded by a word that cannot belong to it. */
function subjectBeforeCue(ctx: StatementContext, si: number, a: number, b: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  const last = toks[b - 1];
  if (!last || b - 1 < a) return null;
  if (SUBJECT_PRONOUNS.has(last.lower) && ['he', 'she', 'they', 'it'].includes(last.lower)) return parseSpeaker(ctx, si, b - 1, b);
  const m = ctx.index.bySentence[si]?.find((x) => x.tokEnd === b && x.tokStart >= a);
  if (m && ctx.index.actors.get(m.actorKey)?.type !== 'place') {
    let from = m.tokStart;
    if (toks[from - 1]?.lower === 'the') from--;
    return parseSpeaker(ctx, si, from, b);
  }
  return null;
}

function looksLikeRole(toks: Token[], a: number, b: number): boolean {
  for (let i = a; i < b && i < a + 4; i++) {
    const t = toks[i];
    if (LEXICON.titles.has(t.lower) || LEXICON.descriptors.has(t.lower) || LEXICON.titleModifiers.has(t.lower)) return true;
  }
  return false;
}

function isDateOnly(ctx: StatementContext, toks: Token[], a: number, b: number): boolean {
  const start = toks[a].start;
  const end = toks[b - 1].end;
  return ctx.dates.some((d) => d.start <= start + 4 && d.end >= end - 1);
}

/** Comma-separated segments of toks[lo, hi), ignoring commas inside quotations and brackets. */
function segments(toks: Token[], lo: number, hi: number): [number, number][] {
  const out: [number, number][] = [];
  let a = lo;
  let depth = 0;
  for (let i = lo; i < hi; i++) {
    const t = toks[i];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if ((t.text === ',' || t.text === ';' || t.text === '—' || t.text === '–' || t.text === ':') && !t.quoted && depth === 0) {
      if (i > a) out.push([a, i]);
      a = i + 1;
    } else if (t.quoted || isQuoteMark(t)) {
      // a quotation ends the subject search: what is left of it was said, not who said it
      if (i > a) out.push([a, i]);
      a = i + 1;
    }
  }
  if (hi > a) out.push([a, hi]);
  return out;
}

/** The subject of the sentence's main clause (after introductory phrases), for participles and coordinated cues. */
function sentenceSubject(ctx: StatementContext, si: number, before: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  const segs = segments(toks, 0, before);
  for (const [a, b] of segs) {
    const first = toks[a];
    if (SUBORDINATORS.has(first.lower) || isDateOnly(ctx, toks, a, b) || RELATIVE.has(first.lower)) continue;
    const ref = parseSpeaker(ctx, si, a, b);
    if (ref) return ref;
    // the first main segment decides; a later one would be an object
    return null;
  }
  return null;
}

function relativeAntecedent(ctx: StatementContext, si: number, whoIdx: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let j = whoIdx - 1;
  if (toks[j]?.text === ',') j--;
  if (j < 0) return null;
  const m = ctx.index.bySentence[si].filter((x) => x.tokEnd <= j + 1).pop();
  if (m && m.tokEnd >= j) return { keys: [m.actorKey], via: 'name', tokStart: m.tokStart, tokEnd: m.tokEnd };
  // "police, who said": an unnamed source
  let a = j;
  while (a > 0 && toks[a - 1].word && !toks[a - 1].quoted && j - a < 3 && !['to', 'by', 'from'].includes(toks[a - 1].lower)) a--;
  return parseSpeaker(ctx, si, a, j + 1);
}

interface Content {
  /** first and last token (exclusive) of the reported content */
  startTok: number;
  endTok: number;
  /** quotations that open at the very start of the content (X said: "...") */
  leadingQuote: boolean;
  hadThat: boolean;
}

/** The content a forward cue governs: quotations after "said:" or the clause after "said (that)" up to its end. */
function contentAfter(ctx: StatementContext, si: number, hit: CueHit, next: CueHit | undefined): Content | null {
  const toks = ctx.sentences[si].tokens;
  let i = hit.end;
  const limit = clauseLimit(toks, hit, next);
  // "told reporters", "told the court she ...": the addressee; "said in a statement on Monday that": adverbials
  if (hit.form.object && hit.form.kind !== 'directive') {
    i = skipAdverbials(ctx, toks, addresseeEnd(ctx, si, toks, i, limit), limit, si);
    // "told a guard at the door, in French and English, “...”": a phrase of its own before the content
    if (i < limit && PREPOSITION_WORDS.has(toks[i].lower) && !toks[i].quoted) {
      const stop = toks.findIndex((t, k) => k >= i && k < limit && (t.lower === 'that' || t.text === ':' || isQuoteMark(t) || t.quoted));
      if (stop >= 0 && stop - i <= 12) i = stop;
    }
  }
  i = skipAdverbials(ctx, toks, i, limit, si);
  // "warned the administration last December that", "reminded Karvia that": a verb that usually takes no object
  // may still name who was addressed before "that" — when a date or setting follows it or it is a name
  if (!hit.form.object && hit.form.kind === 'speech' && toks[i]?.lower !== 'that') {
    let a = addresseeEnd(ctx, si, toks, i, limit);
    for (let k = i + 1; k < a; k++) if (isDateStart(ctx, toks[k])) a = k;
    const j = a > i && a - i <= 4 ? skipAdverbials(ctx, toks, a, limit, si) : i;
    const named = mentionStarting(ctx, si, i) ?? (toks[i]?.lower === 'the' ? mentionStarting(ctx, si, i + 1) : undefined);
    const addressed = OBJECT_PRONOUNS.has(toks[i].lower) || (!!named && ctx.index.actors.get(named.actorKey)?.type !== 'place');
    if (toks[j]?.lower === 'that' && !toks[j].quoted && (j > a || addressed)) i = j;
  }
  let hadThat = false;
  if (toks[i]?.lower === 'that' && !toks[i].quoted) {
    i++;
    hadThat = true;
  }
  while (i < limit && (toks[i].text === ':' || toks[i].text === ',')) i++;
  if (i >= limit) return null;
  const leadingQuote = isQuoteMark(toks[i]) || toks[i].quoted;
  if (hit.form.needsQuoteOrThat && !hadThat && !hasQuote(toks, i, limit)) return null;
  if (hit.form.needsQuote && !hasQuote(toks, i, limit)) return null;
  return { startTok: i, endTok: limit, leadingQuote, hadThat };
}

const hasQuote = (toks: Token[], a: number, b: number) => toks.slice(a, b).some((t) => t.quoted);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'there', 'nobody', 'no-one', 'everyone', 'someone', 'none']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'me', 'us', 'you', 'it']);
const CLAUSE_DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'some', 'many', 'no', 'all', 'most', 'every', 'each', 'both', 'several', 'any', 'one', 'two', 'three', 'more', 'fewer', 'less', 'only', 'up', 'about', 'at', 'nearly', 'almost', 'around', 'roughly', 'over']);
const SETTING_PREPS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'to', 'with', 'after', 'before', 'from', 'over', 'outside', 'inside']);
const PREPOSITION_WORDS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'to', 'with', 'after', 'before', 'from', 'over', 'for', 'of', 'by', 'about', 'outside', 'inside', 'upon', 'under', 'into']);

/** Whether a reported clause can start at token i: a subject pronoun, a determiner, a name or a number. */
function clauseStartsAt(toks: Token[], i: number): boolean {
  const t = toks[i];
  if (!t) return false;
  return SUBJECT_PRONOUNS.has(t.lower) || CLAUSE_DETERMINERS.has(t.lower) || (t.cap && t.word) || /^\d/.test(t.text) || t.lower === 'that' || isQuoteMark(t) || t.quoted;
}

const mentionStarting = (ctx: StatementContext, si: number, i: number) => ctx.index.bySentence[si]?.find((m) => m.tokStart === i);

/**
 * End of a phrase saying where or how something was said: "in a statement", "at a briefing in Denver", "on Twitter",
 * "to the AFP agency", "in an interview with La Stampa"; i itself when there is none.
 */
function settingPhraseEnd(ctx: StatementContext, si: number, toks: Token[], i: number, limit: number): number {
  const t = toks[i];
  if (!t || t.quoted || !SETTING_PREPS.has(t.lower)) return i;
  let head = -1;
  for (let j = i + 1; j < limit && j < i + 6; j++) {
    const x = toks[j];
    if (!x.word || x.quoted || (j > i + 1 && PREPOSITION_WORDS.has(x.lower))) break;
    const m = mentionStarting(ctx, si, j);
    if (m) {
      head = m.tokEnd - 1;
      j = head;
      continue;
    }
    if (LEXICON.settingHeads.has(x.lower)) head = j;
    else if (head >= 0) break;
  }
  if (head < 0) return i;
  let j = head + 1;
  // a name of the medium or place after the head ("the radio France Inter", "a briefing in Denver", "an interview with Reuters")
  for (let guard = 0; guard < 3 && j < limit; guard++) {
    const m = mentionStarting(ctx, si, j);
    if (m) {
      j = m.tokEnd;
      continue;
    }
    if (toks[j].cap && toks[j].word && !toks[j].quoted) {
      while (j < limit && toks[j].cap && toks[j].word) j++;
      continue;
    }
    if (['in', 'with', 'on', 'to', 'of'].includes(toks[j].lower) && !toks[j].quoted) {
      let k = j + 1;
      if (toks[k]?.lower === 'the') k++;
      const n = mentionStarting(ctx, si, k);
      if (n) {
        j = n.tokEnd;
        continue;
      }
      if (toks[k]?.cap && toks[k].word && !toks[k].quoted && !SUBJECT_PRONOUNS.has(toks[k].lower)) {
        // "with the newspaper La Stampa": a short common noun may stand before the name
        j = k;
        continue;
      }
      if (toks[k] && !toks[k].cap && toks[k].word && LEXICON.settingHeads.has(toks[k + 1]?.lower ?? '') === false && toks[k + 1]?.cap) {
        j = k + 1;
        continue;
      }
    }
    break;
  }
  return j;
}

/** End of the addressee after "told": a name, an object pronoun or a short noun phrase ("the court", "reporters"). */
function addresseeEnd(ctx: StatementContext, si: number, toks: Token[], i: number, limit: number): number {
  const t = toks[i];
  if (!t || t.quoted || isQuoteMark(t) || !t.word || t.lower === 'that') return i;
  const m = mentionStarting(ctx, si, i) ?? (t.lower === 'the' ? mentionStarting(ctx, si, i + 1) : undefined);
  if (m) return m.tokEnd;
  if (OBJECT_PRONOUNS.has(t.lower)) return i + 1;
  let j = i;
  if (CLAUSE_DETERMINERS.has(t.lower)) j++;
  // the noun phrase ends where the reported clause starts ("the court she was", "the press the new drugs")
  for (let n = 0; j < limit && n < 4; n++) {
    const x = toks[j];
    if (!x.word || x.quoted || PREPOSITION_WORDS.has(x.lower) || x.lower === 'that') break;
    if (j > i && n > 0 && clauseStartsAt(toks, j)) break;
    const inner = mentionStarting(ctx, si, j);
    j = inner ? inner.tokEnd : j + 1;
  }
  return j;
}

/** Skips date expressions and prepositional phrases between a cue and "that" ("said this week that", "said in a statement that"). */
function skipAdverbials(ctx: StatementContext, toks: Token[], i: number, limit: number, si = -1): number {
  for (let guard = 0; guard < 4 && i < limit; guard++) {
    const t = toks[i];
    const d = ctx.dates.find((x) => x.start === t.start);
    if (d) {
      let j = i;
      while (j < limit && toks[j].end <= d.end) j++;
      i = j;
      continue;
    }
    // "said in a statement it was cooperating", "told Reuters in an interview the cuts ...": a setting, then the clause
    if (si >= 0) {
      const e = settingPhraseEnd(ctx, si, toks, i, limit);
      if (e > i && (e >= limit || toks[e].text === ',' || toks[e].text === ':' || clauseStartsAt(toks, e) || ctx.dates.some((x) => x.start === toks[e].start))) {
        i = e;
        continue;
      }
    }
    if (['in', 'on', 'at', 'during', 'via', 'through', 'to', 'with', 'after', 'before', 'from'].includes(t.lower) && !t.quoted) {
      // only when a "that" or a colon follows the phrase; else the preposition starts the content
      let j = i + 1;
      while (j < limit && j < i + 6 && toks[j].word && !toks[j].quoted && toks[j].lower !== 'that') j++;
      const quoteNext = isQuoteMark(toks[j + 1] ?? toks[j]) || !!toks[j + 1]?.quoted;
      if (toks[j]?.lower === 'that' || ((toks[j]?.text === ':' || toks[j]?.text === ',') && quoteNext)) {
        i = j;
        continue;
      }
    }
    break;
  }
  return i;
}

/** Where a cue's content ends: the sentence end, a semicolon, or just before the next cue's own subject. */
function clauseLimit(toks: Token[], hit: CueHit, next: CueHit | undefined): number {
  let end = toks.length;
  while (end > hit.end && (SENT_END.test(toks[end - 1].text) || isQuoteMark(toks[end - 1]) && !toks[end - 1].quoted && false)) end--;
  // (only up to the next cue: "A denied X, but ... he claimed Y; B claimed Z" ends where "he claimed" begins)
  for (let i = hit.end; i < (next && next.i < end ? next.i : end); i++) {
    if (toks[i].quoted) continue;
    if (toks[i].text === ';') return i;
    // "said that A, and that B": the second clause is a statement of its own
    if (toks[i].text === ',' && (toks[i + 1]?.lower === 'and' || toks[i + 1]?.lower === 'but') && toks[i + 2]?.lower === 'that') return i;
    // "said that A but that “B”"
    if ((toks[i].lower === 'and' || toks[i].lower === 'but') && toks[i + 1]?.lower === 'that' && i > hit.end + 2) return i;
    // "denied all claims that X was slain, however, a report concluded": a contrast starts a new statement
    if (toks[i].text === ',' && CONTRAST.has(toks[i + 1]?.lower ?? '')) return i;
  }
  if (next && next.i < end) {
    // back off over the next cue's subject and its joining "and" / comma
    let j = next.i;
    while (j > hit.end && AUX.has(toks[j - 1].lower)) j--;
    const prev = toks[j - 1];
    if (prev && (prev.lower === 'and' || prev.text === ',' || prev.lower === 'by')) {
      j--;
      if (toks[j - 1]?.text === ',') j--;
      return Math.max(hit.end, j);
    }
    // "..., according to X", "..., X said", "A and several said B": the next cue's clause starts at the last
    // comma or "and" before its subject
    for (let k = next.i - 1; k > hit.end && k >= next.i - 8; k--) {
      if ((toks[k].text === ',' || toks[k].lower === 'and' || toks[k].text === ';') && !toks[k].quoted) return k;
    }
    // "denied any contact, but upon learning the results he claimed ...": a new coordinated clause further back
    for (let k = next.i - 1; k > hit.end + 1; k--) {
      if (toks[k].text === ',' && !toks[k].quoted && ['but', 'and', 'while', 'whereas', 'yet'].includes(toks[k + 1]?.lower ?? '')) return k;
    }
    return next.i;
  }
  return end;
}

/** Statements for a content region: its quotations (direct), or the clause itself (indirect). */
function contentStatements(
  ctx: StatementContext,
  si: number,
  hit: CueHit,
  ref: SpeakerRef,
  content: Content,
  used: Set<Quote>,
  rule: string,
): RawStatement[] {
  const toks = ctx.sentences[si].tokens;
  const a = toks[content.startTok].start;
  const b = toks[content.endTok - 1].end;
  const out: RawStatement[] = [];
  const quotes = ctx.quotes.filter((q) => q.open >= a - 1 && q.open < b && !used.has(q));
  const clause = trimSpan(ctx.body, a, b);
  if (quotes.length) {
    // X said: "...", X said that "...", or a partial quotation inside reported speech; the first quotation
    // after "said:" may run past the sentence (unclosed or multi-sentence)
    const mixed = !content.leadingQuote || quotes.length > 1 || ctx.body.slice(quotes[0].end, b).replace(/[\s"“”.,!?']/g, '').length > 0;
    for (const q of quotes) {
      used.add(q);
      out.push(make(ctx, ref, 'direct', q, hit, si, content.leadingQuote ? `${rule}-quote` : `${rule}-partial-quote`, hit.form.confidence, mixed ? clause : null));
      for (const key of ref.keys.slice(1)) out.push({ ...out[out.length - 1], speakerKey: key });
    }
    // "X said: “A.” “B.”": quotations that follow in the same paragraph with nothing but punctuation between
    let last = quotes[quotes.length - 1];
    for (const q of ctx.quotes) {
      if (q.open <= last.open || used.has(q) || q.para !== last.para) continue;
      const gap = ctx.body.slice(last.close >= 0 ? last.close + 1 : last.end, q.open);
      if (!/^[\s,.;“”"]*(?:and(?: that)?|but|then)?[\s,“”"]*$/.test(gap)) break;
      // "X said the plan was “bold”. “We ...,” she told Y.": a quotation that starts its own attributed sentence
      if (/[.!?]/.test(gap) && quoteHasOwnCue(ctx, q)) break;
      used.add(q);
      out.push(make(ctx, ref, 'direct', q, hit, si, `${rule}-quote`, hit.form.confidence, null));
      last = q;
    }
    return out;
  }
  if (hit.form.kind === 'stance' || hit.form.needsQuote) return out;
  // a quotation already attributed sits in this region: the region is not reported speech of its own
  if (ctx.quotes.some((q) => q.open >= a - 1 && q.open < b)) return out;
  // "called for calm" is a whole directive; a reported clause shorter than a few words is a fragment
  if (!clause || clause.end - clause.start < (hit.form.kind === 'directive' ? 3 : 8)) return out;
  // "announced the schedule in a press release": without "that", a verb that reports clauses needs one
  if (!content.hadThat && !hit.form.npObject && rule !== 'clause-then-cue' && !participleObject(toks, hit, content) && !looksLikeClause(ctx.body.slice(clause.start, clause.end).split(/\s+/), 9, true)) return out;
  // "announced a naval coalition to patrol the gulf which was joined by ...": a reported noun phrase ends before
  // a relative clause about it
  let span = clause;
  if (!content.hadThat && hit.form.npObject) {
    const rel = /,?\s+(?:which|who)\s/.exec(ctx.body.slice(clause.start, clause.end));
    if (rel && rel.index > 8 && !looksLikeClause(ctx.body.slice(clause.start, clause.start + rel.index).split(/\s+/), 9, true)) span = { start: clause.start, end: clause.start + rel.index };
  }
  // "this is a ploy to win, meaning the country would ...": a participle that explains the reported clause in the
  // article's voice ends the content (consequences such as "leading to" are often the speaker's own reasoning and stay)
  const adjunct = /,\s+(\w+ing)\b/.exec(ctx.body.slice(span.start, span.end));
  if (adjunct && adjunct.index > 20 && COMMENT_PARTICIPLES.has(adjunct[1].toLowerCase()) && looksLikeClause(ctx.body.slice(span.start, span.start + adjunct.index).split(/\s+/), 9, true)) span = { start: span.start, end: span.start + adjunct.index };
  // "According to X, A: “B.”": handled by the caller; here the clause is the reported content
  const st = make(ctx, ref, 'indirect', span, hit, si, `${rule}-clause`, hit.form.confidence * (content.hadThat ? 1 : 0.95), null);
  out.push(st);
  for (const key of ref.keys.slice(1)) out.push({ ...st, speakerKey: key });
  return out;
}

const COMMENT_PARTICIPLES = new Set(['meaning']);
const PREPOSITION_LIKE_ING = new Set(['during', 'including', 'according', 'regarding', 'concerning', 'following', 'excluding', 'notwithstanding']);

/** "reported some property sellers offering discounts": a short noun phrase and a participle reports what it does. */
function participleObject(toks: Token[], hit: CueHit, content: Content): boolean {
  if (!hit.form.participleObject) return false;
  const a = content.startTok;
  // "a plane, reported by local press as belonging to", "was reported to be": passives report nothing
  if (PREPOSITION_WORDS.has(toks[a].lower) || toks[a].lower === 'as' || BE.has(toks[hit.i - 1]?.lower ?? '')) return false;
  for (let j = a + 1; j < content.endTok && j <= a + 5; j++) {
    const t = toks[j];
    if (!t.word || t.quoted) return false;
    // ("the building of a hospital" is a noun)
    if (/ing$/.test(t.lower) && !t.cap && t.lower.length > 5) return !CLAUSE_DETERMINERS.has(toks[j - 1].lower) && toks[j + 1]?.lower !== 'of' && !PREPOSITION_LIKE_ING.has(t.lower);
  }
  return false;
}

/** Whether the sentence a quotation opens has a cue of its own outside quotation marks ("“...,” she told Y."). */
function quoteHasOwnCue(ctx: StatementContext, q: Quote): boolean {
  const s = ctx.sentences.find((x) => x.field === 'body' && x.start <= q.open && q.open < x.end);
  if (!s) return false;
  const out = s.tokens.filter((t) => !t.quoted && t.start > (q.close >= 0 ? q.close : q.end));
  return findCues(out).length > 0;
}

/** Trims spaces, a leading "that" and trailing punctuation from a clause span. */
function trimSpan(body: string, a: number, b: number): Span | null {
  let s = a;
  let e = b;
  const text = () => body.slice(s, e);
  while (s < e && /[\s,:;—–-]/.test(body[s])) s++;
  if (/^that\s/i.test(text())) s += 5;
  while (e > s && /[\s,.;:—–-]/.test(body[e - 1])) e--;
  if (e <= s) return null;
  return { start: s, end: e };
}

/** "CLAUSE, X said." / "CLAUSE, said X" / "CLAUSE, reported officials, with ...": the content precedes the cue. */
function invertedClause(ctx: StatementContext, si: number, hit: CueHit, consumed: number): { ref: SpeakerRef; content: Content } | null {
  const toks = ctx.sentences[si].tokens;
  // the comma that closes the clause, with at most a short speaker phrase after it
  let c = hit.i - 1;
  while (c >= consumed && AUX.has(toks[c].lower)) c--;
  let np: SpeakerRef | null = null;
  if (toks[c]?.text !== ',') {
    let k = c;
    while (k > consumed && toks[k].text !== ',' && hit.i - k <= 7 && toks[k].word && !toks[k].quoted) k--;
    if (toks[k]?.text !== ',' || k === c) return null;
    np = parseSpeaker(ctx, si, k + 1, c + 1);
    if (!np || np.tokEnd < c + 1) return null;
    c = k;
  }
  if (c - consumed < 2) return null;
  // "Speaking to NBC News, she said, “...”": the quotation after the cue is what was said
  let q = hit.end;
  while (toks[q] && (toks[q].text === ',' || toks[q].text === ':')) q++;
  if (toks[q] && (toks[q].quoted || isQuoteMark(toks[q])) && q > hit.end) return null;
  // an introductory phrase ("Speaking to X,", "In a statement,") is no clause
  const lead = toks[consumed];
  const oneSegment = !toks.slice(consumed, c).some((x) => x.text === ',' && !x.quoted);
  if (lead && oneSegment && (SUBORDINATORS.has(lead.lower) || /ing$/.test(lead.lower))) return null;
  // the clause must end the sentence, or be followed only by a date, an aside or a new clause
  let after = hit.end;
  if (!np) {
    // "..., told Reuters": after "told" comes the addressee, never the speaker
    if (hit.form.object) return null;
    np = speakerAfter(ctx, si, hit.end);
    if (!np) return null;
    after = np.tokEnd;
  }
  // "..., Chief Executive X told Reuters in an interview.": the addressee
  if (hit.form.object && after === hit.end) after = addresseeEnd(ctx, si, toks, after, toks.length);
  after = skipAdverbials(ctx, toks, after, toks.length, si);
  // "..., the company said in a statement on Monday.": a short trailing phrase after the attribution
  if (['in', 'on', 'at', 'during', 'via', 'to', 'after', 'before', 'from', 'late', 'early'].includes(toks[after]?.lower ?? '')) {
    let e = after;
    while (e < toks.length && !SENT_END.test(toks[e].text) && toks[e].text !== ',' && e - after < 9 && !toks[e].quoted) e++;
    if (e - after < 9) after = e;
  }
  const t = toks[after];
  if (t && !SENT_END.test(t.text) && t.text !== ',' && t.text !== '—' && t.text !== '–' && t.text !== ';' && !isQuoteMark(t)) return null;
  // the content runs from the clause start to the comma
  let start = consumed;
  // "..., according to police, who said ...": a clause cannot start inside another statement
  if (toks.slice(start, c).every((x) => x.quoted || !x.word)) return null;
  return { ref: np, content: { startTok: start, endTok: c, leadingQuote: false, hadThat: false } };
}

/** "As the ministry communicated, CLAUSE", "CLAUSE, as X said", "As reported by X, CLAUSE": an attribution in an "as" clause. */
function asAttribution(ctx: StatementContext, si: number, hit: CueHit, next: CueHit | undefined, consumed: number): { ref: SpeakerRef; content: Content; consumedTo: number } | null {
  const toks = ctx.sentences[si].tokens;
  let a = hit.i - 1;
  while (a >= consumed && toks[a].text !== ',' && toks[a].lower !== 'as' && hit.i - a <= 8) a--;
  if (a < consumed || toks[a].lower !== 'as' || toks[a].quoted) return null;
  const initial = toks.slice(consumed, a).every((t) => !t.word);
  if (!initial && toks[a - 1]?.text !== ',') return null;
  let ref: SpeakerRef | null = null;
  let after = hit.end;
  if (a === hit.i - 1) {
    // "As reported by X,"
    if (toks[after]?.lower !== 'by') return null;
    let e = after + 1;
    while (e < toks.length && toks[e].text !== ',' && !SENT_END.test(toks[e].text)) e++;
    ref = parseSpeaker(ctx, si, after + 1, e);
    after = ref ? ref.tokEnd : after;
  } else {
    let to = hit.i;
    while (to > a + 1 && AUX.has(toks[to - 1].lower)) to--;
    ref = parseSpeaker(ctx, si, a + 1, to);
    if (ref && ref.tokEnd < to) ref = null;
  }
  if (!ref) return null;
  after = skipAdverbials(ctx, toks, after, toks.length, si);
  const t = toks[after];
  if (initial) {
    if (t?.text !== ',') return null;
    const limit = clauseLimit(toks, { ...hit, end: after + 1 }, next);
    if (limit - after < 3) return null;
    return { ref, content: { startTok: after + 1, endTok: limit, leadingQuote: isQuoteMark(toks[after + 1]), hadThat: false }, consumedTo: limit };
  }
  if (t && !SENT_END.test(t.text) && t.text !== ',') return null;
  if (a - 1 - consumed < 3) return null;
  return { ref, content: { startTok: consumed, endTok: a - 1, leadingQuote: false, hadThat: false }, consumedTo: after };
}

/** "According to X, CLAUSE" and "CLAUSE, according to X". */
function accordingTo(ctx: StatementContext, si: number, hit: CueHit, next: CueHit | undefined, consumed: number, used: Set<Quote>): Made | null {
  const toks = ctx.sentences[si].tokens;
  // the source: up to the next comma, colon or sentence end ("According to data from the Gun Violence Archive,")
  let npEnd = hit.end;
  while (npEnd < toks.length && toks[npEnd].text !== ',' && toks[npEnd].text !== ':' && !SENT_END.test(toks[npEnd].text) && !toks[npEnd].quoted) npEnd++;
  let ref = parseSpeaker(ctx, si, hit.end, npEnd);
  if (!ref) return null;
    let after = Math.max(npEnd, ref.tokEnd);
  const initial = hit.i <= consumed || toks.slice(consumed, hit.i).every((t) => !t.word);
  if (initial) {
    // skip the appositive and date segments after the source: "According to the El Paso mayor, Dee Margo, during the weekend,"
    while (toks[after]?.text === ',') {
      let j = after + 1;
      while (j < toks.length && toks[j].text !== ',' && !SENT_END.test(toks[j].text)) j++;
      const seg: [number, number] = [after + 1, j];
      const isName = ctx.index.bySentence[si].some((m) => m.tokStart === seg[0] && m.tokEnd === seg[1]);
      if (toks[j]?.text === ',' && (isName || isDateOnly(ctx, toks, seg[0], seg[1]))) after = j;
      else break;
    }
    let start = after;
    while (start < toks.length && (toks[start].text === ',' || toks[start].text === ':')) start++;
    const limit = clauseLimit(toks, { ...hit, end: start }, next);
    if (start >= limit) return { statements: [], speaker: ref, consumedTo: after };
    // "According to the Post, X told them ...": the next cue's subject alone is no reported clause
    if (next && limit >= next.i - 8 && !isQuoteMark(toks[start]) && !looksLikeClause(toks.slice(start, limit).map((t) => t.text), limit - start + 1, true)) return { statements: [], speaker: ref, consumedTo: after };
    const content: Content = { startTok: start, endTok: limit, leadingQuote: isQuoteMark(toks[start]), hadThat: false };
    return { statements: accordingContent(ctx, si, hit, ref, content, used), speaker: ref, consumedTo: limit };
  }
  // "A, but, according to X, B." / "On Sunday in London, according to X, a man ...": a parenthetical source after a
  // conjunction or an opening phrase reports the clause after it
  if (toks[hit.i - 1]?.text === ',' && toks[after]?.text === ',') {
    const limit = clauseLimit(toks, { ...hit, end: after + 1 }, next);
    let p = hit.i - 2;
    while (p >= consumed && !toks[p].word) p--;
    const pre = toks.slice(consumed, hit.i - 1).filter((t) => !t.quoted).map((t) => t.text);
    const post = toks.slice(after + 1, limit).map((t) => t.text);
    const afterConjunction = p >= consumed && PARENTHETICAL_AFTER.has(toks[p].lower);
    // "killed 62, including, according to X, 54 children", "One child was, according to X, among the dead": the
    // source interrupts a phrase; neither side is a clause it reports
    const midPhrase = p >= consumed && (PREPOSITION_WORDS.has(toks[p].lower) || BE.has(toks[p].lower) || AUX.has(toks[p].lower) || toks[p].lower === 'including');
    if (midPhrase && !(post.length >= 3 && looksLikeClause(post, 12, true))) return { statements: [], speaker: ref, consumedTo: limit };
    if (post.length >= 3 && (afterConjunction || midPhrase || !looksLikeClause(pre, pre.length, true)) && looksLikeClause(post, 12, true)) {
      const content: Content = { startTok: after + 1, endTok: limit, leadingQuote: isQuoteMark(toks[after + 1]), hadThat: false };
      const statements = accordingContent(ctx, si, hit, ref, content, used);
      // the phrase before the source sets the scene of what happened ("On Sunday in London"), not of the report
      if (consumed < hit.i - 1) for (const st of statements) st.excluded.push({ start: toks[consumed].start, end: toks[hit.i - 1].end });
      return { statements, speaker: ref, consumedTo: limit };
    }
  }
  // "CLAUSE, according to X": the content is what precedes
  let c = hit.i - 1;
  if (toks[c]?.text !== ',' && toks[c]?.text !== '(') {
    // "... averaged around 50% according to the agency's figures.": no comma, but the source ends the sentence
    const ends = after >= toks.length || SENT_END.test(toks[after].text);
    if (!ends || hit.i - consumed < 6) return null;
    c = hit.i;
  }
  const content: Content = { startTok: consumed, endTok: c, leadingQuote: false, hadThat: false };
  if (c - consumed < 3) return null;
  return { statements: accordingContent(ctx, si, hit, ref, content, used), speaker: ref, consumedTo: after };
}

/** "According to X, A: “B”": A is reported speech and B a quotation of the same source. */
function accordingContent(ctx: StatementContext, si: number, hit: CueHit, ref: SpeakerRef, content: Content, used: Set<Quote>): RawStatement[] {
  return colonSplit(ctx, si, hit, ref, content, used, 'according-to');
}

/** "X told the press A: “B.”" and "According to X, A: “B”": A is reported speech and B a quotation of the same speaker. */
function colonSplit(ctx: StatementContext, si: number, hit: CueHit, ref: SpeakerRef, content: Content, used: Set<Quote>, rule: string): RawStatement[] {
  const toks = ctx.sentences[si].tokens;
  const colon = toks.findIndex((t, k) => k > content.startTok + 2 && k < content.endTok && t.text === ':' && !t.quoted && (isQuoteMark(toks[k + 1] ?? t) || toks[k + 1]?.quoted));
  if (colon < 0 || toks.slice(content.startTok, colon).some((t) => t.quoted)) return contentStatements(ctx, si, hit, ref, content, used, rule);
  return [
    ...contentStatements(ctx, si, hit, ref, { ...content, endTok: colon }, used, rule),
    ...contentStatements(ctx, si, hit, ref, { ...content, startTok: colon + 1, leadingQuote: true }, used, rule),
  ];
}

/** Records the subject of each sentence (and of reported clauses) so later pronouns can find it. */
function noteSubject(ctx: StatementContext, si: number, hits: CueHit[]) {
  // a sentence that names no actor and no unnamed source has no subject a pronoun could point back to
  const toks = ctx.sentences[si].tokens;
  if (!ctx.index.bySentence[si]?.length && !toks.some((t) => LEXICON.pluralSources.has(t.lower) || LEXICON.singularSources.has(t.lower))) return;
  ctx.dry = true;
  try {
    noteSubjectDry(ctx, si, hits);
  } finally {
    ctx.dry = false;
  }
}

function noteSubjectDry(ctx: StatementContext, si: number, hits: CueHit[]) {
  const toks = ctx.sentences[si].tokens;
  const ref = sentenceSubject(ctx, si, toks.length);
  if (!ref || ref.via === 'pronoun') return;
  const key = ref.keys[0];
  const a = ctx.index.actors.get(key) ?? ctx.pendingGroups.get(key);
  if (!a) return;
  const pos = toks[ref.tokStart].start;
  // a sentence whose verb is a cue was a speech act: its date can pass on to the next pronoun
  const isSpeech = hits.length > 0 && hits[0].i >= ref.tokEnd && hits[0].i - ref.tokEnd < 12;
  // "Yesterday, the prime minister reaffirmed his support. He assured that ...": the same occasion, if close by
  const date = isSpeech ? clauseDate(ctx, toks, 0, hits[0].i) : hits.length ? null : mainClauseDate(ctx, si);
  addSalient(ctx, { pos, key, type: a.type, plural: isPluralActor(a), date, speaker: false, datePara: isSpeech ? undefined : ctx.sentences[si].para });
  // the subject of a reported clause ("revealed that in December, Crown Prince X accepted"): dated by that clause
  for (const h of hits) {
    let i = h.end;
    if (toks[i]?.lower !== 'that') continue;
    i++;
    const segs = segments(toks, i, toks.length);
    for (const [a2, b2] of segs) {
      if (isDateOnly(ctx, toks, a2, b2) || SUBORDINATORS.has(toks[a2].lower)) continue;
      const inner = parseSpeaker(ctx, si, a2, b2);
      const ia = inner && inner.via !== 'pronoun' ? ctx.index.actors.get(inner.keys[0]) ?? ctx.pendingGroups.get(inner.keys[0]) : undefined;
      if (ia) {
        const p = toks[inner!.tokStart].start;
        addSalient(ctx, { pos: p, key: ia.key, type: ia.type, plural: isPluralActor(ia), date: clauseDate(ctx, toks, i, b2), speaker: false });
      }
      break;
    }
  }
}

/** A date opening the sentence or right after its verb ("Yesterday, X ...", "X on Tuesday ..."), outside relative clauses. */
function mainClauseDate(ctx: StatementContext, si: number) {
  const toks = ctx.sentences[si].tokens;
  const lead = clauseDate(ctx, toks, 0, Math.min(toks.length, 4));
  return lead && toks[0] && ctx.dates.some((d) => d.start === toks[0].start || d.start === toks[1]?.start) ? lead : null;
}

/** The first date expression in toks[a, b) (outside quotations), as a DateValue. */
function clauseDate(ctx: StatementContext, toks: Token[], a: number, b: number) {
  if (a >= b || !toks[a]) return null;
  const start = toks[a].start;
  const end = toks[Math.min(b, toks.length) - 1].end;
  const d = ctx.dates.find((x) => x.start >= start && x.end <= end && !toks.some((t) => t.quoted && t.start <= x.start && x.start < t.end));
  return d ? { date: d.date, precision: d.precision, text: d.text } : null;
}

/**
 * Quotations no cue claimed: the next quoted sentence of a speaker ("“A,” she said. “B.”"), a quote that continues
 * an unclosed one from the previous paragraph, a quoted paragraph right after a speaker's quotation.
 * Sub-headings (a short quoted paragraph) and scare quotes stay unattributed and are skipped.
 */
function attachLooseQuotes(ctx: StatementContext, out: RawStatement[], used: Set<Quote>) {
  const bySpan = [...out].sort((a, b) => a.span.start - b.span.start);
  for (const q of ctx.quotes) {
    if (used.has(q)) continue;
    const para = ctx.body.slice(paraStart(ctx, q), paraEnd(ctx, q));
    const words = ctx.body.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
    const wholePara = para.replace(/^[\s“"]+|[\s”".,]+$/g, '') === ctx.body.slice(q.start, q.end).replace(/[\s”".,]+$/g, '');
    if (wholePara && words < 8 && !/[.!?]["”]?\s*$/.test(para)) continue; // a quoted sub-heading
    const startsSentence = ctx.sentences.some((s) => s.field === 'body' && (s.start === q.open || s.start === q.start));
    if (!startsSentence || words < 2) continue; // scare quotes and titles
    // the previous statement in the same paragraph (or, for a continued or quoted paragraph, the one before)
    const prev = bySpan.filter((s) => s.span.end <= q.open).pop();
    if (!prev || prev.kind !== 'direct') continue;
    const prevPara = ctx.sentences[prev.sentence].para;
    const samePara = prevPara === q.para;
    const nextPara = prevPara === q.para - 1 && (q.continues || wholePara);
    if (!samePara && !nextPara) continue;
    // another actor named between the two quotations may be the new speaker: then leave it
    const between = ctx.index.mentions.filter((m) => m.field === 'body' && m.start > prev.span.end && m.end < q.open && ctx.index.actors.get(m.actorKey)?.type === 'person' && m.actorKey !== prev.speakerKey);
    if (between.length) continue;
    used.add(q);
    const st: RawStatement = {
      ...prev,
      kind: 'direct',
      span: { start: q.start, end: q.end },
      rule: q.continues ? 'continued-quote' : samePara ? 'next-quoted-sentence' : 'quoted-paragraph-after-quote',
      confidence: Math.round(prev.confidence * (samePara ? 0.85 : 0.7) * 100) / 100,
      clause: null,
      continues: out.indexOf(prev),
      sentence: ctx.sentences.findIndex((s) => s.field === 'body' && s.start <= q.start && q.start < s.end),
    };
    out.push(st);
    bySpan.push(st);
    bySpan.sort((a, b) => a.span.start - b.span.start);
  }
}

const paraStart = (ctx: StatementContext, q: Quote) => ctx.sentences.find((s) => s.field === 'body' && s.para === q.para)?.start ?? q.open;
const paraEnd = (ctx: StatementContext, q: Quote) => {
  const ss = ctx.sentences.filter((s) => s.field === 'body' && s.para === q.para);
  return ss[ss.length - 1]?.end ?? q.end;
};

export { antecedent };
