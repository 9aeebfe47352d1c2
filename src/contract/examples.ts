// Example responses for the OpenAPI document, taken from the seed article (data/articles/000_945e9eab9f0c3dd6.txt):
// what a reader of the docs sees before trying a call. Spans are real offsets into that article's body.

import type { ActorT } from './actor.js';
import type { ArticleDetailT, ArticleT } from './article.js';
import type { ClaimT } from './claim.js';
import type { ClaimLdT, QuotationLdT } from './linked-data.js';
import type { QuoteT } from './quote.js';
import type { FacetValueT } from './shared.js';
import type { StatementT } from './statement.js';
import type { TopicT } from './topic.js';

const ARTICLE_ID = '000_945e9eab9f0c3dd6';
const BASE = 'http://127.0.0.1:3000';

const rutte = { id: 'mark-rutte', name: 'Mark Rutte', type: 'person' as const };
const nato = { id: 'nato', name: 'NATO', type: 'organization' as const };
const northKorea = { id: 'north-korea', name: 'North Korea', type: 'country' as const };
const russia = { id: 'russia', name: 'Russia', type: 'country' as const };
const conflict = { id: 'conflict-war-and-peace', label: 'conflict, war and peace' };
const intOrg = { id: 'international-organisation', label: 'international organisation' };
const relations = { id: 'international-relations', label: 'international relations' };
const politics = { id: 'politics-and-government', label: 'politics and government' };

export const statement: StatementT = {
  id: 4,
  articleId: ARTICLE_ID,
  quoteId: 4,
  speaker: rutte,
  kind: 'direct',
  text: 'the Euro-Atlantic and the Indo-Pacific really need to be seen as one theater, not two separate theaters.',
  cue: 'said',
  date: '2024-11-13',
  datePrecision: 'day',
  dateText: 'On Wednesday',
  topics: [conflict, intOrg, relations, politics],
  mentions: [
    { id: 'euro-atlantic', name: 'Euro-Atlantic', type: 'place' },
    { id: 'indo-pacific', name: 'Indo-Pacific', type: 'place' },
  ],
  span: { start: 1592, end: 1696 },
  attribution: { rule: 'cue-then-quote', confidence: 0.95 },
};

export const natoStatement: StatementT = {
  id: 1,
  articleId: ARTICLE_ID,
  quoteId: 1,
  speaker: nato,
  kind: 'indirect',
  text: 'Russia is sending its missile technology to North Korea in return',
  cue: 'says',
  date: null,
  datePrecision: null,
  dateText: null,
  topics: [intOrg, relations, politics],
  mentions: [northKorea, russia],
  span: { start: 278, end: 343 },
  attribution: { rule: 'cue-then-clause', confidence: 0.9 },
};

const facet = (value: string, label: string, count: number): FacetValueT => ({ value, label, count });

export const statementList = {
  data: [statement],
  next: 'eyJrIjo0LCJmIjoiV0dHYU00ZVpLSCJ9',
  facets: {
    speaker: [
      facet('mark-rutte', 'Mark Rutte', 4),
      facet('josep-borrell', 'Josep Borrell', 3),
      facet('blinken', 'Blinken', 1),
      facet('nato', 'NATO', 1),
      facet('observers', 'observers', 1),
    ],
  },
  facetScope: { counted: 14, complete: true },
};

export const claim: ClaimT = {
  id: 2,
  articleId: ARTICLE_ID,
  claimant: nato,
  text: natoStatement.text,
  statementId: 1,
  date: null,
  datePrecision: null,
  dateText: null,
  topics: natoStatement.topics,
  mentions: natoStatement.mentions,
  span: natoStatement.span,
  attribution: { rule: 'claim-of-statement', confidence: 0.81 },
};

export const claimList = {
  data: [claim],
  next: null,
  facets: { claimant: [facet('nato', 'NATO', 1)] },
  facetScope: { counted: 1, complete: true },
};

export const actor: ActorT = {
  id: 'mark-rutte',
  name: 'Mark Rutte',
  type: 'person',
  role: 'NATO Secretary General',
  affiliation: { id: 'nato', name: 'NATO' },
  aliases: ['Rutte'],
  counts: { statements: 4, claims: 1, mentions: 3 },
};

export const actorList = { data: [actor], next: null };

export const topic: TopicT = {
  id: 'conflict-war-and-peace',
  label: 'conflict, war and peace',
  iptc: 'medtop:16000000',
  parentId: null,
  counts: { statements: 7, claims: 2 },
};

export const topicList = { data: [topic], next: null };

export const article: ArticleT = {
  id: ARTICLE_ID,
  title: 'NATO and EU pressure Beijing to dissuade Pyongyang from helping Russia',
  source: 'DayFR Euro',
  publishedAt: '2024-11-14',
  url: 'https://euro.dayfr.com/trends/amp/2332369',
  language: 'en',
  copyOf: null,
  counts: { statements: 10, claims: 5, actors: 29, mentions: 80 },
};

export const articleDetail: ArticleDetailT = {
  ...article,
  body: 'Up to 12,000 North Korean troops have been sent to Russia’s Kursk border region to help Moscow push back Ukrainian forces. …',
  topics: [conflict, relations],
};

export const articleList = { data: [article], next: null };

/** The seed article's quote 4 as it stands once a reprint of the story (a copy trimmed by another outlet) is ingested. */
export const quote: QuoteT = {
  id: 4,
  text: statement.text,
  speaker: rutte,
  occurrences: 2,
  firstSeen: '2024-11-14',
  outlets: ['DayFR Euro', 'Test Wire'],
  statements: [
    {
      id: 4,
      articleId: ARTICLE_ID,
      outlet: 'DayFR Euro',
      publishedAt: '2024-11-14',
      copyOf: null,
      speaker: rutte,
      text: statement.text,
    },
    {
      id: 15,
      articleId: 'nato-reprint',
      outlet: 'Test Wire',
      publishedAt: '2024-11-15',
      copyOf: ARTICLE_ID,
      speaker: rutte,
      text: statement.text,
    },
  ],
};

export const quoteList = {
  data: [quote],
  next: 'eyJrIjo0LCJmIjoiV0dHYU00ZVpLSCJ9',
  facets: { speaker: [facet('mark-rutte', 'Mark Rutte', 4), facet('josep-borrell', 'Josep Borrell', 3)] },
  facetScope: { counted: 11, complete: true },
};

const ldArticle = {
  '@type': 'NewsArticle' as const,
  '@id': article.url as string,
  url: article.url as string,
  headline: article.title,
  datePublished: '2024-11-14',
  publisher: { '@type': 'Organization' as const, name: 'DayFR Euro' },
};
const term = (code: string, name: string) => ({
  '@type': 'DefinedTerm' as const,
  termCode: code,
  name,
  inDefinedTermSet: 'http://cv.iptc.org/newscodes/mediatopic/',
});
const ldTopics = [term('16000000', 'conflict, war and peace'), term('11000000', 'politics and government')];

export const quotationLd: QuotationLdT = {
  '@context': 'https://schema.org',
  '@id': `${BASE}/v1/statements/4`,
  '@type': 'Quotation',
  text: statement.text,
  about: ldTopics,
  mentions: [
    { '@type': 'Place', '@id': `${BASE}/v1/actors/euro-atlantic`, name: 'Euro-Atlantic' },
    { '@type': 'Place', '@id': `${BASE}/v1/actors/indo-pacific`, name: 'Indo-Pacific' },
  ],
  spokenByCharacter: { '@type': 'Person', '@id': `${BASE}/v1/actors/mark-rutte`, name: 'Mark Rutte' },
  dateCreated: '2024-11-13',
  isBasedOn: ldArticle,
};

export const claimLd: ClaimLdT = {
  '@context': 'https://schema.org',
  '@id': `${BASE}/v1/claims/2`,
  '@type': 'Claim',
  text: claim.text,
  about: [term('11000000', 'politics and government')],
  mentions: [
    { '@type': 'Country', '@id': `${BASE}/v1/actors/north-korea`, name: 'North Korea' },
    { '@type': 'Country', '@id': `${BASE}/v1/actors/russia`, name: 'Russia' },
  ],
  author: { '@type': 'Organization', '@id': `${BASE}/v1/actors/nato`, name: 'NATO' },
  datePublished: '2024-11-14',
  appearance: ldArticle,
};

export const health = { status: 'ok' as const, articles: 1, statements: 10, version: '0.1.0' };

export const notFound = {
  type: 'urn:whosaid:problem:not-found',
  title: 'Not found',
  status: 404,
  detail: 'no actor has id "mark-rute"; find ids with GET /v1/actors?q=NAME',
  instance: '/v1/actors/mark-rute',
  requestId: '6f1c2b9e-3d4a-4f5b-8c7d-9e0f1a2b3c4d',
};

export const badParameter = {
  type: 'urn:whosaid:problem:invalid-parameter',
  title: 'Invalid request',
  status: 400,
  detail: 'from must be a real date as YYYY-MM-DD (or YYYY-MM, YYYY), got "last week"',
  instance: '/v1/statements',
  parameter: 'from',
  requestId: '0b6e8f52-7a3c-4d1e-9f20-5c4b3a291807',
};

/** POST /v1/articles answers with the stored article and its statements. */
export const ingestResult = (outcome: 'added' | 'replaced' | 'unchanged') => ({
  outcome,
  article: articleDetail,
  statements: [natoStatement, statement],
});

export const articleSubmission = {
  title: 'Minister warns the river will rise',
  body: '"The river will rise by Friday," Environment Minister Ana Lima said on Monday.\n\nOfficials said the dams were holding.',
  published: '2024-11-14',
  url: 'https://example.test/2024/11/14/floods',
  source: 'Test Wire',
};

export const articleFile = `Test Wire\n\n${articleSubmission.title}\n\n${articleSubmission.body}\n`;
