// NER-lite: finds people, organisations, countries and places in the title and body, links their surface forms
// (surnames, "Mr X", acronyms, demonyms, capitals) to one actor each, and reads roles and affiliations.

import { LEXICON, TOKEN_RE, actorKey, isTitle, lower, type GazetteerEntry } from './lexicon.js';
import { isPossessive, type Token } from './tokens.js';
import type { ActorDraft, ActorType, MentionDraft } from './types.js';

/** A sentence (or the title) with its tokens; offsets are into the body, or into the title for field 'title'. */
export interface TokenizedSentence {
  start: number;
  end: number;
  para: number;
  tokens: Token[];
  field: 'title' | 'body';
  /** a wire-copy dateline ("DAYTON, Ohio (AP) —") */
  dateline?: boolean;
}

/** One occurrence of an actor, with the token range it covers in its sentence. */
export interface ActorMention extends MentionDraft {
  sentence: number;
  tokStart: number;
  tokEnd: number;
  /** how the text names the actor: a plain name, a demonym ("North Korean"), a capital ("Pyongyang") */
  form: 'name' | 'demonym' | 'capital' | 'acronym' | 'surname' | 'honorific';
  /** a role phrase read off this mention ("NATO Secretary General") */
  role?: RoleReading;
}

export interface RoleReading {
  text: string;
  affiliationKey: string | null;
  score: number;
}

interface Candidate {
  sentence: number;
  tokStart: number;
  tokEnd: number;
  /** tokens of the name itself, titles and honorifics removed */
  nameStart: number;
  type: ActorType;
  entry?: GazetteerEntry;
  honorific: boolean;
  titled: boolean;
  sentenceInitial: boolean;
  /** the organisation's country when a demonym or country name leads it ("Turkish Ministry of Foreign Affairs") */
  countryKey?: string;
  /** found in a dateline: a place written in capitals ("BOULDER CREEK") */
  dateline?: boolean;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'du', 'des', 'bin', 'binti', 'ibn', 'al', 'el', 'van', 'von', 'der', 'den', 'le', 'la', 'y', 'e', 'on', 'and', '&']);
// particles that belong inside personal names ("Mohammad bin Salman", "Jean-Yves Le Drian", "Ludwig van Beethoven")
const NAME_PARTICLES = new Set(['bin', 'binti', 'ibn', 'al', 'el', 'van', 'von', 'der', 'den', 'de', 'del', 'da', 'di', 'du', 'le', 'la', 'dos', 'das', 'y']);
const OPEN_CONTEXT = new Set(['“', '"', '‘', "'", '(', '[', '«', ':', '—', '–', '-', '•']);

/** The word without one trailing period ("sen." -> "sen"), as .replace(/\.$/, '') but without a regex: titleAt runs for most tokens. */
export const withoutPeriod = (w: string) => (w.charCodeAt(w.length - 1) === 46 /* . */ ? w.slice(0, -1) : w);

/** Longest title phrase ("secretary of state", "foreign policy chief") starting at token i, as a token count. */
export function titleAt(tokens: Token[], i: number): number {
  const list = LEXICON.titles.get(withoutPeriod(tokens[i]?.lower ?? ''));
  if (!list) return 0;
  for (const words of list) {
    let k = 0;
    let j = i;
    for (; k < words.length && j < tokens.length; k++, j++) {
      if (withoutPeriod(tokens[j].lower) !== words[k]) break;
    }
    if (k === words.length) {
      // "Sen." style: swallow the trailing period token
      if (tokens[j]?.text === '.' && /\.$/.test(words[k - 1] ?? '') === false && tokens[j].start === tokens[j - 1].end && LEXICON.abbreviations.has(words[k - 1])) j++;
      return j - i;
    }
  }
  return 0;
}

/** "Officers [Name] and [Name]": a plural of a one-word title, as a token count (0 or 1). */
function pluralTitleAt(tokens: Token[], i: number): number {
  const t = tokens[i];
  if (!t || !/[^s]s$/.test(t.lower) || !isNameWord(tokens[i + 1])) return 0;
  return isTitle(t.lower.replace(/ies$/, 'y').replace(/s$/, '')) ? 1 : 0;
}

/** Whether a title phrase ends right before token i ("foreign minister [X]", "president [X]"). */
function titleEndsAt(toks: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) if (titleAt(toks, k) === i - k) return true;
  return false;
}

// An entry's first token matches only a capitalised token (names need the capital; acronyms and all-caps forms
// match exactly, and all of them start with a capital) — so a lower-case token, most of a text, needs no lookup.
// Worked out from the data, so an entry that breaks the rule turns the shortcut off instead of being missed.
const ONLY_CAPITALISED = [...LEXICON.gazetteer.values()].every((list) => list.every((e) => !e.exact || /^\p{Lu}/u.test(e.tokens[0])));

/** Longest gazetteer entry starting at token i. */
export function gazetteerAt(tokens: Token[], i: number): GazetteerEntry | null {
  const t = tokens[i];
  if (!t || (ONLY_CAPITALISED && !t.cap)) return null;
  const list = LEXICON.gazetteer.get(t.lower);
  if (!list) return null;
  for (const e of list) {
    if (i + e.tokens.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < e.tokens.length && ok; k++) {
      const tok = tokens[i + k];
      // adjacent tokens only ("U.S.–Mexico" is two names, "EU" inside "EU-wide" is fine)
      if (k > 0 && tok.start > tokens[i + k - 1].end + 1) ok = false;
      else if (e.exact) ok = tok.text === e.tokens[k] || (tok.text.replace(/’/g, "'") === e.tokens[k].replace(/’/g, "'"));
      else ok = tok.lower === lower(e.tokens[k]) && (k > 0 || tok.cap);
    }
    if (ok) return e;
  }
  return null;
}

const isNameWord = (t: Token | undefined) => !!t && t.word && (t.cap || /^\d/.test(t.text) === false && /^[\p{Lu}\d]/u.test(t.text));

/** "D-N.M.", "R-Ky.": a US legislator's party and state after the name, no actor of its own. */
export const PARTY_TAG = /^[DRI]-[\p{Lu}][\p{L}.]*$/u;

/** Candidates from one sentence's tokens. */
function scanSentence(s: TokenizedSentence, si: number, out: Candidate[]) {
  const toks = s.tokens;
  if (s.dateline) return scanDateline(toks, si, out);
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (!t.word) {
      i++;
      continue;
    }
    const initial = isSentenceInitial(toks, i);
    const entry = gazetteerAt(toks, i);
    if (entry) {
      let end = i + entry.tokens.length;
      // a demonym or country leading a capitalised body name is part of it: "Turkish Ministry of Foreign Affairs"
      if (entry.type === 'country' || entry.type === 'organization') {
        let chunkEnd = capitalChunkEnd(toks, end);
        const next = gazetteerAt(toks, end);
        let orgChunk = toks.slice(end, chunkEnd).some((x) => LEXICON.orgWords.has(x.lower));
        // "Amazon Web Services", "Google Cloud Services": capitalised common words closed by an organisation word
        if (!orgChunk && !next) {
          let k = end;
          while (k < toks.length && k < end + 3 && toks[k].cap && toks[k].word && !gazetteerAt(toks, k)) k++;
          if (k > end && LEXICON.orgWords.has(toks[k - 1].lower) && toks[k - 1].start === toks[k - 2]?.end + 1) {
            chunkEnd = k;
            orgChunk = true;
          }
        }
        if (chunkEnd > end && titleAt(toks, end) === 0 && orgChunk && (!next || next.type === 'organization')) {
          out.push({ sentence: si, tokStart: i, tokEnd: chunkEnd, nameStart: i, type: 'organization', honorific: false, titled: false, sentenceInitial: initial, countryKey: entry.type === 'country' ? entry.key : undefined });
          i = chunkEnd;
          continue;
        }
      }
      out.push({ sentence: si, tokStart: i, tokEnd: end, nameStart: i, type: entry.type, entry, honorific: false, titled: false, sentenceInitial: initial });
      i = end;
      continue;
    }
    if (!t.cap || PARTY_TAG.test(t.text)) {
      i++;
      continue;
    }
    // honorific: "Mr. Borrell", "Mr Borrell", "Dr Smith"
    if (LEXICON.honorifics.has(t.lower)) {
      let j = i + 1;
      if (toks[j]?.text === '.') j++;
      const end = isNameWord(toks[j]) && !gazetteerAt(toks, j) ? nameRunEnd(toks, j) : j;
      if (end > j) {
        out.push({ sentence: si, tokStart: i, tokEnd: end, nameStart: j, type: 'person', honorific: true, titled: false, sentenceInitial: initial });
        i = end;
        continue;
      }
      i = j;
      continue;
    }
    // titles before a name: "Secretary General Mark Rutte", "Prime Minister Theresa May"
    let j = i;
    let titled = false;
    for (let n = titleAt(toks, j) || pluralTitleAt(toks, j); n > 0 && toks[j].cap; n = titleAt(toks, j)) {
      j += n;
      titled = true;
      // "First Minister of Scotland Nicola Sturgeon": the place after the title belongs to the role
      if (toks[j]?.lower === 'of' && toks[j + 1] && gazetteerAt(toks, j + 1)) {
        const e = gazetteerAt(toks, j + 1)!;
        out.push({ sentence: si, tokStart: j + 1, tokEnd: j + 1 + e.tokens.length, nameStart: j + 1, type: e.type, entry: e, honorific: false, titled: false, sentenceInitial: false });
        j += 1 + e.tokens.length;
      }
    }
    if (titled) {
      if (isNameWord(toks[j]) && !gazetteerAt(toks, j) && !LEXICON.functionWords.has(toks[j].lower)) {
        const end = nameRunEnd(toks, j);
        if (end > j) out.push({ sentence: si, tokStart: i, tokEnd: end, nameStart: j, type: 'person', honorific: false, titled: true, sentenceInitial: initial });
        i = Math.max(end, j);
      } else i = j; // a title with no name after it ("Secretary General") is no actor
      continue;
    }
    // a plain capitalised chunk; a function word capitalised only because it starts the sentence is skipped
    if (initial && LEXICON.functionWords.has(t.lower)) {
      i++;
      continue;
    }
    let end = capitalChunkEnd(toks, i);
    if (end === i) {
      i++;
      continue;
    }
    // "People's Vote", "Children's Hospital": a common word with a possessive leading a name is part of it
    if (end === i + 1 && isPossessive(toks[end]) && LEXICON.functionWords.has(t.lower) && toks[end + 1]?.cap && toks[end + 1].word) {
      end = Math.max(end + 2, capitalChunkEnd(toks, end + 1));
    }
    let type = classify(toks, i, end);
    // "Turkish president Erdoğan", "prosecutor Josh Bash": a title in lower case right before a name
    const titledBefore = type !== 'organization' && type !== 'place' && end - i <= 4 && titleEndsAt(toks, i);
    if (titledBefore) type = 'person';
    out.push({ sentence: si, tokStart: i, tokEnd: end, nameStart: i, type, honorific: false, titled: titledBefore, sentenceInitial: initial });
    i = end;
  }
}

/** A dateline names places (in capitals, or known names) and the agency in brackets; nothing in it is a person. */
function scanDateline(toks: Token[], si: number, out: Candidate[]) {
  for (let i = 0; i < toks.length; ) {
    const entry = gazetteerAt(toks, i);
    if (entry) {
      const type = entry.form === 'capital' ? 'place' : entry.type;
      out.push({ sentence: si, tokStart: i, tokEnd: i + entry.tokens.length, nameStart: i, type, entry, honorific: false, titled: false, sentenceInitial: false, dateline: true });
      i += entry.tokens.length;
      continue;
    }
    let j = i;
    while (j < toks.length && toks[j].word && /^[\p{Lu}\p{M}.'’-]{2,}$/u.test(toks[j].text) && !gazetteerAt(toks, j)) j++;
    if (j > i) out.push({ sentence: si, tokStart: i, tokEnd: j, nameStart: i, type: 'place', honorific: false, titled: false, sentenceInitial: false, dateline: true });
    i = Math.max(j, i + 1);
  }
}

/** "BOULDER CREEK" -> "Boulder Creek": datelines shout their place names. */
const titleCase = (s: string) => s.replace(/\p{Lu}[\p{Lu}\p{M}'’]+/gu, (w) => w[0] + w.slice(1).toLowerCase());

function isSentenceInitial(toks: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    if (OPEN_CONTEXT.has(toks[k].text)) continue;
    return false;
  }
  return true;
}

/** End of a run of name words ("Mohammad bin Salman", "Jessie K. Liu", "Jean-Yves Le Drian"). */
function nameRunEnd(toks: Token[], i: number): number {
  let j = i;
  while (j < toks.length) {
    const t = toks[j];
    if (isNameWord(t) && !LEXICON.notNames.has(t.lower) && (j === i || !gazetteerAt(toks, j) || gazetteerAt(toks, j)!.type !== 'country')) {
      j++;
      // an initial: "K." in "Jessie K. Liu"
      if (/^\p{Lu}$/u.test(t.text) && toks[j]?.text === '.' && isNameWord(toks[j + 1])) j++;
      continue;
    }
    if (j > i && NAME_PARTICLES.has(t.lower) && !t.cap && isNameWord(toks[j + 1])) {
      j++;
      continue;
    }
    if (j > i && (t.text === 'Jr' || t.text === 'Sr')) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** End of a capitalised chunk starting at i: name words joined by connectors ("Office of the UN High Commissioner for Human Rights"). */
function capitalChunkEnd(toks: Token[], i: number): number {
  let j = i;
  let last = i;
  while (j < toks.length) {
    const t = toks[j];
    if (t.word && t.cap && !LEXICON.notNames.has(t.lower)) {
      // a title inside a chunk starts a new name ("Labour MP Tom Watson" is not one name)
      if (j > i && titleAt(toks, j) && j === last) break;
      j++;
      last = j;
      continue;
    }
    if (t.word && /^\d/.test(t.text) && j > i && j === last && toks[j - 1].cap && !/^\d{4}$/.test(t.text)) {
      // "Flight 610", "Resolution 2259" are names only with a capital before; years are not part of names
      j++;
      last = j;
      continue;
    }
    // "of" and "for" join only after a word that takes them ("Office of", "Ministry of", "Secretary of"):
    // "Martin Smith of PBS" is a person and an organisation
    const takesOf = toks.slice(i, last).some((x) => LEXICON.orgWords.has(x.lower) || LEXICON.placeWords.has(x.lower) || LEXICON.titles.has(x.lower));
    const joins = (t.lower !== 'of' && t.lower !== 'for') || takesOf;
    if (j > i && j === last && joins && CONNECTORS.has(t.lower) && !t.cap && t.lower !== 'and' && t.lower !== '&' && t.lower !== 'on') {
      // a connector joins only capitalised words that follow it ("of the UN", "for Human Rights")
      let k = j + 1;
      while (k < toks.length && (toks[k].lower === 'the' || NAME_PARTICLES.has(toks[k].lower))) k++;
      if (isNameWord(toks[k]) && !LEXICON.notNames.has(toks[k].lower)) {
        // "Crown Prince X of Saudi Arabia": a country after "of" is not part of a personal name; the chunk ends
        const e = gazetteerAt(toks, k);
        if (e && e.type === 'country' && !LEXICON.orgWords.has(toks[last - 1].lower)) break;
        j = k;
        continue;
      }
    }
    // "Seafarers' Union", "Veterans' Affairs": a plural possessive inside a name
    if ((t.text === "'" || t.text === '’') && j === last && j > i && t.start === toks[j - 1].end && /s$/.test(toks[j - 1].text) && isNameWord(toks[j + 1])) {
      j++;
      continue;
    }
    if ((t.text === '&') && j === last && isNameWord(toks[j + 1])) {
      j++;
      continue;
    }
    break;
  }
  return last;
}

function classify(toks: Token[], i: number, end: number): ActorType {
  const words = toks.slice(i, end).filter((t) => t.word);
  const lastWord = words[words.length - 1]?.lower ?? '';
  if (words.some((w) => LEXICON.orgWords.has(w.lower)) && !LEXICON.placeWords.has(lastWord)) return 'organization';
  if (describedAsOrganization(toks, i)) return 'organization';
  if (LEXICON.placeWords.has(lastWord)) return 'place';
  // "Allen, Texas" and "Chippewa Falls, Wisconsin": a name followed by a state or country is a place
  const after = toks[end];
  if (after?.text === ',' && toks[end + 1]) {
    const e = gazetteerAt(toks, end + 1);
    if (e && (e.type === 'place' || e.type === 'country') && e.form === 'name') return 'place';
  }
  const before = toks[i - 1];
  if (before && LEXICON.locatives.has(before.lower) && words.length === 1) return 'place';
  if (words.length === 1 && /^[\p{Lu}\d&]{2,}$/u.test(words[0].text)) return 'organization';
  const nameLike = (w: Token) => /^\p{Lu}[\p{Ll}\p{M}'’.-]*\p{Ll}/u.test(w.text) || /^\p{Lu}\.?$/u.test(w.text) || /^\p{Lu}[\p{Ll}]+-\p{Lu}/u.test(w.text) || (NAME_PARTICLES.has(w.text) && w !== words[0]);
  if (words.length >= 2 && words.length <= 5 && words.every(nameLike) && words.every((w) => !LEXICON.notNames.has(w.lower))) return 'person';
  return 'other';
}

/**
 * "shipping group Norvik Freight", "the carmaker Veltra", "The company that runs the site, Brightline Logistics,": a
 * name right after a word that describes an organisation (or in apposition to a phrase led by one) is one, even
 * without an organisation word of its own.
 */
function describedAsOrganization(toks: Token[], i: number): boolean {
  const before = toks[i - 1];
  if (!before) return false;
  if (!before.cap && before.word && LEXICON.orgDescriptions.has(before.lower)) return true;
  if (before.text !== ',') return false;
  let k = i - 2;
  while (k > 0 && toks[k - 1].text !== ',' && !toks[k - 1].quoted) k--;
  const det = toks[k];
  const noun = toks[k + 1];
  return !!det && !!noun && ['the', 'a', 'an'].includes(det.lower) && !noun.cap && LEXICON.orgDescriptions.has(noun.lower);
}

/** The result of actor finding for one article. */
export interface ActorIndex {
  actors: Map<string, ActorDraft>;
  mentions: ActorMention[];
  /** mentions per sentence index, in token order */
  bySentence: ActorMention[][];
  /** lower-cased phrases that a lowercase definition showed are not actors ("exclusive economic zone (EEZ)") */
}

interface Pending {
  c: Candidate;
  text: string;
  nameText: string;
  nameToks: string[];
  lowerToks: string[];
  key?: string;
  type: ActorType;
  form: ActorMention['form'];
}

/** People, organisations, countries and places of the article, with every mention. */
export function findActors(sentences: TokenizedSentence[], body: string, title: string): ActorIndex {
  const cands: Candidate[] = [];
  // the title is read after the body: headlines are often in Title Case, so only known names count there
  sentences.forEach((s, si) => {
    if (s.field === 'body') scanSentence(s, si, cands);
  });
  const src = (s: TokenizedSentence) => (s.field === 'title' ? title : body);
  const pend: Pending[] = [];
  for (const c of cands) {
    const s = sentences[c.sentence];
    const text = src(s).slice(s.tokens[c.tokStart].start, s.tokens[c.tokEnd - 1].end);
    const nameToks = s.tokens.slice(c.nameStart, c.tokEnd).filter((t) => t.word || t.text === '.' || t.text === '-');
    const nameText = src(s).slice(s.tokens[c.nameStart].start, s.tokens[c.tokEnd - 1].end);
    const words = nameToks.filter((t) => t.word);
    pend.push({ c, text, nameText, nameToks: words.map((t) => t.text), lowerToks: words.map((t) => t.lower), type: c.type, form: 'name' });
  }
  const pendAt = new Map<string, Pending>();
  for (const p of pend) pendAt.set(`${p.c.sentence}:${p.c.tokEnd}`, p);

  // acronyms defined in the text: "Full Name (ACR)" joins; "exclusive economic zone (EEZ)" marks ACR as no actor
  const acronymOf = new Map<string, Pending>();
  const notActors = new Set<string>();
  sentences.forEach((s, si) => {
    const toks = s.tokens;
    for (let i = 1; i + 2 < toks.length; i++) {
      if (toks[i].text !== '(' || toks[i + 2].text !== ')' || !/^[\p{Lu}][\p{Lu}\d&.-]{1,7}$/u.test(toks[i + 1].text)) continue;
      const acr = toks[i + 1].text;
      const before = pendAt.get(`${si}:${i}`);
      if (before) acronymOf.set(acr, before);
      else if (!toks[i - 1].cap) notActors.add(acr);
    }
  });

  // persons with at least two name words anchor surnames, first names and "Mr X"
  const fullPersons: Pending[] = [];
  for (const p of pend) {
    if (p.c.entry) continue;
    if (p.type === 'person' && p.nameToks.length >= 2) fullPersons.push(p);
  }
  const personFor = (p: Pending): Pending | null => {
    const toks = p.lowerToks;
    if (!toks.length) return null;
    let best: Pending | null = null;
    for (const f of fullPersons) {
      if (f === p) continue;
      const ft = f.lowerToks;
      if (ft.length <= toks.length) continue;
      let suffix = true;
      for (let k = 1; k <= toks.length && suffix; k++) suffix = ft[ft.length - k] === toks[toks.length - k];
      const prefix = toks.length === 1 && ft[0] === toks[0];
      if (suffix || prefix) {
        // the nearest preceding full name wins when two people share a surname
        if (!best || (f.c.sentence <= p.c.sentence && (best.c.sentence > p.c.sentence || f.c.sentence > best.c.sentence))) best = f;
      }
    }
    return best;
  };

  // body mentions of names (to confirm sentence-initial words and title words)
  const bodyNames = new Set<string>();
  for (const p of pend) if (sentences[p.c.sentence].field === 'body' && !p.c.sentenceInitial) bodyNames.add(lower(p.nameText));
  // words the body writes in lower case: a capitalised one of them mid-sentence is a common word, not a name
  const lowerWords = new Set<string>();
  for (const s of sentences) if (s.field === 'body') for (const t of s.tokens) if (t.word && !t.cap) lowerWords.add(t.lower);

  const actors = new Map<string, ActorDraft>();
  const mentions: ActorMention[] = [];
  const ensure = (key: string, name: string, type: ActorType): ActorDraft => {
    let a = actors.get(key);
    if (!a) actors.set(key, (a = { key, name, type, role: null, affiliationKey: null, aliases: [] }));
    return a;
  };

  for (const p of pend) {
    const s = sentences[p.c.sentence];
    const c = p.c;
    let key: string;
    let name: string;
    let type = p.type;
    let form: ActorMention['form'] = 'name';
    if (c.entry) {
      const e = c.entry;
      form = e.form;
      if (e.form === 'capital' && (c.dateline || isLocative(s.tokens, c.tokStart))) {
        // "marched in London": the city itself; "Beijing cannot claim": the government, i.e. the country
        name = c.dateline ? titleCase(p.nameText) : p.nameText;
        type = 'place';
        key = actorKey('place', name);
      } else {
        key = e.key;
        name = e.name;
        type = e.type;
      }
    } else {
      const acr = p.nameToks.length === 1 ? acronymOf.get(p.nameToks[0]) : undefined;
      if (p.nameToks.length === 1 && notActors.has(p.nameToks[0])) continue;
      if (acr && acr !== p) {
        // resolved below once the full name has its key
        p.key = '@' + pend.indexOf(acr);
        continue;
      }
      const full = !c.dateline && (c.type !== 'organization' || c.honorific) ? personFor(p) : null;
      if (c.dateline) name = titleCase(p.nameText);
      else if (full) {
        name = full.nameText;
        type = 'person';
        form = c.honorific ? 'honorific' : 'surname';
      } else {
        name = p.nameText;
        if (c.honorific || c.titled) type = 'person';
        // a lone capitalised word at the start of a sentence or in the title is a name only if the body also
        // uses it mid-sentence ("Lots of protestors" is not an actor; "Cengiz traveled" is, through Hatice Cengiz)
        const single = p.nameToks.length === 1;
        if (s.field === 'title' && !bodyNames.has(lower(name)) && !c.titled) continue;
        if (single && c.sentenceInitial && !c.honorific && !c.titled && !bodyNames.has(lower(name)) && !speaksNext(s.tokens, c.tokEnd, lowerWords)) continue;
        if (single && !c.honorific && !c.titled && !c.sentenceInitial && lowerWords.has(lower(name)) && !/^[\p{Lu}\d]+$/u.test(name)) {
          // a capitalised common word ("the Walk" vs "a walk") is not a name when the body also writes it in lower case
          continue;
        }
        if (LEXICON.notNames.has(lower(name)) || LEXICON.functionWords.has(lower(name))) continue;
        // "WW2", "737", "COVID-19": a name with digits is only an actor when the gazetteer knows it
        if (single && /\d/.test(name)) continue;
      }
      key = actorKey(type, name);
    }
    p.key = key;
    const a = ensure(key, name, type);
    if (c.countryKey && !a.affiliationKey) {
      a.affiliationKey = c.countryKey;
    }
    p.form = form;
    pushMention(p, s, key, mentions, form);
  }
  unifySameNames(actors, mentions, pend);
  // acronyms take the key of their definition
  for (const p of pend) {
    if (!p.key?.startsWith('@')) continue;
    const target = pend[Number(p.key.slice(1))];
    if (!target.key || target.key.startsWith('@')) continue;
    p.key = target.key;
    pushMention(p, sentences[p.c.sentence], target.key, mentions, 'acronym');
  }
  sentences.forEach((s, si) => {
    if (s.field === 'title') titleMentions((m) => sentences[m.sentence].tokens.slice(m.tokStart, m.tokEnd).filter((t) => t.word || t.lower === "'s").map((t) => t.lower), s, si, title, mentions, actors, ensure);
  });
  mentions.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
  // filled by push, not map (see extractArticle): one array kind for every article
  const bySentence: ActorMention[][] = [];
  for (let i = 0; i < sentences.length; i++) bySentence.push([]);
  for (const m of mentions) {
    bySentence[m.sentence].push(m);
    const a = actors.get(m.actorKey)!;
    if (!a.aliases.includes(m.text)) a.aliases.push(m.text);
  }
  // surface forms that are not the canonical name
  for (const a of actors.values()) a.aliases = a.aliases.filter((x) => x !== a.name);
  readRoles(sentences, bySentence, actors, body);
  // actors no mention survived for (all their occurrences dropped) are removed
  const used = new Set(mentions.map((m) => m.actorKey));
  for (const k of [...actors.keys()]) if (!used.has(k)) actors.delete(k);
  return { actors, mentions, bySentence };
}

/** Mentions in the headline: gazetteer names and the surface forms the body used for its actors. */
function titleMentions(
  sentencesTokens: (m: ActorMention) => string[],
  s: TokenizedSentence,
  si: number,
  title: string,
  mentions: ActorMention[],
  actors: Map<string, ActorDraft>,
  ensure: (key: string, name: string, type: ActorType) => ActorDraft,
) {
  const forms = new Map<string, { words: string[]; text: string; key: string }[]>();
  for (const m of mentions) {
    if (m.field !== 'body') continue;
    const words = sentencesTokens(m);
    if (!words.length) continue;
    const text = words.join(' ');
    const list = forms.get(words[0]) ?? [];
    if (!list.some((f) => f.key === m.actorKey && f.text === text)) list.push({ words, text, key: m.actorKey });
    forms.set(words[0], list);
  }
  // longest first (a stable sort: forms of one length stay in the order met)
  for (const list of forms.values()) list.sort((a, b) => b.words.length - a.words.length);
  // headlines name people by surname ("Brandt speaks out")
  for (const a of actors.values()) {
    if (a.type !== 'person') continue;
    const words = nameTokensLower(a.name);
    if (words.length < 2) continue;
    const last = words[words.length - 1];
    const list = forms.get(last) ?? [];
    if (!list.some((f) => f.words.length === 1)) list.push({ words: [last], text: last, key: a.key });
    forms.set(last, list);
  }
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].word || !toks[i].cap) continue;
    const push = (end: number, key: string, form: ActorMention['form']) => {
      mentions.push({ start: toks[i].start, end: toks[end - 1].end, field: 'title', actorKey: key, text: title.slice(toks[i].start, toks[end - 1].end), sentence: si, tokStart: i, tokEnd: end, form });
      i = end - 1;
    };
    const known = (forms.get(toks[i].lower) ?? []).find((f) => f.words.every((w, k) => toks[i + k]?.lower === w));
    const e = gazetteerAt(toks, i);
    if (known && (!e || known.words.length >= e.tokens.length)) push(i + known.words.length, known.key, 'name');
    else if (e) {
      const place = e.form === 'capital' && isLocative(toks, i);
      const key = place ? actorKey('place', title.slice(toks[i].start, toks[i + e.tokens.length - 1].end)) : e.key;
      if (!actors.has(key)) ensure(key, place ? title.slice(toks[i].start, toks[i + e.tokens.length - 1].end) : e.name, place ? 'place' : e.type);
      push(i + e.tokens.length, key, e.form);
    }
  }
}

const nameTokensLower = (text: string) => tokenizeWords(text);
function tokenizeWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const t = lower(m[0]);
    const poss = /^(.+?)('s)$/.exec(t);
    if (poss && !/^(?:\p{L}\.)+$/u.test(t)) out.push(poss[1], poss[2]);
    else out.push(t);
  }
  return out;
}

const TYPE_RANK: Record<ActorType, number> = { person: 5, organization: 4, country: 3, group: 2, place: 2, other: 1 };

/** One name, one actor: "Mohammad bin Salman" typed 'other' in one sentence and 'person' in another is one person. */
function unifySameNames(actors: Map<string, ActorDraft>, mentions: ActorMention[], pend: Pending[]) {
  const byName = new Map<string, ActorDraft>();
  const remap = new Map<string, string>();
  for (const a of actors.values()) {
    if (a.type === 'country') continue;
    const n = actorKey('other', a.name);
    const cur = byName.get(n);
    if (!cur) byName.set(n, a);
    else {
      const [keep, drop] = TYPE_RANK[a.type] > TYPE_RANK[cur.type] ? [a, cur] : [cur, a];
      byName.set(n, keep);
      remap.set(drop.key, keep.key);
    }
  }
  if (!remap.size) return;
  const final = (k: string) => {
    while (remap.has(k)) k = remap.get(k)!;
    return k;
  };
  for (const k of remap.keys()) actors.delete(k);
  for (const m of mentions) m.actorKey = final(m.actorKey);
  for (const p of pend) if (p.key && !p.key.startsWith('@')) p.key = final(p.key);
  for (const a of actors.values()) if (a.affiliationKey) a.affiliationKey = final(a.affiliationKey);
}

function pushMention(p: Pending, s: TokenizedSentence, key: string, mentions: ActorMention[], form: ActorMention['form']) {
  const tokStart = p.c.nameStart > p.c.tokStart && !p.c.honorific ? p.c.nameStart : p.c.tokStart;
  const start = s.tokens[tokStart].start;
  const end = s.tokens[p.c.tokEnd - 1].end;
  const text = p.c.honorific ? p.text : p.nameText;
  mentions.push({ start, end, field: s.field, actorKey: key, text, sentence: p.c.sentence, tokStart, tokEnd: p.c.tokEnd, form });
}

function isLocative(toks: Token[], i: number): boolean {
  let k = i - 1;
  if (toks[k]?.lower === 'the') k--;
  // "in Pyongyang and Moscow": a coordinated capital shares the preposition
  while (k >= 0 && (toks[k].lower === 'and' || toks[k].lower === 'or' || toks[k].text === ',')) {
    k--;
    while (k >= 0 && toks[k].cap) k--;
  }
  return k >= 0 && LEXICON.locatives.has(toks[k].lower);
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const RELATION_OWNERS = new Set(['his', 'her', 'their']);
const APPOSITIVE_DETERMINERS = new Set(['another', 'also', 'herself', 'himself', 'now', 'then', 'its', 'his', 'her', 'their']);

/** Roles and affiliations: title phrases before a name and appositives after or before it. */
function readRoles(sentences: TokenizedSentence[], bySentence: ActorMention[][], actors: Map<string, ActorDraft>, body: string) {
  const best = new Map<string, RoleReading>();
  const offer = (key: string, r: RoleReading | null) => {
    if (!r) return;
    const cur = best.get(key);
    if (!cur || r.score > cur.score) best.set(key, r);
  };
  sentences.forEach((s, si) => {
    if (s.field !== 'body') return;
    const ms = bySentence[si];
    for (const m of ms) {
      const a = actors.get(m.actorKey);
      if (!a || a.type !== 'person') continue;
      offer(a.key, roleBefore(s, ms, m.tokStart, body));
      offer(a.key, pluralTitleBefore(s, ms, m, actors));
      offer(a.key, appositiveAfter(s, ms, m.tokEnd, body));
      offer(a.key, appositiveBefore(s, ms, m.tokStart, body));
      // "Nikki Holland of the National Crime Agency", "Crown Prince X of Saudi Arabia": affiliation only
      const of = s.tokens[m.tokEnd];
      if (of?.lower === 'of' && !a.affiliationKey) {
        const next = ms.find((x) => x.tokStart > m.tokEnd && x.tokStart <= m.tokEnd + 3 && actors.get(x.actorKey)?.type !== 'person');
        if (next) a.affiliationKey = next.actorKey;
      }
    }
  });
  for (const [key, r] of best) {
    const a = actors.get(key)!;
    a.role = r.text;
    if (r.affiliationKey && r.affiliationKey !== key) a.affiliationKey = r.affiliationKey;
  }
}

/** "officers Antoine Quirin and Nicolas Redouane", "lawyers A, B and C": each named person holds the singular title. */
function pluralTitleBefore(s: TokenizedSentence, ms: ActorMention[], m: ActorMention, actors: Map<string, ActorDraft>): RoleReading | null {
  const toks = s.tokens;
  let first = m;
  for (;;) {
    const sep = toks[first.tokStart - 1];
    if (!sep || (sep.text !== ',' && sep.lower !== 'and')) break;
    const prev = ms.find((x) => x.tokEnd === first.tokStart - 1 && actors.get(x.actorKey)?.type === 'person');
    if (!prev) break;
    first = prev;
  }
  const t = toks[first.tokStart - 1];
  if (!t || !t.word || !/s$/.test(t.lower)) return null;
  const singular = t.lower.replace(/(?:ies)$/, 'y').replace(/(?<!s)s$/, '');
  if (!isTitle(singular) && !LEXICON.descriptors.has(singular)) return null;
  // "police officers": modifiers before the title stay in the role
  let k = first.tokStart - 2;
  const words = [singular];
  while (k >= 0 && toks[k].word && !toks[k].cap && LEXICON.titleModifiers.has(toks[k].lower) && words.length < 4) words.unshift(toks[k--].lower);
  return { text: words.join(' '), affiliationKey: null, score: isTitle(singular) ? 2 : 1 };
}

function isRoleWord(t: Token): boolean {
  return LEXICON.titleModifiers.has(t.lower) || LEXICON.descriptors.has(t.lower) || LEXICON.titles.has(withoutPeriod(t.lower));
}

/**
 * "Rudaw reports ...", "Phivolcs said ...": a lone capitalised word opening a sentence is a name when a verb of
 * saying follows it directly and the body never writes the word in lower case.
 */
function speaksNext(toks: Token[], end: number, lowerWords: Set<string>): boolean {
  const name = toks[end - 1];
  let v = end;
  // "Kimberly-Clark, which makes tissues, said", "Domain.com, a property site, reported": an aside set off by commas
  // (a relative clause or an appositive with an article) between the name and its verb
  if (toks[end]?.text === ',' && ASIDE_OPENERS.has(toks[end + 1]?.lower ?? '')) {
    let k = end + 2;
    while (k < toks.length && toks[k].text !== ',' && !SENTENCE_PUNCT.has(toks[k].text)) k++;
    if (toks[k]?.text === ',') v = k + 1;
  }
  while (toks[v] && LEXICON_AUX.has(toks[v].lower)) v++;
  const verb = toks[v];
  if (!name || !verb || verb.cap || !/(?:s|ed|said|told|wrote)$/.test(verb.lower)) return false;
  // "Initial reports stated": the cue word is a noun before the verb; "Citing", "Earlier": no names
  const after = toks[v + 1];
  if (v === end && after && after.word && !after.cap && (LEXICON.cues.has(after.lower) || /ed$/.test(after.lower))) return false;
  const l = name.lower;
  if (/(?:ing|ed|ly)$/.test(l)) return false;
  if (lowerWords.has(l) || LEXICON.functionWords.has(l) || LEXICON.notNames.has(l) || LEXICON.pluralSources.has(l) || LEXICON.singularSources.has(l) || LEXICON.sourceNouns.has(l)) return false;
  return LEXICON.cues.get(verb.lower)?.some((f) => f.kind === 'speech' && f.words.length === 1) ?? false;
}

const ASIDE_OPENERS = new Set(['which', 'who', 'a', 'an', 'the']);
const SENTENCE_PUNCT = new Set(['.', '!', '?', ';', ':']);
const LEXICON_AUX = new Set(['also', 'has', 'had', 'have', 'later', 'then']);

/** Scores a role phrase: offices beat occupations; a capitalised office and a named affiliation count extra. */
function scoreRole(toks: Token[], from: number, to: number, affiliation: string | null): number {
  let score = 0;
  for (let i = from; i < to; i++) {
    const n = titleAt(toks, i);
    if (n) {
      score = Math.max(score, toks[i].cap ? 3 : 2);
      i += n - 1;
    } else if (LEXICON.descriptors.has(toks[i].lower)) score = Math.max(score, 1);
  }
  return score ? score + (affiliation ? 1 : 0) : 0;
}

/** "NATO Secretary General [Mark Rutte]", "EU foreign policy chief [Josep Borrell]", "Mexico's Foreign Secretary [X]". */
function roleBefore(s: TokenizedSentence, ms: ActorMention[], nameStart: number, body: string): RoleReading | null {
  const toks = s.tokens;
  let i = nameStart;
  let affiliation: string | null = null;
  let start = nameStart;
  while (i > 0) {
    const t = toks[i - 1];
    if (t.text === ')') {
      // "Labour MP (Member of Parliament) Tom Watson": skip the gloss
      let k = i - 2;
      while (k >= 0 && toks[k].text !== '(') k--;
      if (k < 0) break;
      i = k;
      continue;
    }
    const m = ms.find((x) => x.tokEnd === i || (x.tokEnd === i - 1 && isPossessive(toks[i - 1])));
    if (m && m.tokEnd <= nameStart && m.tokStart < i) {
      if (m.form === 'surname' || m.form === 'honorific') break;
      affiliation = affiliation ?? m.actorKey;
      i = m.tokStart;
      start = i;
      continue;
    }
    // a multiword title ending here first: "Secretary of State", "Member of Parliament"
    let k = i - 5;
    while (k < i - 1 && (k < 0 || titleAt(toks, k) !== i - k)) k++;
    if (k < i - 1) {
      i = k;
      start = i;
      continue;
    }
    if (t.word && isRoleWord(t) && !(t.cap && DETERMINERS.has(t.lower))) {
      i--;
      start = i;
      continue;
    }
    // "First Minister [of Scotland] Nicola Sturgeon": the place was taken in; a title before "of" continues the role
    if (t.lower === 'of' && affiliation && i - 1 > 0 && titleEndsAt(toks, i - 1)) {
      i--;
      continue;
    }
    break;
  }
  if (start >= nameStart) return null;
  // a role must hold an office or occupation, not only an affiliation
  const score = scoreRole(toks, start, nameStart, affiliation);
  if (!score) return null;
  let end = nameStart;
  while (end > start && toks[end - 1].text === ')') {
    let k = end - 1;
    while (k > start && toks[k].text !== '(') k--;
    end = k;
  }
  return { text: body.slice(toks[start].start, toks[end - 1].end), affiliationKey: affiliation, score };
}

/** "[Agnès Callamard], a UN rapporteur for the Office of ...," and "[Josh Bash], the U.S. Attorney for the Western District of Texas". */
function appositiveAfter(s: TokenizedSentence, ms: ActorMention[], nameEnd: number, body: string): RoleReading | null {
  const toks = s.tokens;
  if (toks[nameEnd]?.text !== ',') return null;
  let i = nameEnd + 1;
  // "X, another lawyer for the family,", "X, also a senator,"
  if (toks[i] && (DETERMINERS.has(toks[i].lower) || APPOSITIVE_DETERMINERS.has(toks[i].lower))) i++;
  const r = rolePhrase(toks, ms, i, body);
  if (!r) return null;
  // "including First Minister X, Labour MP (Member of Parliament) Y": that role is Y's, in a list of people
  // ("X, a lawyer representing Y," keeps it: Y is not named by the role)
  let end = i;
  while (end < toks.length && toks[end].text !== ',' && !ms.some((m) => m.tokStart === end && m.actorKey.startsWith('person:'))) end++;
  if (end < toks.length && toks[end].text !== ',' && toks.slice(i, end).every((t) => !t.word || isRoleWord(t) || t.cap || CONNECTORS.has(t.lower))) return null;
  return r;
}

/** "[The mayor of London], Sadiq Khan," and "the El Paso mayor, Dee Margo". */
function appositiveBefore(s: TokenizedSentence, ms: ActorMention[], nameStart: number, body: string): RoleReading | null {
  const toks = s.tokens;
  if (toks[nameStart - 1]?.text !== ',') return null;
  // the name must itself be closed by a comma or the sentence end to be an appositive
  let k = nameStart - 2;
  // "His daughter, Ana Ruiz," as well as "The mayor of London, Sadiq Khan,"
  const opens = (t: Token) => DETERMINERS.has(t.lower) || RELATION_OWNERS.has(t.lower);
  while (k >= 0 && toks[k].text !== ',' && !opens(toks[k])) k--;
  if (k < 0 || !opens(toks[k])) return null;
  const r = rolePhrase(toks, ms, k + 1, body);
  if (!r) return null;
  return r;
}

/** A role phrase starting at token i: role words and affiliations, cut before "for/of/at <organisation>", "who", commas. */
function rolePhrase(toks: Token[], ms: ActorMention[], i: number, body: string): RoleReading | null {
  const start = i;
  let affiliation: string | null = null;
  let end = i;
  while (i < toks.length) {
    const t = toks[i];
    const m = ms.find((x) => x.tokStart === i);
    if (m) {
      affiliation = affiliation ?? m.actorKey;
      i = m.tokEnd;
      if (isPossessive(toks[i])) i++;
      end = i;
      continue;
    }
    const n = titleAt(toks, i);
    if (n) {
      i += n;
      end = i;
      continue;
    }
    if (t.word && isRoleWord(t)) {
      i++;
      end = i;
      continue;
    }
    if ((t.lower === 'of' || t.lower === 'for' || t.lower === 'at') && end > start) {
      let k = i + 1;
      if (toks[k]?.lower === 'the') k++;
      const m2 = ms.find((x) => x.tokStart === k);
      if (m2) {
        const type = m2.actorKey.split(':')[0];
        affiliation = affiliation ?? m2.actorKey;
        // a place or country stays in the role ("mayor of London"); an organisation becomes the affiliation
        if (type === 'organization') break;
        i = m2.tokEnd;
        end = i;
        continue;
      }
      // "for the Western District of Texas": a capitalised name that is no known actor stays in the role
      if (toks[k]?.cap) {
        let e = k;
        while (e < toks.length && (toks[e].cap || (CONNECTORS.has(toks[e].lower) && toks[e + 1]?.cap))) e++;
        i = e;
        end = e;
        continue;
      }
    }
    break;
  }
  if (end <= start) return null;
  const score = scoreRole(toks, start, end, affiliation);
  if (!score) return null;
  // an appositive role must end the phrase: a verb right after ("the mayor said") means this was no appositive
  return { text: body.slice(toks[start].start, toks[end - 1].end), affiliationKey: affiliation, score: score - 0.5 };
}
