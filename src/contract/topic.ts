// A topic: an IPTC Media Topic with how much is filed under it; its list.

import { z } from 'zod';
import { cursorParam, limitParam } from './params.js';
import { listOf } from './shared.js';

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

export const TopicList = listOf(Topic, 'topics');

export const TopicQuery = z.strictObject({
  limit: limitParam.describe('Page size, 1 to 500 (default 500: the whole taxonomy).'),
  cursor: cursorParam,
});

export type TopicT = z.output<typeof Topic>;
