// The web pages as one Fastify plugin: their security headers, clean URLs, HTML errors, assets and routes.

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpProblem } from '../http/problem.js';
import { WEB_PAGE_HEADERS } from '../http/security.js';
import type { DB } from '../store/db.js';
import { PageReader } from '../store/pages.js';
import type { Store } from '../store/reader.js';
import { assetRoutes, loadAssets } from './assets.js';
import { PageData } from './data.js';
import { errorPage, pageRoutes } from './routes.js';

export interface WebOptions {
  db: DB;
  store: Store;
}

/**
 * A form sends its empty fields too (`?speaker=&topic=climate`): such a URL is redirected to the same query without
 * them, so what a person bookmarks or shares is the short URL, and the API's rule that a filter is never empty holds.
 */
function dropEmptyParams(request: FastifyRequest, reply: FastifyReply, done: () => void) {
  const [path, search] = request.url.split('?', 2);
  if (!search) return done();
  const params = new URLSearchParams(search);
  const kept = [...params].filter(([, v]) => v.trim() !== '');
  if (kept.length === [...params].length) return done();
  const query = new URLSearchParams(kept).toString();
  reply.redirect(query ? `${path}?${query}` : path, 303);
}

/** What went wrong, for a person: the message a 4xx problem carries, or a generic one (5xx details are logged only). */
function describe(err: FastifyError): { status: number; title: string; detail: string } {
  if (err instanceof HttpProblem)
    return {
      status: err.status,
      title: err.status === 404 ? 'Not found' : 'Cannot show this page',
      detail: err.detail,
    };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    return { status: 400, title: 'Cannot show this page', detail: issue.message ?? 'a parameter is not valid' };
  }
  const status = err.statusCode ?? 500;
  if (status < 500) return { status, title: 'Cannot show this page', detail: err.message };
  return {
    status: 500,
    title: 'Something went wrong',
    detail: 'The server could not make this page; the error has been logged.',
  };
}

export async function webPages(app: FastifyInstance, { db, store }: WebOptions) {
  const { urls, files } = loadAssets();
  const pages = new PageData(store, new PageReader(db, store));
  // after the app-wide API headers: a page gets its own policy instead
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of WEB_PAGE_HEADERS) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onRequest', dropEmptyParams);
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const problem = describe(err);
    if (problem.status >= 500) request.log.error({ err }, 'page failed');
    return errorPage(reply, urls, problem);
  });
  await app.register(assetRoutes, { files });
  await app.register(pageRoutes, { pages, assets: urls });
}
