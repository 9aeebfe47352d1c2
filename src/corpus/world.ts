// The people, countries and organisations of the generated corpus: a fixed population, the same for every seed-free lookup.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country as WorldCountry } from 'world-countries';
import { projectPath } from '../paths.js';
import { Weighted, zipf } from './random.js';
import { mix, Rng } from './random.js';

// world-countries is CommonJS whose types declare an ES default export; require gives the array under NodeNext
const countries = createRequire(import.meta.url)('world-countries') as WorldCountry[];

const readJson = <T>(name: string): T => JSON.parse(readFileSync(projectPath('data', 'corpus', name), 'utf8')) as T;

export interface Style {
  outlets: string[];
  mediaOutlets: string[];
  quoteCues: Record<string, number>;
  reportCues: Record<string, number>;
  styles: Record<string, number>;
  direct: string[];
  partial: string[];
  qeval: string[];
  qaction: string[];
  qrisk: string[];
  qfailed: string[];
  reported: string[];
  reportedPresent: string[];
  eval: string[];
  when: string[];
  background: string[];
  context: string[];
  groups: { name: string; text: string; cue: string }[];
  weekdays: string[];
  months: string[];
  firstYear: number;
  years: number;
  countries: Record<string, number>;
  countriesWithThe: string[];
}

export interface DomainData {
  iptc: string;
  label: string;
  weight: number;
  roles: [string, 'country' | 'organization' | 'none'][];
  orgs: [string, string | null][];
  issues: string[];
  actions: string[];
  groups: string[];
  facts: string[];
  headline: string[];
  leads: string[];
}

export interface Country {
  code: string;
  name: string;
  /** "the United States" where English needs the article. */
  the: boolean;
  demonym: string;
  capital: string;
  key: string;
}

export interface Organization {
  name: string;
  acronym: string | null;
  the: boolean;
  key: string;
}

export interface Person {
  first: string;
  last: string;
  name: string;
  pronoun: 'he' | 'she';
  honorific: 'Mr.' | 'Ms.';
  key: string;
  role: string;
  /** How the role reads before the name: "French Health Minister", "WHO Director-General", "political analyst". */
  title: string;
  affiliation: Country | Organization | null;
}

export interface Domain extends Omit<DomainData, 'orgs'> {
  index: number;
  orgs: Organization[];
}

/** People per subject area; popularity within a pool is Zipf-distributed. */
export const PEOPLE_PER_DOMAIN = 2000;

const lowerKey = (type: string, name: string) => `${type}:${name.toLowerCase()}`;

export class World {
  readonly style = readJson<Style>('style.json');
  readonly domains: Domain[];
  readonly domainWeights: Weighted<number>;
  readonly countries: Country[];
  readonly countryWeights: Weighted<number>;
  readonly popularity = zipf(PEOPLE_PER_DOMAIN, 1);
  private readonly first: { name: string; pronoun: 'he' | 'she' }[];
  private readonly surnames: string[];
  private readonly people = new Map<number, Person>();
  private readonly orgsByName = new Map<string, Organization>();

  constructor() {
    const names = readJson<{ first: { f: string[]; m: string[] }; surnames: string[] }>('names.json');
    this.first = [
      ...[...new Set(names.first.f)].map((name) => ({ name, pronoun: 'she' as const })),
      ...[...new Set(names.first.m)].map((name) => ({ name, pronoun: 'he' as const })),
    ];
    this.surnames = [...new Set(names.surnames)];
    const byCode = new Map(countries.map((c) => [c.cca3, c]));
    this.countries = Object.keys(this.style.countries).map((code) => {
      const c = byCode.get(code);
      if (!c) throw new Error(`data/corpus/style.json: unknown country code ${code}`);
      return { code, name: c.name.common, the: this.style.countriesWithThe.includes(code), demonym: c.demonyms.eng.m, capital: c.capital[0], key: `country:${code.toLowerCase()}` };
    });
    this.countryWeights = new Weighted(this.countries.map((c, i) => [i, this.style.countries[c.code]] as [number, number]));
    const data = readJson<{ domains: DomainData[] }>('domains.json').domains;
    this.domains = data.map((d, index) => ({ ...d, index, orgs: d.orgs.map(([name, acronym]) => this.organization(name, acronym)) }));
    this.domainWeights = new Weighted(this.domains.map((d) => [d.index, d.weight] as [number, number]));
    if (this.first.length * this.surnames.length < this.domains.length * PEOPLE_PER_DOMAIN) throw new Error('data/corpus/names.json: too few names for the population');
  }

  private organization(name: string, acronym: string | null): Organization {
    let org = this.orgsByName.get(name);
    if (!org) {
      // "the World Bank" but "Greenpeace", "Amnesty International", "Save the Children"
      const the = name.split(' ').length > 1 && !/^(Amnesty|Save|Human Rights Watch|Reporters|Medecins|Oxfam|Interpol|NASA|CERN)/.test(name);
      org = { name, acronym, the, key: lowerKey('organization', name) };
      this.orgsByName.set(name, org);
    }
    return org;
  }

  /** Person `rank` of a subject area: the same name, role and affiliation every time. */
  person(domain: Domain, rank: number): Person {
    const id = domain.index * PEOPLE_PER_DOMAIN + rank;
    const cached = this.people.get(id);
    if (cached) return cached;
    // a multiplier coprime with the name space walks it without repeating a full name
    const combo = (id * 7919 + 104729) % (this.first.length * this.surnames.length);
    const first = this.first[combo % this.first.length];
    const last = this.surnames[Math.floor(combo / this.first.length)];
    const rng = new Rng(mix(0x5eed, id));
    const [role, kind] = rng.pick(domain.roles);
    let affiliation: Country | Organization | null = null;
    let title = role;
    if (kind === 'country') {
      const country = this.countries[this.countryWeights.pick(rng.next())];
      affiliation = country;
      title = `${country.demonym} ${role}`;
    } else if (kind === 'organization' && domain.orgs.length) {
      const org = rng.pick(domain.orgs);
      affiliation = org;
      title = `${org.acronym ?? org.name} ${role}`;
    }
    const name = `${first.name} ${last}`;
    const person: Person = {
      first: first.name, last, name, pronoun: first.pronoun, honorific: first.pronoun === 'he' ? 'Mr.' : 'Ms.',
      key: lowerKey('person', name), role, title, affiliation,
    };
    this.people.set(id, person);
    return person;
  }

  countryPick(u: number): Country {
    return this.countries[this.countryWeights.pick(u)];
  }
}

let shared: World | null = null;

/** The world is read from data/ once per process. */
export function world(): World {
  return (shared ??= new World());
}
