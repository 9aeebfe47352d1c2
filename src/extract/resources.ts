// What extraction consults, built once by the caller and passed in: the tagger, the word lists in data/ and the trained models.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LinearModel } from './model/linear.js';
import { lowerOf, tokenizeText } from './nlp/doc.js';
import { createNlp, type Nlp } from './nlp/wink.js';
import { loadTopicRules, type TopicRules } from './topics.js';
import type { ActorType } from './types.js';
import { foldAccents } from '../common/fold.js';

/** A known name: a country, demonym, capital, organisation or region, as a token sequence. */
export interface GazetteerEntry {
  /** lower-case tokens as the tagger splits the name */
  tokens: string[];
  /** acronyms and all-caps forms must match exactly; other names need only their first letter capitalised */
  exact: boolean;
  /** the surface form as listed */
  surface: string;
  key: string;
  name: string;
  type: ActorType;
  /** how the surface form refers to the actor */
  form: 'name' | 'demonym' | 'capital' | 'acronym';
  /** ISO alpha-3 of the country an organisation belongs to */
  country?: string;
  /** when two entries share a surface form ("American": the United States and American Samoa), the higher wins */
  priority: number;
}

export type CueKind = 'speech' | 'directive' | 'stance' | 'cognition' | 'according';

export interface CueForm {
  /** lemma of the first word, then the following words as written ("call", "for") */
  words: string[];
  /** the base form as listed in data/cues.json ("call for") */
  text: string;
  kind: CueKind;
  confidence: number;
  /** usually takes a person object before the content ("told reporters that") */
  object: boolean;
  needsQuote: boolean;
  needsQuoteOrThat: boolean;
  npObject: boolean;
  written: boolean;
}

export interface Lexicon {
  gazetteer: Map<string, GazetteerEntry[]>;
  /** cue forms by the lemma of their first word */
  cues: Map<string, CueForm[]>;
  writtenMedia: Set<string>;
  sourceNouns: Set<string>;
  settingHeads: Set<string>;
  passiveSpeech: Set<string>;
  /** office titles as lower-case token lists, by first token */
  titles: Map<string, string[][]>;
  titleModifiers: Set<string>;
  descriptors: Set<string>;
  honorifics: Set<string>;
  functionWords: Set<string>;
  notNames: Set<string>;
  personPronouns: Set<string>;
  pluralPronouns: Set<string>;
  thingPronouns: Set<string>;
  orgWords: Set<string>;
  placeWords: Set<string>;
  locatives: Set<string>;
  pluralSources: Set<string>;
  singularSources: Set<string>;
  compoundModifiers: Set<string>;
  quantifiers: Set<string>;
  orgDescriptions: Set<string>;
  genericOrgDescriptions: Set<string>;
  countryDescriptions: Set<string>;
  /** closed-class words (data/lexicon.json: one copy each) */
  determiners: Set<string>;
  nameConnectors: Set<string>;
  compoundTails: Set<string>;
  modals: Set<string>;
  negations: Set<string>;
  be: Set<string>;
  relativePronouns: Set<string>;
  maleHonorifics: Set<string>;
  femaleHonorifics: Set<string>;
  notFactual: Set<string>;
  firstSecondPerson: Set<string>;
  speakerPrepositions: Set<string>;
  /** given names (the human-names package's lists for six languages), lower case */
  givenNames: Set<string>;
  /** given names listed only as male, or only as female: what "he" and "she" can point back to */
  maleNames: Set<string>;
  femaleNames: Set<string>;
}

export interface Models {
  entity?: LinearModel;
  statement?: LinearModel;
  speaker?: LinearModel;
  date?: LinearModel;
  claim?: LinearModel;
}

export interface Resources {
  nlp: Nlp;
  lexicon: Lexicon;
  models: Models;
  topics: TopicRules;
}

/** The repository's data/ folder, found from this file whether it runs from src/ (tsx) or dist/ (built). */
export function defaultDataDir(): string {
  let dir = import.meta.dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'cues.json'))) return join(dir, 'data');
    dir = join(dir, '..');
  }
  throw new Error(`data/cues.json not found above ${import.meta.dirname}`);
}

/** Everything extraction needs, from data/ (about 0.3 s: build it once and pass it to every extractArticle call). */
export function loadResources(dataDir = defaultDataDir(), opts: { models?: boolean } = {}): Resources {
  const nlp = createNlp();
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(dataDir, name), 'utf8')) as T;
  return { nlp, lexicon: buildLexicon(read, nlp), models: opts.models === false ? {} : loadModels(join(dataDir, 'models')), topics: loadTopicRules(join(dataDir, 'topics.json')) };
}

export function loadModels(dir: string): Models {
  const load = (name: string): LinearModel | undefined => {
    const path = join(dir, `${name}.json`);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as LinearModel) : undefined;
  };
  return { entity: load('entity'), statement: load('statement'), speaker: load('speaker'), date: load('date'), claim: load('claim') };
}

/** Actor identity: "<type>:<normalised name>" (countries use their alpha-3 code instead of a name). */
export function actorKey(type: ActorType, name: string): string {
  const slug = foldAccents(name)
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `${type}:${slug}`;
}

interface CueFile {
  verbs: { forms: string[]; kind: CueKind; confidence: number; object?: boolean; needsQuote?: boolean; needsQuoteOrThat?: boolean; npObject?: boolean }[];
  phrases: { forms: string[]; kind: CueKind; confidence: number }[];
  writtenCues: string[];
  writtenMedia: string[];
  sourceNouns: string[];
  settings: string[];
  passiveSpeech: string[];
}
interface TitleFile {
  titles: string[];
  modifiers: string[];
  descriptors: string[];
  honorifics: string[];
}
interface OrgFile {
  organizations: { name: string; aliases: string[]; country?: string }[];
}
interface PlaceFile {
  regions: { name: string; aliases: string[]; type?: ActorType }[];
  usStates: string[];
  countryOverrides: Record<string, { name?: string; aliases?: string[]; demonyms?: string[]; capitals?: string[] }>;
}
interface LexiconFile {
  determiners: string[];
  nameConnectors: string[];
  compoundTails: string[];
  modals: string[];
  negations: string[];
  be: string[];
  relativePronouns: string[];
  maleHonorifics: string[];
  femaleHonorifics: string[];
  notFactual: string[];
  firstSecondPerson: string[];
  speakerPrepositions: string[];
  functionWords: string[];
  notNames: string[];
  pronouns: { person: string[]; plural: string[]; thing: string[] };
  orgWords: string[];
  placeWords: string[];
  locativePrepositions: string[];
}
interface SourceFile {
  plural: string[];
  singular: string[];
  compoundModifiers: string[];
  quantifiers: string[];
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

export function buildLexicon(read: <T>(name: string) => T, nlp: Nlp): Lexicon {
  const lex = read<LexiconFile>('lexicon.json');
  const sources = read<SourceFile>('unnamed-sources.json');
  const titles = read<TitleFile>('titles.json');
  const cueFile = read<CueFile>('cues.json');
  const set = (xs: string[]) => new Set(xs.map(lowerOf));
  return {
    gazetteer: buildGazetteer(read, nlp),
    cues: buildCues(cueFile, nlp),
    writtenMedia: set(cueFile.writtenMedia),
    sourceNouns: set(cueFile.sourceNouns),
    settingHeads: new Set(cueFile.settings.map((x) => lowerOf(x.split(' ').pop()!))),
    passiveSpeech: set(cueFile.passiveSpeech),
    titles: buildTitles(titles.titles, nlp),
    titleModifiers: set(titles.modifiers),
    descriptors: set(titles.descriptors),
    honorifics: new Set(titles.honorifics.map((h) => lowerOf(h))),
    functionWords: set(lex.functionWords),
    notNames: set(lex.notNames),
    personPronouns: new Set(lex.pronouns.person),
    pluralPronouns: new Set(lex.pronouns.plural),
    thingPronouns: new Set(lex.pronouns.thing),
    orgWords: set(lex.orgWords),
    placeWords: set(lex.placeWords),
    locatives: new Set(lex.locativePrepositions),
    pluralSources: set(sources.plural),
    singularSources: set(sources.singular),
    compoundModifiers: set(sources.compoundModifiers),
    quantifiers: set(sources.quantifiers),
    orgDescriptions: set(sources.orgDescriptions),
    genericOrgDescriptions: set(sources.genericOrgDescriptions),
    countryDescriptions: set(sources.countryDescriptions),
    determiners: set(lex.determiners),
    nameConnectors: new Set(lex.nameConnectors),
    compoundTails: set(lex.compoundTails),
    modals: set(lex.modals),
    negations: set(lex.negations),
    be: set(lex.be),
    relativePronouns: set(lex.relativePronouns),
    maleHonorifics: set(lex.maleHonorifics),
    femaleHonorifics: set(lex.femaleHonorifics),
    notFactual: set(lex.notFactual),
    firstSecondPerson: set(lex.firstSecondPerson),
    speakerPrepositions: set(lex.speakerPrepositions),
    ...givenNames(),
  };
}

/** Given names from the human-names package: a sign that a capitalised run is a person, weighed by the entity model. */
function givenNames(): { givenNames: Set<string>; maleNames: Set<string>; femaleNames: Set<string> } {
  const require = createRequire(import.meta.url);
  const dir = join(require.resolve('human-names/package.json'), '..', 'data');
  const bySex = { male: new Set<string>(), female: new Set<string>() };
  for (const lang of ['en', 'fr', 'de', 'es', 'it', 'nl']) {
    for (const sex of ['male', 'female'] as const) for (const n of JSON.parse(readFileSync(join(dir, `${sex}-human-names-${lang}.json`), 'utf8')) as string[]) bySex[sex].add(lowerOf(n));
  }
  const givenNames = new Set([...bySex.male, ...bySex.female]);
  return { givenNames, maleNames: new Set([...bySex.male].filter((n) => !bySex.female.has(n))), femaleNames: new Set([...bySex.female].filter((n) => !bySex.male.has(n))) };
}

/** Lower-case token lists of many short phrases at once, split exactly as the tagger splits article text. */
function tokenizeMany(nlp: Nlp, phrases: string[]): string[][] {
  const text = phrases.join('\n\n');
  const paragraphs = [];
  let at = 0;
  for (const p of phrases) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  const { tokens } = tokenizeText(nlp, text, paragraphs, false);
  const out: string[][] = phrases.map(() => []);
  let k = 0;
  for (const t of tokens) {
    while (k + 1 < paragraphs.length && t.start >= paragraphs[k + 1].start) k++;
    out[k].push(t.lower);
  }
  return out;
}

function buildGazetteer(read: <T>(name: string) => T, nlp: Nlp): Map<string, GazetteerEntry[]> {
  const pending: Omit<GazetteerEntry, 'tokens' | 'exact'>[] = [];
  const add = (surface: string, e: Omit<GazetteerEntry, 'tokens' | 'exact' | 'priority' | 'surface'>, priority = 1) => {
    if (surface.trim()) pending.push({ ...e, surface: surface.trim(), priority });
  };
  const countries = createRequire(import.meta.url)('world-countries') as Country[];
  const places = read<PlaceFile>('places.json');
  for (const c of countries) {
    const o = places.countryOverrides[c.cca3] ?? {};
    const name = o.name ?? c.name.common;
    const base = { key: `country:${c.cca3.toLowerCase()}`, name, type: 'country' as ActorType, country: c.cca3 };
    const prio = c.unMember ? 3 : c.independent ? 2 : 1;
    const names = new Set([c.name.common, c.name.official, name, ...(o.aliases ?? [])]);
    for (const alt of c.altSpellings) {
      // two-letter codes ("KP", "DE") collide with ordinary words and initials; only longer codes and real names count
      if (/^[A-Z]{2}$/.test(alt) && !['US', 'UK'].includes(alt)) continue;
      if (/[^\p{Script=Latin}\s'’.,()-]/u.test(alt) || /,/.test(alt)) continue;
      names.add(alt);
    }
    for (const n of names) add(n, { ...base, form: /^[A-Z.]+$/.test(n) ? 'acronym' : 'name' }, o.aliases?.includes(n) ? 4 : prio);
    const dem = c.demonyms?.eng;
    const demonyms = new Set([...(dem ? [dem.m, dem.f] : []), ...(o.demonyms ?? [])]);
    for (const d of [...demonyms]) if (/(?:an|i)$/.test(d)) demonyms.add(`${d}s`);
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
  for (const o of read<OrgFile>('organizations.json').organizations) {
    const base = { key: actorKey('organization', o.name), name: o.name, type: 'organization' as ActorType, country: o.country };
    add(o.name, { ...base, form: 'name' });
    for (const a of o.aliases) add(a, { ...base, form: /^[\p{Lu}.&\d-]+$/u.test(a) ? 'acronym' : 'name' });
  }

  const tokenLists = tokenizeMany(nlp, pending.map((e) => e.surface));
  const index = new Map<string, GazetteerEntry[]>();
  pending.forEach((e, n) => {
    let tokens = tokenLists[n];
    // a leading "the" is optional in text ("the Kremlin"): index without it
    if (tokens.length > 1 && tokens[0] === 'the') tokens = tokens.slice(1);
    if (!tokens.length) return;
    const exact = /^[\p{Lu}\d.&-]+$/u.test(e.surface.replace(/\s+/g, '')) && e.surface.length <= 6;
    const entry: GazetteerEntry = { ...e, tokens, exact };
    let list = index.get(tokens[0]);
    if (!list) index.set(tokens[0], (list = []));
    const same = list.findIndex((x) => x.tokens.join(' ') === tokens.join(' ') && x.exact === exact);
    if (same < 0) list.push(entry);
    else if (list[same].priority < entry.priority) list[same] = entry;
  });
  // longest first, so the first hit is the longest match
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return index;
}

function buildCues(file: CueFile, nlp: Nlp): Map<string, CueForm[]> {
  const written = new Set(file.writtenCues);
  const index = new Map<string, CueForm[]>();
  const groups = [...file.verbs, ...file.phrases];
  // a group's base form is its first form; the lemma of its first word keys the index ("said" and "says" are "say")
  const bases = groups.map((g) => g.forms[0]);
  const lemmas = tokenizeMany(nlp, bases.map((b) => b.split(' ')[0])).map((t, k) => (bases[k].startsWith('according') ? 'according' : (t[0] ?? bases[k])));
  groups.forEach((g, k) => {
    const rest = bases[k].split(' ').slice(1);
    const head = bases[k].split(' ')[0];
    for (const key of new Set([lemmas[k], head, ...g.forms.map((f) => f.split(' ')[0])])) {
      const cue: CueForm = {
        words: [key, ...rest],
        text: bases[k],
        kind: g.kind,
        confidence: g.confidence,
        object: 'object' in g && !!g.object,
        needsQuote: 'needsQuote' in g && !!g.needsQuote,
        needsQuoteOrThat: 'needsQuoteOrThat' in g && !!g.needsQuoteOrThat,
        npObject: g.kind === 'according' || ('npObject' in g && !!g.npObject),
        written: written.has(head),
      };
      const list = index.get(key) ?? [];
      if (!list.some((c) => c.words.join(' ') === cue.words.join(' '))) list.push(cue);
      list.sort((a, b) => b.words.length - a.words.length);
      index.set(key, list);
    }
  });
  return index;
}

function buildTitles(titles: string[], nlp: Nlp): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const lists = tokenizeMany(nlp, titles);
  for (const words of lists) {
    if (!words.length) continue;
    const list = out.get(words[0]) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    out.set(words[0], list);
  }
  return out;
}
