// The OpenAPI document as a product: Redocly's linter (redocly.yaml) passes clean, and the house rules it cannot
// express hold: named components, no Input/Output twins, tags on every operation, every error a Problem.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import t from 'tap';
import { parse } from 'yaml';
import { projectPath } from '../../src/paths.js';

type Doc = {
  components: { schemas: Record<string, unknown> };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        summary?: string;
        description?: string;
        tags?: string[];
        responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> }>;
      }
    >
  >;
};

t.test('redocly lint: no errors, no warnings, nothing ignored', async (t) => {
  const bin = projectPath('node_modules', '.bin', 'redocly');
  const { stdout } = await promisify(execFile)(bin, ['lint', 'openapi.yaml', '--format=json'], {
    cwd: projectPath(),
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const report = JSON.parse(stdout) as {
    totals: { errors: number; warnings: number; ignored: number };
    problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
  };
  t.same(
    report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`),
    [],
  );
  t.same({ errors: report.totals.errors, warnings: report.totals.warnings }, { errors: 0, warnings: 0 });
  t.equal(report.totals.ignored, 0, 'no finding is ignored');
});

t.test('named components, one per schema, and operations fully described', async (t) => {
  const doc = parse(readFileSync(projectPath('openapi.yaml'), 'utf8')) as Doc;
  const names = Object.keys(doc.components.schemas);
  for (const name of [
    'Statement',
    'Claim',
    'Actor',
    'Topic',
    'Article',
    'ArticleDetail',
    'Problem',
    'StatementsList',
    'ClaimsList',
    'ActorsList',
    'TopicsList',
    'ArticlesList',
    'Quote',
    'QuoteOccurrence',
    'QuotesList',
    'FacetValue',
    'QuotationLd',
    'ClaimLd',
  ]) {
    t.ok(names.includes(name), `component ${name}`);
  }
  t.same(
    names.filter((n) => n.endsWith('Input')),
    [],
    'no duplicate Input variants',
  );
  const operations = Object.values(doc.paths).flatMap((p) => Object.values(p));
  t.equal(operations.length, 28, '14 JSON operations, 12 exports, 2 JSON-LD items');
  for (const op of operations) {
    t.ok(
      op.operationId && op.summary && op.description && op.tags?.length,
      `${op.operationId}: operationId, summary, description, tags`,
    );
    const ok = op.responses['200'].content ?? {};
    t.equal(Object.keys(ok).length, 1, `${op.operationId}: one media type, so a generated client has one type for it`);
    t.ok(Object.values(ok)[0]?.example, `${op.operationId}: a 200 example`);
    for (const [code, response] of Object.entries(op.responses).filter(([c]) => Number(c) >= 400)) {
      t.same(
        response.content,
        {
          'application/problem+json': {
            schema: { $ref: '#/components/schemas/Problem' },
            example: response.content?.['application/problem+json']?.example,
          },
        },
        `${op.operationId} ${code}: Problem as application/problem+json`,
      );
      t.ok(response.content?.['application/problem+json']?.example, `${op.operationId} ${code}: an example problem`);
    }
  }
  const media = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content ?? {});
  t.same(media('/v1/statements'), ['application/json']);
  t.same(media('/v1/statements.csv'), ['text/csv'], 'exports are operations of their own');
  t.same(media('/v1/statements.ndjson'), ['application/x-ndjson']);
  t.same(media('/v1/statements/{id}'), ['application/json']);
  t.same(media('/v1/statements/{id}.jsonld'), ['application/ld+json'], 'and so is linked data');
});
