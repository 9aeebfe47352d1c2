// Interview transcripts: "((Name)) answer" or "Name: answer" turns; each paragraph of an answer is a statement.

import { actorKey } from '../../resources.js';
import type { Unit } from '../units.js';
import { trimmed, type PatternContext, type Proposal } from '../proposal.js';

const TURN = /^(?:\(\(([^)]{1,60})\)\)|([\p{Lu}][\p{L}.'’ -]{0,40}):)\s*/u;
// interviewers' labels: the outlet, or Q
const INTERVIEWER = /^(?:wn|wikinews|q|question|interviewer|int)$/i;

export function interviewTurns(ctx: PatternContext): Proposal[] {
  const { doc } = ctx;
  const out: Proposal[] = [];
  const paras = doc.article.paragraphs;
  const turns = paras.map((p) => TURN.exec(doc.body.slice(p.start, p.end)));
  // one labelled paragraph is a heading, not a transcript
  if (turns.filter(Boolean).length < 2) return out;
  let speaker: Unit | null = null;
  paras.forEach((p, pi) => {
    const m = turns[pi];
    const text = doc.body.slice(p.start, p.end);
    if (m) {
      const label = (m[1] ?? m[2]).trim();
      if (INTERVIEWER.test(label) || label.toLowerCase() === (doc.article.source ?? '').toLowerCase()) {
        speaker = null;
        return;
      }
      speaker = labelUnit(ctx, label, pi);
      const span = trimmed(doc.body, p.start + m[0].length, p.end, true);
      if (span && speaker) out.push(proposal(ctx, span, speaker, ['labelled']));
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
