// `npm run openapi`: regenerates openapi.yaml from the route schemas (test/http/openapi.test.ts fails when it drifts).

import { writeFileSync } from 'node:fs';
import { renderOpenApiYaml } from '../src/openapi.js';
import { projectPath } from '../src/paths.js';

writeFileSync(projectPath('openapi.yaml'), await renderOpenApiYaml());
console.log('wrote openapi.yaml');
