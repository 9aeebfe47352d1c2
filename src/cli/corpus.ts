// `npm run corpus -- --articles N [--seed S] [--out DIR]`: writes a generated corpus of realistic articles for scale tests.

import { parseArgs } from 'node:util';
import { writeCorpus } from '../corpus/generate.js';

const USAGE = `usage: npm run corpus -- --articles N [--seed S] [--out DIR]

  --articles N  how many articles to write (about 10 statements each once ingested)
  --seed S      the same seed gives the same articles (default 1)
  --out DIR     where to write NAME.txt and NAME.meta.json (default bench/cache/corpus-N-seedS)

The articles are made up (names, places and quotes are combined from data/corpus/*.json) and say so in their .meta.json.`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`corpus: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const articles = Number(values.articles);
  if (values.articles === undefined || !Number.isInteger(articles) || articles <= 0) {
    console.error(`corpus: --articles must be a positive whole number, got ${values.articles === undefined ? 'nothing' : `"${values.articles}"`}\n${USAGE}`);
    return 2;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    console.error(`corpus: --seed must be a whole number from 0 to 4294967295, got "${values.seed}"`);
    return 2;
  }
  const out = values.out ?? `bench/cache/corpus-${articles}-seed${seed}`;
  const started = performance.now();
  const { bytes } = writeCorpus(out, { articles, seed });
  const seconds = (performance.now() - started) / 1000;
  console.log(`wrote ${articles} articles (${(bytes / 1048576).toFixed(1)} MB of text) to ${out} in ${seconds.toFixed(1)} s`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
