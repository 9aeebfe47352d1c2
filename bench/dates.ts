// Benchmark: microseconds per article for findDates over the Wikinews corpus (npx tsx bench/dates.ts [corpus dir]).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findDates } from '../src/extract/dates.js';
import { parseArticle } from '../src/extract/parse.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] ?? join(repoRoot, '../shared/corpus/wikinews');

const articles = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => {
    const meta = JSON.parse(readFileSync(join(dir, f.replace(/\.txt$/, '.meta.json')), 'utf8')) as { published?: string };
    try {
      return [{ body: parseArticle(readFileSync(join(dir, f), 'utf8')).body, published: meta.published ?? null }];
    } catch {
      return []; // not an article (e.g. an empty test page): not what we are measuring
    }
  });

const bytes = articles.reduce((n, a) => n + a.body.length, 0);
let mentions = 0;
// Warm up so the JIT has compiled the hot paths before we time them.
for (let i = 0; i < 3; i++) for (const a of articles) mentions = findDates(a.body, a.published).length;

const rounds = 10;
const perArticle: number[] = [];
mentions = 0;
// Wall time can include waits for a busy machine; CPU time is what this process itself spent.
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const a of articles) {
    const s = process.hrtime.bigint();
    mentions += findDates(a.body, a.published).length;
    perArticle.push(Number(process.hrtime.bigint() - s) / 1000);
  }
}
const totalUs = Number(process.hrtime.bigint() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuUs = cpu.user + cpu.system;
perArticle.sort((a, b) => a - b);
const pct = (p: number) => perArticle[Math.min(perArticle.length - 1, Math.floor(p * perArticle.length))].toFixed(1);

console.log(`${articles.length} articles, mean ${(bytes / articles.length / 1024).toFixed(1)} KB, ${(mentions / rounds / articles.length).toFixed(1)} date mentions per article`);
console.log(`findDates: ${(totalUs / rounds / articles.length).toFixed(1)} µs/article mean, p50 ${pct(0.5)} µs, p95 ${pct(0.95)} µs, max ${pct(1)} µs`);
console.log(`           ${((totalUs / rounds / bytes) * 4096).toFixed(1)} µs per 4 KB of text; CPU time ${(cpuUs / rounds / articles.length).toFixed(1)} µs/article`);
