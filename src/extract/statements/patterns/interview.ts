// Interview transcripts: "((Name)) answer" or "Name: answer" turns; each paragraph of an answer is a statement.

import { tokenFrom } from '../../document.js';
import { actorKey } from '../../resources.js';
import type { ActorDraft } from '../../types.js';
import type { Unit } from '../units.js';
import { trimmed, type PatternContext, type Proposal } from '../proposal.js';

const TURN = /^(?:\(\(([^)]{1,60})\)\)|([\p{Lu}@][\p{L}\p{N}_.'’ -]{0,45}):)\s*/u;
// interviewers' labels: the outlet, or Q
const INTERVIEWER = /^(?:wn|wikinews|q|question|interviewer|int)$/i;

export function interviewTurns(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const out: Proposal[] = [];
  const paras = doc.article.paragraphs;
  const turns = paras.map((p) => TURN.exec(doc.body.slice(p.start, p.end)));
  // a label is a name ("Maria Okafor", "President Vladimir Putin", "@user"), not the start of a sentence ("At 2:", "The third was:")
  paras.forEach((_, pi) => {
    const m = turns[pi];
    if (m && !looksLikeName(ctx, (m[1] ?? m[2]).trim())) turns[pi] = null;
  });
  // who asks: a label whose turns are mostly questions is the interviewer's
  const asks = new Map<string, [number, number]>();
  paras.forEach((p, pi) => {
    const m = turns[pi];
    if (!m) return;
    const label = (m[1] ?? m[2]).trim();
    const n = asks.get(label) ?? [0, 0];
    n[1]++;
    if (/\?\s*$/.test(doc.body.slice(p.start, p.end))) n[0]++;
    asks.set(label, n);
  });
  // one labelled paragraph is a heading, not a transcript, unless its label names a person of the article
  const labelled = turns.filter(Boolean) as RegExpExecArray[];
  const isInterviewer = (label: string) => {
    const [questions, all] = asks.get(label) ?? [0, 1];
    return INTERVIEWER.test(label) || label.toLowerCase() === (doc.article.source ?? '').toLowerCase() || (all >= 2 && questions / all >= 0.5);
  };
  // a transcript whose questions are labelled (or are short paragraphs ending in "?") and whose answers are not
  if (labelled.every((m) => isInterviewer((m[1] ?? m[2]).trim()))) {
    return questionLed(ctx, paras.map((p, pi) => (turns[pi] ? true : /\?\s*$/.test(doc.body.slice(p.start, p.end)) && p.end - p.start < 400)), turns.map((m) => !!m));
  }
  if (labelled.length === 1) {
    const label = (labelled[0][1] ?? labelled[0][2]).trim();
    const unit = labelUnit(ctx, label, 0, actorsByWord(ctx));
    if (unit.type !== 'person' || unit.makes || label.split(/\s+/).length < 2) return out;
  }
  let speaker: Unit | null = null;
  const byWord = actorsByWord(ctx);
  paras.forEach((p, pi) => {
    const m = turns[pi];
    const text = doc.body.slice(p.start, p.end);
    if (m) {
      const label = (m[1] ?? m[2]).trim();
      if (isInterviewer(label)) {
        speaker = null;
        return;
      }
      const unit = labelUnit(ctx, label, pi, byWord);
      const span = trimmed(doc.body, p.start + m[0].length, p.end, true);
      const handle = label.startsWith('@');
      if (span) out.push(proposal(ctx, span, unit, [handle ? 'handle' : 'labelled']));
      // a posted message ("@user: ...") is one paragraph; an interview answer may run on
      speaker = handle ? null : unit;
      return;
    }
    // an unlabelled paragraph after an answer continues it, until a question
    if (speaker && !/\?\s*$/.test(text)) {
      const span = trimmed(doc.body, p.start, p.end, true);
      if (span) out.push(proposal(ctx, span, speaker, ['continued']));
    } else speaker = null;
  });
  return out;
}

function proposal(ctx: PatternContext, span: { start: number; end: number }, unit: Unit, flags: string[]): Proposal {
  const si = ctx.doc.tokens[tokenFrom(ctx.doc, span.start)]?.sentence ?? unit.sentence;
  return { rule: 'interview-turn', kind: 'direct', span, sentence: si, cue: null, candidates: [{ unit: { ...unit, sentence: si }, relation: 'label' }], flags };
}

/** The actors (in the article's order) by each word of their names and aliases, lower case. */
function actorsByWord(ctx: PatternContext): Map<string, ActorDraft[]> {
  const out = new Map<string, ActorDraft[]>();
  for (const a of ctx.index.actors.values()) {
    for (const w of new Set([a.name, ...a.aliases].flatMap((n) => n.toLowerCase().split(/\s+/)))) {
      const list = out.get(w);
      if (list) list.push(a);
      else out.set(w, [a]);
    }
  }
  return out;
}

/**
 * The actor a turn label names: an actor whose name or alias contains it, else a person named by the label. Only the
 * actors sharing the label's rarest word are tried (a transcript of thousands of turns would otherwise try every
 * actor for each turn); among them, the first in the article's order, as a pass over all would find.
 */
function labelUnit(ctx: PatternContext, label: string, para: number, byWord: Map<string, ActorDraft[]>): Unit {
  const words = label.toLowerCase().split(/\s+/);
  let tried: ActorDraft[] = [];
  for (const w of words) {
    const list = byWord.get(w) ?? [];
    if (w === words[0] || list.length < tried.length) tried = list;
  }
  for (const a of tried) {
    const names = [a.name, ...a.aliases].map((n) => n.toLowerCase());
    if (names.some((n) => n === label.toLowerCase() || words.every((w) => n.split(/\s+/).includes(w)))) {
      return { tokStart: 0, tokEnd: 0, sentence: 0, key: a.key, type: a.type, via: 'name', head: words[words.length - 1] };
    }
  }
  const key = actorKey('person', label);
  void para;
  return { tokStart: 0, tokEnd: 0, sentence: 0, key, type: 'person', via: 'name', head: words[words.length - 1], makes: { key, name: label, type: 'person', role: null, affiliationKey: null, aliases: [label] } };
}

/** Whether a turn label reads as a name: a handle, or at most six capitalised words, no digits, not a function word first. */
function looksLikeName(ctx: PatternContext, label: string): boolean {
  if (/^@[\p{L}\p{N}_]{2,30}$/u.test(label)) return true;
  const words = label.split(/\s+/).filter(Boolean);
  // "Gary Johnson Image:", "Photo:": a caption, not a speaker
  if (/^(?:image|photo|photograph|picture|video|caption|credit|source|update|note)s?$/i.test(words[words.length - 1] ?? '')) return false;
  if (!words.length || words.length > 6 || /\d/.test(label)) return false;
  if (ctx.lex.functionWords.has(words[0].toLowerCase()) && !INTERVIEWER.test(words[0])) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && ctx.lex.nameConnectors.has(w.toLowerCase())));
}

/**
 * "((WN)) Why did it fail?" then "MS The steel was older ...": the answers after each question are the interviewee's,
 * named by initials or a name opening the answer, else the person the article mentions most.
 */
function questionLed(ctx: PatternContext, question: boolean[], labelledQuestion: boolean[]): Proposal[] {
  const { doc } = ctx;
  const paras = doc.article.paragraphs;
  const first = question.indexOf(true);
  // two questions at least, one of them labelled or both followed by answers: a transcript, not rhetorical questions
  const answered = question.filter((q, i) => q && question[i + 1] === false).length;
  if (first < 0 || answered < 2 || (!labelledQuestion.some(Boolean) && answered < 3)) return [];
  const persons = [...ctx.index.actors.values()].filter((a) => a.type === 'person');
  const count = new Map<string, number>();
  for (const m of ctx.index.mentions) count.set(m.actorKey, (count.get(m.actorKey) ?? 0) + 1);
  const top = persons.sort((a, b) => (count.get(b.key) ?? 0) - (count.get(a.key) ?? 0))[0];
  const initials = (name: string) => name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  // looked up per answer rather than searched for: the first person (in the order above) by initials, and the persons
  // by the first word of their name (an answer opening with a name opens with its first word)
  const byInitials = new Map<string, ActorDraft>();
  for (const a of persons) if (!byInitials.has(initials(a.name))) byInitials.set(initials(a.name), a);
  const firstWord = (s: string) => (s.includes(' ') ? s.slice(0, s.indexOf(' ')) : s);
  const byFirstWord = new Map<string, ActorDraft[]>();
  for (const a of persons) {
    const list = byFirstWord.get(firstWord(a.name));
    if (list) list.push(a);
    else byFirstWord.set(firstWord(a.name), [a]);
  }
  const out: Proposal[] = [];
  for (let pi = first + 1; pi < paras.length; pi++) {
    if (question[pi]) continue;
    const p = paras[pi];
    const text = doc.body.slice(p.start, p.end);
    // an answer may open with its speaker's initials or name ("MS We did not ...", "Michael Siegel I am ...")
    let skip = 0;
    let who = top;
    const lead = /^([\p{Lu}]{2,4})\s+/u.exec(text);
    const initialled = lead ? byInitials.get(lead[1]) : undefined;
    if (lead && initialled) ((skip = lead[0].length), (who = initialled));
    else {
      const named = (byFirstWord.get(firstWord(text)) ?? []).find((a) => text.startsWith(`${a.name} `));
      if (named) ((skip = named.name.length + 1), (who = named));
    }
    if (!who) continue;
    const span = trimmed(doc.body, p.start + skip, p.end, true);
    if (!span) continue;
    const unit: Unit = { tokStart: 0, tokEnd: 0, sentence: 0, key: who.key, type: 'person', via: 'name', head: who.name.toLowerCase() };
    out.push(proposal(ctx, span, unit, [skip ? 'answer-labelled' : 'answer']));
  }
  return out;
}
