// Generates realistic news articles in the input format, with the extraction each one encodes, deterministically for a seed.

import type { Rule } from '../extract/rules.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ActorDraft, ClaimDraft, DateValue, Extraction, MentionDraft, Span, StatementDraft } from '../extract/types.js';
import { loadTopics, type Topic } from '../extract/topics.js';
import { slugify } from '../store/names.js';
import { mix, Rng, Weighted } from './random.js';
import { world, type Country, type Domain, type Organization, type Person, type World } from './world.js';

export interface CorpusOptions {
  /** How many articles the corpus has: publication dates spread evenly over the years in data/corpus/style.json. */
  articles: number;
  seed?: number;
  /** Taxonomy that the extraction's topic ids refer to; default the product's, else one topic per subject area. */
  topics?: Topic[];
}

export interface ArticleMetaJson {
  source: string;
  url: string;
  published: string;
  language: string;
  note: string;
}

export interface GeneratedArticle {
  index: number;
  /** File name without .txt: "2021-03-04-french-health-minister-warns-of-new-outbreak-1234". */
  slug: string;
  /** The article file: source line, blank line, headline, blank line, paragraphs separated by blank lines. */
  text: string;
  meta: ArticleMetaJson;
  /** What the article says, by construction: the extraction a perfect extractor would produce. */
  extraction: Extraction;
}

type Speaker =
  | { kind: 'person'; person: Person }
  | { kind: 'organization'; org: Organization }
  | { kind: 'group'; name: string; text: string; cue: string };

type Style = keyof World['style']['styles'];

// how sure each attribution pattern is, for the generated extraction
const CONFIDENCE: Record<string, number> = {
  'quote-X-said': 0.95, 'quote-said-X': 0.95, 'X-said-colon-quote': 0.95, 'X-told-colon-quote': 0.93, 'split-quote': 0.93,
  'partial-quote': 0.9, 'reported-that': 0.85, 'reported-says': 0.8, 'according-to-lead': 0.85, 'according-to-tail': 0.85,
  'pronoun-quote': 0.85, 'organization-statement': 0.9, 'unnamed-group': 0.6, 'multi-paragraph-quote': 0.85,
};
// the extractor's rule id for each generated pattern
const RULE_OF: Record<string, Rule> = {
  'quote-X-said': 'quote-then-cue', 'quote-said-X': 'quote-then-cue', 'X-said-colon-quote': 'cue-then-quote', 'X-told-colon-quote': 'cue-then-quote',
  'split-quote': 'quote-cue-quote', 'partial-quote': 'cue-then-quote', 'reported-that': 'cue-then-clause', 'reported-says': 'cue-then-clause',
  'according-to-lead': 'according-to', 'according-to-tail': 'according-to', 'pronoun-quote': 'quote-then-cue', 'organization-statement': 'cue-then-clause',
  'unnamed-group': 'cue-then-clause', 'multi-paragraph-quote': 'loose-quote',
};
const INVERTIBLE_CUES = new Set(['said', 'added', 'wrote', 'continued', 'explained']);
const COLON_CUES = new Set(['said', 'added', 'wrote', 'stated', 'explained', 'warned', 'tweeted']);

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const withCommas = (n: number) => n.toLocaleString('en-US');

let defaultTopics: Topic[] | null = null;

/** The taxonomy generated extractions use: the product's when it has one, else one top-level IPTC topic per subject area. */
export function corpusTopics(): Topic[] {
  if (defaultTopics) return defaultTopics;
  const product = loadTopics();
  defaultTopics = product.length ? product : world().domains.map((d) => ({ id: slugify(d.label), iptc: d.iptc, label: d.label, parentId: null }));
  return defaultTopics;
}

/** For each subject area, the topic ids a statement about it may get: the area's IPTC topic and its sub-topics. */
function topicChoices(topics: Topic[]): Map<string, string[]> {
  const byIptc = new Map(topics.map((t) => [t.iptc, t]));
  const children = new Map<string, string[]>();
  for (const t of topics) if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const out = new Map<string, string[]>();
  for (const d of world().domains) {
    const top = byIptc.get(d.iptc);
    out.set(d.iptc, top ? [top.id, ...(children.get(top.id) ?? [])] : []);
  }
  return out;
}

const choicesCache = new WeakMap<Topic[], Map<string, string[]>>();

/** Article `index` of a corpus of `options.articles`: the same text for the same seed, count and index. */
export function generateArticle(index: number, options: CorpusOptions): GeneratedArticle {
  const topics = options.topics ?? corpusTopics();
  let choices = choicesCache.get(topics);
  if (!choices) choicesCache.set(topics, (choices = topicChoices(topics)));
  return new ArticleComposer(world(), index, options, choices).compose();
}

export function* generateCorpus(options: CorpusOptions): Generator<GeneratedArticle> {
  for (let i = 0; i < options.articles; i++) yield generateArticle(i, options);
}

/** Writes NAME.txt and NAME.meta.json for each article into `dir`; returns the number of files and bytes of text. */
export function writeCorpus(dir: string, options: CorpusOptions): { articles: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const a of generateCorpus(options)) {
    writeFileSync(join(dir, `${a.slug}.txt`), a.text);
    writeFileSync(join(dir, `${a.slug}.meta.json`), `${JSON.stringify(a.meta, null, 1)}\n`);
    bytes += Buffer.byteLength(a.text);
  }
  return { articles: options.articles, bytes };
}

/** Composes one article while recording, as it writes, every actor, mention, statement and claim it puts in. */
class ArticleComposer {
  private readonly rng: Rng;
  private readonly style: World['style'];
  private readonly domain: Domain;
  private readonly home: Country;
  private readonly published: string;
  private readonly open: string;
  private readonly close: string;
  private body = '';
  private paragraphs: Span[] = [];
  private paraStart = 0;
  private readonly actors = new Map<string, ActorDraft>();
  private readonly mentions: MentionDraft[] = [];
  private readonly statements: StatementDraft[] = [];
  private readonly claims: ClaimDraft[] = [];
  private readonly introduced = new Set<string>();
  private facts: Span[] = [];
  private readonly usedBackground = new Set<string>();
  private cast: Speaker[] = [];
  private castWeights!: Weighted<number>;
  private lastSpeaker: Speaker | null = null;

  constructor(
    private readonly w: World,
    private readonly index: number,
    private readonly options: CorpusOptions,
    private readonly topicChoices: Map<string, string[]>,
  ) {
    this.rng = new Rng(mix(options.seed ?? 1, index));
    this.style = w.style;
    this.domain = w.domains[w.domainWeights.pick(this.rng.next())];
    this.home = w.countryPick(this.rng.next());
    // dates advance with the index, so file names (date first) sort in the order the articles were generated
    const days = Math.round(this.style.years * 365.25);
    const offset = Math.floor(((index + this.rng.next()) * days) / Math.max(1, options.articles));
    this.published = iso(Date.UTC(this.style.firstYear, 0, 1) + offset * DAY_MS);
    const curly = this.rng.chance(0.3);
    this.open = curly ? '“' : '"';
    this.close = curly ? '”' : '"';
  }

  compose(): GeneratedArticle {
    const { rng } = this;
    this.chooseCast();
    const source = rng.pick(this.style.outlets);
    const { title, titleMentions } = this.headline();

    if (rng.chance(0.4)) this.paragraph(() => this.write(this.dateline()));
    this.paragraph(() => {
      this.fill(rng.pick(this.domain.leads));
      this.background(rng.between(1, 2));
    });
    // as in Wikinews: about ten statements, with a background paragraph between every second or third
    const target = Math.max(3, Math.min(20, Math.round(10 + 3.2 * rng.normal())));
    // some stories are mostly quotes, others (features, explainers) mostly context: lengths vary as much as Wikinews'
    const verbosity = Math.exp(0.8 * rng.normal());
    while (this.statements.length < target) {
      this.paragraph(() => {
        if (rng.chance(0.25)) (this.fill(rng.pick(this.style.context)), this.write(' '));
        this.statement();
        if (this.statements.length < target && rng.chance(0.3)) (this.write(' '), this.statement(rng.chance(0.5) ? 'pronoun-quote' : undefined));
        else if (rng.chance(0.3)) this.background(1);
      });
      if (rng.chance(Math.min(0.95, 0.6 * verbosity))) this.paragraph(() => this.background(rng.between(1, Math.max(1, Math.round(3.5 * verbosity))), true));
    }
    // facts written in the article's own voice are claims without a claimant
    for (const f of this.facts) this.claim(null, f, null);

    const slug = `${this.published}-${slugify(title, 50)}-${this.index}`;
    const text = `${source}\n\n${title}\n\n${this.body}\n`;
    const meta: ArticleMetaJson = {
      source,
      url: `https://news.example.org/${this.published.slice(0, 4)}/${slug}`,
      published: this.published,
      language: 'en',
      note: `generated by \`npm run corpus\` (seed ${this.options.seed ?? 1}, article ${this.index} of ${this.options.articles}); not real news`,
    };
    const extraction: Extraction = {
      article: { source, title, body: this.body, paragraphs: this.paragraphs },
      actors: [...this.actors.values()],
      mentions: [...titleMentions, ...this.mentions],
      statements: this.statements,
      claims: this.claims,
      topics: this.topicsFor(),
      warnings: [],
    };
    return { index: this.index, slug, text, meta, extraction };
  }

  // ---------- who speaks ----------

  private chooseCast(): void {
    const { rng, w } = this;
    const people = rng.between(2, 4);
    const seen = new Set<string>();
    for (let i = 0; i < people; i++) {
      // one in five speakers comes from politics, whatever the article is about: leaders comment on everything
      const domain = i > 0 && rng.chance(0.2) ? w.domains[0] : this.domain;
      const person = w.person(domain, w.popularity.pick(rng.next()));
      if (seen.has(person.key)) continue;
      seen.add(person.key);
      this.cast.push({ kind: 'person', person });
    }
    if (rng.chance(0.35) && this.domain.orgs.length) this.cast.push({ kind: 'organization', org: rng.pick(this.domain.orgs) });
    if (rng.chance(0.3)) this.cast.push({ kind: 'group', ...rng.pick(this.style.groups) });
    this.castWeights = new Weighted(this.cast.map((s, i) => [i, s.kind === 'person' ? 6 / (i + 1) : 1] as [number, number]));
  }

  private pickSpeaker(kind?: Speaker['kind']): Speaker | null {
    if (kind) {
      const of = this.cast.filter((s) => s.kind === kind);
      return of.length ? this.rng.pick(of) : null;
    }
    return this.cast[this.castWeights.pick(this.rng.next())];
  }

  // ---------- statements ----------

  private statement(wanted?: Style): void {
    const { rng } = this;
    let style = wanted ?? rng.weighted(this.style.styles as Record<Style, number>);
    let speaker: Speaker | null;
    if (style === 'pronoun-quote') {
      speaker = this.lastSpeaker?.kind === 'person' && this.introduced.has(this.lastSpeaker.person.key) ? this.lastSpeaker : null;
      if (!speaker) style = 'quote-X-said';
    }
    if (style === 'organization-statement') speaker = this.pickSpeaker('organization');
    else if (style === 'unnamed-group') speaker = this.pickSpeaker('group');
    else if (style !== 'pronoun-quote') speaker = this.pickSpeaker('person');
    else speaker = this.lastSpeaker;
    if (!speaker) {
      style = 'quote-X-said';
      speaker = this.pickSpeaker('person')!;
    }
    this.lastSpeaker = speaker;
    const o = this.open;
    const c = this.close;
    const date = rng.chance(0.45) ? this.dateExpression() : null;
    const dateText = date ? ` ${date.text}` : '';
    const quoteCue = () => rng.weighted(this.style.quoteCues);
    const reportCue = () => rng.weighted(this.style.reportCues);

    switch (style) {
      case 'quote-X-said': {
        this.write(o);
        const s = this.content(rng.pick(this.style.direct), { trimStop: true });
        const cue = quoteCue();
        this.write(`,${c} `);
        this.speakerRef(speaker, false);
        this.write(` ${cue}${dateText}.`);
        this.record(s, speaker, 'direct', cue, date, style);
        break;
      }
      case 'quote-said-X': {
        this.write(o);
        const s = this.content(rng.pick(this.style.direct), { trimStop: true });
        let cue = quoteCue();
        if (!INVERTIBLE_CUES.has(cue)) cue = 'said';
        this.write(`,${c} ${cue} `);
        this.speakerRef(speaker, false);
        this.write(`${dateText}.`);
        this.record(s, speaker, 'direct', cue, date, style);
        break;
      }
      case 'X-said-colon-quote':
      case 'X-told-colon-quote': {
        this.speakerRef(speaker, true);
        let cue = style === 'X-told-colon-quote' ? 'told' : quoteCue();
        if (cue !== 'told' && !COLON_CUES.has(cue)) cue = 'said';
        this.write(cue === 'told' ? ` told ${rng.pick(this.style.mediaOutlets)}${dateText}: ${o}` : ` ${cue}${dateText}: ${o}`);
        const s = this.content(rng.pick(this.style.direct));
        this.write(c);
        this.record(s, speaker, 'direct', cue, date, style);
        break;
      }
      case 'split-quote': {
        this.write(o);
        const a = this.content(rng.pick(this.style.direct), { trimStop: true });
        this.write(`,${c} `);
        this.speakerRef(speaker, false);
        this.write(` said${dateText}, ${o}`);
        const b = this.content(rng.pick(this.style.direct), { lowerFirst: true });
        this.write(c);
        this.record(a, speaker, 'direct', 'said', date, style);
        this.record(b, speaker, 'direct', 'said', date, style);
        break;
      }
      case 'multi-paragraph-quote': {
        this.speakerRef(speaker, true);
        this.write(` said${dateText}: ${o}`);
        const a = this.content(rng.pick(this.style.direct));
        this.record(a, speaker, 'direct', 'said', date, style);
        this.endParagraph();
        this.startParagraph();
        this.write(o);
        const b = this.content(rng.pick(this.style.direct));
        this.write(c);
        this.record(b, speaker, 'direct', 'said', date, style);
        break;
      }
      case 'partial-quote': {
        this.speakerRef(speaker, true);
        const cue = reportCue();
        this.write(` ${cue}${dateText} that `);
        const s = this.content(rng.pick(this.style.partial), { quoteSlots: true });
        this.write('.');
        this.record(s, speaker, 'direct', cue, date, style);
        break;
      }
      case 'reported-that': {
        this.speakerRef(speaker, true);
        const cue = reportCue();
        this.write(` ${cue}${dateText} that `);
        const s = this.content(rng.pick(this.style.reported));
        this.write('.');
        this.record(s, speaker, 'indirect', cue, date, style);
        break;
      }
      case 'reported-says': {
        this.speakerRef(speaker, true);
        this.write(' says ');
        const s = this.content(rng.pick(this.style.reportedPresent));
        this.write('.');
        this.record(s, speaker, 'indirect', 'says', null, style);
        break;
      }
      case 'according-to-lead': {
        this.write('According to ');
        this.speakerRef(speaker, false);
        this.write(', ');
        const s = this.content(rng.pick(this.style.reported));
        this.write('.');
        this.record(s, speaker, 'indirect', 'according to', null, style);
        break;
      }
      case 'according-to-tail': {
        const s = this.content(rng.pick(this.style.reported), { capFirst: true });
        this.write(', according to ');
        this.speakerRef(speaker, false);
        this.write('.');
        this.record(s, speaker, 'indirect', 'according to', null, style);
        break;
      }
      case 'pronoun-quote': {
        const person = (speaker as Extract<Speaker, { kind: 'person' }>).person;
        this.write(o);
        const s = this.content(rng.pick(this.style.direct), { trimStop: true });
        const cue = rng.pick(['added', 'continued', 'said']);
        this.write(`,${c} ${person.pronoun} ${cue}.`);
        this.record(s, speaker, 'direct', cue, null, style);
        break;
      }
      case 'organization-statement': {
        const inStatement = rng.chance(0.5);
        if (inStatement) this.write('In a statement, ');
        this.speakerRef(speaker, !inStatement);
        const cue = reportCue();
        this.write(` ${cue}${dateText} that `);
        const s = this.content(rng.pick(this.style.reported));
        this.write('.');
        this.record(s, speaker, 'indirect', cue, date, style);
        break;
      }
      case 'unnamed-group': {
        const g = speaker as Extract<Speaker, { kind: 'group' }>;
        this.speakerRef(speaker, true);
        this.write(` ${g.cue} `);
        const s = this.content(rng.pick(this.style.reported));
        this.write('.');
        this.record(s, speaker, 'indirect', g.cue, null, style);
        break;
      }
    }
  }

  /** Writes a statement's words from a frame; returns where they are and which actors and facts they hold. */
  private content(frame: string, opts: { trimStop?: boolean; lowerFirst?: boolean; capFirst?: boolean; quoteSlots?: boolean } = {}) {
    const start = this.body.length;
    const mentionsBefore = this.mentions.length;
    const factsBefore = this.facts.length;
    let text = frame;
    if (opts.trimStop) text = text.replace(/\.$/, '');
    if (opts.lowerFirst && !/^I\b/.test(text)) text = text.replace(/^(\{?)([A-Z])(?=[a-z])/, (_, brace: string, c: string) => brace + c.toLowerCase());
    this.fill(text, { capFirst: opts.capFirst, quoteSlots: opts.quoteSlots });
    const end = this.body.length;
    const mentionKeys = [...new Set(this.mentions.slice(mentionsBefore).map((m) => m.actorKey))];
    // facts inside what someone says are claims of that speaker, not of the article
    const facts = this.facts.splice(factsBefore);
    return { span: { start, end }, mentionKeys, facts };
  }

  private record(s: ReturnType<ArticleComposer['content']>, speaker: Speaker, kind: 'direct' | 'indirect', cue: string, date: DateValue | null, rule: string): void {
    const speakerKey = this.speakerKey(speaker);
    const index = this.statements.length;
    this.statements.push({
      speakerKey, kind, text: this.body.slice(s.span.start, s.span.end), cue, span: s.span,
      date: date ?? { date: null, precision: null, text: null },
      topics: this.topicsFor(), mentionKeys: s.mentionKeys.filter((k) => k !== speakerKey),
      attribution: { rule: RULE_OF[rule] ?? 'cue-then-clause', confidence: CONFIDENCE[rule] ?? 0.8 },
    });
    for (const f of s.facts) this.claim(speakerKey, f, index);
  }

  private claim(claimantKey: string | null, span: Span, statementIndex: number | null): void {
    const mentionKeys = [...new Set(this.mentions.filter((m) => m.field === 'body' && m.start >= span.start && m.end <= span.end).map((m) => m.actorKey))];
    const statement = statementIndex === null ? null : this.statements[statementIndex];
    this.claims.push({
      claimantKey, text: this.body.slice(span.start, span.end), span, statementIndex,
      date: statement?.date ?? { date: null, precision: null, text: null },
      topics: this.topicsFor(), mentionKeys,
      attribution: { rule: claimantKey ? 'claim-of-statement' : 'claim-article-voice', confidence: claimantKey ? 0.8 : 0.6 },
    });
  }

  private topicsFor(): string[] {
    const choices = this.topicChoices.get(this.domain.iptc) ?? [];
    if (!choices.length) return [];
    const first = this.rng.pick(choices);
    // now and then a statement also touches politics
    const politics = this.topicChoices.get(this.w.domains[0].iptc) ?? [];
    return politics.length && this.rng.chance(0.15) ? [...new Set([first, politics[0]])] : [first];
  }

  // ---------- references to actors ----------

  private speakerKey(s: Speaker): string {
    return s.kind === 'person' ? s.person.key : s.kind === 'organization' ? s.org.key : `group:${s.name}`;
  }

  /** Writes how the article names a speaker: title and full name the first time, a short form later. */
  private speakerRef(s: Speaker, sentenceStart: boolean): void {
    if (s.kind === 'organization') return this.orgRef(s.org, sentenceStart);
    if (s.kind === 'group') {
      const text = sentenceStart ? s.text : s.text.charAt(0).toLowerCase() + s.text.slice(1);
      return this.actorText(`group:${s.name}`, s.name, 'group', text);
    }
    const p = s.person;
    const draft = this.personDraft(p);
    if (!this.introduced.has(p.key)) {
      this.introduced.add(p.key);
      if (this.rng.chance(0.75) || !sentenceStart) {
        // "French Health Minister Anna Kowalski"
        this.titleText(p, sentenceStart);
        this.write(' ');
        this.actorText(p.key, p.name, 'person', p.name, draft);
      } else {
        // "Anna Kowalski, the French health minister,"
        this.actorText(p.key, p.name, 'person', p.name, draft);
        this.write(', the ');
        this.titleText(p, false, true);
        this.write(',');
      }
      return;
    }
    const r = this.rng.next();
    const text = r < 0.6 ? p.last : r < 0.8 ? `${p.honorific} ${p.last}` : p.name;
    this.actorText(p.key, p.name, 'person', text, draft);
  }

  private titleText(p: Person, sentenceStart: boolean, lower = false): void {
    const role = lower ? p.role.toLowerCase() : p.role;
    const aff = p.affiliation;
    if (aff && 'demonym' in aff) {
      this.actorText(aff.key, aff.name, 'country', aff.demonym, this.countryDraft(aff));
      this.write(` ${role}`);
    } else if (aff) {
      const short = aff.acronym ?? aff.name;
      this.actorText(aff.key, aff.name, 'organization', short, this.orgDraft(aff));
      this.write(` ${role}`);
    } else {
      this.write(sentenceStart ? cap(role) : role);
    }
  }

  private personDraft(p: Person): ActorDraft {
    let affiliationKey: string | null = null;
    if (p.affiliation) affiliationKey = 'demonym' in p.affiliation ? this.countryDraft(p.affiliation).key : this.orgDraft(p.affiliation).key;
    return this.draft(p.key, p.name, 'person', p.title, affiliationKey);
  }

  private countryDraft(c: Country): ActorDraft {
    return this.draft(c.key, c.name, 'country', null, null);
  }

  private orgDraft(o: Organization): ActorDraft {
    const d = this.draft(o.key, o.name, 'organization', null, null);
    if (o.acronym) d.aliases.push(o.acronym);
    return d;
  }

  private draft(key: string, name: string, type: ActorDraft['type'], role: string | null, affiliationKey: string | null): ActorDraft {
    let d = this.actors.get(key);
    if (!d) {
      d = { key, name, type, role, affiliationKey, aliases: [] };
      this.actors.set(key, d);
    }
    return d;
  }

  /** Writes an actor's name as a mention. */
  private actorText(key: string, name: string, type: ActorDraft['type'], text: string, draft = this.draft(key, name, type, null, null)): void {
    const start = this.body.length;
    this.body += text;
    this.mentions.push({ actorKey: key, field: 'body', start, end: start + text.length, text });
    if (!draft.aliases.includes(text)) draft.aliases.push(text);
  }

  private orgRef(o: Organization, sentenceStart: boolean): void {
    if (o.the) this.write(sentenceStart ? 'The ' : 'the ');
    const useAcronym = o.acronym !== null && this.introduced.has(o.key) && this.rng.chance(0.6);
    this.introduced.add(o.key);
    this.actorText(o.key, o.name, 'organization', useAcronym ? o.acronym! : o.name, this.orgDraft(o));
  }

  private countryRef(c: Country, sentenceStart: boolean): void {
    if (c.the) this.write(sentenceStart ? 'The ' : 'the ');
    this.actorText(c.key, c.name, 'country', c.name, this.countryDraft(c));
  }

  private mention(sentenceStart: boolean): void {
    if (this.domain.orgs.length && this.rng.chance(0.5)) return this.orgRef(this.rng.pick(this.domain.orgs), sentenceStart);
    let c = this.w.countryPick(this.rng.next());
    if (c === this.home) c = this.w.countryPick(this.rng.next());
    this.countryRef(c, sentenceStart);
  }

  // ---------- text ----------

  /** Sentences of context, none repeated within the article. */
  private background(sentences: number, first = false): void {
    for (let i = 0; i < sentences; i++) {
      let frame = this.rng.pick(this.style.background);
      for (let tries = 0; this.usedBackground.has(frame) && tries < 5; tries++) frame = this.rng.pick(this.style.background);
      this.usedBackground.add(frame);
      if (!first || i > 0) this.write(' ');
      this.fill(frame);
    }
  }

  private write(s: string): void {
    this.body += s;
  }

  private startParagraph(): void {
    if (this.body) this.body += '\n\n';
    this.paraStart = this.body.length;
  }

  private endParagraph(): void {
    this.paragraphs.push({ start: this.paraStart, end: this.body.length });
  }

  private paragraph(build: () => void): void {
    this.startParagraph();
    build();
    this.endParagraph();
  }

  /** Writes a frame, filling each {slot}; a capitalised slot name starts a sentence. */
  private fill(frame: string, opts: { capFirst?: boolean; quoteSlots?: boolean } = {}): void {
    const parts = frame.split(/\{(\w+)\}/);
    for (let i = 0; i < parts.length; i++) {
      const atStart = i === 0 || (i === 1 && parts[0] === '');
      if (i % 2 === 0) {
        if (parts[i]) this.write(opts.capFirst && i === 0 ? cap(parts[i]) : parts[i]);
        continue;
      }
      const name = parts[i];
      const capital = name.charAt(0) !== name.charAt(0).toLowerCase() || (opts.capFirst === true && atStart);
      this.slot(name.toLowerCase(), capital, opts.quoteSlots === true);
    }
  }

  private slot(name: string, capital: boolean, quoteSlots: boolean): void {
    const { rng, domain, style } = this;
    const text = (s: string) => this.write(capital ? cap(s) : s);
    switch (name) {
      case 'issue': return text(rng.pick(domain.issues));
      case 'group': return text(rng.pick(domain.groups));
      case 'action': return this.fill(rng.pick(domain.actions));
      case 'mention': return this.mention(capital);
      case 'fact': {
        const start = this.body.length;
        this.fill(rng.pick(domain.facts), { capFirst: capital });
        this.facts.push({ start, end: this.body.length });
        return;
      }
      case 'eval': case 'when': return text(rng.pick(style[name]));
      case 'qeval': case 'qaction': case 'qrisk': case 'qfailed':
        return quoteSlots ? this.write(`${this.open}${rng.pick(style[name])}${this.close}`) : this.write(rng.pick(style[name]));
      case 'n': return this.write(withCommas(rng.chance(0.5) ? rng.between(100, 5000) : rng.between(5000, 250_000)));
      case 'n2': return this.write(String(rng.between(2, 99)));
      case 'n3': return this.write(String(rng.between(100, 650)));
      case 'pct': return this.write(rng.chance(0.5) ? String(rng.between(1, 60)) : `${rng.between(1, 30)}.${rng.between(1, 9)}`);
      case 'mag': return this.write(`${rng.between(4, 7)}.${rng.between(0, 9)}`);
      case 'year': return this.write(String(this.style.firstYear + rng.between(-30, this.style.years + 3)));
      case 'month': return this.write(rng.pick(style.months));
      case 'day': return this.write(style.weekdays[new Date(dayMs(this.published) - rng.between(0, 3) * DAY_MS).getUTCDay()]);
      case 'country': return this.countryRef(this.home, capital);
      case 'country2': {
        let c = this.w.countryPick(rng.next());
        if (c === this.home) c = this.w.countries[(this.w.countries.indexOf(c) + 1) % this.w.countries.length];
        return this.countryRef(c, capital);
      }
      case 'place': {
        const place = this.home.capital;
        return this.actorText(`place:${place.toLowerCase()}`, place, 'place', place);
      }
      default:
        throw new Error(`data/corpus: unknown slot {${name}}`);
    }
  }

  private headline(): { title: string; titleMentions: MentionDraft[] } {
    const { rng } = this;
    const verb = rng.pick(this.domain.headline);
    const main = this.cast.find((s) => s.kind === 'person') as Extract<Speaker, { kind: 'person' }> | undefined;
    const r = rng.next();
    if (main && r < 0.5) return { title: `${cap(main.person.title)} ${verb}`, titleMentions: [] };
    if (main && r < 0.8) {
      this.personDraft(main.person);
      return { title: `${main.person.last} ${verb}`, titleMentions: [{ actorKey: main.person.key, field: 'title', start: 0, end: main.person.last.length, text: main.person.last }] };
    }
    const prefix = this.home.the ? 'The ' : '';
    this.countryDraft(this.home);
    const start = prefix.length;
    return {
      title: `${prefix}${this.home.name} ${verb}`,
      titleMentions: [{ actorKey: this.home.key, field: 'title', start, end: start + this.home.name.length, text: this.home.name }],
    };
  }

  /** "Monday, January 7, 2019": the dateline many Wikinews articles open with. */
  private dateline(): string {
    const d = new Date(dayMs(this.published));
    return `${this.style.weekdays[d.getUTCDay()]}, ${this.style.months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  }

  /** A date phrase for when something was said, resolved against the publication date as the extractor must. */
  private dateExpression(): DateValue & { text: string } {
    const { rng, style } = this;
    const p = dayMs(this.published);
    const weekday = new Date(p).getUTCDay();
    const monday = p - ((weekday + 6) % 7) * DAY_MS;
    const kind = rng.weighted({ weekday: 50, yesterday: 10, lastWeek: 12, thisWeek: 8, explicit: 12, month: 8 });
    switch (kind) {
      case 'weekday': {
        const back = rng.between(0, 6);
        return { text: `on ${style.weekdays[(weekday - back + 7) % 7]}`, date: iso(p - back * DAY_MS), precision: 'day' };
      }
      case 'yesterday':
        return { text: 'yesterday', date: iso(p - DAY_MS), precision: 'day' };
      case 'lastWeek':
        return { text: 'last week', date: iso(monday - 7 * DAY_MS), precision: 'week' };
      case 'thisWeek':
        return { text: 'this week', date: iso(monday), precision: 'week' };
      case 'explicit': {
        const d = new Date(p - rng.between(7, 40) * DAY_MS);
        return { text: `on ${style.months[d.getUTCMonth()]} ${d.getUTCDate()}`, date: iso(d.getTime()), precision: 'day' };
      }
      default: {
        const d = new Date(p);
        const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
        return { text: `in ${style.months[new Date(first).getUTCMonth()]}`, date: iso(first), precision: 'month' };
      }
    }
  }
}
