// A hand-made extraction of a small article, so store and API tests do not depend on extractor quality.

import type { Topic } from '../src/extract/topics.js';
import type { Extraction } from '../src/extract/types.js';
import type { ArticleInput } from '../src/store/writer.js';

export const TOPICS: Topic[] = [
  { id: 'politics', iptc: 'medtop:11000000', label: 'politics', parentId: null },
  { id: 'diplomacy', iptc: 'medtop:20000638', label: 'diplomacy', parentId: 'politics' },
  { id: 'conflict-war-and-peace', iptc: 'medtop:16000000', label: 'conflict, war and peace', parentId: null },
];

const body =
  'Ana Lima said on Monday that talks "will resume soon." Lima, the Ruritanian foreign minister, met envoys in Zenda.\n\n' +
  '"We are ready," the Ruritanian army said. Officials said the border stays closed.';

const at = (text: string, from = 0) => {
  const start = body.indexOf(text, from);
  if (start < 0) throw new Error(`fixture text not found: ${text}`);
  return { start, end: start + text.length };
};

export function fixtureExtraction(): Extraction {
  return {
    article: {
      source: 'Test Wire',
      title: 'Ruritania ready for talks',
      body,
      paragraphs: [at(body.split('\n\n')[0]), at(body.split('\n\n')[1])],
    },
    actors: [
      {
        key: 'person:ana lima',
        name: 'Ana Lima',
        type: 'person',
        role: 'Ruritanian foreign minister',
        affiliationKey: 'country:rur',
        aliases: ['Ana Lima', 'Lima'],
      },
      {
        key: 'country:rur',
        name: 'Ruritania',
        type: 'country',
        role: null,
        affiliationKey: null,
        aliases: ['Ruritania', 'Ruritanian'],
      },
      {
        key: 'organization:ruritanian army',
        name: 'Ruritanian army',
        type: 'organization',
        role: null,
        affiliationKey: 'country:rur',
        aliases: ['the Ruritanian army'],
      },
      { key: 'place:zenda', name: 'Zenda', type: 'place', role: null, affiliationKey: null, aliases: ['Zenda'] },
      {
        key: 'group:officials',
        name: 'officials',
        type: 'group',
        role: null,
        affiliationKey: null,
        aliases: ['Officials'],
      },
    ],
    mentions: [
      { actorKey: 'person:ana lima', field: 'body', ...at('Ana Lima'), text: 'Ana Lima' },
      { actorKey: 'person:ana lima', field: 'body', ...at('Lima,'), end: at('Lima,').end - 1, text: 'Lima' },
      {
        actorKey: 'country:rur',
        field: 'body',
        ...at('Ruritanian foreign'),
        end: at('Ruritanian foreign').start + 10,
        text: 'Ruritanian',
      },
      { actorKey: 'country:rur', field: 'title', start: 0, end: 9, text: 'Ruritania' },
      { actorKey: 'place:zenda', field: 'body', ...at('Zenda'), text: 'Zenda' },
      {
        actorKey: 'organization:ruritanian army',
        field: 'body',
        ...at('the Ruritanian army'),
        text: 'the Ruritanian army',
      },
      { actorKey: 'group:officials', field: 'body', ...at('Officials'), text: 'Officials' },
    ],
    statements: [
      {
        speakerKey: 'person:ana lima',
        kind: 'direct',
        text: 'will resume soon.',
        cue: 'said',
        span: at('will resume soon.'),
        date: { date: '2024-11-11', precision: 'day', text: 'on Monday' },
        topics: ['diplomacy'],
        mentionKeys: [],
        attribution: { rule: 'cue-then-quote', confidence: 0.9 },
      },
      {
        speakerKey: 'organization:ruritanian army',
        kind: 'direct',
        text: 'We are ready,',
        cue: 'said',
        span: at('We are ready,'),
        date: { date: null, precision: null, text: null },
        topics: ['conflict-war-and-peace'],
        mentionKeys: [],
        attribution: { rule: 'quote-then-cue', confidence: 0.95 },
      },
      {
        speakerKey: 'group:officials',
        kind: 'indirect',
        text: 'the border stays closed',
        cue: 'said',
        span: at('the border stays closed'),
        date: { date: null, precision: null, text: null },
        topics: ['politics'],
        mentionKeys: [],
        attribution: { rule: 'cue-then-clause', confidence: 0.6 },
      },
    ],
    claims: [
      {
        claimantKey: 'group:officials',
        text: 'the border stays closed',
        span: at('the border stays closed'),
        statementIndex: 2,
        date: { date: null, precision: null, text: null },
        topics: ['politics'],
        mentionKeys: [],
        attribution: { rule: 'claim-of-statement', confidence: 0.6 },
      },
      {
        claimantKey: null,
        text: 'Lima, the Ruritanian foreign minister, met envoys in Zenda.',
        span: at('Lima, the Ruritanian foreign minister, met envoys in Zenda.'),
        statementIndex: null,
        date: { date: null, precision: null, text: null },
        topics: ['diplomacy'],
        mentionKeys: ['person:ana lima', 'country:rur', 'place:zenda'],
        attribution: { rule: 'claim-article-voice', confidence: 0.4 },
      },
    ],
    topics: ['diplomacy', 'conflict-war-and-peace'],
    warnings: [],
  };
}

export function fixtureInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    slug: 'ruritania-talks',
    file: null,
    contentHash: 'hash-1',
    extractor: 'test',
    published: '2024-11-14',
    url: 'https://example.test/ruritania',
    source: 'Test Wire',
    language: 'en',
    extraction: fixtureExtraction(),
    ...overrides,
  };
}
