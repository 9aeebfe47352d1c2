// Loads the word lists in data/ and the world-countries gazetteer once, and indexes them for the extractor.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActorType } from './types.js';

// data/ sits at the repository root; walk up so this works from src/ (tsx) and from dist/src/ (built).
function findDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'cues.json'))) return join(dir, 'data');
    dir = dirname(dir);
  }
  throw new Error('data/cues.json not found above ' + fileURLToPath(import.meta.url));
}
const DATA = findDataDir();
const load = <T>(name: string): T => JSON.parse(readFileSync(join(DATA, name), 'utf8')) as T;

/** Lower case with curly apostrophes made straight: the form every lookup uses. */
export const lower = (s: string) => {
  const l = s.toLowerCase();
  return l.includes('’') || l.includes('‘') ? l.replace(/[’‘]/g, "'") : l;
};

/** A known name: a country, demonym, capital, organisation or region, as token sequence. */
export interface GazetteerEntry {
  tokens: string[];
  /** Acronyms and all-caps forms must match exactly; other names need only their first letter capitalised. */
  exact: boolean;
  key: string;
  name: string;
  type: ActorType;
  /** How the surface form refers to the actor. */
  form: 'name' | 'demonym' | 'capital' | 'acronym';
  /** ISO alpha-3 of the country an organisation belongs to. */
  country?: string;
  /** when two entries share a surface form ("American": the United States and American Samoa), the higher wins */
  priority: number;
}

export interface CueForm {
  words: string[];
  /** The form as written in data/cues.json ("called for"). */
  text: string;
  kind: 'speech' | 'directive' | 'stance' | 'cognition' | 'according';
  confidence: number;
  object: boolean;
  needsQuote: boolean;
  needsQuoteOrThat: boolean;
  /** may report a noun phrase ("denied the claims") rather than a clause */
  npObject: boolean;
  /** may report a noun phrase with a participle ("reported some sellers offering discounts") */
  participleObject: boolean;
  participle: boolean;
  written: boolean;
}

interface CueFile {
  verbs: { forms: string[]; kind: CueForm['kind']; confidence: number; object?: boolean; needsQuote?: boolean; needsQuoteOrThat?: boolean; npObject?: boolean; participleObject?: boolean }[];
  phrases: { forms: string[]; kind: CueForm['kind']; confidence: number }[];
  writtenCues: string[];
  writtenMedia: string[];
  sourceNouns: string[];
  anaphoricVerbs: string[];
  settings: string[];
  passiveSpeech: string[];
}
interface TitleFile { titles: string[]; modifiers: string[]; descriptors: string[]; honorifics: string[] }
interface OrgFile { organizations: { name: string; aliases: string[]; country?: string }[] }
interface PlaceFile {
  regions: { name: string; aliases: string[]; type?: ActorType }[];
  usStates: string[];
  countryOverrides: Record<string, { name?: string; aliases?: string[]; demonyms?: string[]; capitals?: string[] }>;
}
interface LexiconFile {
  functionWords: string[];
  notNames: string[];
  abbreviations: string[];
  pronouns: { person: string[]; plural: string[]; thing: string[] };
  orgWords: string[];
  placeWords: string[];
  locativePrepositions: string[];
  irregularPast: string[];
  pastParticiples: string[];
}
interface SourceFile {
  plural: string[];
  singular: string[];
  compoundModifiers: string[];
  quantifiers: string[];
  collectives: string[];
  ellipticSubjects: string[];
  orgDescriptions: string[];
  genericOrgDescriptions: string[];
  countryDescriptions: string[];
}

interface Country {
  cca3: string;
  independent?: boolean;
  unMember?: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { m: string; f: string } };
}

/** Splits a name into the tokens tokenize() would give it (no offsets needed). */
export function nameTokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const t = m[0];
    const poss = /^(.+?)(['’]s)$/u.exec(t);
    if (poss && !/^(?:\p{L}\.)+$/u.test(t)) out.push(poss[1], poss[2]);
    else out.push(t);
  }
  return out;
}
/** Words (with inner hyphens, dots and apostrophes), dotted abbreviations (U.S., a.m.), or single other characters. */
export const TOKEN_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}\p{M}]+(?:[-.&'’][\p{L}\p{N}\p{M}]+)*|[^\s\p{L}\p{N}\p{M}]/gu;

const slugPart = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[’'`]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Actor identity: "<type>:<normalised name>" (countries use their alpha-3 code instead of a name). */
const slugCache = new Map<string, string>();
export function actorKey(type: ActorType, name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = slugPart(name);
    // names recur across articles; the cache only bounds work, so it is simply reset when large
    if (slugCache.size > 50_000) slugCache.clear();
    slugCache.set(name, slug);
  }
  return `${type}:${slug}`;
}

function buildGazetteer() {
  const entries: GazetteerEntry[] = [];
  const add = (surface: string, e: Omit<GazetteerEntry, 'tokens' | 'exact' | 'priority'>, priority = 1) => {
    const tokens = nameTokens(surface);
    if (!tokens.length) return;
    const exact = /^[\p{Lu}\d.&-]+$/u.test(surface.replace(/\s+/g, '')) && surface.length <= 6;
    entries.push({ ...e, tokens, exact, priority });
  };
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Country[];
  const places = load<PlaceFile>('places.json');
  const countryByIso = new Map<string, { key: string; name: string }>();
  for (const c of countries) {
    const o = places.countryOverrides[c.cca3] ?? {};
    const name = o.name ?? c.name.common;
    const key = `country:${c.cca3.toLowerCase()}`;
    countryByIso.set(c.cca3, { key, name });
    const base = { key, name, type: 'country' as ActorType };
    const prio = c.unMember ? 3 : c.independent ? 2 : 1;
    const names = new Set([c.name.common, c.name.official, name, ...(o.aliases ?? [])]);
    for (const alt of c.altSpellings) {
      // two-letter codes ("KP", "DE") collide with ordinary words and initials; only longer codes and real names count
      if (/^[A-Z]{2}$/.test(alt) && !['US', 'UK'].includes(alt)) continue;
      if (/[^\p{Script=Latin}\s'’.,()-]/u.test(alt)) continue;
      if (/,/.test(alt)) continue;
      names.add(alt);
    }
    for (const n of names) add(n, { ...base, form: /^[A-Z.]+$/.test(n) ? 'acronym' : 'name' }, o.aliases?.includes(n) ? 4 : prio);
    const dem = c.demonyms?.eng;
    const demonyms = new Set([...(dem ? [dem.m, dem.f] : []), ...(o.demonyms ?? [])]);
    for (const d of [...demonyms]) if (/(?:an|i)$/.test(d)) demonyms.add(d + 's');
    for (const d of demonyms) if (d) add(d, { ...base, form: 'demonym' }, o.demonyms?.includes(d) ? 4 : prio);
    for (const cap of [...c.capital, ...(o.capitals ?? [])]) {
      if (cap === c.name.common) continue; // city-states: the name is the country
      add(cap.replace(/ D\.C\.$/, ''), { ...base, form: 'capital' }, prio);
    }
  }
  for (const r of places.regions) {
    const type = r.type ?? 'place';
    const key = actorKey(type, r.name);
    add(r.name, { key, name: r.name, type, form: 'name' });
    for (const a of r.aliases) add(a, { key, name: r.name, type, form: /^\p{Lu}[\p{Ll}-]+(?:an|ern|ic|ish|ese)$/u.test(a) ? 'demonym' : 'name' });
  }
  for (const s of places.usStates) add(s, { key: actorKey('place', s), name: s, type: 'place', form: 'name' });
  for (const o of load<OrgFile>('organizations.json').organizations) {
    const key = actorKey('organization', o.name);
    const base = { key, name: o.name, type: 'organization' as ActorType, country: o.country };
    add(o.name, { ...base, form: 'name' });
    for (const a of o.aliases) add(a, { ...base, form: /^[\p{Lu}.&\d-]+$/u.test(a) ? 'acronym' : 'name' });
  }
  // index by lower-cased first token, longest first so the first hit is the longest match
  const index = new Map<string, GazetteerEntry[]>();
  for (const e of entries) {
    // a leading "the" is optional in text ("the Kremlin"): index without it
    if (e.tokens.length > 1 && lower(e.tokens[0]) === 'the') e.tokens = e.tokens.slice(1);
    const k = lower(e.tokens[0]);
    let list = index.get(k);
    if (!list) index.set(k, (list = []));
    const same = list.findIndex((x) => x.tokens.join(' ') === e.tokens.join(' ') && x.exact === e.exact);
    if (same < 0) list.push(e);
    else if (list[same].priority < e.priority) list[same] = e;
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { index, countryByIso };
}

function buildCues() {
  const file = load<CueFile>('cues.json');
  const index = new Map<string, CueForm[]>();
  const written = new Set(file.writtenCues);
  for (const group of [...file.verbs, ...file.phrases]) {
    for (const text of group.forms) {
      const words = text.split(' ');
      const cue: CueForm = {
        words,
        text,
        kind: group.kind,
        confidence: group.confidence,
        object: 'object' in group && !!group.object,
        needsQuote: 'needsQuote' in group && !!group.needsQuote,
        needsQuoteOrThat: 'needsQuoteOrThat' in group && !!group.needsQuoteOrThat,
        npObject: group.kind === 'according' || ('npObject' in group && !!group.npObject),
        participleObject: 'participleObject' in group && !!group.participleObject,
        participle: /ing$/.test(words[0]),
        written: written.has(words[0]),
      };
      const list = index.get(words[0]) ?? [];
      list.push(cue);
      list.sort((a, b) => b.words.length - a.words.length);
      index.set(words[0], list);
    }
  }
  // a setting phrase is recognised by its last word ("news conference" by "conference")
  const settingHeads = new Set(file.settings.map((x) => x.split(' ').pop()!));
  return { index, writtenMedia: file.writtenMedia.map((m) => m.split(' ')), sourceNouns: new Set(file.sourceNouns), anaphoricVerbs: new Set(file.anaphoricVerbs), settingHeads, passiveSpeech: new Set(file.passiveSpeech) };
}

function buildTitles() {
  const file = load<TitleFile>('titles.json');
  const phrases = new Map<string, string[][]>();
  for (const t of file.titles) {
    const words = nameTokens(t).map(lower);
    // "sen." and "u.s. attorney": the tokenizer splits a trailing period off, so index the bare word
    const clean = words.filter((w) => w !== '.');
    const list = phrases.get(clean[0]) ?? [];
    list.push(clean);
    list.sort((a, b) => b.length - a.length);
    phrases.set(clean[0], list);
  }
  return {
    phrases,
    modifiers: new Set(file.modifiers.map(lower)),
    descriptors: new Set(file.descriptors.map(lower)),
    honorifics: new Set(file.honorifics.map((h) => lower(h).replace(/\.$/, ''))),
  };
}

const lex = load<LexiconFile>('lexicon.json');
const sources = load<SourceFile>('unnamed-sources.json');
const gaz = buildGazetteer();
const cues = buildCues();
const titles = buildTitles();

export const LEXICON = {
  gazetteer: gaz.index,
  countryByIso: gaz.countryByIso,
  cues: cues.index,
  writtenMedia: cues.writtenMedia,
  sourceNouns: cues.sourceNouns,
  anaphoricVerbs: cues.anaphoricVerbs,
  settingHeads: cues.settingHeads,
  passiveSpeech: cues.passiveSpeech,
  titles: titles.phrases,
  titleModifiers: titles.modifiers,
  descriptors: titles.descriptors,
  honorifics: titles.honorifics,
  functionWords: new Set(lex.functionWords.map(lower)),
  notNames: new Set(lex.notNames.map(lower)),
  abbreviations: new Set(lex.abbreviations.map(lower)),
  personPronouns: new Set(lex.pronouns.person),
  pluralPronouns: new Set(lex.pronouns.plural),
  thingPronouns: new Set(lex.pronouns.thing),
  orgWords: new Set(lex.orgWords.map(lower)),
  placeWords: new Set(lex.placeWords.map(lower)),
  locatives: new Set(lex.locativePrepositions),
  irregularPast: new Set(lex.irregularPast),
  pastParticiples: new Set(lex.pastParticiples),
  pluralSources: new Set(sources.plural.map(lower)),
  singularSources: new Set(sources.singular.map(lower)),
  compoundModifiers: new Set(sources.compoundModifiers.map(lower)),
  quantifiers: new Set(sources.quantifiers.map(lower)),
  collectives: sources.collectives.map((c) => c.split(' ')),
  ellipticSubjects: new Set(sources.ellipticSubjects),
  orgDescriptions: new Set(sources.orgDescriptions),
  genericOrgDescriptions: new Set(sources.genericOrgDescriptions),
  countryDescriptions: new Set(sources.countryDescriptions),
};

/** Whether a lower-case phrase is a title in data/titles.json ("prime minister", "senator", "sen."). */
export function isTitle(phrase: string): boolean {
  const words = phrase.split(' ').filter((w) => w !== '.');
  return (LEXICON.titles.get(words[0]?.replace(/\.$/, '') ?? '') ?? []).some((t) => t.length === words.length && t.every((w, k) => w === words[k].replace(/\.$/, '')));
}
