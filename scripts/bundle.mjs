// `npm run build`'s second step: bundles tsc's output for `npm start` into dist/bundle/, so the server loads a few
// files instead of several hundred modules (about a quarter of a second sooner to its first answer).

import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// chunk names carry a hash: clear the old ones
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // the extraction pool's worker is a file of its own, beside the chunks that start it (new URL('./extract-worker.js'))
  entryPoints: { server: 'dist/src/server.js', 'extract-worker': 'dist/src/ingest/extract-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  // what only some starts need (building the database, the ingest route with the extractor) stays in its own file
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // a native addon, and a plugin that serves its own files from its package folder
  external: ['better-sqlite3', '@fastify/swagger-ui'],
  // the CommonJS packages inside the bundle still call require()
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
