// Report: the topics the rules give each Wikinews article, and why (npx tsx scripts/topics-report.ts [dir] [--hits]).

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/extract/parse.js';
import { loadTopicRules, loadTopics } from '../src/extract/topics.js';

const rules = loadTopicRules();
const articleTopics = (title: string, body: string) => rules.forArticle(title, body);
const scoreArticleTopics = (title: string, body: string) => rules.scoreArticle(title, body);
const topicLineage = (id: string) => rules.lineage(id);

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? join(repoRoot, '../shared/corpus/wikinews');
const verbose = args.includes('--hits');

const labels = new Map(loadTopics().map((t) => [t.id, t]));
const rootOf = (id: string) => topicLineage(id).at(-1)!;
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n));

const firstRoot = new Map<string, number>();
const anyRoot = new Map<string, number>();
let articles = 0;
let fallbacks = 0;
let micros = 0;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  let article;
  try {
    article = parseArticle(readFileSync(join(dir, file), 'utf8'));
  } catch {
    continue; // not an article
  }
  articles++;
  const t0 = process.hrtime.bigint();
  const topics = articleTopics(article.title, article.body);
  micros += Number(process.hrtime.bigint() - t0) / 1000;
  const scores = scoreArticleTopics(article.title, article.body);
  if (!scores.length) fallbacks++;
  const roots = [...new Set(topics.map(rootOf))];
  firstRoot.set(roots[0], (firstRoot.get(roots[0]) ?? 0) + 1);
  for (const r of roots) anyRoot.set(r, (anyRoot.get(r) ?? 0) + 1);
  const shown = topics.map((id) => `${id}(${scores.find((s) => s.id === id)?.score ?? 0})`).join(' ');
  console.log(`${pad(article.title, 70)} | ${shown}`);
  if (verbose) for (const s of scores.filter((s) => topics.includes(s.id)).slice(0, 3)) console.log(`${' '.repeat(70)}   ${s.id}: ${s.hits.slice(0, 8).join(', ')}`);
}

console.log(`\n${articles} articles; ${fallbacks} matched no rule (fallback topic); articleTopics ${(micros / articles).toFixed(1)} µs/article (first call includes loading the rules)\n`);
console.log(`${pad('top-level topic', 44)} ${'first'.padStart(6)} ${'any'.padStart(6)}`);
for (const [id, n] of [...anyRoot].sort((a, b) => b[1] - a[1])) {
  console.log(`${pad(`${labels.get(id)!.iptc} ${labels.get(id)!.label}`, 44)} ${String(firstRoot.get(id) ?? 0).padStart(6)} ${String(n).padStart(6)}`);
}
