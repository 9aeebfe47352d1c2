// Locates files of the project (migrations/, data/, package.json) from src/ under tsx and from dist/src/ after tsc.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find the whosaid project root (a folder with package.json and migrations/)');
}

export const PROJECT_ROOT = findRoot();

/** Absolute path of a file in the project, e.g. projectPath('data', 'topics.json'). */
export const projectPath = (...parts: string[]) => join(PROJECT_ROOT, ...parts);
