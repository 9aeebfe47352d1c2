// A small whosaid client on types generated from openapi.yaml (openapi-typescript) and openapi-fetch; see README.
//
//   npx openapi-typescript openapi.yaml -o examples/typescript/whosaid.d.ts
//   npx tsx examples/typescript/client.ts [BASE_URL] [SPEAKER] [TOPIC] [FROM] [TO]
//
// It prints one JSON object: statements by a speaker, by a topic and in a date range, every statement id walked
// page by page through `next`, that speaker's actor record, the problem a missing actor gives, the speaker's
// statements as CSV and the first of them as schema.org JSON-LD. The client is openapi-fetch's default: every
// operation answers one media type, so each answer has one type without narrowing.

import createClient from 'openapi-fetch';
import type { components, paths } from './whosaid.js';

type Statement = components['schemas']['Statement'];
type Problem = components['schemas']['Problem'];
type StatementQuery = NonNullable<paths['/v1/statements']['get']['parameters']['query']>;

const [
  baseUrl = 'http://127.0.0.1:3000',
  speaker = 'rutte',
  topic = '16000000',
  from = '2024-11-13',
  to = '2024-11-14',
] = process.argv.slice(2);

const api = createClient<paths>({ baseUrl });

/** Throws the API's problem with its detail, which names the parameter at fault. */
function fail(problem: Problem): never {
  const at = problem.parameter ? ` (parameter ${problem.parameter})` : '';
  throw new Error(`${problem.status} ${problem.title}: ${problem.detail}${at}`);
}

async function statements(query: StatementQuery): Promise<Statement[]> {
  const { data, error } = await api.GET('/v1/statements', { params: { query } });
  if (error) fail(error);
  return data.data;
}

const line = (s: Statement) => ({ id: s.id, speaker: s.speaker?.id ?? null, date: s.date, text: s.text });

const bySpeaker = await statements({ speaker });
const byTopic = await statements({ topic });
const inRange = await statements({ from, to });

// Every statement, two per page, following the `next` cursor until it is null.
const walked: number[] = [];
let pages = 0;
let cursor: string | undefined;
do {
  const { data, error } = await api.GET('/v1/statements', { params: { query: { limit: 2, cursor } } });
  if (error) fail(error);
  walked.push(...data.data.map((s) => s.id));
  pages++;
  cursor = data.next ?? undefined;
} while (cursor);

const speakerId = bySpeaker[0]?.speaker?.id;
if (!speakerId) throw new Error(`no statement by "${speaker}"`);
const { data: actor, error: actorError } = await api.GET('/v1/actors/{id}', { params: { path: { id: speakerId } } });
if (actorError) fail(actorError);

const missing = await api.GET('/v1/actors/{id}', { params: { path: { id: 'no-such-actor' } } });
const problem: Problem | undefined = missing.error;

// Exports and linked data are operations of their own: CSV is text, JSON-LD a typed object.
const csv = await api.GET('/v1/statements.csv', { params: { query: { speaker } }, parseAs: 'text' });
if (csv.error) fail(csv.error);
const csvText: string = csv.data;
const ld = await api.GET('/v1/statements/{id}.jsonld', { params: { path: { id: bySpeaker[0].id } } });
if (ld.error) fail(ld.error);

console.log(
  JSON.stringify({
    bySpeaker: bySpeaker.map(line),
    byTopic: byTopic.map(line),
    inRange: inRange.map(line),
    walked: { pages, ids: walked },
    actor: { id: actor.id, name: actor.name, role: actor.role, statements: actor.counts.statements },
    missing: {
      status: missing.response.status,
      contentType: missing.response.headers.get('content-type'),
      type: problem?.type,
      detail: problem?.detail,
    },
    csv: csvText.split('\r\n').slice(0, 2),
    jsonld: { type: ld.data['@type'], speaker: ld.data.spokenByCharacter?.name ?? null, date: ld.data.dateCreated },
  }),
);
