// zod schemas: the single contract for validation, serialization, TypeScript types and the OpenAPI document.

import { z } from 'zod';
import { isIsoDay } from '../ingest/files.js';

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
    rule: z.string().describe('Name of the extraction rule that attributed this item, e.g. `quote-said-speaker`.'),
    confidence: z.number().min(0).max(1).describe('How sure that rule is, from 0 to 1; filter weak extractions with `minConfidence`.'),
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

const limitParam = z
  .string()
  .regex(/^\d{1,4}$/, { message: 'limit must be a whole number from 1 to 500' })
  .transform(Number)
  .refine((n) => n >= 1 && n <= 500, { message: 'limit must be a whole number from 1 to 500' })
  .optional()
  .describe('Page size, 1 to 500 (default 50).');

const cursorParam = z.string().max(2000, { message: 'cursor is too long: pass the `next` value of the previous page unchanged' }).optional().describe('The `next` value of the previous page.');

const text = (max: number, what: string) => z.string().min(1, { message: `${what} must not be empty` }).max(max, { message: `${what} is longer than ${max} characters` });

const pageParams = { limit: limitParam, cursor: cursorParam };

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
    .optional()
    .describe('Only items whose attribution confidence is at least this (0 to 1).'),
};

export const StatementQuery = z.strictObject({
  ...filterParams,
  speaker: text(200, 'speaker').optional().describe('Only statements by this actor: an actor id or any of its names or aliases, case-insensitive (`rutte`, `mark-rutte`).'),
  kind: z.enum(['direct', 'indirect'], { message: 'kind must be "direct" or "indirect"' }).optional().describe('Only direct quotations or only reported speech.'),
  ...pageParams,
});

export const ClaimQuery = z.strictObject({
  ...filterParams,
  claimant: text(200, 'claimant').optional().describe('Only claims made by this actor: an actor id or any of its names or aliases, case-insensitive.'),
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
});

export const IdParam = (what: string) => z.object({ id: text(200, 'id').describe(`The ${what} id.`) });
export const NumericIdParam = (what: string) =>
  z.object({
    id: z
      .string()
      .regex(/^\d{1,15}$/, { message: `${what} ids are whole numbers` })
      .transform(Number)
      .describe(`The ${what} id (a whole number).`),
  });

export type StatementT = z.output<typeof Statement>;
export type ClaimT = z.output<typeof Claim>;
export type ActorT = z.output<typeof Actor>;
export type TopicT = z.output<typeof Topic>;
export type ArticleT = z.output<typeof Article>;
export type ArticleDetailT = z.output<typeof ArticleDetail>;
export type StatementFilters = z.output<typeof StatementQuery>;
export type ClaimFilters = z.output<typeof ClaimQuery>;
export type ActorFilters = z.output<typeof ActorQuery>;
export type ArticleFilters = z.output<typeof ArticleQuery>;
