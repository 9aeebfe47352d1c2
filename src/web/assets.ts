// The pages' stylesheet, chart script, Chart.js and icon: read once when the app is built, served under hashed names.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectPath } from '../paths.js';
import type { AssetUrls } from './views/site.js';

interface Asset {
  body: Buffer;
  type: string;
}

/** Chart.js's browser build, from its own package: served by this server, never from a CDN. */
function chartLibraryPath(): string {
  const main = createRequire(import.meta.url).resolve('chart.js');
  return join(dirname(main), 'chart.umd.min.js');
}

/** Reads the files and names each by its content: a changed file gets a new URL, so a kept copy is never stale. */
export function loadAssets(): { urls: AssetUrls; files: Map<string, Asset> } {
  const files = new Map<string, Asset>();
  const add = (name: string, path: string, type: string) => {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const dot = name.lastIndexOf('.');
    const url = `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
    files.set(url, { body, type });
    return url;
  };
  const own = (name: string) => projectPath('src', 'web', 'assets', name);
  const urls: AssetUrls = {
    css: add('pages.css', own('pages.css'), 'text/css; charset=utf-8'),
    favicon: add('icon.svg', own('icon.svg'), 'image/svg+xml'),
    chartLibrary: add('chart.umd.min.js', chartLibraryPath(), 'text/javascript; charset=utf-8'),
    chartScript: add('charts.js', own('charts.js'), 'text/javascript; charset=utf-8'),
  };
  return { urls, files };
}

/** GET /assets/NAME.HASH.EXT: the bytes never change under a URL, so they may be kept for a year. */
export async function assetRoutes(app: FastifyInstance, { files }: { files: Map<string, Asset> }) {
  for (const [url, asset] of files) {
    app.get(url, { schema: { hide: true } }, async (_request, reply) =>
      reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body),
    );
  }
}
