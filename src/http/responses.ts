// Response declarations shared by the routes: the problem+json error responses, described once.

import { Problem } from './schemas.js';
import { PROBLEM_TYPE } from './problem.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'A parameter is invalid; `parameter` names it and `detail` says what is accepted.',
  404: 'Nothing has this id.',
  500: 'The server failed; the details are in its log under `requestId`.',
};

/** Error responses for a route: each references the Problem schema with the application/problem+json media type. */
export function problems(...codes: number[]) {
  return Object.fromEntries(
    [...codes, 500].map((code) => [code, { description: DESCRIPTIONS[code] ?? 'Problem.', content: { [PROBLEM_TYPE]: { schema: Problem } } }]),
  );
}
