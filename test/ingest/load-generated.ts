// Child process for the crash test: writes a generated corpus's recorded extractions through the store writer, one
// transaction per article. Usage: tsx test/ingest/load-generated.ts DB ARTICLES SEED [PAUSE_AT between|inside].
// It exists so crash trials have statements, claims and mentions to lose whatever the state of the extractor; the
// other trials kill the real ingest command. With PAUSE_AT it stops at that article (0-based), before its transaction
// (`between`) or inside it, its rows written but not committed (`inside`), prints "paused" and waits to be killed: the
// kill then lands exactly there.

import { writeSync } from 'node:fs';
import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { openForWrite } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';

const [file, articles, seed, pauseAt, phase] = process.argv.slice(2);
const db = openForWrite(file);
const writer = new ArticleWriter(db);
writer.syncTopics(corpusTopics());

/** Says where it stopped, then blocks this thread for good: only the kill ends it. */
function pause(): never {
  writeSync(1, 'paused\n');
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

let i = 0;
for (const a of generateCorpus({ articles: Number(articles), seed: Number(seed) })) {
  const input = {
    slug: a.slug, file: null, contentHash: a.slug, extractor: 'generated', published: a.meta.published,
    url: a.meta.url, source: a.meta.source, language: a.meta.language, extraction: a.extraction,
  };
  if (i === Number(pauseAt) && phase === 'between') pause();
  if (i === Number(pauseAt) && phase === 'inside') {
    db.transaction(() => {
      writer.save(input);
      pause();
    })();
  }
  writer.save(input);
  i++;
}
db.close();
