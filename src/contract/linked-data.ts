// Statements and claims as schema.org JSON-LD (Quotation, Claim), so they drop into knowledge-graph tools.

import { z } from 'zod';

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
    publisher: z
      .object({
        '@type': z.literal('Organization').describe('Always Organization.'),
        name: z.string().describe('The outlet.'),
      })
      .optional()
      .describe('The outlet that published it.'),
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
    dateCreated: z
      .string()
      .optional()
      .describe('When it was said (YYYY-MM-DD), else the publication date; absent when neither is known.'),
    isBasedOn: LdArticle.describe('The article that reports it.'),
  })
  .describe('A statement as a schema.org Quotation (JSON-LD).')
  .meta({ id: 'QuotationLd' });

export const ClaimLd = z
  .object({
    ...ldCommon,
    '@type': z.literal('Claim').describe('Always Claim.'),
    author: LdThing.optional().describe('Whose claim it is (absent when the article asserts it in its own voice).'),
    datePublished: z
      .string()
      .optional()
      .describe('When it was made (YYYY-MM-DD), else the publication date; absent when neither is known.'),
    appearance: LdArticle.describe('The article it appears in.'),
  })
  .describe('A claim as a schema.org Claim (JSON-LD).')
  .meta({ id: 'ClaimLd' });

export type QuotationLdT = z.output<typeof QuotationLd>;
export type ClaimLdT = z.output<typeof ClaimLd>;
export type LdThingT = z.output<typeof LdThing>;
export type LdArticleT = z.output<typeof LdArticle>;
