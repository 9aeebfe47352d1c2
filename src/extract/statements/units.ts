// Phrases that can be a speaker: named actors, pronouns (with their antecedents), unnamed sources, "the minister", "the report".

import type { ActorIndex, ActorMention } from '../actors/index.js';
import type { Doc } from '../document.js';
import type { Token } from '../nlp/doc.js';
import { actorKey, type Lexicon } from '../resources.js';
import type { ActorDraft, ActorType } from '../types.js';

export type Via = 'name' | 'pronoun' | 'group' | 'description' | 'source' | 'possessor';

/** A speaker phrase in a sentence, resolved to an actor (or to a group actor made if it is chosen). */
export interface Unit {
  tokStart: number;
  tokEnd: number;
  sentence: number;
  key: string;
  type: ActorType;
  via: Via;
  /** an actor to add to the article when this unit is chosen as a speaker (unnamed sources) */
  makes?: ActorDraft;
  /** for pronouns and descriptions: how many candidates back the antecedent was (0 = most recent) */
  rank?: number;
  /** for pronouns: the antecedent's gender is known and agrees ("she" and Ann Lee) */
  agrees?: boolean;
  /** for pronouns: the antecedent was itself the subject of a cue */
  speakerLike?: boolean;
  /** for pronouns: sentences between the antecedent's last mention and the pronoun */
  back?: number;
  /** how often the actor is mentioned in the article */
  mentions?: number;
  /** the head word, lower case */
  head: string;
}

const PRONOUNS: Record<string, 'he' | 'she' | 'plural' | 'thing'> = { he: 'he', she: 'she', they: 'plural', it: 'thing' };

/** What "he" and "she" can stand for: from honorifics used with the name, else from the given name. */
function genders(doc: Doc, lex: Lexicon, index: ActorIndex): Map<string, 'he' | 'she'> {
  const out = new Map<string, 'he' | 'she'>();
  // the first mention at each token, looked up rather than searched for once per honorific
  const mentionAt = new Map<number, ActorMention>();
  for (const m of index.mentions) if (!mentionAt.has(m.tokStart)) mentionAt.set(m.tokStart, m);
  for (const { cand } of index.typed) {
    if (!cand.honorific) continue;
    const at = mentionAt.get(cand.tokStart);
    const m = at && at.sentence === cand.sentence ? at : undefined;
    const h = cand.honorific.toLowerCase();
    if (m) out.set(m.actorKey, lex.maleHonorifics.has(h) ? 'he' : lex.femaleHonorifics.has(h) ? 'she' : out.get(m.actorKey)!);
  }
  for (const a of index.actors.values()) {
    if (a.type !== 'person' || out.get(a.key)) continue;
    const first = a.name.split(/\s+/)[0].toLowerCase();
    if (lex.maleNames.has(first)) out.set(a.key, 'he');
    else if (lex.femaleNames.has(first)) out.set(a.key, 'she');
  }
  for (const [k, v] of out) if (!v) out.delete(k);
  void doc;
  return out;
}

/** Speaker phrases of every body sentence, in token order. */
export function findUnits(doc: Doc, lex: Lexicon, index: ActorIndex): Unit[][] {
  const toks = doc.tokens;
  const out: Unit[][] = doc.sentences.map(() => []);
  // actors a later pronoun or description can point back to, in body order
  const seen = new SeenActors();
  const holders = roleHolders(index);
  const gender = genders(doc, lex, index);
  const counts = new Map<string, number>();
  for (const m of index.mentions) counts.set(m.actorKey, (counts.get(m.actorKey) ?? 0) + 1);
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    if (s.para < 0) continue;
    const units = out[si];
    const mentions = index.bySentence[si];
    let mi = 0;
    for (let i = s.tokStart; i < s.tokEnd; i++) {
      const t = toks[i];
      while (mi < mentions.length && mentions[mi].tokEnd <= i) mi++;
      const m: ActorMention | undefined = mentions[mi] && mentions[mi].tokStart <= i ? mentions[mi] : undefined;
      if (m && m.tokStart === i) {
        const a = index.actors.get(m.actorKey)!;
        // "Smith's spokesman", "the ministry's statement": the possessor speaks through what follows
        const after = toks[m.tokEnd];
        if (after && (after.lower === "'s" || after.lower === '’s') && !t.quoted) {
          const head = nounHead(toks, m.tokEnd + 1, s.tokEnd);
          if (head >= 0 && (lex.singularSources.has(toks[head].lower) || lex.pluralSources.has(toks[head].lower) || lex.sourceNouns.has(toks[head].lower))) {
            units.push({ tokStart: i, tokEnd: head + 1, sentence: si, key: a.key, type: a.type, via: 'possessor', head: toks[head].lower });
            const g = groupUnit(doc, lex, head, m.tokEnd + 1, head + 1, si, a.key);
            if (g) units.push(g);
            i = head;
            continue;
          }
        }
        // "a Trump-backed candidate", "the Labour-led council": the name modifies the noun after it, which speaks
        if (after && after.text === '-' && !after.spaceBefore && toks[m.tokEnd + 1] && !toks[m.tokEnd + 1].spaceBefore && !toks[m.tokEnd + 1].cap) {
          i = m.tokEnd - 1;
          continue;
        }
        if (!t.quoted) units.push({ tokStart: m.tokStart, tokEnd: m.tokEnd, sentence: si, key: a.key, type: a.type, via: 'name', head: toks[m.tokEnd - 1].lower });
        seen.add({ tok: m.tokStart, key: a.key, type: a.type, speakerLike: followedByCue(toks, lex, m.tokEnd, s.tokEnd), role: a.role, plural: a.type === 'group', sentence: si });
        i = m.tokEnd - 1;
        continue;
      }
      if (t.quoted || !t.word) continue;
      const kind = PRONOUNS[t.lower];
      if (kind && t.pos === 'PRON') {
        // antecedents: the most recent distinct actors of a fitting kind (a known gender must agree), up to three
        const picks: Seen[] = [];
        // in body order, so the first more than six sentences back ends the search: all before it are further back
        for (let k = seen.list.length - 1; k >= 0 && picks.length < 3; k--) {
          const x = seen.list[k];
          if (si - x.sentence > 6) break;
          if (picks.some((p) => p.key === x.key)) continue;
          const fits =
            kind === 'he' || kind === 'she'
              ? (x.type === 'person' && (gender.get(x.key) ?? kind) === kind) || (x.type === 'group' && !x.plural)
              : kind === 'plural'
                ? x.plural || x.type === 'organization' || x.type === 'group'
                : x.type === 'organization' || x.type === 'country';
          if (fits) picks.push(x);
        }
        picks.forEach((p, rank) =>
          units.push({
            tokStart: i, tokEnd: i + 1, sentence: si, key: p.key, type: p.type, via: 'pronoun', rank, head: t.lower,
            agrees: gender.get(p.key) === kind, speakerLike: seen.speakerLike.has(p.key), back: si - p.sentence, mentions: counts.get(p.key) ?? 0,
            // an unnamed source becomes an actor only if something is attributed to it
            makes: p.makes,
          }),
        );
        continue;
      }
      if (lex.pluralSources.has(t.lower) || lex.singularSources.has(t.lower) || lex.orgDescriptions.has(t.lower) || lex.countryDescriptions.has(t.lower) || (lex.titles.has(t.lower) && !t.cap) || lex.sourceNouns.has(t.lower)) {
        if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
        // only the head of its phrase ("police officers": "officers")
        const nx = toks[i + 1];
        if (nx && nx.word && (nx.pos === 'NOUN' || nx.pos === 'PROPN') && !nx.cap && i + 1 < s.tokEnd) continue;
        let a = i;
        while (a > s.tokStart && (toks[a - 1].pos === 'ADJ' || toks[a - 1].pos === 'NOUN' || lex.compoundModifiers.has(toks[a - 1].lower)) && !toks[a - 1].quoted && i - a < 3) a--;
        const det = a > s.tokStart && lex.determiners.has(toks[a - 1].lower) ? toks[a - 1].lower : null;
        // "Ron Patel, the fire chief,", "the fire chief, Ron Patel,", "lawyer Steven Rourke": a role in apposition to a
        // name is that person, as is "the minister" when one person in the article holds that office
        const described = appositionPerson(toks, mentions, index, a, i, s.tokEnd) ?? roleHolder(seen, holders, t.lower, lex);
        if (described) {
          const actor = index.actors.get(described)!;
          units.push({ tokStart: a, tokEnd: i + 1, sentence: si, key: described, type: actor.type, via: 'description', rank: 0, head: t.lower });
          continue;
        }
        const u = groupUnit(doc, lex, i, a, i + 1, si, null, det, seen);
        if (u) {
          units.push(u);
          // "Foreign ministers met in Cairo. They called on Turkey to ...": an unnamed source is an antecedent too
          if (u.type === 'group') seen.add({ tok: i, key: u.key, type: 'group', speakerLike: followedByCue(toks, lex, i + 1, s.tokEnd), role: null, plural: lex.pluralSources.has(t.lower), sentence: si, makes: u.makes });
        }
      }
    }
  }
  return out;
}

function followedByCue(toks: Token[], lex: Lexicon, i: number, end: number): boolean {
  for (let k = i; k < end && k < i + 3; k++) if (lex.cues.get(toks[k].lemma)?.some((f) => f.kind === 'speech')) return true;
  return false;
}

/** The noun a phrase starting at i is headed by ("spokesman" in "spokesman Tom Lee", "statement" in "latest statement"). */
function nounHead(toks: Token[], i: number, end: number): number {
  let k = i;
  while (k < end && (toks[k].pos === 'ADJ' || toks[k].pos === 'NOUN') && k - i < 4) {
    if (toks[k + 1] && (toks[k + 1].pos === 'NOUN') && !toks[k + 1].cap) k++;
    else return toks[k].pos === 'NOUN' ? k : -1;
  }
  return -1;
}

/**
 * An unnamed source ("officials", "a police spokesman"), a description of a known actor ("the company", "the
 * government", "the minister") or a document ("the report"). A description resolves to the most recent actor it fits.
 */
function groupUnit(
  doc: Doc,
  lex: Lexicon,
  head: number,
  from: number,
  to: number,
  si: number,
  owner: string | null,
  det: string | null = null,
  seen: SeenActors = new SeenActors(),
): Unit | null {
  const toks = doc.tokens;
  const h = toks[head].lower;
  const definite = det === 'the' || det === 'this' || det === 'its' || det === 'their' || det === 'his' || det === 'her';
  if (definite && !owner) {
    // "the company said": the organisation last named; "the government": the country; "the minister": the person with that role
    const want: ActorType | null = lex.orgDescriptions.has(h) ? 'organization' : lex.countryDescriptions.has(h) ? 'country' : null;
    if (want) {
      const hit = seen.lastOfType.get(want);
      if (hit) return { tokStart: from, tokEnd: to, sentence: si, key: hit.key, type: hit.type, via: 'description', rank: 0, head: h };
    }
    if (lex.titles.has(h)) {
      const hit = seen.lastWithRoleHolding(h);
      if (hit) return { tokStart: from, tokEnd: to, sentence: si, key: hit.key, type: 'person', via: 'description', rank: 0, head: h };
    }
  }
  const words = toks.slice(from, to).map((t) => t.lower).filter((w) => !lex.determiners.has(w));
  // the name of an unnamed source is its head noun, with a compound modifier that makes it specific ("police spokesman")
  const mod = words.length > 1 && lex.compoundModifiers.has(words[words.length - 2]) ? `${words[words.length - 2]} ` : '';
  const name = `${mod}${h}`;
  const key = actorKey('group', name);
  const alias = doc.body.slice(toks[from].start, toks[to - 1].end);
  const via: Via = lex.sourceNouns.has(h) ? 'source' : 'group';
  return { tokStart: from, tokEnd: to, sentence: si, key, type: 'group', via, head: h, makes: { key, name, type: 'group', role: null, affiliationKey: owner, aliases: [alias] } };
}

/** A person named right next to a role phrase [a, head]: before it with a comma, or after it (with or without one). */
function appositionPerson(toks: Token[], mentions: ActorMention[], index: ActorIndex, a: number, head: number, end: number): string | null {
  const person = (m: ActorMention | undefined) => (m && index.actors.get(m.actorKey)?.type === 'person' ? m.actorKey : null);
  let b = a - 1;
  if (b >= 0 && ['the', 'a', 'an'].includes(toks[b].lower)) b--;
  if (toks[b]?.text === ',') {
    const before = person(mentions.find((m) => m.tokEnd === b));
    if (before) return before;
  }
  let n = head + 1;
  if (n < end && toks[n].text === ',') n++;
  // "Its medical director, Dr Anne Fielding,": past an honorific
  if (n < end && /^(?:mr|mrs|ms|dr|prof|sir|dame)\.?$/i.test(toks[n].text)) n++;
  return person(mentions.find((m) => m.tokStart === n));
}

/** The one person of the article whose role names this office ("minister" → the person whose role is "Tourism Minister"). */
function roleHolder(seen: SeenActors, holders: Map<string, string[]>, head: string, lex: Lexicon): string | null {
  if (!lex.titles.has(head) && !lex.descriptors.has(head) && !lex.singularSources.has(head)) return null;
  const recent = seen.lastWithRoleWord.get(head);
  if (recent) return recent.key;
  const all = holders.get(head) ?? [];
  return all.length === 1 ? all[0] : null;
}

/** The words of a role, as roleHolder matches a description's head against them. */
const roleWords = (role: string | null) => (role ? role.toLowerCase().split(/[^a-z.]+/) : []);

/** The persons of the article by each word of their role, worked out once rather than for each description. */
function roleHolders(index: ActorIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of index.actors.values()) {
    if (a.type !== 'person') continue;
    for (const w of new Set(roleWords(a.role))) {
      const list = out.get(w);
      if (list) list.push(a.key);
      else out.set(w, [a.key]);
    }
  }
  return out;
}

interface Seen {
  tok: number;
  key: string;
  type: ActorType;
  speakerLike: boolean;
  role: string | null;
  plural: boolean;
  sentence: number;
  makes?: ActorDraft;
}

/**
 * The actors seen so far, in body order, with what later phrases ask of them kept up to date as they are added: the
 * last of each type, of each role word, whether a key was ever a cue's subject. Searching the whole list back for each
 * pronoun or description would cost the square of the article's length.
 */
class SeenActors {
  readonly list: Seen[] = [];
  readonly speakerLike = new Set<string>();
  readonly lastOfType = new Map<ActorType, Seen>();
  readonly lastWithRoleWord = new Map<string, Seen>();
  /** per office word: the last person whose role contains it, and how far the list has been searched for it */
  private readonly byOffice = new Map<string, { hit: Seen | undefined; searched: number }>();
  private readonly withRole: Seen[] = [];

  add(x: Seen): void {
    this.list.push(x);
    if (x.speakerLike) this.speakerLike.add(x.key);
    this.lastOfType.set(x.type, x);
    if (x.type === 'person' && x.role !== null) {
      this.withRole.push(x);
      for (const w of roleWords(x.role)) this.lastWithRoleWord.set(w, x);
    }
  }

  /** The last person seen whose role contains `office` (as text: "minister" in "Prime Minister"); each person is tested once per office word. */
  lastWithRoleHolding(office: string): Seen | undefined {
    let memo = this.byOffice.get(office);
    if (!memo) this.byOffice.set(office, (memo = { hit: undefined, searched: 0 }));
    for (; memo.searched < this.withRole.length; memo.searched++) {
      const x = this.withRole[memo.searched];
      if (x.role!.toLowerCase().includes(office)) memo.hit = x;
    }
    return memo.hit;
  }
}
