// RFC 9457 problem details: the one error shape of the API, produced here and nowhere else.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PROBLEM_MEDIA_TYPE, type ProblemT } from '../contract/meta.js';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** An error a handler throws on purpose; its detail is safe to show. */
export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly slug: string,
    public readonly detail: string,
    public readonly parameter?: string,
  ) {
    super(detail);
  }
}

/** The title for a status, shared with the raw-socket answers in security.ts. */
export const problemTitle = (status: number) => TITLES[status] ?? (status >= 500 ? 'Server error' : 'Client error');

export const badParameter = (parameter: string, detail: string) =>
  new HttpProblem(400, 'invalid-parameter', detail, parameter);
export const notFound = (detail: string) => new HttpProblem(404, 'not-found', detail);

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  slug: string,
  detail: string,
  parameter?: string,
) {
  const body: ProblemT = {
    type: `urn:whosaid:problem:${slug}`,
    title: problemTitle(status),
    status,
    detail,
    instance: request.url.split('?')[0].slice(0, 300),
    ...(parameter !== undefined ? { parameter } : {}),
    requestId: String(request.id),
  };
  return reply.code(status).type(PROBLEM_MEDIA_TYPE).serializer(JSON.stringify).send(body);
}

/** Fastify's terse messages for body problems, said the way the rest of the API says things. */
const CLIENT_ERRORS: Record<string, (request: FastifyRequest) => string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (r) =>
    `the body is over the ${r.routeOptions.bodyLimit}-byte limit of ${r.method} ${r.routeOptions.url}`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (r) =>
    `${r.method} ${r.routeOptions.url ?? r.url.split('?')[0].slice(0, 100)} does not take ${String(r.headers['content-type']).slice(0, 80)}; send application/json, text/plain or text/html`,
};

const describeAccepted = (keys: string[]) => keys.join(', ');

/** Turns any error into a problem response: validation details name the parameter; 5xx details are hidden and logged. */
export function errorHandler(acceptedParams: (request: FastifyRequest) => string[]) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof HttpProblem) return sendProblem(request, reply, err.status, err.slug, err.detail, err.parameter);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issue = err.validation[0];
      const message = issue.message ?? 'is invalid';
      const where = (err as { validationContext?: string }).validationContext ?? 'querystring';
      const params = issue.params as { keys?: string[]; code?: string };
      let parameter = issue.instancePath.replace(/^\//, '').split('/')[0];
      let detail: string;
      if (issue.keyword === 'unrecognized_keys' && params.keys?.length) {
        parameter = params.keys[0];
        detail =
          where === 'body'
            ? `unknown field "${parameter.slice(0, 60)}" in the body; see the request body schema in /docs`
            : `unknown ${where === 'params' ? 'path parameter' : 'parameter'} "${parameter.slice(0, 60)}"; this endpoint accepts: ${describeAccepted(acceptedParams(request))}`;
        // named even when the name is empty (`?=x`): that is the parameter at fault
        return sendProblem(request, reply, 400, 'invalid-parameter', detail, parameter);
      } else {
        detail = message.startsWith(parameter) ? message : `${parameter}: ${message}`;
      }
      return sendProblem(request, reply, 400, 'invalid-parameter', detail, parameter || undefined);
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON body, unsupported media type, body too large): their messages are safe.
      const slug = (err.code ?? 'client-error')
        .toLowerCase()
        .replace(/^fst_err_/, '')
        .replace(/_/g, '-');
      return sendProblem(request, reply, status, slug, CLIENT_ERRORS[err.code ?? '']?.(request) ?? err.message);
    }
    request.log.error({ err }, 'request failed');
    return sendProblem(
      request,
      reply,
      500,
      'internal',
      'the server could not answer this request; it has been logged with the request id',
    );
  };
}
