// Renders the OpenAPI document the app serves, as committed in openapi.yaml.

import { buildApp } from './app.js';
import { openInMemory } from './store/db.js';

export async function renderOpenApiYaml(): Promise<string> {
  const db = openInMemory();
  // the document describes the whole API, the optional write included
  const app = await buildApp({ db, ingest: { db, token: 'documentation-only' } });
  await app.ready();
  const yaml = app.swagger({ yaml: true });
  await app.close();
  db.close();
  return yaml;
}
