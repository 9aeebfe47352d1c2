// Spec-driven fuzzing: seeded random bad requests to every operation in openapi.yaml; never a 5xx, every error a problem naming its parameter.

import t from 'tap';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { parse } from 'yaml';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { openInMemory } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';
import { projectPath } from '../../src/paths.js';
import { TOPICS, fixtureExtraction, fixtureInput } from '../fixtures.js';
import { Prng } from '../prng.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);
const TOKEN = 'fuzz-token-0123456789abcdef';
const SEED = Number(process.env.FUZZ_SEED ?? 5);

// ---------- the operations, read from the committed spec ----------

interface ParamSpec {
  name: string;
  in: 'query' | 'path' | 'header';
  schema: { type?: string; enum?: string[]; pattern?: string };
}
interface Operation {
  method: string;
  path: string;
  id: string;
  params: ParamSpec[];
}

function operations(): Operation[] {
  const spec = parse(readFileSync(projectPath('openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, { operationId: string; parameters?: ParamSpec[] }>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, id: op.operationId, params: op.parameters ?? [] });
  }
  return ops;
}

// ---------- what goes into a request ----------

/** A value to put in a URL: text is percent-encoded, `raw` goes in as it is (bad escapes, %00). */
type Value = string | { raw: string };

const KB100 = 100 * 1024;

const WRONG_TYPES = ['abc', 'true', 'null', '[]', '{}', '[1,2]', '{"a":1}', '1.5', '0.0.1', 'undefined', 'NaN', 'x'.repeat(3)];
const NUMBERS = ['-1', '-0', '0', '00', '1e3', '1e309', '-1e309', '99999999999999999999999', '9007199254740993', '0x1f', '0b11', ' 7', '7 ', '+5', '1_000', 'Infinity', '-Infinity', '4294967296', '2147483648', '1.0', '.5', '5.', '١٢'];
const DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-12-32', '0000-00-00', '9999-12-31', '0001-01-01', '2024-1-1', '24-01-01', '2024/01/01', '2024-02-29T00:00:00Z', '2024-W01', '20240101', '-2024-01-01', '+002024-01-01', '2024-01-01 ', '２０２４-01-01', '2024-02', '2024-13', '1900'];
const UNICODE: Value[] = [
  '\u0000', 'a\u0000b', '\u0007\u0008\u001b[31m', '\r\n', 'a\r\nX-Injected: 1', '\t', '\u200b', '\uFEFF', '\u202Eevil', '\u0301', 'e\u0301', 'ß', 'İ', 'ﬀ', '𝓊𝓃𝒾𝒸ℴ𝒹ℯ', '😀', '👩‍👩‍👧', '中文', 'العربية', '\uFFFF', '\uD800', '\uDFFF', 'a\uD83D',
  { raw: '%00' }, { raw: '%ED%A0%80' }, { raw: '%C0%AE%C0%AE' }, { raw: '%FF%FE' }, { raw: '%E0%A4%A' }, { raw: '%' }, { raw: '%zz' }, { raw: '%%' }, { raw: '%u0041' }, { raw: '+' }, { raw: '%2B' },
];
const SQL = ["' OR 1=1 --", '" OR ""="', "'; DROP TABLE statements; --", '1; DELETE FROM articles', '1 UNION SELECT sql FROM sqlite_schema', "%' --", '%', '_', '\\', "\\'", "' || (SELECT load_extension('x')) || '", 'x) OR (1=1', "ana-lima' --", 'NULL', "char(65)", '/**/', 'ATTACH DATABASE'];
const FTS = ['"unbalanced', 'NEAR(', 'NEAR(a b', '*', 'a AND', 'AND', 'OR', 'NOT', 'NOT a', 'a OR', '(', ')', '()', '^a', 'text:a', 'a:b', '{a b}', '-a', '+a', 'a*b', '**', '"', '""', '" "', 'a NEAR/2 b', 'NEAR(a b, -1)', 'a"b', "'", 'col:', '.', '-', ':', '*a', 'a**', 'AND OR NOT'];
const UNKNOWN_NAMES = ['limitt', 'Limit', 'LIMIT', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'q[]', 'a[b]', 'a.b', '$where', '_', 'format', 'page', 'offset', 'sort', 'callback', '😀', 'x'.repeat(300), ''];
const PATH_IDS: Value[] = [
  '..', '.', '../', '../../etc/passwd', { raw: '..%2F..%2Fetc%2Fpasswd' }, { raw: '%2e%2e' }, { raw: '%2e%2e%2f' }, { raw: '%00' }, { raw: 'a%00b' }, { raw: '%zz' }, { raw: '%' }, { raw: '%C0%AF' },
  { raw: '%ED%A0%80' }, '0', '-1', '1e3', '01', '1.5', ' ', 'null', 'undefined', '__proto__', '%', '?', '#', ';', '*', "' OR 1=1 --", '😀', 'x'.repeat(199), 'x'.repeat(201), 'x'.repeat(499), 'x'.repeat(501), 'x'.repeat(5000),
  '9007199254740993', '99999999999999999999', '1'.repeat(15), '1'.repeat(16), 'medtop:16000000', 'conflict, war and peace',
];
const ACCEPTS = ['*/*', 'application/json', 'text/html', 'application/xml', 'text/csv', 'application/x-ndjson', 'application/ld+json', 'image/png', '', 'garbage', 'application/json;q=0', '*/*;q=abc'];
const METHODS = ['DELETE', 'PUT', 'PATCH', 'POST', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH'];

function hugeValue(rng: Prng): Value {
  const unit = rng.pick(['a', 'é', '中', '😀', ' ', '"', '*', '%25', '\u0000']);
  return unit.startsWith('%') ? { raw: unit.repeat(Math.ceil(KB100 / unit.length)) } : unit.repeat(Math.ceil(KB100 / unit.length));
}

/** Percent-encodes text; a lone surrogate (which encodeURIComponent refuses) becomes the bytes of an invalid UTF-8 sequence. */
function enc(v: Value): string {
  if (typeof v !== 'string') return v.raw;
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

// ---------- the data the fuzzer knows to be valid ----------

interface Known {
  values: Record<string, string[]>;
  ids: Record<string, string[]>;
  /** Cursors with the query that issued them, per operation. */
  cursors: Record<string, { query: [string, string][]; cursor: string }[]>;
}

async function setup(): Promise<{ app: FastifyInstance; known: Known }> {
  const db = openInMemory();
  const writer = new ArticleWriter(db);
  writer.syncTopics(TOPICS);
  writer.save(fixtureInput());
  const x = fixtureExtraction();
  x.article.title = 'Ruritania closes border';
  x.statements = [x.statements[2], x.statements[0]];
  x.claims = [x.claims[1]];
  writer.save(fixtureInput({ slug: 'border', contentHash: 'h2', published: '2024-11-21', extraction: x }));
  // writes go to a database of their own (with the product's taxonomy, which the fixture's hand-made one would clash with)
  const app = (await buildApp({ db, ingest: { db: openInMemory(), token: TOKEN } })) as unknown as FastifyInstance;
  await app.ready();
  const known: Known = {
    values: {
      article: ['ruritania-talks', 'border', 'no-such-article'],
      actor: ['ana-lima', 'Lima', 'Ms Lima', 'officials', 'ruritania', 'Zenda', 'nobody'],
      speaker: ['ana-lima', 'LIMA', 'officials', 'the Ruritanian army'],
      claimant: ['officials', 'ana-lima'],
      topic: ['politics', 'diplomacy', '16000000', 'medtop:11000000', 'conflict, war and peace'],
      from: ['2024-11-01', '2024-11', '2024', '2024-11-14'],
      to: ['2024-11-30', '2024-12', '2025', '2024-11-14'],
      q: ['border', '"border stays"', 'resum*', 'ready', 'Lima border'],
      minConfidence: ['0', '0.5', '.9', '1', '1.0'],
      limit: ['1', '2', '3', '50', '500'],
      // POST /v1/articles takes these as query parameters with a text/plain body
      id: ['fuzz-1', 'fuzz-2', 'fuzz.3'],
      published: ['2024-11-14', '2023-01-31'],
      url: ['https://example.test/a', 'https://example.test/b'],
      source: ['Test Wire'],
      language: ['en', 'fr'],
    },
    ids: {
      '/v1/statements/{id}': ['1', '2', '3', '4', '5'],
      '/v1/claims/{id}': ['1', '2', '3'],
      '/v1/actors/{id}': ['ana-lima', 'ruritania', 'officials', 'zenda', 'ruritanian-army'],
      '/v1/topics/{id}': ['politics', 'diplomacy', '16000000', 'medtop:11000000'],
      '/v1/articles/{id}': ['ruritania-talks', 'border'],
    },
    cursors: {},
  };
  for (const op of operations()) {
    if (op.params.some((p) => p.name === 'cursor')) {
      const issued: Known['cursors'][string] = [];
      for (const query of [[['limit', '1']], [['limit', '1'], ['article', 'ruritania-talks']], [['limit', '2'], ['q', 'border']]] as [string, string][][]) {
        if (!query.every(([k]) => op.params.some((p) => p.name === k))) continue;
        const res = await app.inject(`${op.path}?${query.map(([k, v]) => `${k}=${enc(v)}`).join('&')}`);
        const next = (res.json() as { next: string | null }).next;
        if (next) issued.push({ query, cursor: next });
      }
      known.cursors[op.path] = issued;
    }
  }
  return { app, known };
}

// ---------- one random request ----------

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Names of every query or path parameter (or body field) sent: a 400 must name one of them. */
  sent: Set<string>;
  mutations: string[];
}

function tamper(rng: Prng, cursor: string, foreign: string[]): Value {
  const json = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const decoded = (() => {
    try {
      return JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { k: number; f: string };
    } catch {
      return { k: 1, f: 'x' };
    }
  })();
  const i = rng.int(0, cursor.length - 1);
  const options: Value[] = [
    cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1),
    cursor.slice(0, Math.max(1, i)),
    cursor + cursor,
    cursor.split('').reverse().join(''),
    json({ ...decoded, k: -1 }),
    json({ ...decoded, k: 1e300 }),
    json({ ...decoded, k: 2 ** 53 }),
    json({ ...decoded, k: 9007199254740991 }),
    json({ ...decoded, k: 1.5 }),
    json({ ...decoded, k: '1' }),
    json({ ...decoded, k: null }),
    json({ ...decoded, f: 'forged' }),
    json({ k: 1 }),
    json([1, 2]),
    json('x'),
    json(null),
    Buffer.from('not json at all').toString('base64'),
    Buffer.from('{"k":1,"f":').toString('base64url'),
    { raw: '%00' },
    '====',
    'x'.repeat(2001),
    ...foreign,
  ];
  return rng.pick(options);
}

const ARTICLE_TEXT = 'Test Wire\n\nMinister warns the river will rise\n\n"The river will rise by Friday," Environment Minister Ana Lima said on Monday.\n\nOfficials said the dams were holding.\n';

/** A body for POST /v1/articles, valid or broken, with the headers that go with it; adds the fields it sends to `sent`. */
function submission(rng: Prng, headers: Record<string, string>, sent: Set<string>, mutations: string[]): string | Buffer {
  const auth = rng.next();
  if (auth < 0.85) headers.authorization = `Bearer ${TOKEN}`;
  else if (auth < 0.9) headers.authorization = rng.pick(['Bearer wrong-token', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, 'Bearer', `Bearer ${TOKEN} ${TOKEN}`]);
  if (auth >= 0.85) mutations.push('auth');
  const form = rng.next();
  if (form < 0.25) {
    headers['content-type'] = rng.pick(['text/plain', 'text/plain; charset=utf-8', 'TEXT/PLAIN']);
    const text = rng.pick<string | Buffer>([
      ARTICLE_TEXT, ARTICLE_TEXT, ARTICLE_TEXT.replace('Monday', rng.pick(UNICODE.filter((u): u is string => typeof u === 'string'))), '', '\n\n', 'Wire\n\nHeadline only\n',
      Buffer.from('Wire\n\nCaf\xe9\n\nIl a dit.\n', 'latin1'), Buffer.from([0x00, 0x01, 0x02]), ARTICLE_TEXT + rng.pick(SQL) + rng.pick(FTS), `Wire\n\n${'x'.repeat(KB100)}\n\ntext\n`,
    ]);
    mutations.push('text-body');
    return text;
  }
  if (form < 0.3) {
    headers['content-type'] = rng.pick(['application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/octet-stream', '']);
    mutations.push('body-type');
    return rng.pick(['<a/>', 'title=x&body=y', '\u0000', '']);
  }
  headers['content-type'] = 'application/json';
  const fields: Record<string, unknown> = {
    title: 'Minister warns the river will rise',
    body: '"The river will rise by Friday," Environment Minister Ana Lima said on Monday.',
    ...(rng.chance(0.5) ? { published: rng.pick(['2024-11-14', '2023-06-01']) } : {}),
    ...(rng.chance(0.5) ? { url: `https://example.test/${rng.int(1, 20)}` } : {}),
    ...(rng.chance(0.3) ? { source: 'Test Wire' } : {}),
    ...(rng.chance(0.3) ? { id: `fuzz-${rng.int(1, 20)}` } : {}),
  };
  for (let r = rng.int(0, 3); r > 0; r--) {
    const key = rng.pick(['title', 'body', 'published', 'url', 'source', 'language', 'id', 'text', rng.pick(UNKNOWN_NAMES)]);
    const value = rng.pick<unknown>([
      null, 42, -1, 1e309, true, [], {}, [1], { a: 1 }, '', ' ', 'x'.repeat(KB100), rng.pick(DATES), rng.pick(SQL), rng.pick(FTS), rng.pick(WRONG_TYPES),
      ...UNICODE.filter((u): u is string => typeof u === 'string'), undefined,
    ]);
    if (value === undefined) delete fields[key];
    else fields[key] = value;
    mutations.push(`field:${key.slice(0, 20)}`);
  }
  for (const k of Object.keys(fields)) sent.add(k);
  if (rng.chance(0.05)) {
    mutations.push('broken-json');
    return rng.pick(['{', '{"title": ', '[]', 'null', '"x"', '{"title":"a","body":"b",}', JSON.stringify(fields).slice(0, -1)]);
  }
  return JSON.stringify(fields);
}

function randomRequest(rng: Prng, ops: Operation[], known: Known): FuzzRequest {
  // the write runs the extractor, far slower than a read: it gets a third of a read operation's share
  let op = rng.pick(ops);
  if (op.method === 'POST' && rng.chance(2 / 3)) op = rng.pick(ops.filter((o) => o.method !== 'POST'));
  const mutations: string[] = [];
  const query: [string, Value][] = [];
  const sent = new Set<string>();
  const queryParams = op.params.filter((p) => p.in === 'query');
  const valid = (p: ParamSpec): string => rng.pick(known.values[p.name] ?? p.schema.enum ?? ['x']);

  const headers: Record<string, string> = {};
  let body: string | Buffer | undefined = op.method === 'POST' ? submission(rng, headers, sent, mutations) : undefined;
  // a plausible starting point: a valid cursor with the query that issued it, or some valid filters
  const cursors = known.cursors[op.path] ?? [];
  if (op.method === 'POST') {
    if (headers['content-type']?.toLowerCase().startsWith('text/plain')) for (const p of rng.some(queryParams, 0.4)) query.push([p.name, valid(p)]);
  } else if (cursors.length && rng.chance(0.2)) {
    const c = rng.pick(cursors);
    query.push(...c.query, ['cursor', c.cursor]);
  } else {
    for (const p of rng.some(queryParams.filter((q) => q.name !== 'cursor'), 0.25)) query.push([p.name, valid(p)]);
  }
  let id: Value | undefined = op.path.includes('{id}') ? rng.pick(known.ids[op.path] ?? ['x']) : undefined;
  let method = op.method;
  let rawSuffix = '';

  // each kind of bad value goes mostly to the parameters it is meant for (FTS syntax to q, dates to from and to), sometimes anywhere
  const PREFERRED: Record<string, string[]> = { fts: ['q'], date: ['from', 'to'], number: ['limit', 'minConfidence'], sql: ['q', 'actor', 'speaker', 'claimant', 'topic', 'article'] };
  const target = (kind = ''): [string, Value] | undefined => {
    const preferred = queryParams.filter((p) => PREFERRED[kind]?.includes(p.name));
    const p = preferred.length && rng.chance(0.7) ? rng.pick(preferred) : queryParams.length ? rng.pick(queryParams) : undefined;
    if (!p) return undefined;
    const existing = query.find(([k]) => k === p.name);
    if (existing) return existing;
    const added: [string, Value] = [p.name, valid(p)];
    query.push(added);
    return added;
  };
  const setValue = (kind: string, make: () => Value) => {
    const pair = target(kind);
    if (pair) {
      pair[1] = make();
      mutations.push(`${kind}:${pair[0]}`);
    }
  };

  const rounds = rng.chance(0.1) ? 0 : rng.int(1, 3);
  for (let r = 0; r < rounds; r++) {
    const kind = rng.pick(['type', 'empty', 'huge', 'number', 'date', 'unicode', 'sql', 'fts', 'repeat', 'unknown', 'cursor', 'path', 'raw', 'header', 'method', 'body'] as const);
    switch (kind) {
      case 'type': setValue(kind, () => rng.pick(WRONG_TYPES)); break;
      case 'empty': setValue(kind, () => ''); break;
      case 'huge': setValue(kind, () => hugeValue(rng)); break;
      case 'number': setValue(kind, () => rng.pick(NUMBERS)); break;
      case 'date': setValue(kind, () => rng.pick(DATES)); break;
      case 'unicode': setValue(kind, () => { const u = rng.pick(UNICODE); return rng.chance(0.5) || typeof u !== 'string' ? u : `border${u}x`; }); break;
      case 'sql': setValue(kind, () => rng.pick(SQL)); break;
      case 'fts': setValue(kind, () => rng.pick(FTS)); break;
      case 'repeat': {
        const pair = target();
        if (pair) {
          query.push([pair[0], rng.chance(0.5) ? pair[1] : rng.pick([...WRONG_TYPES, ...FTS])]);
          mutations.push(`repeat:${pair[0]}`);
        }
        break;
      }
      case 'unknown': {
        const name = rng.pick(UNKNOWN_NAMES);
        query.push([name, rng.pick(['1', '', 'x', ...SQL])]);
        mutations.push(`unknown:${name.slice(0, 20)}`);
        break;
      }
      case 'cursor':
        if (queryParams.some((p) => p.name === 'cursor')) {
          const own = cursors.length ? rng.pick(cursors).cursor : Buffer.from('{"k":1,"f":"abc"}').toString('base64url');
          const foreign = Object.entries(known.cursors).filter(([path]) => path !== op.path).flatMap(([, cs]) => cs.map((c) => c.cursor));
          const value = tamper(rng, own, foreign);
          const existing = query.find(([k]) => k === 'cursor');
          if (existing) existing[1] = value;
          else query.push(['cursor', value]);
          mutations.push('cursor');
        }
        break;
      case 'path':
        if (id !== undefined) {
          id = rng.chance(0.8) ? rng.pick(PATH_IDS) : rng.pick([...UNICODE, ...SQL, ...FTS, ...NUMBERS]);
          mutations.push('path');
        }
        break;
      case 'raw':
        rawSuffix = rng.pick(['&', '&&&', '=', '==x', '&=', '?', '??a=1', ';a=1', 'a', 'a=b=c', '&limit', '&limit=', '%26', '#x', '&q=%', '&a[]=1&a[]=2', '&__proto__[x]=1', '&constructor[prototype][x]=1']);
        mutations.push(`raw:${rawSuffix}`);
        break;
      case 'header': {
        const h = rng.pick(['accept', 'accept-encoding', 'if-none-match', 'content-type', 'x-request-id', 'accept-language', 'range', 'origin']);
        headers[h] = h === 'accept' ? rng.pick(ACCEPTS) : rng.pick(['', '*', 'gzip;q=abc', 'W/"x"', '"', 'x'.repeat(1000), 'bytes=0-1', 'null', '\u00e9', 'application/json', 'text/plain']);
        mutations.push(`header:${h}`);
        break;
      }
      case 'method':
        method = rng.pick(METHODS);
        mutations.push(`method:${method}`);
        break;
      case 'body':
        body = rng.pick(['{', '{"a":1}', 'x'.repeat(2000), '[]', 'null', '\u0000']);
        if (body === '{"a":1}') sent.add('a');
        headers['content-type'] = rng.pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream']);
        mutations.push('body');
        break;
    }
  }
  if (id !== undefined) sent.add('id');
  const path = id === undefined ? op.path : op.path.replace('{id}', enc(id));
  const qs = query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') + rawSuffix;
  for (const name of namesIn(qs)) sent.add(name);
  return { method, url: qs ? `${path}?${qs}` : path, headers, body, sent, mutations };
}

/** The parameter names a query string carries, as a server splitting on & and = and decoding would see them. */
function namesIn(qs: string): string[] {
  return qs.split('&').map((pair) => {
    const name = pair.split('=')[0].replace(/\+/g, ' ');
    try {
      return decodeURIComponent(name);
    } catch {
      return name;
    }
  });
}

// ---------- judging an answer ----------

// Signs of internals: SQLite error codes or SQL, stack frames, file paths. Text the request itself sent is not a leak.
// (bounded repetitions: a 100 KB echoed value must not make the check itself quadratic)
const LEAKS = /SQLITE_[A-Z]+|sqlite_schema|\bSELECT\b[^\n]{0,200}?\bFROM\b|\/[\w./-]{1,300}\.(?:ts|js|mjs|cjs):\d+|node_modules|\/work\/|\b\w{0,40}Error: /g;

function leaks(body: string, url: string): string[] {
  let sent = url;
  try {
    sent = decodeURIComponent(url);
  } catch {
    // undecodable: compare with the raw URL
  }
  return (body.match(LEAKS) ?? []).filter((m) => !sent.includes(m) && !url.includes(m));
}

interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** Why the answer breaks the contract, or null when it keeps it. */
function judge(req: Pick<FuzzRequest, 'method' | 'sent' | 'headers' | 'url' | 'body'>, res: Answer): string | null {
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 500) return `server error ${res.statusCode}: ${res.body.slice(0, 300)}`;
  const sentText = req.url + (req.body === undefined ? '' : Buffer.from(req.body).toString('utf8'));
  const leaked = leaks(res.body, sentText);
  if (leaked.length) return `internals in the body (${leaked.join(', ')}): ${res.body.slice(0, 300)}`;
  // Node's parser refuses some requests before their method is known (431, 408): those answers carry a body
  if (req.method === 'HEAD' && res.statusCode !== 431 && res.statusCode !== 408) return res.body === '' ? null : 'HEAD answered with a body';
  if (res.statusCode === 204) return req.method === 'OPTIONS' && res.headers.allow ? null : '204 without Allow';
  if (res.statusCode === 304) return req.headers['if-none-match'] !== undefined ? null : '304 without If-None-Match';
  if (res.statusCode >= 300 && res.statusCode < 400) return `unexpected redirect ${res.statusCode}`;
  if (res.statusCode < 300) {
    try {
      JSON.parse(res.body);
    } catch {
      if (!/^text\/(?:csv|html)|ndjson/.test(type)) return `2xx that is not JSON: ${type}`;
    }
    return null;
  }
  if (!type.startsWith('application/problem+json')) return `${res.statusCode} is not problem+json but ${type}`;
  let p: { type?: unknown; title?: unknown; status?: unknown; detail?: unknown; parameter?: unknown };
  try {
    p = JSON.parse(res.body);
  } catch {
    return `problem body is not JSON: ${res.body.slice(0, 200)}`;
  }
  if (typeof p.type !== 'string' || typeof p.title !== 'string' || typeof p.detail !== 'string' || !p.detail) return `incomplete problem: ${res.body.slice(0, 200)}`;
  if (p.status !== res.statusCode) return `problem status ${String(p.status)} differs from ${res.statusCode}`;
  if (res.statusCode === 405 && !res.headers.allow) return '405 without an Allow header';
  // a 400 about the query or path must say which parameter; one about a whole body (an article that is not one) or the HTTP framing need not
  if (res.statusCode === 400 && p.parameter === undefined && req.method !== 'POST' && !/body|json|content|request|header|media/i.test(p.detail)) return `400 without a parameter: ${p.detail}`;
  if (p.parameter !== undefined && (typeof p.parameter !== 'string' || !req.sent.has(p.parameter))) return `problem names "${String(p.parameter)}", which the request did not send (sent: ${[...req.sent].join(', ')})`;
  return null;
}

// ---------- the tests ----------

t.test(`${REQUESTS} fuzzed requests through inject: no 5xx, every error a problem naming its parameter`, async (t) => {
  const { app, known } = await setup();
  t.teardown(() => app.close());
  const ops = operations();
  t.ok(ops.length >= 11, `the spec has ${ops.length} operations`);
  const before = (await app.inject('/v1/statements/1')).body;
  const rng = new Prng(SEED);
  const byStatus = new Map<number, number>();
  const byOperation = new Map<string, number>();
  const failures: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const req = randomRequest(rng, ops, known);
    const res = await app.inject({ method: req.method as 'GET', url: req.url, headers: req.headers, payload: req.body });
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    const opKey = req.url.split('?')[0].replace(/^(\/v1\/\w+)\/.*$/, '$1/{id}');
    byOperation.set(opKey, (byOperation.get(opKey) ?? 0) + 1);
    const why = judge(req, res);
    if (why && failures.length < 20) failures.push(`#${i} ${req.method} ${req.url.slice(0, 200)} [${req.mutations.join(' ')}]: ${why}`);
  }
  const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
  t.comment(`fuzzed ${REQUESTS} requests (seed ${SEED}) over ${ops.length} operations; by status: ${statuses}`);
  t.same(failures, [], 'every answer keeps the contract');
  t.notOk(byStatus.has(500), 'no 5xx');
  t.ok([...byStatus.keys()].some((s) => s === 200) && byStatus.has(400) && byStatus.has(404), 'the mix reaches valid, invalid and unknown');
  t.equal((await app.inject('/health')).statusCode, 200, 'still answers afterwards');
  t.equal((await app.inject('/v1/statements/1')).body, before, 'and with the same data');
});

/** Sends bytes on a fresh socket and reads the raw answer until the server closes or the body is complete. */
function rawRequest(port: number, bytes: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      const [statusLine, ...lines] = head.split('\r\n');
      const headers: Answer['headers'] = {};
      for (const l of lines) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
      resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body: text.slice(head.length + 4) });
    };
    socket.on('data', (c) => {
      chunks.push(c);
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
      if (end >= 0 && length && Buffer.byteLength(text.slice(end + 4)) >= Number(length[1])) {
        socket.destroy();
        done();
      }
    });
    socket.on('end', done);
    socket.on('error', (err) => (chunks.length ? done() : reject(err)));
    socket.setTimeout(10_000, () => reject(new Error('no answer')));
    socket.write(bytes);
  });
}

t.test('over a real socket: raw bytes, over-long URLs and malformed HTTP are 4xx problems too', async (t) => {
  const { app, known } = await setup();
  t.teardown(() => app.close());
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const get = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${extra}\r\n`;
  const cases: [string, string | Buffer, number][] = [
    ['NUL in a path id', get('/v1/actors/%00'), 404],
    ['NUL in a query value', get('/v1/statements?q=%00'), 400],
    ['dot segments', get('/v1/actors/..%2F..%2Fetc%2Fpasswd'), 404],
    ['bad percent-encoding in the path', get('/v1/actors/%E0%A4%A'), 400],
    ['a path segment over 500 characters', get(`/v1/actors/${'a'.repeat(600)}`), 414],
    ['a 100 KB URL', get(`/v1/statements?q=${'a'.repeat(KB100)}`), 431],
    ['a 20 KB header', get('/v1/statements', `X-Big: ${'a'.repeat(20_000)}\r\n`), 431],
    ['raw non-ASCII bytes in the path', Buffer.concat([Buffer.from('GET /v1/actors/'), Buffer.from([0xff, 0xfe]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]), 400],
    ['a space in the request target', get('/v1/statements?q=a b'), 400],
    ['Content-Length and Transfer-Encoding together', get('/v1/statements', 'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n'), 400],
    ['a non-numeric Content-Length', get('/v1/statements', 'Content-Length: abc\r\n'), 400],
    ['not HTTP at all', 'HELLO\r\n\r\n', 400],
    ['a method Node does not know', 'BREW /v1/statements HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    ['DELETE on a resource', 'DELETE /v1/statements/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
    ['an absolute-form target', get('http://evil.example/v1/statements/1'), 200],
  ];
  for (const [what, bytes, status] of cases) {
    const res = await rawRequest(port, bytes);
    t.equal(res.statusCode, status, what);
    t.equal(judge({ method: 'GET', sent: new Set(['q', 'id']), headers: {}, url: bytes.toString() }, res), null, `${what}: ${res.body.slice(0, 120)}`);
    t.comment(what, res.statusCode, res.body.slice(0, 160));
  }

  // the random generator again, over the socket, where URL parsing is Node's own
  const rng = new Prng(SEED + 1);
  const ops = operations();
  const byStatus = new Map<number, number>();
  const failures: string[] = [];
  const n = Math.max(200, Math.round(REQUESTS / 10));
  for (let i = 0; i < n; i++) {
    const req = randomRequest(rng, ops, known);
    const headers = Object.entries(req.headers).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v)).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    const payload = req.body === undefined ? Buffer.alloc(0) : Buffer.from(req.body);
    const length = req.body === undefined ? '' : `Content-Length: ${payload.length}\r\n`;
    const res = await rawRequest(port, Buffer.concat([Buffer.from(`${req.method} ${req.url} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${headers}${length}\r\n`), payload]));
    byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
    const why = judge(req, res);
    if (why && failures.length < 20) failures.push(`${req.method} ${req.url.slice(0, 200)} [${req.mutations.join(' ')}]: ${why}`);
  }
  t.comment(`fuzzed ${n} requests over a socket; by status: ${[...byStatus].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')}`);
  t.same(failures, [], 'every answer keeps the contract');
  t.equal((await rawRequest(port, get('/health'))).statusCode, 200, 'still answers afterwards');
});
