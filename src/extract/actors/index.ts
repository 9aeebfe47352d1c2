// Actors of an article: name candidates typed by the entity model, then linked into one actor per person, organisation or country.

import type { Doc } from '../document.js';
import { classify } from '../model/linear.js';
import { actorKey, type Lexicon, type Resources } from '../resources.js';
import type { ActorDraft, ActorType, MentionDraft } from '../types.js';
import { nameCandidates, type NameCandidate } from './candidates.js';
import { docContext, entityFeatures, ENTITY_CLASSES, type EntityClass } from './features.js';
import { readRoles } from './roles.js';
import { foldAccents } from '../../common/fold.js';
import type { ActorIndex, ActorMention } from './mentions.js';

export type { ActorIndex, ActorMention } from './mentions.js';

/** Type probabilities for a candidate: the trained model when there is one, else the prior below. */
export function typeCandidate(doc: Doc, res: Resources, c: NameCandidate, ctx: ReturnType<typeof docContext>): { label: EntityClass; p: number } {
  const model = res.models.entity;
  if (model) {
    const r = classify(model, entityFeatures(doc, res.lexicon, c, ctx));
    return { label: r.label as EntityClass, p: r.p };
  }
  return { label: priorType(doc, res.lexicon, c), p: 0.5 };
}

/** What the word lists alone say a candidate is: used before any model is trained (and as the model's first teacher). */
export function priorType(doc: Doc, lex: Lexicon, c: NameCandidate): EntityClass {
  const words = doc.tokens.slice(c.tokStart, c.tokEnd).map((t) => t.lower);
  const last = words[words.length - 1];
  if (c.known) return c.known.type === 'country' ? (c.known.form === 'capital' ? 'place' : 'country') : c.known.type;
  if (c.honorific || c.titleStart !== null) return 'person';
  if (lex.orgWords.has(last)) return 'organization';
  if (lex.placeWords.has(last)) return 'place';
  if (words.length >= 2 && lex.givenNames.has(words[0])) return 'person';
  if (/^[\p{Lu}&.]{2,6}$/u.test(c.text)) return 'organization';
  if (words.length === 1 && lex.notNames.has(words[0])) return 'none';
  return words.length >= 2 ? 'person' : 'other';
}

export function findActors(doc: Doc, res: Resources): ActorIndex {
  const lex = res.lexicon;
  const cands = nameCandidates(doc, lex);
  const ctx = docContext(doc, lex, cands);
  const typed = cands.map((cand) => ({ cand, ...typeCandidate(doc, res, cand, ctx) }));

  interface Cluster {
    key: string;
    type: ActorType;
    names: string[];
    /** each name's normalised words, for matching short forms (each distinct form once) */
    nameWords: string[][];
    /** the forms in nameWords, joined: a name mentioned a thousand times is matched against once */
    nameForms: Set<string>;
    /** its words already in personsByWord */
    indexed: Set<string>;
    /** creation order, the order of `persons` */
    ordinal: number;
    aliases: Set<string>;
    members: { cand: NameCandidate; form: ActorMention['form']; p: number }[];
    votes: Map<ActorType, number>;
  }
  const clusters = new Map<string, Cluster>();
  const byNorm = new Map<string, Cluster>();
  const persons: Cluster[] = [];
  // persons by each word of their names, in creation order: a short form ("Borrell") is checked against the persons
  // sharing its words, not against every person of the article (the square of the number of people)
  const personsByWord = new Map<string, Cluster[]>();
  const forms: ActorMention['form'][] = [];
  const add = (key: string, type: ActorType, cand: NameCandidate, form: ActorMention['form'], p: number, name = cand.text) => {
    let c = clusters.get(key);
    if (!c) {
      c = { key, type, names: [], nameWords: [], nameForms: new Set(), indexed: new Set(), ordinal: clusters.size, aliases: new Set(), members: [], votes: new Map() };
      clusters.set(key, c);
      if (type === 'person') persons.push(c);
    }
    c.names.push(name);
    const words = normName(name).split(' ');
    const joined = words.join(' ');
    if (!c.nameForms.has(joined)) {
      c.nameForms.add(joined);
      c.nameWords.push(words);
      // a cluster made for a person is one of `persons` (its type is the one it was made with)
      if (c.type === 'person') for (const w of words) indexPerson(w, c);
    }
    c.aliases.add(cand.text);
    // "Mr Borrell", "Dr. Lee": the honorific form is an alias too
    if (cand.honorific) {
      const text = cand.field === 'title' ? doc.title : doc.body;
      c.aliases.add(text.slice(doc.tokens[cand.tokStart - 1].start, doc.tokens[cand.tokEnd - 1].end));
    }
    c.members.push({ cand, form, p });
    c.votes.set(type, (c.votes.get(type) ?? 0) + p);
    byNorm.set(normName(cand.text), c);
    return c;
  };

  const indexPerson = (word: string, c: Cluster) => {
    if (c.indexed.has(word)) return;
    c.indexed.add(word);
    const list = personsByWord.get(word);
    if (!list) return personsByWord.set(word, [c]);
    // kept in creation order (a person named again later with a new word is the rare insertion in the middle)
    let at = list.length;
    while (at > 0 && list[at - 1].ordinal > c.ordinal) at--;
    list.splice(at, 0, c);
  };
  /** The persons `words` is a short form of, in creation order; at most two are needed: the first, and whether it is the only one. */
  const ownersOf = (words: string[]): Cluster[] => {
    let list: Cluster[] | undefined;
    for (const w of words) {
      const l = personsByWord.get(w);
      if (!l) return [];
      if (!list || l.length < list.length) list = l;
    }
    const out: Cluster[] = [];
    for (const pc of list ?? []) {
      if (pc.nameWords.some((w) => isShortForm(words, w))) out.push(pc);
      if (out.length === 2) break;
    }
    return out;
  };

  const aliasOf = acronymsDefinedInText(doc, cands);
  // longer names first, so "Borrell" finds "Josep Borrell" wherever in the article it comes
  const order = typed.map((_, k) => k).sort((a, b) => tokenCount(doc, typed[b].cand) - tokenCount(doc, typed[a].cand) || a - b);
  const placed = new Array<Cluster | null>(typed.length).fill(null);
  for (const k of order) {
    const { cand, label, p } = typed[k];
    const defined = aliasOf.get(k);
    if (defined !== undefined && placed[defined]) {
      const owner = placed[defined]!;
      placed[k] = add(owner.key, owner.type, cand, 'acronym', p, owner.names[0]);
      forms[k] = 'acronym';
      continue;
    }
    if (label === 'none') continue;
    const type = label as ActorType;
    // "Lima said" after "Ana Lima": a person's surname before the city or country that shares it
    if (cand.known && cand.known.form !== 'demonym' && tokenCount(doc, cand) === 1) {
      const norm = normName(cand.text);
      const owner = ownersOf([norm]);
      if (owner.length === 1) {
        placed[k] = add(owner[0].key, 'person', cand, 'short', p);
        forms[k] = 'short';
        continue;
      }
    }
    // a country by any of its names, demonyms or capitals (a capital typed as a place is the city)
    if (cand.known && (type === 'country' || (type === cand.known.type && type !== 'place'))) {
      const form = cand.known.form === 'demonym' ? 'demonym' : cand.known.form === 'capital' ? 'capital' : cand.known.form === 'acronym' ? 'acronym' : 'name';
      placed[k] = add(cand.known.key, cand.known.type, cand, form, p, cand.known.name);
      forms[k] = form;
      continue;
    }
    const norm = normName(cand.text);
    const same = byNorm.get(norm);
    // the same name twice is one actor; its type is what most of its mentions say (voted below)
    if (same) {
      placed[k] = add(same.key, type, cand, 'name', p);
      forms[k] = 'name';
      continue;
    }
    // a surname or a shorter form of a person named in full ("Borrell", "Mr Borrell", "Josep")
    if (type === 'person' || type === 'other' || type === 'organization') {
      const words = norm.split(' ');
      const owner = ownersOf(words);
      if (owner.length === 1 || (owner.length > 1 && type === 'person')) {
        placed[k] = add(owner[0].key, 'person', cand, 'short', p);
        forms[k] = 'short';
        continue;
      }
    }
    placed[k] = add(actorKey(type, cand.text), type, cand, 'name', p);
    forms[k] = 'name';
  }

  // drafts: the fullest name, every alias, the type most of its mentions voted for
  const actors = new Map<string, ActorDraft>();
  const mentions: ActorMention[] = [];
  const keyOf = new Map<Cluster, string>();
  for (const c of clusters.values()) {
    let type = c.type;
    if (!c.members.some((m) => m.cand.known)) {
      let best = -1;
      for (const [t, v] of c.votes) if (v > best) ((best = v), (type = t));
    }
    const name = c.members.some((m) => m.cand.known && m.cand.known.key === c.key) ? c.names[0] : fullest(c.names);
    const key = c.key.startsWith('country:') ? c.key : actorKey(type, name);
    keyOf.set(c, key);
    const existing = actors.get(key);
    if (existing) for (const a of c.aliases) existing.aliases.push(a);
    else actors.set(key, { key, name, type, role: null, affiliationKey: null, aliases: [...new Set([name, ...c.aliases])] });
  }
  typed.forEach(({ cand, p }, k) => {
    const c = placed[k];
    if (!c) return;
    const m = { form: forms[k] };
    const text = cand.field === 'title' ? doc.title : doc.body;
    const start = doc.tokens[cand.tokStart].start;
    const end = doc.tokens[cand.tokEnd - 1].end;
    mentions.push({ start, end, field: cand.field, actorKey: keyOf.get(c)!, text: text.slice(start, end), tokStart: cand.tokStart, tokEnd: cand.tokEnd, sentence: cand.sentence, form: m.form, p });
  });
  mentions.sort((a, b) => a.tokStart - b.tokStart);
  const bySentence: ActorMention[][] = doc.sentences.map(() => []);
  for (const m of mentions) bySentence[m.sentence].push(m);
  for (const a of actors.values()) a.aliases = [...new Set(a.aliases)];
  const index: ActorIndex = { actors, mentions, bySentence, typed: typed.map(({ cand, label, p }) => ({ cand, label, p })) };
  readRoles(doc, res, index);
  return index;
}

const tokenCount = (doc: Doc, c: NameCandidate) => doc.tokens.slice(c.tokStart, c.tokEnd).filter((t) => t.word).length;

/** Lower case, no accents, no possessive or honorific: the form two mentions of one name share. */
export function normName(s: string): string {
  return foldAccents(s)
    .replace(/[’'`]s\b/g, '')
    .replace(/^(?:the|mr|mrs|ms|dr|sir|dame)\.?\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "borrell" and "mr borrell" are short forms of "josep borrell"; "josep" alone too, "borrell fund" is not. */
function isShortForm(short: string[], full: string[]): boolean {
  if (short.length >= full.length) return false;
  if (!short.every((w) => full.includes(w))) return false;
  // the surname (last word) or the given name alone, or a subset keeping the last word
  return short.includes(full[full.length - 1]) || (short.length === 1 && short[0] === full[0]);
}

const fullest = (names: string[]) => names.slice().sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length || b.length - a.length)[0];

/** "the Federal Security Service (FSB)": the acronym in brackets names the actor before it (candidate index → its owner's). */
function acronymsDefinedInText(doc: Doc, cands: NameCandidate[]): Map<number, number> {
  const out = new Map<number, number>();
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k];
    const prev = cands[k - 1];
    if (doc.tokens[c.tokStart - 1]?.text !== '(' || doc.tokens[c.tokEnd]?.text !== ')' || prev.tokEnd !== c.tokStart - 1) continue;
    if (!/^[\p{Lu}&.]{2,8}$/u.test(c.text)) continue;
    const initials = doc.tokens.slice(prev.tokStart, prev.tokEnd).filter((t) => t.cap).map((t) => t.text[0]).join('');
    if (initials[0] !== c.text[0]) continue;
    out.set(k, k - 1);
  }
  return out;
}
