// Keeps wire copies at ingest: an article whose body is nearly that of a stored one (found through article_keys, never
// by a scan) is linked to the earliest article of that story by articles.copy_of.

import type { Database as DB } from 'better-sqlite3';
import {
  ARTICLE_OVERLAP,
  articleFingerprint,
  articleSimilarity,
  KEY_CAPACITY,
  worthComparing,
} from '../dedupe/match.js';

interface Candidate {
  id: number;
  body: string;
  published_at: string | null;
  copy_of: number | null;
}

interface Dated {
  id: number;
  published: string | null;
}

/** Whether `a` came first: published earlier (a known date before an unknown one), else ingested earlier. */
const earlier = (a: Dated, b: Dated) =>
  a.published !== b.published
    ? b.published === null || (a.published !== null && a.published < b.published)
    : a.id < b.id;

export class CopyIndex {
  private readonly q;

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      // at most KEY_CAPACITY articles per key (see insertKeys): a lookup reads a bounded number of rows
      // two bands shared at least (one is mostly chance: stories sharing a template's phrases): a copy with 70 % of
      // the other's text shares four of ten on average, one cut to half two and a half
      found: p(`SELECT k.article_id FROM json_each(@keys) j CROSS JOIN article_keys k ON k.key = j.value
        WHERE k.article_id <> @id GROUP BY k.article_id HAVING count(*) >= 2 ORDER BY k.article_id`).pluck(),
      signature: p('SELECT signature FROM article_sketches WHERE article_id = ?').pluck(),
      saveSignature: p('INSERT OR REPLACE INTO article_sketches (article_id, signature) VALUES (?, ?)'),
      candidate: p('SELECT id, body, published_at, copy_of FROM articles WHERE id = ?'),
      insertKeys: p(`INSERT OR IGNORE INTO article_keys (key, article_id) SELECT j.value, @id FROM json_each(@keys) j
        WHERE (SELECT count(*) FROM (SELECT 1 FROM article_keys k WHERE k.key = j.value LIMIT ${KEY_CAPACITY})) < ${KEY_CAPACITY}`),
      deleteKeys: p('DELETE FROM article_keys WHERE article_id = ?'),
      published: p('SELECT published_at FROM articles WHERE id = ?').pluck(),
      body: p('SELECT body, published_at FROM articles WHERE id = ?'),
      copiesOf: p('SELECT id FROM articles WHERE copy_of = ? ORDER BY id').pluck(),
      setCopyOf: p('UPDATE articles SET copy_of = ? WHERE id = ?'),
      // a story found to have an earlier article: that one becomes the story's first, for every copy
      moveCopies: p('UPDATE articles SET copy_of = @first WHERE copy_of = @old OR id = @old'),
    };
  }

  /**
   * Indexes a newly written article's body and links it into its story: as a copy of the story's first article, or
   * as the new first when it was published before that one.
   */
  link(articleId: number, body: string, published: string | null): void {
    const print = articleFingerprint(body);
    if (!print.keys.length) return;
    const keys = JSON.stringify(print.keys);
    let best: { candidate: Candidate; similarity: number } | null = null;
    for (const id of this.q.found.all({ keys, id: articleId }) as number[]) {
      // screened by signature first: reading and fingerprinting a candidate's text costs a hundred times more
      const signature = this.q.signature.get(id) as string | undefined;
      if (signature === undefined || !worthComparing(print.signature, JSON.parse(signature))) continue;
      const c = this.q.candidate.get(id) as Candidate;
      const similarity = articleSimilarity(print, articleFingerprint(c.body));
      if (similarity >= ARTICLE_OVERLAP && similarity > (best?.similarity ?? 0)) best = { candidate: c, similarity };
    }
    this.q.insertKeys.run({ id: articleId, keys });
    this.q.saveSignature.run(articleId, JSON.stringify(print.signature));
    if (!best) return;
    const c = best.candidate;
    const first: Dated =
      c.copy_of === null
        ? { id: c.id, published: c.published_at }
        : { id: c.copy_of, published: this.q.published.get(c.copy_of) as string | null };
    if (earlier({ id: articleId, published }, first)) this.q.moveCopies.run({ first: articleId, old: first.id });
    else this.q.setCopyOf.run(first.id, articleId);
  }

  /**
   * Before an article's body is replaced: it leaves the index and its story. Returns the articles that were its
   * copies, unlinked: `relink` them once the new body is linked.
   */
  unlink(articleId: number): number[] {
    this.q.deleteKeys.run(articleId);
    this.q.setCopyOf.run(null, articleId);
    const copies = this.q.copiesOf.all(articleId) as number[];
    for (const id of copies) this.q.setCopyOf.run(null, id);
    return copies;
  }

  /** Links former copies again, each against what is stored now. */
  relink(articleIds: number[]): void {
    for (const id of articleIds) {
      const row = this.q.body.get(id) as { body: string; published_at: string | null };
      this.q.deleteKeys.run(id);
      this.link(id, row.body, row.published_at);
    }
  }
}

/** Indexes and links every stored article, in the order they were written: for a database from before copies. */
export function backfillCopies(db: DB): void {
  const index = new CopyIndex(db);
  const rows = db.prepare('SELECT id, body, published_at FROM articles ORDER BY id').iterate() as IterableIterator<{
    id: number;
    body: string;
    published_at: string | null;
  }>;
  for (const r of [...rows]) index.link(r.id, r.body, r.published_at);
}
