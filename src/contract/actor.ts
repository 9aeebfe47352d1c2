// An actor: a person, organisation, country, group or place that speaks or is mentioned; its list and filters.

import { z } from 'zod';
import { filterParams, pageParams, text } from './params.js';
import { ACTOR_TYPES, ActorType, listOf } from './shared.js';

export const Actor = z
  .object({
    id: z.string().describe('Actor id: a readable, stable slug.'),
    name: z.string().describe('Canonical name: the fullest form the articles use.'),
    type: ActorType.describe('What kind of actor this is.'),
    role: z
      .string()
      .nullable()
      .describe('Title as written in the most recent article that gives one, e.g. "NATO Secretary General".'),
    affiliation: z
      .object({
        id: z.string().describe('Actor id of the organisation or country.'),
        name: z.string().describe('Its name.'),
      })
      .nullable()
      .describe('The organisation or country the role belongs to.'),
    aliases: z
      .array(z.string())
      .describe(
        'Every form the articles use for this actor: surnames, "Mr X", capitals for governments, demonyms, acronyms.',
      ),
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

export const ActorList = listOf(Actor, 'actors');

export const ActorQuery = z.strictObject({
  article: filterParams.article.describe('Only actors involved in this article (its id).'),
  type: z
    .enum(ACTOR_TYPES, { message: `type must be one of ${ACTOR_TYPES.join(', ')}` })
    .optional()
    .describe('Only actors of this type.'),
  q: text(200, 'q')
    .optional()
    .describe('Actors whose name or an alias contains a word starting with this text, case-insensitive.'),
  ...pageParams,
});

export type ActorT = z.output<typeof Actor>;
export type ActorFilters = z.output<typeof ActorQuery>;
