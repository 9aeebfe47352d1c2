// IPTC Media Topics: the taxonomy in data/topics.json and the transparent rules (keywords, actors) that assign them.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldAccents } from '../common/fold.js';

export interface Topic {
  /** Readable slug, e.g. "conflict-war-and-peace". */
  id: string;
  /** IPTC Media Topic code, e.g. "medtop:16000000". */
  iptc: string;
  label: string;
  parentId: string | null;
}

export interface TopicContext {
  /** Topics of the article as a whole: the fallback when the text itself names none. */
  articleTopics?: string[];
  /** Keys of actors involved (speaker and mentions), e.g. "organization:nato". */
  actorKeys?: string[];
}

/** One topic's score and the rules that produced it, for reports and for users asking "why this topic?". */
export interface TopicScore {
  id: string;
  score: number;
  /** The keywords and actor words that matched, most weighty first. */
  hits: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Loading data/topics.json.

type KeywordSpec = string | { term: string; weight: number };
interface TopicEntry extends Topic {
  keywords?: KeywordSpec[];
  actors?: string[];
}
interface TopicsFile {
  fallback: string;
  topics: TopicEntry[];
}

// data/ sits at the repository root; walk up so this works from src/ (tsx) and from dist/src/ (built).
function findTopicsFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', 'topics.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error('data/topics.json not found above ' + fileURLToPath(import.meta.url));
}

// ---------------------------------------------------------------------------------------------------------------
// Words. Text and keywords are cut the same way: lower case, letters and digits only, accents dropped, so
// "Coup d'État", "re-elected" and "COVID-19" meet their keywords whatever the punctuation.

const NON_ASCII = /[^\x00-\x7f]/;

function words(text: string): string[] {
  // A hand-written scan: about as fast as a regex match, and it allocates nothing but the words.
  const lower = text.toLowerCase();
  const out: string[] = [];
  let start = -1;
  // whether a word holds a letter beyond ASCII: only then can one need its accents dropped
  let accented = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    if (inWord) {
      if (start < 0) start = i;
      if (c >= 0xc0) accented = true;
    } else if (start >= 0) {
      out.push(lower.slice(start, i));
      start = -1;
    }
  }
  if (accented) {
    for (let i = 0; i < out.length; i++) {
      if (NON_ASCII.test(out[i])) out[i] = foldAccents(out[i]);
    }
  }
  return out;
}

/** The forms a text word may take in the keyword lists, which are written in the singular. */
function singulars(word: string): string[] {
  const forms = [word];
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) {
    if (word.endsWith('ies')) forms.push(word.slice(0, -3) + 'y');
    if (word.endsWith('es')) forms.push(word.slice(0, -2));
    forms.push(word.slice(0, -1));
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------------------------
// The compiled rules: every keyword indexed by its first word, so one pass over the text finds them all.

interface Phrase {
  /** Words of the keyword; the last one is a prefix when `open` ("protest*"). */
  words: string[];
  open: boolean;
  term: string;
  topic: number;
  weight: number;
}

class PhraseIndex {
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Keywords that are one open word ("murder*"), bucketed by their first three letters. */
  private readonly byStem = new Map<number, Phrase[]>();
  /**
   * Per text word, the keywords that may start at it, in the order longestAt tries them: the lists for the word, its
   * singular forms and its stem, joined once. News repeats its vocabulary, so most words are looked up once, not
   * cut and looked up four times.
   */
  private readonly byWord = new Map<string, Phrase[]>();

  add(p: Phrase): void {
    if (p.words.length === 1 && p.open) {
      if (p.words[0].length < 3) throw new Error(`data/topics.json: "${p.term}" is too short to end in *`);
      push(this.byStem, stemKey(p.words[0]), p);
    } else push(this.byFirst, p.words[0], p);
  }

  /** Fills `found` with the longest keywords that start at word `i` (all of the same length), or none. */
  longestAt(ws: string[], i: number, found: Phrase[]): Phrase[] {
    // Plain loops, no closures or temporary arrays: this runs for every word of every article.
    found.length = 0;
    const word = ws[i];
    let candidates = this.byWord.get(word);
    if (!candidates) {
      if (this.byWord.size > 200_000) this.byWord.clear(); // keep memory bounded over a long ingest
      this.byWord.set(word, (candidates = this.candidates(word)));
    }
    collectLongest(candidates, ws, i, found);
    return found;
  }

  private candidates(word: string): Phrase[] {
    const lists: (Phrase[] | undefined)[] = [this.byFirst.get(word)];
    if (word.length > 3 && word.charCodeAt(word.length - 1) === 115 /* s */) {
      lists.push(this.byFirst.get(word.slice(0, -1)));
      if (word.endsWith('es')) lists.push(this.byFirst.get(word.slice(0, -2)));
      if (word.endsWith('ies')) lists.push(this.byFirst.get(word.slice(0, -3) + 'y'));
    }
    if (word.length >= 3 && this.byStem.size) lists.push(this.byStem.get(stemKey(word)));
    const out: Phrase[] = [];
    for (const list of lists) if (list) out.push(...list);
    return out.length ? out : NO_PHRASES;
  }
}

const NO_PHRASES: Phrase[] = [];

/** The first three letters as a number, to look up open keywords without cutting a string per word. */
const stemKey = (w: string) => (w.charCodeAt(0) << 20) | (w.charCodeAt(1) << 10) | w.charCodeAt(2);

/** Adds to `found` the candidates that match at word `i`, keeping only the longest. */
function collectLongest(candidates: Phrase[], ws: string[], i: number, found: Phrase[]): void {
  for (const p of candidates) {
    const length = found.length ? found[0].words.length : 0;
    if (p.words.length < length || !matchesFrom(p, ws, i)) continue;
    if (p.words.length > length) found.length = 0;
    found.push(p);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function wordMatches(keywordWord: string, open: boolean, word: string): boolean {
  if (open) return word.startsWith(keywordWord);
  // singulars(word).includes(keywordWord), without building the list
  if (word === keywordWord) return true;
  if (keywordWord.length >= word.length || !word.startsWith(keywordWord.length === word.length - 2 && keywordWord.endsWith('y') ? keywordWord.slice(0, -1) : keywordWord)) {
    return false;
  }
  return singulars(word).includes(keywordWord);
}

function matchesFrom(p: Phrase, ws: string[], i: number): boolean {
  if (i + p.words.length > ws.length) return false;
  const last = p.words.length - 1;
  for (let k = 0; k <= last; k++) {
    if (!wordMatches(p.words[k], p.open && k === last, ws[i + k])) return false;
  }
  return true;
}

interface Taxonomy {
  topics: Topic[];
  byId: Map<string, number>;
  /** For each topic, its index and its ancestors' indexes, nearest first. */
  lineage: number[][];
  /** For each topic, the index of its top-level ancestor (itself for a top-level topic). */
  rootOf: number[];
  /** For each topic, the indexes of its narrower topics. */
  children: number[][];
  roots: number[];
  keywords: PhraseIndex;
  actors: PhraseIndex;
  fallback: string;
}

function compile(file: TopicsFile): Taxonomy {
  const topics: Topic[] = [];
  const byId = new Map<string, number>();
  const lineage: number[][] = [];
  const keywords = new PhraseIndex();
  const actors = new PhraseIndex();
  for (const entry of file.topics) {
    if (byId.has(entry.id)) throw new Error(`data/topics.json: topic "${entry.id}" is listed twice`);
    if (!/^medtop:\d{8}$/.test(entry.iptc)) throw new Error(`data/topics.json: "${entry.id}" has no valid IPTC code`);
    const parent = entry.parentId === null ? null : byId.get(entry.parentId);
    if (parent === undefined) throw new Error(`data/topics.json: "${entry.id}" comes before its parent "${entry.parentId}"`);
    const index = topics.length;
    topics.push({ id: entry.id, iptc: entry.iptc, label: entry.label, parentId: entry.parentId });
    byId.set(entry.id, index);
    lineage.push(parent === null ? [index] : [index, ...lineage[parent]]);
    for (const spec of entry.keywords ?? []) {
      const { term, weight } = typeof spec === 'string' ? { term: spec, weight: 1 } : spec;
      const open = term.endsWith('*');
      const ws = words(open ? term.slice(0, -1) : term);
      if (ws.length) keywords.add({ words: ws, open, term, topic: index, weight });
    }
    for (const term of entry.actors ?? []) {
      const ws = words(term);
      if (ws.length) actors.add({ words: ws, open: false, term, topic: index, weight: ACTOR_WEIGHT });
    }
  }
  if (!byId.has(file.fallback)) throw new Error(`data/topics.json: fallback "${file.fallback}" is not a topic`);
  const rootOf = lineage.map((l) => l[l.length - 1]);
  const children = topics.map(() => [] as number[]);
  lineage.forEach((l) => l.length > 1 && children[l[1]].push(l[0]));
  const roots = lineage.filter((l) => l.length === 1).map((l) => l[0]);
  return { topics, byId, lineage, rootOf, children, roots, keywords, actors, fallback: file.fallback };
}

/** Reads and compiles data/topics.json (a few milliseconds): build it once and keep the TopicRules. */
export function loadTopicRules(file = findTopicsFile()): TopicRules {
  return new TopicRules(compile(JSON.parse(readFileSync(file, 'utf8')) as TopicsFile));
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring.

/** A headline word counts as much as three in the body: the headline says what the story is about. */
const TITLE_WEIGHT = 3;
/** The same keyword counts at most this many times in a body, so one word repeated cannot carry a topic. */
const MAX_REPEATS = 3;
/** In one statement a word repeated ("one theater, not two theaters") is still one piece of evidence. */
const MAX_STATEMENT_REPEATS = 1;
/** What one actor of a telling kind (an army, a court, a ministry of health) adds to its topic: enough on its own. */
const ACTOR_WEIGHT = 2;
/** Below this an article topic is noise: about two ordinary keywords. */
const MIN_ARTICLE_SCORE = 3;
/** A statement needs one clear keyword (or two weak ones) to get topics of its own. */
const MIN_STATEMENT_SCORE = 2;
/** A second or third top-level topic must reach this share of the best one. */
const RELATIVE_CUTOFF = 0.4;
/**
 * A narrower topic is reported when it carries this share of its parent's score: a broad topic collects the
 * evidence of all its children, so one child with a third of it is the clear specific subject.
 */
const CHILD_SHARE = 0.3;
const MAX_ARTICLE_TOPICS = 6;

class Tally {
  readonly scores: Float64Array;
  /** Per topic, what matched and how much it added; kept only when asked to explain. */
  readonly hits = new Map<number, Map<string, number>>();
  private readonly found: Phrase[] = [];

  constructor(
    readonly tax: Taxonomy,
    private readonly explain = false,
  ) {
    this.scores = new Float64Array(tax.topics.length);
  }

  /** Back to no scores, to be used again (see `cleanTally`). */
  reset(): this {
    // a plain loop: TypedArray#fill is a call into the runtime, several times slower for 128 numbers
    for (let i = 0; i < this.scores.length; i++) this.scores[i] = 0;
    this.hits.clear();
    return this;
  }

  /** Credits the keywords found in `ws`, each worth its weight times `factor`, each counted at most `maxRepeats` times. */
  addWords(ws: string[], index: PhraseIndex, factor: number, maxRepeats: number): void {
    let repeats: Map<Phrase, number> | null = null;
    for (let i = 0; i < ws.length; ) {
      const found = index.longestAt(ws, i, this.found);
      if (!found.length) {
        i++;
        continue;
      }
      i += found[0].words.length;
      // One occurrence credits each topic once, and only the most specific of a topic and its ancestors: a word
      // listed under "war" and under "conflict, war and peace" counts for war, and through it for its parent.
      for (let k = 0; k < found.length; k++) {
        const p = found[k];
        if (!this.mostSpecific(found, k)) continue;
        const topic = p.topic;
        repeats ??= new Map();
        const n = (repeats.get(p) ?? 0) + 1;
        repeats.set(p, n);
        if (n > maxRepeats) continue;
        this.credit(topic, p.weight * factor, p.term);
      }
    }
  }

  /** Whether found[k] is the heaviest of its topic's matches and no other match is of a narrower topic. */
  private mostSpecific(found: Phrase[], k: number): boolean {
    const p = found[k];
    for (let j = 0; j < found.length; j++) {
      if (j === k) continue;
      const q = found[j];
      if (q.topic === p.topic ? q.weight > p.weight || (q.weight === p.weight && j < k) : this.tax.lineage[q.topic].includes(p.topic)) return false;
    }
    return true;
  }

  credit(topic: number, amount: number, why: string): void {
    for (const t of this.tax.lineage[topic]) {
      this.scores[t] += amount;
      if (!this.explain) continue;
      let h = this.hits.get(t);
      if (!h) this.hits.set(t, (h = new Map()));
      h.set(why, (h.get(why) ?? 0) + amount);
    }
  }

  ranked(): TopicScore[] {
    const out: TopicScore[] = [];
    this.scores.forEach((score, i) => {
      if (score <= 0) return;
      const hits = [...(this.hits.get(i) ?? [])].sort((a, b) => b[1] - a[1]).map(([why]) => why);
      out.push({ id: this.tax.topics[i].id, score: Math.round(score * 100) / 100, hits });
    });
    return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }

  /**
   * The topics worth reporting: the top-level topics within reach of the best one, each followed by its best
   * narrower topic (and that one's, and so on) while that keeps CHILD_SHARE of its parent's score.
   */
  select(minScore: number, maxTopLevel: number): string[] {
    const { topics, roots: allRoots, children } = this.tax;
    const scores = this.scores;
    const roots: number[] = [];
    for (const r of allRoots) if (scores[r] >= minScore) roots.push(r);
    if (!roots.length) return [];
    roots.sort(this.byScore);
    const cutoff = Math.max(minScore, scores[roots[0]] * RELATIVE_CUTOFF);
    const out: string[] = [];
    for (const root of roots.slice(0, maxTopLevel)) {
      if (scores[root] < cutoff) break;
      out.push(topics[root].id);
      for (let parent = root; ; ) {
        let best = -1;
        for (const c of children[parent]) if (best < 0 || scores[c] > scores[best]) best = c;
        if (best < 0 || scores[best] < Math.max(minScore / 2, scores[parent] * CHILD_SHARE)) break;
        out.push(topics[best].id);
        parent = best;
      }
    }
    return out;
  }

  private readonly byScore = (a: number, b: number) => this.scores[b] - this.scores[a];
}

/** The actor rules an actor key matches, one per topic; remembered, since the same actors speak again and again. */
// ---------------------------------------------------------------------------------------------------------------
// Public API: the rules of one taxonomy, with the small working memory scoring reuses (held here, not in the module).

export class TopicRules {
  /** actor key → the topic rules its words trigger; bounded, since a long ingest meets many actors */
  private readonly actorCache = new Map<string, Phrase[]>();
  /** one tally reused for every statement: an article asks for a dozen and reads each before the next */
  private reusable: Tally | null = null;

  constructor(private readonly tax: Taxonomy) {}

  /** The taxonomy subset we use, parents before children. */
  topics(): Topic[] {
    return this.tax.topics.map((t) => ({ ...t }));
  }

  /** Topic ids of `id` and its ancestors, nearest first (empty for an unknown id). */
  lineage(id: string): string[] {
    const i = this.tax.byId.get(id);
    return i === undefined ? [] : this.tax.lineage[i].map((t) => this.tax.topics[t].id);
  }

  /** Every topic the rules give some weight for this article, best first, with the words that matched. */
  scoreArticle(title: string, body: string): TopicScore[] {
    return this.articleTally(title, body, true).ranked();
  }

  /**
   * Topic ids for a whole article (headline weighs more than body): up to three top-level topics, each followed by
   * its most specific well-supported narrower topics. Never empty: an article no rule matches gets the fallback.
   */
  forArticle(title: string, body: string): string[] {
    const selected = this.articleTally(title, body).select(MIN_ARTICLE_SCORE, 3);
    return selected.length ? selected.slice(0, MAX_ARTICLE_TOPICS) : [this.tax.fallback];
  }

  /**
   * Topic ids for one statement or claim text: its own keywords and the kinds of actor involved, favouring the
   * article's own topics; when the text names no topic clearly, the article's topics. Never empty when
   * context.articleTopics is not empty.
   */
  forText(text: string, context: TopicContext = {}): string[] {
    const tax = this.tax;
    const tally = this.cleanTally();
    tally.addWords(words(text), tax.keywords, 1, MAX_STATEMENT_REPEATS);
    for (const key of new Set(context.actorKeys ?? [])) {
      for (const p of this.actorRules(key)) tally.credit(p.topic, p.weight, `actor ${key}`);
    }
    // A statement inside a story about war that says "we will fight this in court" is most likely about the war's
    // legal side, not a new subject: topics the article already has count half as much again.
    const articleRoots = new Set<number>();
    for (const id of context.articleTopics ?? []) {
      const i = tax.byId.get(id);
      if (i !== undefined) articleRoots.add(tax.rootOf[i]);
    }
    const scores = tally.scores;
    for (let i = 0; i < scores.length; i++) if (scores[i] > 0 && articleRoots.has(tax.rootOf[i])) scores[i] *= 1.5;
    const own = tally.select(MIN_STATEMENT_SCORE, 2);
    if (own.length) return own;
    if (context.articleTopics?.length) return [...context.articleTopics];
    return [tax.fallback];
  }

  private articleTally(title: string, body: string, explain = false): Tally {
    const tally = explain ? new Tally(this.tax, explain) : this.cleanTally();
    tally.addWords(words(title), this.tax.keywords, TITLE_WEIGHT, MAX_REPEATS);
    tally.addWords(words(body), this.tax.keywords, 1, MAX_REPEATS);
    return tally;
  }

  private cleanTally(): Tally {
    this.reusable ??= new Tally(this.tax);
    return this.reusable.reset();
  }

  private actorRules(key: string): Phrase[] {
    const tax = this.tax;
  let rulesForKey = this.actorCache.get(key);
  if (rulesForKey) return rulesForKey;
  rulesForKey = [];
  const ws = words(key.replace(/^[a-z]+:/, ''));
  const found: Phrase[] = [];
  for (let i = 0; i < ws.length; i++) {
    for (const p of tax.actors.longestAt(ws, i, found)) if (!rulesForKey.some((q) => q.topic === p.topic)) rulesForKey.push(p);
  }
  if (this.actorCache.size > 50_000) this.actorCache.clear(); // a long ingest meets many actors; keep memory bounded
  this.actorCache.set(key, rulesForKey);
  return rulesForKey;
}
}

/** The taxonomy subset we use (read from data/topics.json on each call: for syncing the topics table). */
export function loadTopics(): Topic[] {
  return loadTopicRules().topics();
}
