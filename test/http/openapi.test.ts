// openapi.yaml is generated from the route schemas: this fails when the committed file differs from what the app serves.

import { readFileSync } from 'node:fs';
import t from 'tap';
import { renderOpenApiYaml } from '../../src/openapi.js';
import { projectPath } from '../../src/paths.js';

t.test('openapi.yaml matches the app', async (t) => {
  const committed = readFileSync(projectPath('openapi.yaml'), 'utf8');
  const served = await renderOpenApiYaml();
  t.ok(committed === served, 'openapi.yaml is out of date: run `npm run openapi` and commit the result');
});
