// Renders the OpenAPI document the app serves, as committed in openapi.yaml.

import { buildApp } from './app.js';
import { openInMemory } from '../store/db.js';

export async function renderOpenApiYaml(): Promise<string> {
  const db = openInMemory();
  const app = await buildApp({ db });
  await app.ready();
  const yaml = app.swagger({ yaml: true });
  await app.close();
  db.close();
  return yaml;
}
