// Speaker noun phrases: names with titles, pronouns, unnamed sources ("many observers", "officials"), "a report
// from X", "the foreign minister"; resolves each to an actor of the article.

import { titleAt, withoutPeriod, type ActorIndex, type ActorMention, type TokenizedSentence } from './actors.js';
import { LEXICON, actorKey, isTitle } from './lexicon.js';
import { isPossessive, type Token } from './tokens.js';
import type { ActorDraft, ActorType, DateValue } from './types.js';

/** An actor that pronouns can point back to: a speaker, or the subject of a sentence or reported clause. */
export interface Salient {
  pos: number;
  key: string;
  type: ActorType;
  plural: boolean;
  /** the date of the clause it was found in, passed on to statements whose speaker is a pronoun for it */
  date: DateValue | null;
  /** the clause was no speech act ("Yesterday, X reaffirmed ..."): its date passes on only within the paragraph */
  datePara?: number;
  speaker: boolean;
}

export interface SpeakerContext {
  body: string;
  sentences: TokenizedSentence[];
  index: ActorIndex;
  salient: Salient[];
  /**
   * Unnamed sources seen as sentence subjects but not (yet) as speakers: they become actors only when something
   * is attributed to them, so "Protestors wearing flags" in a caption adds no actor.
   */
  pendingGroups: Map<string, ActorDraft>;
  /** while true, groupActor records into pendingGroups instead of the actor list */
  dry: boolean;
}

/** What a speaker phrase resolved to. */
export interface SpeakerRef {
  keys: string[];
  via: 'name' | 'pronoun' | 'group' | 'description' | 'source';
  /** token range of the phrase in its sentence */
  tokStart: number;
  tokEnd: number;
  /** for pronouns: the salient entry it resolved to */
  antecedent?: Salient;
}

const SKIP_LEADING = new Set(['and', 'but', 'also', 'then', 'meanwhile', 'however', 'later', 'earlier', 'now', 'reportedly', 'initially', 'eventually', 'previously', 'subsequently', 'separately', 'yet', 'so', 'still', 'too', 'both', 'another', 'other', 'further', 'in', 'turn']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);
const RELATIVE = new Set(['who', 'which', 'whose', 'whom', 'where', 'when']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'from', 'of', 'for', 'with', 'by', 'to', 'into', 'during', 'after', 'before', 'since', 'across', 'near', 'over', 'under', 'among', 'between', 'through', 'against', 'about', 'including', 'like', 'amid']);
const ACCOUNT_WORDS = new Set(['account', 'accounts', 'page', 'feed', 'channel', 'handle', 'profile', 'website', 'blog']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their']);
const POSSESSIVE_OWNER: Record<string, 'person' | 'plural' | 'thing'> = { its: 'thing', their: 'plural', his: 'person', her: 'person' };
const GOVERNMENT = new Set(['government', 'administration', 'regime', 'cabinet']);

const mentionAt = (ctx: SpeakerContext, si: number, i: number): ActorMention | undefined =>
  ctx.index.bySentence[si]?.find((m) => m.tokStart <= i && i < m.tokEnd);
const actorOf = (ctx: SpeakerContext, key: string): ActorDraft | undefined => ctx.index.actors.get(key) ?? ctx.pendingGroups.get(key);

/** A group (or singular unnamed) source actor named by its head noun: "observers", "intelligence services", "MP". */
export function groupActor(ctx: SpeakerContext, name: string, alias: string): string {
  const key = actorKey('group', name);
  const store = ctx.dry && !ctx.index.actors.has(key) ? ctx.pendingGroups : ctx.index.actors;
  let a = store.get(key);
  if (!a) store.set(key, (a = { key, name, type: 'group', role: null, affiliationKey: null, aliases: [] }));
  if (alias !== name && !a.aliases.includes(alias)) a.aliases.push(alias);
  return key;
}

/** Makes a pending unnamed source a real actor once something is attributed to it. */
export function ensureActor(ctx: SpeakerContext, key: string) {
  if (ctx.index.actors.has(key)) return;
  const a = ctx.pendingGroups.get(key);
  if (a) ctx.index.actors.set(key, a);
}



/** A group named by a plural head ("observers", "police"); "MP" or "spokesman" stand for one person. */
export function isPluralActor(a: ActorDraft): boolean {
  if (a.type !== 'group') return false;
  const head = a.name.split(' ').pop() ?? '';
  if (isTitle(a.name.toLowerCase()) || LEXICON.orgWords.has(head.toLowerCase())) return false;
  return !LEXICON.singularSources.has(head.toLowerCase()) && !LEXICON.singularSources.has(head);
}

/** Records a salient actor, keeping the list in body order. */
export function addSalient(ctx: SpeakerContext, entry: Salient) {
  if (ctx.salient.some((x) => x.key === entry.key && x.pos === entry.pos)) return;
  let at = ctx.salient.length;
  while (at > 0 && ctx.salient[at - 1].pos > entry.pos) at--;
  ctx.salient.splice(at, 0, entry);
}

/** The most recent salient actor before `pos` that a pronoun of this kind can stand for. */
export function antecedent(ctx: SpeakerContext, pos: number, kind: 'person' | 'plural' | 'thing'): Salient | undefined {
  for (let i = ctx.salient.length - 1; i >= 0; i--) {
    const s = ctx.salient[i];
    if (s.pos >= pos) continue;
    if (kind === 'person' && (s.type === 'person' || (s.type === 'group' && !s.plural))) return s;
    if (kind === 'plural' && (s.plural || s.type === 'organization')) return s;
    if (kind === 'thing' && (s.type === 'organization' || s.type === 'country')) return s;
  }
  return undefined;
}

const pronounKind = (t: Token): 'person' | 'plural' | 'thing' | null => {
  if (t.lower === 'he' || t.lower === 'she') return 'person';
  if (t.lower === 'they') return 'plural';
  if (t.lower === 'it') return 'thing';
  return null;
};

/**
 * Parses a speaker phrase starting at token `from` (and ending before `to`) of sentence `si`.
 * Handles "NATO Secretary General Mark Rutte", "Mexico's Foreign Secretary X", "he", "many observers",
 * "an assembly of several foreign ministers", "a UN report", "data from the Gun Violence Archive", "the foreign minister".
 */
export function parseSpeaker(ctx: SpeakerContext, si: number, from: number, to: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let i = from;
  const skippable = (t: Token) =>
    SKIP_LEADING.has(t.lower) ||
    (/ly$/.test(t.lower) && !t.cap && t.lower.length > 4) ||
    // "Afterwards Trump claimed": an adverb opening the sentence, not a source noun ("Police said")
    (LEXICON.functionWords.has(t.lower) && !DETERMINERS.has(t.lower) && !LEXICON.quantifiers.has(t.lower) && !pronounKind(t) &&
      !LEXICON.pluralSources.has(t.lower) && !LEXICON.singularSources.has(t.lower) && !LEXICON.ellipticSubjects.has(t.lower) && !mentionAt(ctx, si, toks.indexOf(t)));
  while (i < to && skippable(toks[i])) i++;
  if (i >= to) return null;
  const t = toks[i];
  const pk = pronounKind(t);
  if (pk) {
    const ante = antecedent(ctx, t.start, pk);
    if (!ante) return null;
    return { keys: [ante.key], via: 'pronoun', tokStart: i, tokEnd: i + 1, antecedent: ante };
  }
  // "several said": a quantifier standing alone for the last group mentioned
  if (LEXICON.ellipticSubjects.has(t.lower) && i + 1 === to) {
    const ante = antecedent(ctx, t.start, 'plural');
    if (ante && ante.type === 'group') return { keys: [ante.key], via: 'pronoun', tokStart: i, tokEnd: i + 1, antecedent: ante };
    return null;
  }
  const ref = parseNounPhrase(ctx, si, i, to);
  if (ref) return withAppositivePerson(ctx, si, ref);
  // "According to the port director, Rui Costa, ...": an unknown description followed by a name in apposition
  if (DETERMINERS.has(t.lower) && toks[to]?.text === ',') return withAppositivePerson(ctx, si, { keys: [''], via: 'description', tokStart: i, tokEnd: to });
  return null;
}

/** "the El Paso mayor, Dee Margo,": a description followed by a person's name in apposition means that person. */
export function withAppositivePerson(ctx: SpeakerContext, si: number, ref: SpeakerRef): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  const a = actorOf(ctx, ref.keys[0]);
  if (a?.type === 'person') return ref;
  const unresolved = !a;
  let j = ref.tokEnd;
  while (j < toks.length && j < ref.tokEnd + 4 && toks[j].word && !toks[j].cap && !PREPOSITIONS.has(toks[j].lower)) j++;
  const fail = unresolved ? null : ref;
  if (toks[j]?.text !== ',') return fail as SpeakerRef;
  const m = ctx.index.bySentence[si].find((x) => x.tokStart === j + 1);
  if (!m || ctx.index.actors.get(m.actorKey)?.type !== 'person') return fail as SpeakerRef;
  const after = toks[m.tokEnd];
  // the name must be closed by a comma or end the phrase ("The mayor of London, Sadiq Khan, tweeted")
  if (after && after.text !== ',' && !SENT_END.has(after.text)) return fail as SpeakerRef;
  return { keys: [m.actorKey], via: 'name', tokStart: ref.tokStart, tokEnd: m.tokEnd };
}
const SENT_END = new Set(['.', '!', '?']);

// data's collectives by their first word, in data order: a phrase can only start with one whose first word is there
const COLLECTIVES_BY_FIRST = new Map<string, string[][]>();
for (const words of LEXICON.collectives) COLLECTIVES_BY_FIRST.set(words[0], [...(COLLECTIVES_BY_FIRST.get(words[0]) ?? []), words]);
const NO_COLLECTIVES: string[][] = [];

function parseNounPhrase(ctx: SpeakerContext, si: number, from: number, to: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let i = from;
  // collectives and quantifiers: "some of the", "an assembly of several", "many", "one"
  for (let moved = true; moved && i < to; ) {
    moved = false;
    const first = DETERMINERS.has(toks[i]?.lower ?? '') ? i + 1 : i;
    for (const words of (first < to && COLLECTIVES_BY_FIRST.get(toks[first].lower)) || NO_COLLECTIVES) {
      let k = 0;
      let j = first;
      for (; k < words.length && j < to && toks[j].lower === words[k]; k++, j++);
      if (k === words.length) {
        i = j;
        moved = true;
        break;
      }
    }
    if (!moved && i < to && (LEXICON.quantifiers.has(toks[i].lower) || DETERMINERS.has(toks[i].lower)) && !mentionAt(ctx, si, i)) {
      i++;
      moved = true;
    }
  }
  if (i >= to) return null;
  // "One of them said": the group last mentioned as a speaker
  if (i > from && toks[i].lower === 'of' && toks[i + 1]?.lower === 'them' && i + 2 === to) {
    const ante = antecedent(ctx, toks[i].start, 'plural');
    return ante && ante.type === 'group' ? { keys: [ante.key], via: 'pronoun', tokStart: from, tokEnd: to, antecedent: ante } : null;
  }
  // "television broadcaster PBS", "police chief Greg Allen": descriptive words before a name
  // and titles before a name whose mention starts after them: "Crown Prince [Mohammad bin Salman]"
  for (let k = i; k < to && k < i + 5 && toks[k].word && !PREPOSITIONS.has(toks[k].lower) && !mentionAt(ctx, si, k); k++) {
    // "Sen. Maria Alvarez": an abbreviated title keeps its period; "Secretary of State X", "Member of Parliament X":
    // a title with a preposition inside is passed whole
    const n = titleAt(toks, k);
    const after = n > 1 ? k + n : toks[k + 1]?.text === '.' && toks[k + 1].start === toks[k].end ? k + 2 : k + 1;
    const m = mentionAt(ctx, si, after);
    if (m && m.tokStart === after && !LEXICON.pluralSources.has(toks[k].lower)) {
      i = after;
      break;
    }
    k = after - 1;
  }
  // a document as the source: "a report from the Mexican government", "data from X", "a UN report"
  const src = sourceNounPhrase(ctx, si, i, to);
  if (src) return src;
  const m = mentionAt(ctx, si, i);
  if (m) {
    let cur = m;
    let end = m.tokEnd;
    // role prefixes: "Mexico's Foreign Secretary Marcelo Ebrard", "NATO Secretary General Mark Rutte", "U.S. Attorney Bash"
    for (let guard = 0; guard < 4; guard++) {
      let j = cur.tokEnd;
      if (isPossessive(toks[j])) j++;
      while (j < to && toks[j].word && !toks[j].quoted && isRoleToken(toks[j])) j++;
      // "US Ambassador to Germany Richard Grenell", "Minister of Defence X": a place or body inside the title
      if (j > cur.tokEnd && ['to', 'of', 'for'].includes(toks[j]?.lower ?? '') && j + 1 < to) {
        let k = toks[j + 1].lower === 'the' ? j + 2 : j + 1;
        for (let n = 0; n < 5 && k < to; n++) {
          const m = mentionAt(ctx, si, k);
          if (m && actorOf(ctx, m.actorKey)?.type === 'person') break;
          if (m) k = m.tokEnd;
          else if (toks[k].cap && toks[k].word && !toks[k].quoted) k++;
          else break;
        }
        const person = k > j + 1 ? mentionAt(ctx, si, k) : undefined;
        if (person && person.tokStart === k && actorOf(ctx, person.actorKey)?.type === 'person') j = k;
      }
      let next = j < to ? mentionAt(ctx, si, j) : undefined;
      // "Rutgers University political scholar Kelly Dittmar": other lower-case words of a description before a person
      if (!next) {
        let k = j;
        while (k < to && k < j + 3 && toks[k].word && !toks[k].cap && !toks[k].quoted && !LEXICON.functionWords.has(toks[k].lower) && !LEXICON.cues.has(toks[k].lower) && !/(?:ed|ing)$/.test(toks[k].lower)) k++;
        const person = k > j ? mentionAt(ctx, si, k) : undefined;
        if (person && person.tokStart === k && actorOf(ctx, person.actorKey)?.type === 'person') {
          j = k;
          next = person;
        }
      }
      // "Biden's Twitter account": the account is the possessor's voice, not the platform's
      if (next && isPossessive(toks[cur.tokEnd]) && j === cur.tokEnd + 1 && ACCOUNT_WORDS.has(toks[next.tokEnd]?.lower ?? '')) {
        return { keys: [cur.actorKey], via: 'name', tokStart: from, tokEnd: next.tokEnd + 1 };
      }
      if (next && next !== cur && next.tokStart === j && (j > cur.tokEnd || isPossessive(toks[cur.tokEnd]))) {
        cur = next;
        end = next.tokEnd;
        continue;
      }
      // "U.S. officials", "Turkish authorities": a country modifying an unnamed source noun
      if (j > cur.tokEnd || isPossessive(toks[cur.tokEnd])) {
        const head = groupHead(toks, isPossessive(toks[cur.tokEnd]) ? cur.tokEnd + 1 : cur.tokEnd, to);
        // "the Democratic senator added": a person named earlier with that office and affiliation
        if (head && head.end === j && DETERMINERS.has(toks[from]?.lower ?? '') && isTitle(head.name) && actorOf(ctx, cur.actorKey)?.type !== 'person') {
          const person = personByDescription(ctx, toks[from].start, head.name, cur.actorKey, false);
          if (person) return { keys: [person], via: 'description', tokStart: from, tokEnd: head.end };
        }
        if (head) return { keys: [sourceActor(ctx, head, cur.actorKey, toks, from)], via: 'group', tokStart: from, tokEnd: head.end };
        // "the Labour leader", "the German chancellor": a person described by office, not the organisation
        const titleWord = toks.slice(cur.tokEnd, j).reverse().find((x) => LEXICON.titles.has(x.lower));
        if (titleWord && cur.form !== 'surname' && actorOf(ctx, cur.actorKey)?.type !== 'person') {
          const person = personByDescription(ctx, toks[from].start, titleWord.lower);
          return person ? { keys: [person], via: 'description', tokStart: from, tokEnd: j } : null;
        }
        // "Khan's mother", "the singer's publicist": someone described by a relation to the person named, never
        // that person
        if (isPossessive(toks[cur.tokEnd]) && j > cur.tokEnd + 1 && !toks.slice(cur.tokEnd + 1, j).some((x) => LEXICON.titles.has(x.lower))) {
          return possessedPerson(ctx, si, cur, cur.tokEnd + 1, j, from);
        }
      }
      break;
    }
    const a = actorOf(ctx, cur.actorKey);
    // "the Mexican government" speaks for the country
    const after = toks[end];
    // ("a German government source", "government officials": the source, below)
    if (a && (a.type === 'country') && after && GOVERNMENT.has(after.lower) && !isSourceNoun(toks[end + 1])) end++;
    // "the CGT union", "the Wagner group": the organisation with a word saying what it is
    else if (a && a.type === 'organization' && after && !after.cap && after.word && end < to && (LEXICON.orgDescriptions.has(after.lower) || LEXICON.orgWords.has(after.lower))) end++;
    else if (a && cur.form === 'demonym') {
      // "the American, South Korean and Ukrainian intelligence services": skip the coordinated demonyms
      let k = end;
      while (k < to && (toks[k].text === ',' || toks[k].lower === 'and')) {
        const n = mentionAt(ctx, si, k + 1);
        if (n && n.form === 'demonym' && n.tokStart === k + 1) k = n.tokEnd;
        else if (toks[k + 1] && mentionAt(ctx, si, k + 1)?.form === 'demonym') k++;
        else break;
      }
      const head = groupHead(toks, k, to);
      if (head) return { keys: [groupActor(ctx, head.name, head.alias(ctx.body, toks, from))], via: 'group', tokStart: from, tokEnd: head.end };
    }
    const keys = [cur.actorKey];
    // "Reuters and NBC", "The CIA and other intelligence agencies": coordinated speakers
    let j = end;
    while (toks[j] && (toks[j].lower === 'and' || toks[j].text === ',') && j + 1 < to) {
      // "Estonia and the United States"
      const at = toks[j + 1]?.lower === 'the' ? j + 2 : j + 1;
      const n = mentionAt(ctx, si, at);
      if (!n || n.tokStart !== at) break;
      // "Baloch and Waseem's mother": the names are the possessors of someone else, who is named only in apposition
      if (isPossessive(toks[n.tokEnd])) return { keys: [''], via: 'description', tokStart: from, tokEnd: Math.min(to, relationEnd(toks, n.tokEnd + 1, to)) };
      keys.push(n.actorKey);
      j = n.tokEnd;
    }
    return { keys: [...new Set(keys)], via: 'name', tokStart: from, tokEnd: j };
  }
  // unnamed sources: "officials", "many observers", "police", "One MP", "State prosecutors", "the writer"
  const head = groupHead(toks, i, to);
  if (head) {
    const desc = describedActor(ctx, si, toks, i, head.end);
    if (desc) return desc;
    // "his daughter said": the person named before with that relation ("his daughter, Ana Ruiz"), if any
    if (POSSESSIVE_PRONOUNS.has(toks[i - 1]?.lower ?? '') && LEXICON.singularSources.has(head.name)) {
      const person = personByDescription(ctx, toks[i].start, head.name, null, false);
      if (person) return { keys: [person], via: 'description', tokStart: from, tokEnd: head.end };
    }
    // "a spokesperson for the European Commission": the organisation names the source
    let org: string | undefined;
    let end = head.end;
    if (['for', 'of', 'at', 'from', 'with'].includes(toks[head.end]?.lower ?? '')) {
      let k = head.end + 1;
      if (toks[k]?.lower === 'the') k++;
      const m = mentionAt(ctx, si, k);
      if (m && m.tokStart === k && actorOf(ctx, m.actorKey)?.type !== 'person') {
        org = m.actorKey;
        end = m.tokEnd;
      }
    }
    return { keys: [sourceActor(ctx, head, org, toks, from, end)], via: 'group', tokStart: from, tokEnd: end };
  }
  return describedActor(ctx, si, toks, i, to);
}

/** End of the relation words after a possessive ("mother", "family spokesman"): lower-case words up to `to`. */
function relationEnd(toks: Token[], i: number, to: number): number {
  let j = i;
  while (j < to && j < i + 3 && toks[j].word && !toks[j].cap && !PREPOSITIONS.has(toks[j].lower) && !RELATIVE.has(toks[j].lower)) j++;
  return j;
}

/**
 * "Khan's mother": the person with that relation named before ("his mother, Anwar Bibi"), else a source named after
 * the relation and the possessor ("Omar Khan mother"), so a reader finds it under either.
 */
function possessedPerson(ctx: SpeakerContext, si: number, possessor: ActorMention, a: number, b: number, from: number): SpeakerRef {
  const toks = ctx.sentences[si].tokens;
  const relation = toks.slice(a, b).map((t) => t.lower).join(' ');
  const person = personByDescription(ctx, toks[from].start, relation, null, false);
  if (person && person !== possessor.actorKey) return { keys: [person], via: 'description', tokStart: from, tokEnd: b };
  const owner = actorOf(ctx, possessor.actorKey);
  const key = groupActor(ctx, `${owner?.name ?? possessor.text} ${relation}`, ctx.body.slice(toks[from].start, toks[b - 1].end));
  return { keys: [key], via: 'group', tokStart: from, tokEnd: b };
}

/**
 * An unnamed source; a single one tied to an organisation is named after it ("European Commission spokesperson"),
 * so it reads right whether a reader looks for the organisation or for "spokesperson".
 */
function sourceActor(ctx: SpeakerContext, head: Head, orgKey: string | undefined, toks: Token[], from: number, end = head.end): string {
  const org = orgKey ? actorOf(ctx, orgKey) : undefined;
  const singular = LEXICON.singularSources.has(head.name) || LEXICON.singularSources.has(head.name.split(' ').pop() ?? '');
  const alias = ctx.body.slice(toks[from].start, toks[end - 1].end);
  if (!org || !singular) return groupActor(ctx, head.name, alias);
  const key = groupActor(ctx, `${org.name} ${head.name}`, alias);
  const a = ctx.index.actors.get(key) ?? ctx.pendingGroups.get(key);
  if (a && !a.affiliationKey) a.affiliationKey = org.key;
  return key;
}

/** "the Labour leader said": the person whose role has that title, else the person who spoke last, nearby. */
function personByDescription(ctx: SpeakerContext, pos: number, title: string, affiliation: string | null = null, lastSpeaker = true): string | null {
  const mentions = ctx.index.mentions.filter((m) => m.field === 'body' && m.start < pos).reverse();
  const affiliated = (a: ActorDraft) => !affiliation || a.affiliationKey === affiliation || mentions.some((m) => m.actorKey === affiliation && (a.role ?? '').includes(m.text));
  for (const m of mentions) {
    const a = actorOf(ctx, m.actorKey);
    if (a?.type === 'person' && roleHas(a.role, title) && affiliated(a)) return a.key;
  }
  if (!lastSpeaker) return null;
  for (let i = ctx.salient.length - 1; i >= 0; i--) {
    const s = ctx.salient[i];
    if (s.pos >= pos) continue;
    if (pos - s.pos > 600) break;
    if (s.speaker && s.type === 'person') return s.key;
  }
  return null;
}

/** Whether a role ("Democratic senator from Ohio", "Minister of Tourism") holds the title ("senator", "prime minister"). */
function roleHas(role: string | null, title: string): boolean {
  if (!role) return false;
  const words = role.toLowerCase().replace(/[.,]/g, ' ').split(/\s+/);
  const t = title.split(' ');
  for (let i = 0; i + t.length <= words.length; i++) if (t.every((w, k) => words[i + k] === w)) return true;
  return false;
}

const isSourceNoun = (t: Token | undefined) => !!t && (LEXICON.pluralSources.has(t.lower) || LEXICON.singularSources.has(t.lower));

const isRoleToken = (t: Token) =>
  LEXICON.titleModifiers.has(t.lower) || LEXICON.descriptors.has(t.lower) || LEXICON.titles.has(withoutPeriod(t.lower)) || (t.cap && LEXICON.titles.has(t.lower));

interface Head {
  name: string;
  end: number;
  alias: (body: string, toks: Token[], from: number) => string;
}

/** The head noun of an unnamed source phrase starting at i: the last source noun before a preposition, comma or `to`. */
function groupHead(toks: Token[], i: number, to: number): Head | null {
  let best = -1;
  let bestLen = 1;
  for (let j = i; j < to; j++) {
    const t = toks[j];
    if (!t.word || t.quoted || PREPOSITIONS.has(t.lower) || RELATIVE.has(t.lower)) break;
    if (j > i + 5) break;
    const two = j > i ? `${toks[j - 1].lower} ${t.lower}` : '';
    if (two && (LEXICON.pluralSources.has(two) || LEXICON.singularSources.has(two) || (LEXICON.singularSources.has(t.lower) && isTitle(two)))) {
      best = j;
      bestLen = 2;
    } else if (LEXICON.pluralSources.has(t.lower) || LEXICON.singularSources.has(t.lower) || LEXICON.singularSources.has(t.text)) {
      best = j;
      bestLen = j > i && LEXICON.compoundModifiers.has(toks[j - 1].lower) && !toks[j - 1].cap ? 2 : 1;
    } else if (best >= 0) break;
  }
  if (best < 0) return null;
  const name = toks
    .slice(best - bestLen + 1, best + 1)
    .map((t) => (t.text === t.text.toUpperCase() && t.text.length > 1 ? t.text : t.lower))
    .join(' ');
  const end = best + 1;
  return { name, end, alias: (body, ts, from) => body.slice(ts[from].start, ts[end - 1].end) };
}

/** "a report from X", "data from the Gun Violence Archive", "the assessments of X", "a UN report". */
function sourceNounPhrase(ctx: SpeakerContext, si: number, i: number, to: number): SpeakerRef | null {
  const toks = ctx.sentences[si].tokens;
  let j = i;
  // "a UN report": a name before the document noun
  const m = mentionAt(ctx, si, j);
  if (m) {
    let k = m.tokEnd;
    if (isPossessive(toks[k])) k++;
    while (k < to && !toks[k].cap && !LEXICON.sourceNouns.has(toks[k].lower) && k < m.tokEnd + 3 && toks[k].word && !PREPOSITIONS.has(toks[k].lower)) k++;
    if (k < to && LEXICON.sourceNouns.has(toks[k].lower)) return { keys: [m.actorKey], via: 'source', tokStart: i, tokEnd: k + 1 };
    return null;
  }
  // skip adjectives up to the document noun ("another report", "the latest figures", "event organizers' estimates")
  while (j < to && j < i + 3 && !LEXICON.sourceNouns.has(toks[j].lower) && toks[j].word && !toks[j].cap && !PREPOSITIONS.has(toks[j].lower)) j++;
  // "the Post" (a newspaper's short name) is a name, not "a post"
  if (j >= to || !LEXICON.sourceNouns.has(toks[j].lower) || (toks[j].cap && j > 0)) return null;
  // "a report on Wednesday by UpGuard": a short phrase may sit between the document and its author
  let p = j + 1;
  while (p < to && p < j + 5 && toks[p].word && !['from', 'by', 'of', 'released', 'published', 'issued'].includes(toks[p].lower) && (!toks[p].cap || LEXICON.notNames.has(toks[p].lower))) p++;
  if (p > j + 1 && !['from', 'by'].includes(toks[p]?.lower ?? '')) p = j + 1;
  const prep = toks[p];
  if (!prep || !['from', 'by', 'of', 'released', 'published', 'issued'].includes(prep.lower) || (['released', 'published', 'issued'].includes(prep.lower) && toks[p + 1]?.lower !== 'by')) {
    // "a large study published on Thursday", "a police affidavit": the document itself is the source
    if (!DETERMINERS.has(toks[i - 1]?.lower ?? '') && !DETERMINERS.has(toks[i]?.lower ?? '')) return null;
    if (prep && !['released', 'published', 'issued', 'seen', 'obtained', 'filed', 'made', 'cited', 'quoted'].includes(prep.lower) && p < to) return null;
    // "According to its press release, the league ...": the owner of the document, when the pronoun has one
    const owner = [toks[i - 1], toks[i]].find((x) => x && POSSESSIVE_OWNER[x.lower]);
    const ante = owner && owner.start < toks[j].start ? antecedent(ctx, owner.start, POSSESSIVE_OWNER[owner.lower]) : undefined;
    if (ante) return { keys: [ante.key], via: 'pronoun', tokStart: i, tokEnd: j + 1, antecedent: ante };
    const mod = j > i && LEXICON.compoundModifiers.has(toks[j - 1].lower) ? `${toks[j - 1].lower} ` : '';
    const alias = ctx.body.slice(toks[i].start, toks[j].end);
    return { keys: [groupActor(ctx, mod + toks[j].lower, alias)], via: 'source', tokStart: i, tokEnd: j + 1 };
  }
  let k = p + 1;
  if (prep.lower !== 'from' && prep.lower !== 'by' && prep.lower !== 'of') {
    if (toks[k]?.lower !== 'by') return null;
    k++;
  }
  const inner = parseNounPhrase(ctx, si, k, to);
  return inner ? { ...inner, via: 'source', tokStart: i } : null;
}

/** "the foreign minister", "the archive", "the ministry": an earlier actor whose role or name ends in that word. */
function describedActor(ctx: SpeakerContext, si: number, toks: Token[], i: number, to: number): SpeakerRef | null {
  let j = i;
  if (!['the', 'this'].includes(toks[j - 1]?.lower ?? '') && !['the', 'this'].includes(toks[j]?.lower ?? '')) return null;
  if (toks[j]?.lower === 'the' || toks[j]?.lower === 'this') j++;
  let end = j;
  while (end < to && toks[end].word && !toks[end].cap && !PREPOSITIONS.has(toks[end].lower) && end < j + 4) end++;
  if (end === j) return null;
  const head = toks[end - 1].lower;
  const words = toks.slice(j, end).map((t) => t.lower);
  const pos = toks[i].start;
  // newest actor first: a role sharing the head word, or a name ending in it
  const mentions = ctx.index.mentions.filter((m) => m.field === 'body' && m.start < pos).reverse();
  for (const m of mentions) {
    const a = actorOf(ctx, m.actorKey);
    if (!a) continue;
    const role = (a.role ?? '').toLowerCase();
    const roleWords = role.split(/\s+/);
    if (a.type === 'person' && role && (roleWords.includes(head) || words.filter((w) => roleWords.includes(w)).length >= 1 && LEXICON.titles.has(head))) {
      return { keys: [a.key], via: 'description', tokStart: i, tokEnd: end };
    }
    const nameWords = a.name.toLowerCase().split(/\s+/);
    if (a.type !== 'person' && nameWords[nameWords.length - 1] === head && words.slice(0, -1).every((w) => nameWords.includes(w))) return { keys: [a.key], via: 'description', tokStart: i, tokEnd: end };
  }
  // "the company said", "the government said": the organisation or country named last
  const wanted = LEXICON.orgDescriptions.has(head) ? 'organization' : LEXICON.countryDescriptions.has(head) ? 'country' : null;
  if (wanted && end - j <= 2) {
    for (const m of mentions) {
      const a = actorOf(ctx, m.actorKey);
      if (a?.type !== wanted || m.form === 'demonym' || ctx.sentences[m.sentence]?.dateline) continue;
      // "the ministry" is a ministry, "the court" a court; "the company" or "the group" is any organisation
      const kindWord = wanted === 'organization' && LEXICON.orgWords.has(head) && !LEXICON.genericOrgDescriptions.has(head);
      if (kindWord && !a.name.toLowerCase().split(/\s+/).includes(head)) continue;
      // "the port authority": a modifier must be part of the name too
      if (end - j === 2 && !a.name.toLowerCase().split(/\s+/).includes(words[0])) continue;
      return { keys: [a.key], via: 'description', tokStart: i, tokEnd: end };
    }
  }
  // "the prime minister said", "the port authority said" with no such actor named before: an unnamed source
  const phrase = words.join(' ');
  if (end - j <= 3 && (isTitle(phrase) || isTitle(head) && end - j === 1 || wanted === 'organization')) {
    return { keys: [groupActor(ctx, phrase, ctx.body.slice(toks[i].start, toks[end - 1].end))], via: 'group', tokStart: i, tokEnd: end };
  }
  return null;
}
