// The benchmark's request mix: many distinct URLs per endpoint, sampled through the API itself from what the database holds.

import { Rng } from '../src/corpus/random.js';

export interface MixRow {
  name: string;
  /** Full-text rows have a looser latency target. */
  fullText?: boolean;
  paths: string[];
  /** Why the row cannot run yet (a feature not on main). */
  pending?: string;
}

interface Ref {
  id: string;
  name: string;
  type: string;
}

interface Statement {
  id: number;
  articleId: string;
  quoteId: number;
  speaker: Ref | null;
  kind: string;
  text: string;
  date: string | null;
  topics: { id: string }[];
  mentions: Ref[];
}

const STOPWORDS = new Set('about after again against also because been before being between could does doing down during each from further have having here into itself just more most must once only other over same should some such than that their them then there these they this those through under until very what when where which while will with would your ours said says'.split(' '));

const get = async <T>(base: string, path: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(base + path);
  return { status: res.status, body: (await res.json()) as T };
};

const enc = encodeURIComponent;
const isoShift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Follows `next` from `path` until page `page`; null when the list ends before it. */
export async function deepPage(base: string, path: string, page: number): Promise<string | null> {
  let current = path;
  for (let p = 1; p < page; p++) {
    const { body } = await get<{ next: string | null }>(base, current);
    if (!body.next) return null;
    current = `${path}&cursor=${enc(body.next)}`;
  }
  return current;
}

/** Builds the mix from about `samples` random statements of the running server; the same seed gives the same URLs. */
export async function buildMix(base: string, statementCount: number, seed = 1, samples = 300): Promise<MixRow[]> {
  const rng = new Rng(seed);
  const sampled: Statement[] = [];
  const ids: number[] = [];
  for (let i = 0; i < samples; i++) {
    const id = 1 + rng.int(statementCount);
    ids.push(id);
    const { status, body } = await get<Statement>(base, `/v1/statements/${id}`);
    if (status === 200) sampled.push(body);
  }
  const pick = <T>(xs: T[]) => xs[rng.int(xs.length)];
  const withSpeaker = sampled.filter((s) => s.speaker);
  const dated = (s: Statement) => s.date ?? s.articleId.slice(0, 10);
  const actorOf = (s: Statement) => (s.mentions.length ? pick(s.mentions) : s.speaker)?.id;
  const words = (s: Statement) => (s.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOPWORDS.has(w));
  const windows = [1, 7, 31, 92, 365];

  const rows: MixRow[] = [];
  const row = (name: string, make: (i: number) => string | undefined, extra: Partial<MixRow> = {}) => {
    const paths = new Set<string>();
    for (let i = 0; i < samples * 3 && paths.size < samples; i++) {
      const p = make(i);
      if (p) paths.add(p);
    }
    rows.push({ name, paths: [...paths], ...extra });
  };

  row('statement by id', (i) => `/v1/statements/${ids[i % ids.length]}`);
  row('by speaker', () => `/v1/statements?speaker=${enc(pick(withSpeaker).speaker!.id)}`);
  row('by actor', () => {
    const a = actorOf(pick(sampled));
    return a ? `/v1/statements?actor=${enc(a)}` : undefined;
  });
  row('by topic', () => `/v1/statements?topic=${enc(pick(pick(sampled).topics).id)}&limit=${pick([10, 20, 50])}`);
  row('from/to', () => {
    const days = pick(windows);
    const from = isoShift(dated(pick(sampled)), -Math.floor(days / 2));
    return `/v1/statements?from=${from}&to=${isoShift(from, days - 1)}`;
  });
  row('combined filters', () => {
    const s = pick(withSpeaker);
    const from = isoShift(dated(s), -180);
    switch (rng.int(4)) {
      case 0: return `/v1/statements?speaker=${enc(s.speaker!.id)}&from=${from}&to=${isoShift(from, 364)}`;
      case 1: return `/v1/statements?topic=${enc(s.topics[0].id)}&kind=${s.kind}&from=${from}&to=${isoShift(from, 91)}`;
      case 2: return `/v1/statements?actor=${enc(actorOf(s)!)}&topic=${enc(s.topics[0].id)}`;
      default: return `/v1/statements?speaker=${enc(s.speaker!.id)}&topic=${enc(s.topics[0].id)}&kind=${s.kind}`;
    }
  });
  row('full text q', () => {
    const w = words(pick(sampled));
    if (!w.length) return undefined;
    const q = rng.chance(0.7) ? pick(w) : `${pick(w)} ${pick(words(pick(sampled))) ?? ''}`.trim();
    return `/v1/statements?q=${enc(q)}`;
  }, { fullText: true });
  // quotes: the same lists over the statement heading each quote, each with its occurrences and outlets
  row('quotes by speaker', () => `/v1/quotes?speaker=${enc(pick(withSpeaker).speaker!.id)}`);
  row('quote by id', (i) => `/v1/quotes/${sampled[i % sampled.length].quoteId}`);
  row('actors list', () => {
    const s = pick(withSpeaker);
    switch (rng.int(3)) {
      case 0: return `/v1/actors?type=${pick(['person', 'organization', 'country', 'place', 'group'])}&limit=${pick([10, 20, 50])}`;
      case 1: return `/v1/actors?q=${enc(s.speaker!.name.split(' ').pop()!.slice(0, 4 + rng.int(3)).toLowerCase())}`;
      default: return `/v1/actors?article=${enc(s.articleId)}`;
    }
  });
  const facets = await get<unknown>(base, '/v1/statements?facet=kind&limit=1');
  if (facets.status === 200) {
    row('facets', () => {
      const s = pick(withSpeaker);
      const from = isoShift(dated(s), -3);
      switch (rng.int(3)) {
        case 0: return `/v1/statements?topic=${enc(s.topics[0].id)}&from=${from}&to=${isoShift(from, 6)}&facet=speaker&limit=10`;
        case 1: return `/v1/statements?speaker=${enc(s.speaker!.id)}&facet=topic,date,kind&limit=10`;
        default: return `/v1/statements?actor=${enc(actorOf(s)!)}&facet=speaker,topic,date,kind&limit=10`;
      }
    });
  } else {
    rows.push({ name: 'facets', paths: [], pending: 'facet= is not on main yet (issue 4)' });
  }
  // the web pages (src/web), each next to the API list it shows: a statements page is a list with four facets, an
  // actor's or a topic's page a timeline, newest statements and facets over the facets' budget
  row('page: statements', () => `/statements?speaker=${enc(pick(withSpeaker).speaker!.id)}`);
  row('page: statement', (i) => `/statements/${ids[i % ids.length]}`);
  row('page: article', () => `/articles/${enc(pick(sampled).articleId)}`);
  row('page: actor', () => `/actors/${enc(pick(withSpeaker).speaker!.id)}`);
  row('page: topic', () => `/topics/${enc(pick(pick(sampled).topics).id)}`);
  rows.push({ name: 'page: home', paths: ['/'] });
  // page 1000 of several lists, against page 1 of the same lists: keyset pagination costs the same at any depth
  const chains = ['/v1/statements?limit=2', '/v1/statements?limit=3', '/v1/statements?limit=5', '/v1/statements?kind=direct&limit=2', '/v1/statements?kind=direct&limit=5', '/v1/statements?kind=indirect&limit=2'];
  const deep: string[] = [];
  for (const chain of chains) {
    const p = await deepPage(base, chain, 1000);
    if (p) deep.push(p);
  }
  rows.push({ name: 'page 1', paths: chains });
  rows.push({ name: 'page 1000', paths: deep });
  return rows;
}
