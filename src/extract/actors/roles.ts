// Roles and affiliations of people: titles before a name, appositives after or before it.

import type { Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import type { Resources } from '../resources.js';
import type { ActorIndex, ActorMention } from './mentions.js';

interface RoleReading {
  role: string;
  /** actor key of an organisation or country named in the role ("NATO" in "NATO Secretary General") */
  affiliationKey: string | null;
  /** how specific the reading is: a title before the name beats an occupation in an appositive */
  score: number;
}

export function readRoles(doc: Doc, res: Resources, index: ActorIndex) {
  const best = new Map<string, RoleReading>();
  const offer = (key: string, r: RoleReading | null) => {
    if (!r || !r.role) return;
    const cur = best.get(key);
    if (!cur || r.score > cur.score) best.set(key, r);
  };
  const mentionAt = new Map(index.mentions.map((x) => [x.tokStart, x]));
  for (const c of index.typed) {
    if (c.cand.titleStart === null) continue;
    const m = mentionAt.get(c.cand.tokStart);
    if (!m || index.actors.get(m.actorKey)?.type !== 'person') continue;
    // "Mr", "Dr" alone are honorifics, not roles
    let a = c.cand.titleStart;
    while (a < c.cand.tokStart && res.lexicon.honorifics.has(doc.tokens[a].lower)) a++;
    let b = c.cand.tokStart;
    while (b > a && res.lexicon.honorifics.has(doc.tokens[b - 1].lower)) b--;
    if (a < b) offer(m.actorKey, reading(doc, index, m, a, b, 3));
  }
  for (const s of index.bySentence) {
    for (const m of s) {
      if (m.field !== 'body' || index.actors.get(m.actorKey)?.type !== 'person') continue;
      offer(m.actorKey, appositiveAfter(doc, res, index, m));
      offer(m.actorKey, descriptionBefore(doc, res, index, m));
    }
  }
  for (const [key, r] of best) {
    const a = index.actors.get(key)!;
    a.role = r.role;
    a.affiliationKey = r.affiliationKey && r.affiliationKey !== key && index.actors.has(r.affiliationKey) ? r.affiliationKey : null;
  }
}

function reading(doc: Doc, index: ActorIndex, m: ActorMention, a: number, b: number, score: number): RoleReading | null {
  const toks = doc.tokens;
  if (a >= b) return null;
  const text = (m.field === 'title' ? doc.title : doc.body).slice(toks[a].start, toks[b - 1].end).replace(/[\s,]+$/, '');
  const aff = index.bySentence[m.sentence].find((x) => x.tokStart >= a && x.tokEnd <= b && x.actorKey !== m.actorKey && index.actors.get(x.actorKey)?.type !== 'person');
  return { role: text, affiliationKey: aff?.actorKey ?? null, score };
}

const isRoleWord = (res: Resources, t: Token) => res.lexicon.titles.has(t.lower) || res.lexicon.descriptors.has(t.lower) || res.lexicon.titleModifiers.has(t.lower) || res.lexicon.singularSources.has(t.lower);

/** "Ann Lee, the city's deputy mayor, said": a role phrase between commas right after the name. */
function appositiveAfter(doc: Doc, res: Resources, index: ActorIndex, m: ActorMention): RoleReading | null {
  const toks = doc.tokens;
  const s = doc.sentences[m.sentence];
  if (toks[m.tokEnd]?.text !== ',') return null;
  let a = m.tokEnd + 1;
  if (a >= s.tokEnd) return null;
  // "Lee, at a press conference, said": a setting, not a role
  if (toks[a].pos === 'ADP' || toks[a].pos === 'VERB' || toks[a].pos === 'AUX') return null;
  if (['the', 'a', 'an'].includes(toks[a].lower)) a++;
  let b = a;
  while (b < s.tokEnd && b - a < 10 && toks[b].text !== ',' && toks[b].text !== '.' && !toks[b].quoted && toks[b].pos !== 'VERB' && toks[b].pos !== 'AUX') b++;
  if (b >= s.tokEnd || (toks[b].text !== ',' && toks[b].text !== '.') || b === a) return null;
  const span = toks.slice(a, b);
  // a person's role names an office or an occupation; "Paris, the capital" or "Lee, 45," are not roles
  if (!span.some((t) => isRoleWord(res, t))) return null;
  if (index.bySentence[m.sentence].some((x) => x.tokStart >= a && x.tokEnd <= b && index.actors.get(x.actorKey)?.type === 'person')) return null;
  return reading(doc, index, m, a, b, 2);
}

/** "student leader Ann Lee", "the city's deputy mayor, Ann Lee,": lower-case role words right before the name. */
function descriptionBefore(doc: Doc, res: Resources, index: ActorIndex, m: ActorMention): RoleReading | null {
  const toks = doc.tokens;
  const s = doc.sentences[m.sentence];
  let b = m.tokStart;
  if (toks[b - 1]?.text === ',' && toks[m.tokEnd]?.text === ',') b--;
  let a = b;
  while (a > s.tokStart && b - a < 8) {
    const t = toks[a - 1];
    const inMention = index.bySentence[m.sentence].some((x) => x.tokStart <= a - 1 && a - 1 < x.tokEnd && x.actorKey !== m.actorKey);
    // "the Minister of Tourism, Daniela Conti": an office "of" a portfolio, capitalised or not
    const portfolio = (t.lower === 'of' || (t.cap && t.word)) && toks.slice(Math.max(s.tokStart, a - 4), a - 1).some((x) => isRoleWord(res, x));
    if (isRoleWord(res, t) || inMention || portfolio || t.lower === "'s" || (t.pos === 'NOUN' && a < b && isRoleWord(res, toks[a])) || t.pos === 'ADJ') a--;
    else break;
  }
  while (a < b && (toks[a].lower === "'s" || toks[a].pos === 'ADJ' && !isRoleWord(res, toks[a]))) a++;
  if (a >= b || !toks.slice(a, b).some((t) => isRoleWord(res, t) && t.pos !== 'ADJ')) return null;
  // the last word before the name must be the office itself ("deputy mayor Ann Lee", not "mayor's aide Ann Lee" being cut)
  if (!isRoleWord(res, toks[b - 1]) && toks[b - 1].text !== ',') return null;
  return reading(doc, index, m, a, b, 1);
}
