// The version of whosaid (package.json): the API version and the extractor version stored with each article's rows.

import { readFileSync } from 'node:fs';
import { projectPath } from './paths.js';

/** Rows made by another extractor version are re-extracted even when the file is unchanged. */
export const EXTRACTOR_VERSION: string = (
  JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }
).version;
