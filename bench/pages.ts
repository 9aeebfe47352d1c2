// `npx tsx bench/pages.ts DIR [ROUNDS]`: how fast PageReader reads saved web pages, on one core (pages/s, ms per page).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/ingest/charset.js';
import { PageReader } from '../src/ingest/html.js';

const dir = process.argv[2] ?? 'test/fixtures/pages';
const rounds = Number(process.argv[3] ?? 5);
const pages = readdirSync(dir)
  .filter((f) => /\.html?$/i.test(f))
  .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }))
  .filter((p) => p.bytes.length > 0);
const reader = new PageReader();
const read = (p: { name: string; bytes: Buffer }) => {
  try {
    return reader.read(decodeHtml(p.bytes, null, p.name).text, null).paragraphs.length;
  } catch {
    return -1; // not an article: still timed, a crawl reads those too
  }
};
for (const p of pages) read(p); // warm up: the first pages pay for V8 compiling the reader
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const p of pages) {
    const t0 = performance.now();
    read(p);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const total = times.reduce((s, t) => s + t, 0);
const kb = pages.reduce((s, p) => s + p.bytes.length, 0) / pages.length / 1024;
console.log(
  `${pages.length} pages (mean ${kb.toFixed(0)} KB), ${rounds} rounds: ${(1000 / (total / times.length)).toFixed(1)} pages/s, ` +
    `median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)].toFixed(1)} ms`,
);
