// Interview transcripts: "((Name)) answer" or "Name: answer" turns; each paragraph of an answer is a statement.

import { actorKey } from '../../resources.js';
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
  if (labelled.length === 0) return out;
  if (labelled.length === 1) {
    const label = (labelled[0][1] ?? labelled[0][2]).trim();
    const unit = labelUnit(ctx, label, 0);
    if (unit.type !== 'person' || unit.makes || label.split(/\s+/).length < 2) return out;
  }
  let speaker: Unit | null = null;
  paras.forEach((p, pi) => {
    const m = turns[pi];
    const text = doc.body.slice(p.start, p.end);
    if (m) {
      const label = (m[1] ?? m[2]).trim();
      const [questions, all] = asks.get(label) ?? [0, 1];
      if (INTERVIEWER.test(label) || label.toLowerCase() === (doc.article.source ?? '').toLowerCase() || (all >= 2 && questions / all >= 0.5)) {
        speaker = null;
        return;
      }
      const unit = labelUnit(ctx, label, pi);
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
  const si = ctx.doc.tokens.find((t) => t.start >= span.start)?.sentence ?? unit.sentence;
  return { rule: 'interview-turn', kind: 'direct', span, sentence: si, cue: null, candidates: [{ unit: { ...unit, sentence: si }, relation: 'label' }], flags };
}

/** The actor a turn label names: an actor whose name or alias contains it, else a person named by the label. */
function labelUnit(ctx: PatternContext, label: string, para: number): Unit {
  const words = label.toLowerCase().split(/\s+/);
  for (const a of ctx.index.actors.values()) {
    const names = [a.name, ...a.aliases].map((n) => n.toLowerCase());
    if (names.some((n) => n === label.toLowerCase() || words.every((w) => n.split(/\s+/).includes(w)))) {
      return { tokStart: 0, tokEnd: 0, sentence: 0, key: a.key, type: a.type, via: 'name', head: words[words.length - 1] };
    }
  }
  const key = actorKey('person', label);
  void para;
  return { tokStart: 0, tokEnd: 0, sentence: 0, key, type: 'person', via: 'name', head: words[words.length - 1], makes: { key, name: label, type: 'person', role: null, affiliationKey: null, aliases: [label] } };
}

const NAME_PARTICLES = new Set(['de', 'da', 'del', 'van', 'von', 'der', 'bin', 'al', 'el', 'la', 'le', 'of', 'the']);

/** Whether a turn label reads as a name: a handle, or at most six capitalised words, no digits, not a function word first. */
function looksLikeName(ctx: PatternContext, label: string): boolean {
  if (/^@[\p{L}\p{N}_]{2,30}$/u.test(label)) return true;
  const words = label.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6 || /\d/.test(label)) return false;
  if (ctx.lex.functionWords.has(words[0].toLowerCase()) && !INTERVIEWER.test(words[0])) return false;
  return words.every((w, i) => /^\p{Lu}/u.test(w) || (i > 0 && NAME_PARTICLES.has(w.toLowerCase())));
}
