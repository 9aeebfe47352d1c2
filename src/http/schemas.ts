// zod schemas: the single contract for validation, serialization, TypeScript types and the OpenAPI document.

import { ALL_RULES } from '../extract/rules.js';
import { z } from 'zod';
import { isIsoDay } from '../ingest/files.js';
import { SUBMISSION_ID } from '../ingest/submission.js';
import * as examples from './examples.js';

// ---------- shared pieces ----------

export const Span = z
  .object({
    start: z.number().int().describe('Offset of the first character in the article body (UTF-16 code units, as JavaScript indexes strings).'),
    end: z.number().int().describe('Offset just past the last character (exclusive).'),
  })
  .describe('Where the text sits in the article body: `body.slice(start, end)` is the text.')
  .meta({ id: 'Span' });

export const ActorRef = z
  .object({
    id: z.string().describe('Actor id (a readable slug), usable as `/v1/actors/{id}` and in the speaker, actor and claimant filters.'),
    name: z.string().describe('Canonical name: the fullest form the articles use.'),
    type: z.enum(['person', 'organization', 'country', 'group', 'place', 'other']).describe('What kind of actor this is.'),
  })
  .describe('A short reference to an actor.')
  .meta({ id: 'ActorRef' });

export const TopicRef = z
  .object({
    id: z.string().describe('Topic id (a readable slug), usable in the topic filter and as `/v1/topics/{id}`.'),
    label: z.string().describe('IPTC Media Topic label.'),
  })
  .describe('A short reference to a topic.')
  .meta({ id: 'TopicRef' });

export const Attribution = z
  .object({
    rule: z.enum(ALL_RULES).describe('The attribution pattern that proposed this item (`quote-then-cue`: “…,” X said; `cue-then-clause`: X said that …; `according-to`; `loose-quote`: a quotation attributed to the speaker the text is following; `interview-turn`; `claim-of-statement`: the factual content of a statement; …).'),
    confidence: z.number().min(0).max(1).describe('The extraction models\' probability that this item and its speaker are right, from 0 to 1; filter weak extractions with `minConfidence`.'),
  })
  .describe('Why the extractor attributed this item the way it did.')
  .meta({ id: 'Attribution' });

const DatePrecision = z.enum(['day', 'week', 'month', 'year']).nullable();

const datedFields = {
  date: z.string().nullable().describe('When it was said (YYYY-MM-DD), resolved from the text against the publication date; a week is given by its Monday, a month by its first day. null when the text does not say.'),
  datePrecision: DatePrecision.describe('How precise `date` is: day, week, month or year; null when there is no date.'),
  dateText: z.string().nullable().describe('The words in the article that date it, e.g. "on Thursday", "last week".'),
};

// ---------- resources ----------

export const Statement = z
  .object({
    id: z.number().int().describe('Statement id.'),
    articleId: z.string().describe('Id of the article it comes from.'),
    speaker: ActorRef.nullable().describe('Who said it; null when the text does not say (scare quotes, slogans).'),
    kind: z.enum(['direct', 'indirect']).describe('`direct` when any of it is in quotation marks, `indirect` for reported speech.'),
    text: z.string().describe('The words said: the quotation without its marks, or the reported clause.'),
    cue: z.string().nullable().describe('The verb or phrase that attributes it: said, warned, wrote, according to, ...'),
    ...datedFields,
    topics: z.array(TopicRef).describe('IPTC Media Topics assigned to it (at least one).'),
    mentions: z.array(ActorRef).describe('Actors mentioned in the text of the statement.'),
    span: Span,
    attribution: Attribution,
  })
  .describe('One direct quotation or piece of reported speech, with who said it and when.')
  .meta({ id: 'Statement' });

export const Claim = z
  .object({
    id: z.number().int().describe('Claim id.'),
    articleId: z.string().describe('Id of the article it comes from.'),
    claimant: ActorRef.nullable().describe('Whose claim it is; null when the article asserts it in its own voice.'),
    text: z.string().describe('The check-worthy assertion, verbatim.'),
    statementId: z.number().int().nullable().describe('The statement that carries this claim, if any.'),
    ...datedFields,
    topics: z.array(TopicRef).describe('IPTC Media Topics assigned to it (at least one).'),
    mentions: z.array(ActorRef).describe('Actors mentioned in the claim.'),
    span: Span,
    attribution: Attribution,
  })
  .describe('A check-worthy factual assertion and who makes it.')
  .meta({ id: 'Claim' });

export const Actor = z
  .object({
    id: z.string().describe('Actor id: a readable, stable slug.'),
    name: z.string().describe('Canonical name: the fullest form the articles use.'),
    type: z.enum(['person', 'organization', 'country', 'group', 'place', 'other']).describe('What kind of actor this is.'),
    role: z.string().nullable().describe('Title as written in the most recent article that gives one, e.g. "NATO Secretary General".'),
    affiliation: z
      .object({ id: z.string().describe('Actor id of the organisation or country.'), name: z.string().describe('Its name.') })
      .nullable()
      .describe('The organisation or country the role belongs to.'),
    aliases: z.array(z.string()).describe('Every form the articles use for this actor: surnames, "Mr X", capitals for governments, demonyms, acronyms.'),
    counts: z
      .object({
        statements: z.number().int().describe('Statements it made.'),
        claims: z.number().int().describe('Claims it made.'),
        mentions: z.number().int().describe('Times it is mentioned in articles.'),
      })
      .describe('How often it appears.'),
  })
  .describe('A person, organisation, country, group or place that speaks or is mentioned.')
  .meta({ id: 'Actor' });

export const Topic = z
  .object({
    id: z.string().describe('Topic id: a readable slug.'),
    label: z.string().describe('IPTC Media Topic label.'),
    iptc: z.string().describe('IPTC Media Topic code, e.g. "medtop:16000000".'),
    parentId: z.string().nullable().describe('Id of the broader topic, null for a top-level topic.'),
    counts: z
      .object({
        statements: z.number().int().describe('Statements under this topic, sub-topics included.'),
        claims: z.number().int().describe('Claims under this topic, sub-topics included.'),
      })
      .describe('How much is filed under it.'),
  })
  .describe('An IPTC Media Topic.')
  .meta({ id: 'Topic' });

const articleFields = {
  id: z.string().describe('Article id: its file name without `.txt`.'),
  title: z.string().describe('Headline.'),
  source: z.string().nullable().describe('The outlet that published it.'),
  publishedAt: z.string().nullable().describe('Publication date (YYYY-MM-DD), the anchor for relative dates; null when unknown.'),
  url: z.string().nullable().describe('Where it was published.'),
  language: z.string().nullable().describe('Language code, e.g. "en".'),
  counts: z
    .object({
      statements: z.number().int().describe('Statements extracted.'),
      claims: z.number().int().describe('Claims extracted.'),
      actors: z.number().int().describe('Distinct actors involved.'),
      mentions: z.number().int().describe('Actor mentions.'),
    })
    .describe('What was extracted from it.'),
};

export const Article = z.object(articleFields).describe('A news article (without its body; fetch it by id for the text).').meta({ id: 'Article' });

export const ArticleDetail = z
  .object({
    ...articleFields,
    body: z.string().describe('The article text: paragraphs separated by a blank line. Every span points into it.'),
    topics: z.array(TopicRef).describe('Topics of the article as a whole.'),
  })
  .describe('A news article with its text.')
  .meta({ id: 'ArticleDetail' });

export const Problem = z
  .object({
    type: z.string().describe('A URI naming the kind of problem, e.g. `urn:whosaid:problem:invalid-parameter`.'),
    title: z.string().describe('Short summary of the kind of problem.'),
    status: z.number().int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong with this request and how to fix it.'),
    instance: z.string().optional().describe('The request path.'),
    parameter: z.string().optional().describe('The query or path parameter at fault, when there is one.'),
    requestId: z.string().optional().describe('Id of the request, also in the X-Request-Id header and the server log.'),
  })
  .describe('An error, as RFC 9457 problem details (`application/problem+json`).')
  .meta({ id: 'Problem' });

export const Health = z
  .object({
    status: z.literal('ok').describe('Always "ok" when the server answers.'),
    articles: z.number().int().describe('Articles in the database.'),
    statements: z.number().int().describe('Statements in the database.'),
    version: z.string().describe('whosaid version.'),
  })
  .describe('Server health.')
  .meta({ id: 'Health' });

/** The list envelope every collection uses. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item).describe('This page of results, in a stable order.'),
      next: z.string().nullable().describe('Opaque cursor for the next page (pass it as `cursor`); null on the last page. Also sent as a `Link: <...>; rel="next"` header.'),
    })
    .describe(`A page of ${name}.`)
    .meta({ id: `${name[0].toUpperCase()}${name.slice(1)}List` });
}

export const FacetValue = z
  .object({
    value: z.string().nullable().describe('The value: pass it back as the matching filter (`speaker`, `actor`, `topic`, `from`/`to`, `kind`, `claimant`) to narrow to these items. null counts items that have none (no speaker, no date).'),
    label: z.string().nullable().describe('Human-readable form of the value: the actor name or topic label; the value itself for dates and kinds; null with a null value.'),
    count: z.number().int().describe('How many items of the whole filtered set (not just this page) have this value.'),
  })
  .describe('One value of a facet and how many items have it.')
  .meta({ id: 'FacetValue' });

export const FacetScope = z
  .object({
    counted: z.number().int().describe('How many matching items the counts cover.'),
    complete: z.boolean().describe('true: every match is counted. false: more items match than the server counts per request (WHOSAID_FACET_ROWS, 10,000 by default), and the counts cover the most recent `counted` of them; narrow the filters (a date range, a topic) for exact counts.'),
  })
  .describe('What the facet counts cover; present with `facets`.')
  .meta({ id: 'FacetScope' });

const facetList = (what: string) => z.array(FacetValue).optional().describe(`Counts per ${what}, most frequent first (up to \`facetSize\` values).`);

/** A list envelope that can also carry facet counts, like Datasette's `_facet`. */
function facetedListOf<T extends z.ZodType>(item: T, name: string, facets: Record<string, string>) {
  return z
    .object({
      data: z.array(item).describe('This page of results, in a stable order.'),
      next: z.string().nullable().describe('Opaque cursor for the next page (pass it as `cursor`); null on the last page. Also sent as a `Link: <...>; rel="next"` header.'),
      facets: z
        .object(Object.fromEntries(Object.entries(facets).map(([k, what]) => [k, facetList(what)])))
        .optional()
        .describe('Present when `facet` is given: for each requested facet, counts over the items that match the filters (all of them, or the most recent ones: see `facetScope`).'),
      facetScope: FacetScope.optional(),
    })
    .describe(`A page of ${name}, with facet counts when asked for.`)
    .meta({ id: `${name[0].toUpperCase()}${name.slice(1)}List` });
}

export const STATEMENT_FACETS = {
  speaker: 'speaker (actor id)',
  actor: 'actor involved: the speaker or an actor mentioned (actor id)',
  topic: 'topic, sub-topics counted under their parents too (topic id)',
  date: 'day (YYYY-MM-DD): the statement date, else the publication date',
  kind: 'kind (`direct` or `indirect`)',
} as const;

export const CLAIM_FACETS = {
  claimant: 'claimant (actor id)',
  actor: 'actor involved: the claimant or an actor mentioned (actor id)',
  topic: 'topic, sub-topics counted under their parents too (topic id)',
  date: 'day (YYYY-MM-DD): the claim date, else the publication date',
} as const;

export const StatementList = facetedListOf(Statement, 'statements', STATEMENT_FACETS);
export const ClaimList = facetedListOf(Claim, 'claims', CLAIM_FACETS);

// ---------- linked data (schema.org, for Accept: application/ld+json) ----------

const LdThing = z
  .object({
    '@type': z.string().describe('schema.org type: Person, Organization, Country, Place or Thing.'),
    '@id': z.string().describe('URL of the actor in this API.'),
    name: z.string().describe('The actor name.'),
  })
  .describe('An actor as a schema.org thing.')
  .meta({ id: 'LdActor' });

const LdArticle = z
  .object({
    '@type': z.literal('NewsArticle').describe('Always NewsArticle.'),
    '@id': z.string().describe('URL of the article: where it was published, else its URL in this API.'),
    url: z.string().describe('Same as `@id`.'),
    headline: z.string().describe('The article headline.'),
    datePublished: z.string().optional().describe('Publication date (YYYY-MM-DD), when known.'),
    publisher: z.object({ '@type': z.literal('Organization').describe('Always Organization.'), name: z.string().describe('The outlet.') }).optional().describe('The outlet that published it.'),
  })
  .describe('The article a statement or claim comes from, as a schema.org NewsArticle.')
  .meta({ id: 'LdArticle' });

const LdTopic = z
  .object({
    '@type': z.literal('DefinedTerm').describe('Always DefinedTerm.'),
    termCode: z.string().describe('IPTC Media Topic code.'),
    name: z.string().describe('IPTC Media Topic label.'),
    inDefinedTermSet: z.string().describe('The IPTC Media Topics vocabulary.'),
  })
  .describe('A topic as a schema.org DefinedTerm.')
  .meta({ id: 'LdTopic' });

const ldCommon = {
  '@context': z.literal('https://schema.org').describe('The schema.org vocabulary.'),
  '@id': z.string().describe('URL of this item in this API.'),
  text: z.string().describe('The words, as in `text` of the JSON form.'),
  about: z.array(LdTopic).describe('Its topics.'),
  mentions: z.array(LdThing).describe('Actors mentioned in it.'),
};

export const QuotationLd = z
  .object({
    ...ldCommon,
    '@type': z.literal('Quotation').describe('Always Quotation.'),
    spokenByCharacter: LdThing.optional().describe('Who said it (absent when the text does not say).'),
    dateCreated: z.string().optional().describe('When it was said (YYYY-MM-DD), else the publication date; absent when neither is known.'),
    isBasedOn: LdArticle.describe('The article that reports it.'),
  })
  .describe('A statement as a schema.org Quotation (JSON-LD).')
  .meta({ id: 'QuotationLd' });

export const ClaimLd = z
  .object({
    ...ldCommon,
    '@type': z.literal('Claim').describe('Always Claim.'),
    author: LdThing.optional().describe('Whose claim it is (absent when the article asserts it in its own voice).'),
    datePublished: z.string().optional().describe('When it was made (YYYY-MM-DD), else the publication date; absent when neither is known.'),
    appearance: LdArticle.describe('The article it appears in.'),
  })
  .describe('A claim as a schema.org Claim (JSON-LD).')
  .meta({ id: 'ClaimLd' });

export type QuotationLdT = z.output<typeof QuotationLd>;
export type ClaimLdT = z.output<typeof ClaimLd>;
export type LdThingT = z.output<typeof LdThing>;
export type LdArticleT = z.output<typeof LdArticle>;

// ---------- query parameters ----------

/** Accepts YYYY, YYYY-MM or YYYY-MM-DD; `end` widens a partial date to the last day it covers. */
function isoDateParam(name: string, end: boolean) {
  return z
    .string()
    .superRefine((v, ctx) => {
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
      const ok = m && (m[3] ? isIsoDay(v) : m[2] ? +m[2] >= 1 && +m[2] <= 12 : true);
      if (!ok) ctx.addIssue({ code: 'custom', message: `${name} must be a real date as YYYY-MM-DD (or YYYY-MM, YYYY), got "${v.slice(0, 40)}"` });
    })
    .transform((v) => {
      if (v.length === 10) return v;
      if (!end) return v.length === 4 ? `${v}-01-01` : `${v}-01`;
      if (v.length === 4) return `${v}-12-31`;
      const [y, mo] = v.split('-').map(Number);
      return `${v}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
    });
}

/**
 * A whole number in the query string: checked strictly on the wire (digits only), documented as an integer so
 * generated clients take a number (spec.ts drops the string pattern from the document).
 */
function wholeNumber(name: string, min: number, max: number) {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .regex(/^\d{1,15}$/, { message })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message })
    .meta({ type: 'integer', minimum: min, maximum: max });
}

const limitParam = wholeNumber('limit', 1, 500).optional().describe('Page size, 1 to 500 (default 50).');

const cursorParam = z.string().max(2000, { message: 'cursor is too long: pass the `next` value of the previous page unchanged' }).optional().describe('The `next` value of the previous page.');

const text = (max: number, what: string) => z.string().min(1, { message: `${what} must not be empty` }).max(max, { message: `${what} is longer than ${max} characters` });

export const EXPORT_FORMATS = ['json', 'csv', 'ndjson'] as const;

const formatParam = z
  .enum(EXPORT_FORMATS, { message: 'format must be json, csv or ndjson' })
  .optional()
  .describe('`csv` or `ndjson` streams every matching row (no page limit; `limit` and `cursor` are ignored), CSV with a header row and nested fields flattened (`speaker.id`, `span.start`, lists joined with `;`). The same as sending `Accept: text/csv` or `Accept: application/x-ndjson`. Default `json`: one page in the list envelope.');

const pageParams = { limit: limitParam, cursor: cursorParam, format: formatParam };

/** A comma-separated list of facet names, checked against the ones the endpoint offers. */
function facetParam(names: readonly string[]) {
  const message = `facet must be a comma-separated list of: ${names.join(', ')}`;
  return z
    .string()
    .max(200, { message })
    .superRefine((v, ctx) => {
      const bad = v.split(',').map((x) => x.trim()).filter((x) => !names.includes(x));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `${message} (got "${bad[0].slice(0, 40)}")` });
    })
    .transform((v) => [...new Set(v.split(',').map((x) => x.trim()))] as string[])
    .optional()
    .describe(`Count the matching items per value of these fields (comma-separated: ${names.map((n) => `\`${n}\``).join(', ')}); the counts come back in \`facets\`, over every match, not just this page.`);
}

const facetSizeParam = wholeNumber('facetSize', 1, 1000)
  .optional()
  .describe('How many values to return per facet, most frequent first: 1 to 1000 (default 30).');

const filterParams = {
  article: text(200, 'article').optional().describe('Only items from this article (its id).'),
  actor: text(200, 'actor').optional().describe('Only items an actor says or is mentioned in: an actor id or any of its names or aliases, case-insensitive (`rutte`, `Mr Borrell`, `Pyongyang`).'),
  topic: text(200, 'topic').optional().describe('Only items under this topic or any of its sub-topics: a topic id, IPTC code (`16000000`, `medtop:16000000`) or label.'),
  from: isoDateParam('from', false).optional().describe('Only items dated on or after this day (YYYY-MM-DD; YYYY-MM and YYYY also work): the statement date, or the article date when the statement has none.'),
  to: isoDateParam('to', true).optional().describe('Only items dated on or before this day (inclusive; YYYY-MM and YYYY cover the whole month or year).'),
  q: text(500, 'q').optional().describe('Full-text search in the text: words are ANDed, "quoted phrases" match as phrases, a trailing * matches a prefix.'),
  minConfidence: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, { message: 'minConfidence must be a number from 0 to 1' })
    .transform(Number)
    .meta({ type: 'number', minimum: 0, maximum: 1 })
    .optional()
    .describe('Only items whose attribution confidence is at least this (0 to 1).'),
};

export const StatementQuery = z.strictObject({
  ...filterParams,
  speaker: text(200, 'speaker').optional().describe('Only statements by this actor: an actor id or any of its names or aliases, case-insensitive (`rutte`, `mark-rutte`).'),
  kind: z.enum(['direct', 'indirect'], { message: 'kind must be "direct" or "indirect"' }).optional().describe('Only direct quotations or only reported speech.'),
  facet: facetParam(Object.keys(STATEMENT_FACETS)),
  facetSize: facetSizeParam,
  ...pageParams,
});

export const ClaimQuery = z.strictObject({
  ...filterParams,
  claimant: text(200, 'claimant').optional().describe('Only claims made by this actor: an actor id or any of its names or aliases, case-insensitive.'),
  facet: facetParam(Object.keys(CLAIM_FACETS)),
  facetSize: facetSizeParam,
  ...pageParams,
});

export const ActorQuery = z.strictObject({
  article: filterParams.article.describe('Only actors involved in this article (its id).'),
  type: z.enum(['person', 'organization', 'country', 'group', 'place', 'other'], { message: 'type must be one of person, organization, country, group, place, other' }).optional().describe('Only actors of this type.'),
  q: text(200, 'q').optional().describe('Actors whose name or an alias contains a word starting with this text, case-insensitive.'),
  ...pageParams,
});

export const ArticleQuery = z.strictObject({
  from: isoDateParam('from', false).optional().describe('Only articles published on or after this day.'),
  to: isoDateParam('to', true).optional().describe('Only articles published on or before this day (inclusive).'),
  ...pageParams,
});

export const TopicQuery = z.strictObject({
  limit: limitParam.describe('Page size, 1 to 500 (default 500: the whole taxonomy).'),
  cursor: cursorParam,
  format: formatParam,
});

export const IdParam = (what: string, example: string) =>
  z.object({ id: text(200, 'id').describe(`The ${what} id.`).meta({ examples: [example] }) });
export const NumericIdParam = (what: string, example: number) =>
  z.object({
    id: z
      .string()
      .regex(/^\d{1,15}$/, { message: `${what} ids are whole numbers` })
      .meta({ examples: [example] }) // zod keeps examples only from the input side of a transform
      .transform(Number)
      .meta({ type: 'integer', minimum: 0 })
      .describe(`The ${what} id (a whole number).`),
  });

export type StatementT = z.output<typeof Statement>;
export type ClaimT = z.output<typeof Claim>;
export type ActorT = z.output<typeof Actor>;
export type TopicT = z.output<typeof Topic>;
export type ArticleT = z.output<typeof Article>;
export type ArticleDetailT = z.output<typeof ArticleDetail>;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type StatementFacet = keyof typeof STATEMENT_FACETS;
export type ClaimFacet = keyof typeof CLAIM_FACETS;
export type FacetValueT = z.output<typeof FacetValue>;
export type StatementFilters = z.output<typeof StatementQuery>;
export type ClaimFilters = z.output<typeof ClaimQuery>;
export type ActorFilters = z.output<typeof ActorQuery>;
export type ArticleFilters = z.output<typeof ArticleQuery>;

// ---------- the write path (POST /v1/articles) ----------

const submissionId = z.string().regex(SUBMISSION_ID, { message: 'id may hold letters, digits, "_", "-" and "." (up to 200), starting with a letter, digit or "_"' }).optional()
  .describe('The article id. By default it is derived from `url` (or, without one, from the headline), so sending the same article again replaces it.');
const metaStrings = {
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, { message: 'published must be a date as YYYY-MM-DD (or an ISO 8601 timestamp)' })
    .describe('Publication date (YYYY-MM-DD, or an ISO 8601 timestamp of which the day is kept), the anchor for relative dates.'),
  url: z.string().max(2000, { message: 'url is longer than 2000 characters' }).describe('Where it was published.'),
  source: z.string().max(200, { message: 'source is longer than 200 characters' }).describe('The outlet that published it.'),
  language: z.string().max(20, { message: 'language is longer than 20 characters' }).describe('Language code, e.g. "en".'),
};
/** In JSON each may also be null; as query parameters (for a text/plain body) they are strings or absent. */
const metaFields = (nullable: boolean) =>
  Object.fromEntries(Object.entries(metaStrings).map(([k, v]) => [k, nullable ? v.nullable().optional().describe(v.description!) : v.optional().describe(v.description!)])) as {
    [K in keyof typeof metaStrings]: z.ZodOptional<z.ZodNullable<(typeof metaStrings)[K]>>;
  };

export const ArticleSubmission = z
  .strictObject({
    id: submissionId,
    ...metaFields(true),
    text: z.string().min(1, { message: 'text must not be empty' }).optional().describe('The whole article in the file format: source line, blank line, headline, blank line, paragraphs separated by blank lines. Give this, or `title` and `body`.'),
    title: z.string().min(1, { message: 'title must not be empty' }).max(1000, { message: 'title is longer than 1000 characters' }).optional().describe('Headline (with `body`, instead of `text`).'),
    body: z.string().min(1, { message: 'body must not be empty' }).optional().describe('Article text, paragraphs separated by a blank line (with `title`, instead of `text`).'),
    html: z.string().min(1, { message: 'html must not be empty' }).optional().describe('The article\'s web page, instead of `text` or `body`: the story is extracted from it, and the headline, date, outlet, URL and language come from the page unless given here.'),
  })
  .describe('An article to ingest: its text in the file format, its title and body, or its web page, with optional metadata.')
  .meta({ id: 'ArticleSubmission', examples: [examples.articleSubmission] });

/** With a text/plain or text/html body the metadata comes as query parameters. */
export const SubmissionQuery = z.strictObject({ id: submissionId, ...metaFields(false) });

export const IngestResult = z
  .object({
    outcome: z.enum(['added', 'replaced', 'unchanged']).describe('`added` for a new id, `replaced` when the id held other content (its rows are replaced, ids kept), `unchanged` when it held exactly this.'),
    article: ArticleDetail,
    statements: z.array(Statement).describe('Every statement extracted from it.'),
  })
  .describe('The ingested article, as stored, with its statements.')
  .meta({ id: 'IngestResult' });

export type ArticleSubmissionT = z.output<typeof ArticleSubmission>;
