// How the bench and the soak test start the server: exactly as `npm start` does after its build.

import { readFileSync } from 'node:fs';
import { projectPath } from '../src/paths.js';

/** What `npm start` runs after `node`: its flags and the bundled server, paths made absolute. */
export const START_ARGS = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .slice(1)
  .map((arg) => (arg.startsWith('-') ? arg : projectPath(arg)));
