// How the zod route schemas become the OpenAPI document and how Swagger UI shows it: one component per named
// schema, examples on every operation, no external requests from /docs.

import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifySwaggerUiOptions } from '@fastify/swagger-ui';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { EXTRACTOR_VERSION } from '../version.js';

type Json = Record<string, unknown>;
type OverrideCtx = { zodSchema: unknown; jsonSchema: Json };

/**
 * zod writes every int with the safe-integer bounds, which says nothing to a reader and clutters every id;
 * dropped here. It also leaves empty branches in unions (the library's own override does the same clean-up).
 */
function override(ctx: OverrideCtx) {
  const s = ctx.jsonSchema;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  // Numeric query parameters are parsed from digits but documented as numbers (see wholeNumber in contract/params.ts).
  if ((s.type === 'integer' || s.type === 'number') && typeof s.pattern === 'string') delete s.pattern;
  if (Array.isArray(s.anyOf)) s.anyOf = s.anyOf.filter((b) => Object.keys(b as Json).length > 0);
}

const zodTransform = createJsonSchemaTransform({ zodToJsonConfig: { override } });
const zodTransformObject = createJsonSchemaTransformObject({ zodToJsonConfig: { override } });

type TransformInput = Parameters<typeof zodTransform>[0];

/** The zod route transform, keeping the media-type `example` that the library drops from `content` responses. */
export function swaggerTransform(input: TransformInput) {
  const out = zodTransform(input) as { schema: Json; url: string };
  // A route that also takes its body as plain text (POST /v1/articles) says so with `x-text-body`: each media type
  // then gets its own schema (instead of the JSON one twice) and its example.
  const textBody = out.schema['x-text-body'] as { description: string; example: string; html?: string } | undefined;
  if (textBody && out.schema.body) {
    out.schema.body = {
      content: {
        // @fastify/swagger turns a one-item `examples` into the media type's `example`; the JSON one comes from its
        // component (see swaggerTransformObject)
        'application/json': { schema: out.schema.body },
        'text/plain': { schema: { type: 'string', description: textBody.description, examples: [textBody.example] } },
        ...(textBody.html ? { 'text/html': { schema: { type: 'string', description: textBody.html } } } : {}),
      },
    };
    delete out.schema['x-text-body'];
    delete out.schema.consumes;
  }
  const responses = ((input.schema as unknown as Json | undefined)?.response ?? {}) as Record<
    string,
    { content?: Record<string, { example?: unknown }> }
  >;
  const transformed = (out.schema.response ?? {}) as Record<string, { content?: Record<string, Json> }>;
  for (const [code, response] of Object.entries(responses)) {
    for (const [type, media] of Object.entries(response.content ?? {})) {
      const target = transformed[code]?.content?.[type];
      if (target && media.example !== undefined) target.example = media.example;
    }
  }
  return out;
}

/**
 * Components for every named schema. The library registers each twice, as `X` (output) and `XInput` (input);
 * our named schemas are all response bodies, so an `XInput` twin nothing references is dropped rather than
 * published as a confusing duplicate.
 */
export function swaggerTransformObject(
  input: Parameters<typeof zodTransformObject>[0],
): ReturnType<typeof zodTransformObject> {
  const doc = zodTransformObject(input);
  const schemas = (doc as { components?: { schemas?: Record<string, unknown> } }).components?.schemas;
  if (!schemas) return doc;
  // a schema only requests use (the POST body) is published under its own name rather than as `XInput`
  const refs = () => new Set([...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
  const inputOnly = [...refs()].filter(
    (n) => n.endsWith('Input') && schemas[n.slice(0, -5)] && !refs().has(n.slice(0, -5)),
  );
  for (const name of inputOnly) {
    const target = name.slice(0, -5);
    schemas[target] = schemas[name];
    delete schemas[name];
    renameRefs(doc, `#/components/schemas/${name}`, `#/components/schemas/${target}`);
  }
  // a JSON request body shows the example its schema carries, as responses do
  for (const methods of Object.values((doc as { paths?: Record<string, Record<string, Json>> }).paths ?? {})) {
    for (const op of Object.values(methods)) {
      const media = (op.requestBody as { content?: Record<string, Json> } | undefined)?.content?.['application/json'];
      const ref = (media?.schema as Json | undefined)?.$ref;
      const component = typeof ref === 'string' ? (schemas[ref.split('/').pop()!] as Json | undefined) : undefined;
      if (media && media.example === undefined && Array.isArray(component?.examples))
        media.example = component.examples[0];
    }
  }
  for (;;) {
    const used = new Set([...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    const unused = Object.keys(schemas).filter((name) => name.endsWith('Input') && !used.has(name));
    if (!unused.length) break;
    for (const name of unused) delete schemas[name];
  }
  return doc;
}

function renameRefs(node: unknown, from: string, to: string): void {
  if (Array.isArray(node)) for (const item of node) renameRefs(item, from, to);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    if (o.$ref === from) o.$ref = to;
    for (const value of Object.values(o)) renameRefs(value, from, to);
  }
}

const API_DESCRIPTION = `Who said what, when, about whom and about what: statements, claims, actors and topics \
extracted from news articles.

Every operation answers one media type: JSON (\`application/json\`), or for the exports and linked data the one \
their path names (\`/v1/statements.csv\`, \`/v1/statements.ndjson\`, \`/v1/statements/{id}.jsonld\`, ...). Lists \
share one envelope, \`{"data": [...], "next": cursor|null}\`, with the next page also in a \`Link\` header. Errors \
are RFC 9457 \`application/problem+json\`.`;

/** The OpenAPI document: @fastify/swagger builds it from the route schemas, through the transforms above. */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'whosaid API',
      version: EXTRACTOR_VERSION,
      description: API_DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'Local server (npm start)' }],
    // Public, read-only data: no operation needs credentials (stated explicitly so linters and clients know).
    security: [],
    // ...except the optional write, POST /v1/articles
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token the server was started with (WHOSAID_INGEST_TOKEN).',
        },
      },
    },
    tags: [
      { name: 'statements', description: 'Direct quotations and reported speech.' },
      {
        name: 'quotes',
        description: 'Each thing said once: repeats of a statement across articles and wire copies, merged.',
      },
      { name: 'claims', description: 'Check-worthy assertions and their claimants.' },
      { name: 'actors', description: 'People, organisations, countries, groups and places.' },
      { name: 'topics', description: 'IPTC Media Topics.' },
      { name: 'articles', description: 'The ingested news articles.' },
      { name: 'meta', description: 'Service health.' },
    ],
  },
  transform: swaggerTransform,
  transformObject: swaggerTransformObject,
};

/** Swagger UI at /docs, served from the package's own files; the online validator badge is off (it calls out). */
export const swaggerUiOptions: FastifySwaggerUiOptions = {
  routePrefix: '/docs',
  // "Try it out" calls the server the page came from (on any host or port), not the document's default server.
  transformSpecification: (spec, request) => ({
    ...spec,
    servers: [{ url: `${request.protocol}://${request.host}`, description: 'This server' }],
  }),
  uiConfig: {
    validatorUrl: null,
    deepLinking: true,
    displayOperationId: true,
    displayRequestDuration: true,
    defaultModelsExpandDepth: 1,
    docExpansion: 'list',
  },
};
