// The shapes every operation may answer besides its resource: the one error shape, and the health check.

import { z } from 'zod';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

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

export type ProblemT = z.output<typeof Problem>;
