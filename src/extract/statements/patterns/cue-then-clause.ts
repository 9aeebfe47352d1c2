// "X said (that) CLAUSE", "X told reporters CLAUSE", "X called for CLAUSE": reported speech after its cue.

import { dateCovers, dateStartingAt } from '../../document.js';
import type { Token } from '../../nlp/doc.js';
import { isQuoteMark, sentenceCandidates, trimmed, type PatternContext, type Proposal } from '../proposal.js';

export function cueThenClause(ctx: PatternContext): Proposal[] {
  const { doc, lex } = ctx;
  const toks = doc.tokens;
  const out: Proposal[] = [];
  for (const cues of ctx.cuesBySentence) {
    cues.forEach((cue, ci) => {
      if (cue.form.kind === 'according') return;
      const s = doc.sentences[cue.sentence];
      let i = cue.end;
      const flags: string[] = [];
      // the addressee of "told", "assured", "informed" ("told reporters", "told the BBC"): not part of what was said
      if (cue.form.object && cue.form.kind === 'speech') {
        const start = i;
        i = addresseeEnd(toks, i, s.tokEnd);
        if (i > start) flags.push('addressee');
      }
      // settings and dates before the content: "said in a statement on Monday that", "said Tuesday"
      i = skipSetting(ctx, toks, i, s.tokEnd, flags);
      if (toks[i]?.lower === 'that' && !toks[i].quoted) {
        flags.push('that');
        i++;
      } else if (toks[i]?.text === ':' || toks[i]?.text === ',') {
        flags.push(`punct=${toks[i].text}`);
        i++;
      }
      if (i >= s.tokEnd) return;
      // a quotation right after the cue is cue-then-quote's
      if (isQuoteMark(toks[i]) || toks[i].quoted) return;
      // the clause runs to the end of the sentence, or to the next cue that brings a subject of its own
      let end = s.tokEnd;
      const next = cues[ci + 1];
      // only a cue with a subject of its own starts another statement ("…, while the minister said …")
      const nextHasSubject = !!next && ctx.units[cue.sentence].some((u) => u.tokEnd <= next.tok && next.tok - u.tokEnd <= 2 && u.tokStart > i);
      if (next && next.tok > i && nextHasSubject) {
        let c = next.tok - 1;
        while (c > i && toks[c].text !== ',' && toks[c].text !== ';' && toks[c].lower !== 'while' && toks[c].lower !== 'but') c--;
        if (c > i + 2) end = c;
      }
      for (let k = i; k < end; k++) if (toks[k].text === ';') end = k;
      // "called the deal “lousy” and said he would ...": a second verb of the same subject ends what the first reported
      for (let k = i + 2; k < end - 1; k++) {
        if ((toks[k].lower === 'and' || toks[k].lower === 'but') && !toks[k].quoted && toks[k + 1].pos === 'VERB' && ctx.lex.cues.has(toks[k + 1].lemma)) {
          end = toks[k - 1].text === ',' ? k - 1 : k;
          flags.push('coordinated-verb');
          break;
        }
      }
      const span = trimmed(doc.body, toks[i].start, toks[end - 1].end);
      if (!span) return;
      const words = toks.slice(i, end).filter((t) => t.word);
      flags.push(`verbs=${Math.min(words.filter((t) => t.pos === 'VERB' || t.pos === 'AUX').length, 3)}`);
      if (words[0] && (words[0].pos === 'PRON' || words[0].pos === 'DET' || words[0].pos === 'PROPN' || words[0].pos === 'NOUN')) flags.push('subject-first');
      if (words[0]?.lower === 'to' || words[0]?.pos === 'VERB') flags.push('infinitive-or-verb-first');
      if (words.some((t) => t.quoted)) {
        // "warned that X posed “a direct threat to ...”": a quotation of five words or more is the statement itself
        // (the clause around it is at most an optional second reading); around a fragment the clause is the statement
        const quoted = words.filter((t) => t.quoted);
        if (quoted.length >= 5) return;
        flags.push('has-quote');
      }
      out.push({ rule: 'cue-then-clause', kind: 'indirect', span, sentence: cue.sentence, cue, candidates: sentenceCandidates(ctx, cue.sentence, cue.tok, span), flags });
      void lex;
    });
  }
  return out;
}

/**
 * End of the one noun phrase a "told" addresses: a pronoun ("told him"), or a determiner and a run of nouns and
 * adjectives ("told the BBC's Today programme"). A second determiner or a pronoun starts what was said ("told
 * reporters the war would end", "told CNN he would run").
 */
function addresseeEnd(toks: Token[], i: number, end: number): number {
  const at = (k: number) => k < end && !isQuoteMark(toks[k]) && toks[k].lower !== 'that';
  if (at(i) && toks[i].pos === 'PRON') return i + 1;
  const start = i;
  if (at(i) && toks[i].pos === 'DET') i++;
  while (at(i) && i - start < 6) {
    const t = toks[i];
    if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'NUM') i++;
    // a possessive goes on to what is owned: "the BBC's Today programme"
    else if ((t.lower === "'s" || t.lower === "'") && toks[i + 1] && /^(?:NOUN|PROPN|ADJ)$/.test(toks[i + 1].pos)) i++;
    else break;
  }
  // a lone determiner is not an addressee
  return i === start + 1 && toks[start].pos === 'DET' ? start : i;
}

/** Skips dates and setting phrases ("in a statement", "at a news conference", "on Monday", "last week"). */
export function skipSetting(ctx: PatternContext, toks: Token[], i: number, end: number, flags: string[]): number {
  const { doc, lex } = ctx;
  for (let guard = 0; guard < 4 && i < end; guard++) {
    const t = toks[i];
    const date = dateStartingAt(doc, t.start);
    if (date) {
      while (i < end && toks[i].end <= date.end) i++;
      flags.push('date');
      continue;
    }
    if ((t.pos === 'ADP' || t.lower === 'on') && t.lower !== 'that') {
      // a preposition phrase up to its head noun: "in a statement", "at a press conference", "on Twitter"
      let k = i + 1;
      while (k < end && k - i < 6 && (toks[k].pos === 'DET' || toks[k].pos === 'ADJ' || toks[k].pos === 'NOUN' || toks[k].pos === 'PROPN' || toks[k].pos === 'NUM' || toks[k].lower === "'s")) k++;
      const head = toks[k - 1];
      if (k > i + 1 && (lex.settingHeads.has(head.lower) || head.pos === 'PROPN' || dateCovers(doc, head.start, head.end))) {
        i = k;
        flags.push('setting');
        continue;
      }
      break;
    }
    if (t.pos === 'ADV' && !t.quoted && t.lower !== 'not') {
      i++;
      continue;
    }
    if (t.text === ',' && toks[i + 1] && (toks[i + 1].pos === 'ADP' || toks[i + 1].pos === 'ADV')) {
      i++;
      continue;
    }
    break;
  }
  return i;
}
