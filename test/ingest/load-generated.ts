// Child process for the crash test: writes a generated corpus's recorded extractions through the store writer, one transaction per article.
// Usage: tsx test/ingest/load-generated.ts DB ARTICLES SEED. It exists so crash trials have statements, claims and mentions to lose
// whatever the state of the extractor; the other trials kill the real ingest command.

import { corpusTopics, generateCorpus } from '../../src/corpus/generate.js';
import { openForWrite } from '../../src/store/db.js';
import { ArticleWriter } from '../../src/store/writer.js';

const [file, articles, seed] = process.argv.slice(2);
const db = openForWrite(file);
const writer = new ArticleWriter(db);
writer.syncTopics(corpusTopics());
for (const a of generateCorpus({ articles: Number(articles), seed: Number(seed) })) {
  writer.save({
    slug: a.slug, file: null, contentHash: a.slug, extractor: 'generated', published: a.meta.published,
    url: a.meta.url, source: a.meta.source, language: a.meta.language, extraction: a.extraction,
  });
}
db.close();
