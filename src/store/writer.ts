// Writes one article's extraction into the database in a single transaction; the only place ingest writes.

import type { Topic } from '../extract/topics.js';
import type { ActorDraft, Extraction } from '../extract/types.js';
import { CopyIndex } from './copies.js';
import type { DB } from './db.js';
import { ItemJsonWriter } from './item-json.js';
import { normName, slugify } from './names.js';
import { QuoteIndex } from './quotes.js';

export interface ArticleInput {
  slug: string;
  file: string | null;
  contentHash: string;
  extractor: string;
  published: string | null;
  url: string | null;
  source: string | null;
  language: string | null;
  extraction: Extraction;
  /** other URLs it was read from (the address asked for, where redirects led): it is known by these too */
  urls?: string[];
}

export type SaveOutcome = 'added' | 'replaced' | 'unchanged';

interface CountRow {
  id: number;
  n: number;
}

// No row id is this large: the mark of "every row is in the full-text index".
const ALL_INDEXED = Number.MAX_SAFE_INTEGER;

/**
 * Prepared once per database; `save` runs one article in one transaction, `group` runs many saves in one.
 *
 * The writer keeps the full-text indexes (statements_fts, claims_fts) itself (migration 004 dropped the triggers).
 * Rows are indexed when the transaction that wrote them is about to commit: per article for `save`, once for a whole
 * `group`. Until then `unindexed` holds the smallest row id written since the last indexing: a new row gets the
 * largest id so far plus one, so the rows from that id up are exactly the ones still to index, and the rows below it
 * the ones a replacement must take out of the index.
 */
export class ArticleWriter {
  private readonly q;
  private readonly itemJson: ItemJsonWriter;
  private readonly quotes: QuoteIndex;
  private readonly copies: CopyIndex;
  private topicParents = new Map<string, string | null>();
  private unindexed = { statements: ALL_INDEXED, claims: ALL_INDEXED };
  private grouped = 0;

  constructor(private readonly db: DB) {
    this.itemJson = new ItemJsonWriter(db);
    this.quotes = new QuoteIndex(db);
    this.copies = new CopyIndex(db);
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      articleBySlug: p('SELECT id, content_hash, extractor FROM articles WHERE slug = ?'),
      slugByUrl: p('SELECT a.slug FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?').pluck(),
      articleIdBySlug: p('SELECT id FROM articles WHERE slug = ?').pluck(),
      // the first article to claim a URL keeps it: two saved files may well give the same one
      insertUrl: p('INSERT OR IGNORE INTO article_urls (url, article_id) VALUES (?, ?)'),
      insertArticle:
        p(`INSERT INTO articles (slug, title, source, published_at, url, language, body, file, content_hash, extractor, ingested_at,
          statement_count, claim_count, actor_count, mention_count)
        VALUES (@slug, @title, @source, @published, @url, @language, @body, @file, @contentHash, @extractor, @ingestedAt,
          @statementCount, @claimCount, @actorCount, @mentionCount)`),
      updateArticle:
        p(`UPDATE articles SET title = @title, source = @source, published_at = @published, url = @url, language = @language,
          body = @body, file = @file, content_hash = @contentHash, extractor = @extractor, ingested_at = @ingestedAt,
          statement_count = @statementCount, claim_count = @claimCount, actor_count = @actorCount, mention_count = @mentionCount
        WHERE id = @id`),
      // counts the article contributed, taken back before its rows are replaced
      oldSpeakerCounts: p(
        'SELECT speaker_id AS id, count(*) AS n FROM statements WHERE article_id = ? AND speaker_id IS NOT NULL GROUP BY speaker_id',
      ),
      oldClaimantCounts: p(
        'SELECT claimant_id AS id, count(*) AS n FROM claims WHERE article_id = ? AND claimant_id IS NOT NULL GROUP BY claimant_id',
      ),
      oldMentionCounts: p('SELECT actor_id AS id, count(*) AS n FROM mentions WHERE article_id = ? GROUP BY actor_id'),
      oldStatementTopicCounts: p(
        'SELECT st.topic_id AS id, count(*) AS n FROM statement_topics st JOIN statements s ON s.id = st.statement_id WHERE s.article_id = ? GROUP BY st.topic_id',
      ),
      oldClaimTopicCounts: p(
        'SELECT ct.topic_id AS id, count(*) AS n FROM claim_topics ct JOIN claims c ON c.id = ct.claim_id WHERE c.article_id = ? GROUP BY ct.topic_id',
      ),
      oldStatementDays: p(
        'SELECT effective_date AS day, count(*) AS n FROM statements WHERE article_id = ? AND effective_date IS NOT NULL GROUP BY effective_date',
      ),
      oldClaimDays: p(
        'SELECT effective_date AS day, count(*) AS n FROM claims WHERE article_id = ? AND effective_date IS NOT NULL GROUP BY effective_date',
      ),
      // an article's rows leave the index before they are deleted (external content: FTS5 needs the old text)
      unindexStatements: p(
        "INSERT INTO statements_fts (statements_fts, rowid, text) SELECT 'delete', id, text FROM statements WHERE article_id = ? AND id < ?",
      ),
      unindexClaims: p(
        "INSERT INTO claims_fts (claims_fts, rowid, text) SELECT 'delete', id, text FROM claims WHERE article_id = ? AND id < ?",
      ),
      indexStatements: p('INSERT INTO statements_fts (rowid, text) SELECT id, text FROM statements WHERE id >= ?'),
      indexClaims: p('INSERT INTO claims_fts (rowid, text) SELECT id, text FROM claims WHERE id >= ?'),
      deleteClaims: p('DELETE FROM claims WHERE article_id = ?'),
      deleteStatements: p('DELETE FROM statements WHERE article_id = ?'),
      deleteMentions: p('DELETE FROM mentions WHERE article_id = ?'),
      deleteArticleActors: p('DELETE FROM article_actors WHERE article_id = ?'),
      deleteArticleTopics: p('DELETE FROM article_topics WHERE article_id = ?'),
      actorByKey: p('SELECT id FROM actors WHERE key = ?'),
      slugTaken: p('SELECT 1 FROM actors WHERE slug = ?'),
      insertActor: p('INSERT INTO actors (slug, key, name, type) VALUES (?, ?, ?, ?)'),
      insertAlias: p('INSERT OR IGNORE INTO actor_aliases (actor_id, alias, norm) VALUES (?, ?, ?)'),
      insertActorWord: p('INSERT OR IGNORE INTO actor_words (word, actor_id) VALUES (?, ?)'),
      insertArticleActor: p(
        'INSERT INTO article_actors (article_id, actor_id, role, affiliation_id) VALUES (?, ?, ?, ?)',
      ),
      // the actor's current role is the one its most recent article gives it
      refreshRole: p(`UPDATE actors SET (role, affiliation_id, role_article_id) = (
          SELECT aa.role, aa.affiliation_id, aa.article_id FROM article_actors aa JOIN articles a ON a.id = aa.article_id
          WHERE aa.actor_id = actors.id AND aa.role IS NOT NULL ORDER BY a.published_at DESC NULLS LAST, a.id DESC LIMIT 1)
        WHERE id = ?`),
      // a new article's role wins when the article is more recent than the one the current role came from
      offerRole: p(`UPDATE actors SET role = @role, affiliation_id = @affiliationId, role_article_id = @articleId
        WHERE id = @id AND (role_article_id IS NULL OR (
          SELECT (@published IS NOT NULL AND (cur.published_at IS NULL OR @published > cur.published_at))
            OR (@published IS cur.published_at AND @articleId > cur.id)
          FROM articles cur WHERE cur.id = actors.role_article_id))`),
      insertMention: p(
        'INSERT INTO mentions (article_id, actor_id, field, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertStatement:
        p(`INSERT INTO statements (article_id, speaker_id, kind, text, cue, date, date_precision, date_text, effective_date,
          span_start, span_end, rule, confidence, quote_id, id) VALUES (@articleId, @speakerId, @kind, @text, @cue, @date, @datePrecision,
          @dateText, @effectiveDate, @start, @end, @rule, @confidence, @quoteId, @id)`),
      maxStatementId: p('SELECT coalesce(max(id), 0) FROM statements').pluck(),
      insertClaim:
        p(`INSERT INTO claims (article_id, claimant_id, statement_id, text, date, date_precision, date_text, effective_date,
          span_start, span_end, rule, confidence) VALUES (@articleId, @claimantId, @statementId, @text, @date, @datePrecision, @dateText, @effectiveDate,
          @start, @end, @rule, @confidence)`),
      insertStatementActor: p(
        'INSERT OR IGNORE INTO statement_actors (actor_id, statement_id, relation) VALUES (?, ?, ?)',
      ),
      insertClaimActor: p('INSERT OR IGNORE INTO claim_actors (actor_id, claim_id, relation) VALUES (?, ?, ?)'),
      insertStatementTopic: p(
        'INSERT OR IGNORE INTO statement_topics (topic_id, statement_id, direct) VALUES (?, ?, ?)',
      ),
      insertClaimTopic: p('INSERT OR IGNORE INTO claim_topics (topic_id, claim_id, direct) VALUES (?, ?, ?)'),
      insertArticleTopic: p('INSERT OR IGNORE INTO article_topics (topic_id, article_id) VALUES (?, ?)'),
      addActorCounts: p(
        'UPDATE actors SET statement_count = statement_count + ?, claim_count = claim_count + ?, mention_count = mention_count + ? WHERE id = ?',
      ),
      addStatementDay:
        p(`INSERT INTO statement_days (day, n, min_id, max_id) VALUES (@day, @n, @lo, @hi) ON CONFLICT (day) DO UPDATE
        SET n = n + excluded.n, min_id = min(min_id, excluded.min_id), max_id = max(max_id, excluded.max_id)`),
      addClaimDay:
        p(`INSERT INTO claim_days (day, n, min_id, max_id) VALUES (@day, @n, @lo, @hi) ON CONFLICT (day) DO UPDATE
        SET n = n + excluded.n, min_id = min(min_id, excluded.min_id), max_id = max(max_id, excluded.max_id)`),
      addTopicCounts: p(
        'UPDATE topics SET statement_count = statement_count + ?, claim_count = claim_count + ? WHERE id = ?',
      ),
      upsertTopic: p(`INSERT INTO topics (id, iptc, label, parent_id) VALUES (@id, @iptc, @label, @parentId)
        ON CONFLICT (id) DO UPDATE SET iptc = excluded.iptc, label = excluded.label, parent_id = excluded.parent_id`),
      allTopics: p('SELECT id, parent_id, label FROM topics'),
    };
  }

  /** Loads the topic taxonomy (parents first) so statements can link to it. */
  syncTopics(topics: Topic[]): void {
    this.db.transaction(() => {
      const labels = new Map((this.q.allTopics.all() as { id: string; label: string }[]).map((r) => [r.id, r.label]));
      for (const t of topics) this.q.upsertTopic.run(t);
      // statements and claims carry their topics' labels in their stored JSON
      this.itemJson.rewriteTopics(
        topics.filter((t) => labels.has(t.id) && labels.get(t.id) !== t.label).map((t) => t.id),
      );
    })();
    this.topicParents = new Map(
      (this.q.allTopics.all() as { id: string; parent_id: string | null }[]).map((r) => [r.id, r.parent_id]),
    );
  }

  /** Whether an article with this slug already holds exactly this content from this extractor. */
  isUnchanged(slug: string, contentHash: string, extractor: string): boolean {
    const row = this.q.articleBySlug.get(slug) as { content_hash: string; extractor: string } | undefined;
    return !!row && row.content_hash === contentHash && row.extractor === extractor;
  }

  /** The id of the stored article read from `url` (or published there), or null. */
  slugByUrl(url: string): string | null {
    return (this.q.slugByUrl.get(url) as string | undefined) ?? null;
  }

  /** Records more URLs of a stored article (one read again, unchanged, through another address). */
  addUrls(slug: string, urls: string[]): void {
    const id = this.q.articleIdBySlug.get(slug) as number | undefined;
    if (id !== undefined) for (const url of urls) this.q.insertUrl.run(url, id);
  }

  /** Adds or replaces the article; with `force` false, content already stored by this extractor is left alone. */
  save(input: ArticleInput, force = false): SaveOutcome {
    return this.db.transaction(() =>
      this.keepingMarks(() => {
        const outcome = this.saveInTransaction(input, force);
        if (!this.grouped) this.indexPending();
        return outcome;
      }),
    )();
  }

  /**
   * Wraps `fn` in one transaction, like db.transaction, for many `save`s: each article is still saved whole or not
   * at all (in its own savepoint), and the full-text index is brought up to date once, just before the commit.
   */
  group<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return this.db.transaction((...args: A) => {
      this.grouped++;
      try {
        return this.keepingMarks(() => {
          const out = fn(...args);
          this.indexPending();
          return out;
        });
      } finally {
        this.grouped--;
      }
    });
  }

  /** Runs `fn` in a transaction or savepoint; when it rolls back, what was still to index before it still is. */
  private keepingMarks<R>(fn: () => R): R {
    const marks = { ...this.unindexed };
    try {
      return fn();
    } catch (err) {
      this.unindexed = marks;
      this.quotes.discard();
      throw err;
    }
  }

  /** Indexes the statements and claims written since the last time. */
  private indexPending(): void {
    if (this.unindexed.statements !== ALL_INDEXED) this.q.indexStatements.run(this.unindexed.statements);
    if (this.unindexed.claims !== ALL_INDEXED) this.q.indexClaims.run(this.unindexed.claims);
    this.unindexed = { statements: ALL_INDEXED, claims: ALL_INDEXED };
  }

  private saveInTransaction(input: ArticleInput, force: boolean): SaveOutcome {
    const { q } = this;
    const { extraction: x } = input;
    const existing = q.articleBySlug.get(input.slug) as
      | { id: number; content_hash: string; extractor: string }
      | undefined;
    if (!force && existing && existing.content_hash === input.contentHash && existing.extractor === input.extractor)
      return 'unchanged';

    const actorDelta = new Map<number, [number, number, number]>();
    const topicDelta = new Map<string, [number, number]>();
    const bumpActor = (id: number, i: 0 | 1 | 2, n: number) => {
      const d = actorDelta.get(id) ?? [0, 0, 0];
      d[i] += n;
      actorDelta.set(id, d);
    };
    const bumpTopic = (id: string, i: 0 | 1, n: number) => {
      const d = topicDelta.get(id) ?? [0, 0];
      d[i] += n;
      topicDelta.set(id, d);
    };

    const row = {
      slug: input.slug,
      title: x.article.title,
      source: input.source ?? x.article.source,
      published: input.published,
      url: input.url,
      language: input.language,
      body: x.article.body,
      file: input.file,
      contentHash: input.contentHash,
      extractor: input.extractor,
      ingestedAt: new Date().toISOString(),
      statementCount: x.statements.length,
      claimCount: x.claims.length,
      actorCount: x.actors.length,
      mentionCount: x.mentions.length,
    };
    let articleId: number;
    let formerCopies: number[] = [];
    const touchedActors = new Set<number>();
    // per effective day: rows added (or taken away) and the ids they span, for statement_days and claim_days
    const days = [
      new Map<string, { n: number; lo: number; hi: number }>(),
      new Map<string, { n: number; lo: number; hi: number }>(),
    ];
    // removed rows pass no id: the bounds of a day only ever widen
    const bumpDay = (i: 0 | 1, day: string | null, n: number, id: number | null) => {
      if (day === null) return;
      const d = days[i].get(day) ?? { n: 0, lo: Number.MAX_SAFE_INTEGER, hi: 0 };
      d.n += n;
      if (id !== null) {
        d.lo = Math.min(d.lo, id);
        d.hi = Math.max(d.hi, id);
      }
      days[i].set(day, d);
    };
    if (existing) {
      articleId = existing.id;
      for (const r of q.oldSpeakerCounts.all(articleId) as CountRow[]) bumpActor(r.id, 0, -r.n);
      for (const r of q.oldClaimantCounts.all(articleId) as CountRow[]) bumpActor(r.id, 1, -r.n);
      for (const r of q.oldMentionCounts.all(articleId) as CountRow[]) bumpActor(r.id, 2, -r.n);
      for (const r of q.oldStatementTopicCounts.all(articleId) as { id: string; n: number }[]) bumpTopic(r.id, 0, -r.n);
      for (const r of q.oldClaimTopicCounts.all(articleId) as { id: string; n: number }[]) bumpTopic(r.id, 1, -r.n);
      for (const r of q.oldStatementDays.all(articleId) as { day: string; n: number }[]) bumpDay(0, r.day, -r.n, null);
      for (const r of q.oldClaimDays.all(articleId) as { day: string; n: number }[]) bumpDay(1, r.day, -r.n, null);
      for (const id of actorDelta.keys()) touchedActors.add(id);
      this.quotes.leaveArticle(articleId);
      formerCopies = this.copies.unlink(articleId);
      this.itemJson.dropArticle(articleId);
      q.unindexClaims.run(articleId, this.unindexed.claims);
      q.unindexStatements.run(articleId, this.unindexed.statements);
      q.deleteClaims.run(articleId);
      q.deleteStatements.run(articleId);
      q.deleteMentions.run(articleId);
      q.deleteArticleActors.run(articleId);
      q.deleteArticleTopics.run(articleId);
      q.updateArticle.run({ ...row, id: articleId });
    } else {
      articleId = Number(q.insertArticle.run(row).lastInsertRowid);
    }
    this.copies.link(articleId, x.article.body, input.published);
    this.copies.relink(formerCopies);
    for (const url of [input.url, ...(input.urls ?? [])]) if (url) q.insertUrl.run(url, articleId);

    const actorIds = new Map<string, number>();
    for (const a of x.actors) actorIds.set(a.key, this.actorId(a));
    const idOf = (key: string | null) => {
      if (key === null) return null;
      const id = actorIds.get(key);
      if (id === undefined) throw new Error(`extraction refers to actor ${key} that it does not define`);
      return id;
    };
    for (const a of x.actors) {
      const id = idOf(a.key)!;
      touchedActors.add(id);
      const affiliationId = a.affiliationKey ? (actorIds.get(a.affiliationKey) ?? null) : null;
      q.insertArticleActor.run(articleId, id, a.role, affiliationId);
      if (!existing && a.role !== null)
        q.offerRole.run({ id, role: a.role, affiliationId, articleId, published: input.published });
      const words = new Set<string>();
      for (const alias of new Set([a.name, ...a.aliases])) {
        const norm = normName(alias);
        q.insertAlias.run(id, alias, norm);
        for (const w of norm.split(' ')) if (w) words.add(w);
      }
      for (const w of words) q.insertActorWord.run(w, id);
    }
    for (const m of x.mentions) {
      const id = idOf(m.actorKey)!;
      q.insertMention.run(articleId, id, m.field, m.start, m.end, m.text);
      bumpActor(id, 2, 1);
    }

    const effective = (date: string | null) => date ?? input.published;
    const statementIds: number[] = [];
    const typeOf = new Map(x.actors.map((a) => [a.key, a.type]));
    let nextStatementId = (q.maxStatementId.get() as number) + 1;
    for (const s of x.statements) {
      const speakerId = idOf(s.speakerKey);
      const member = { text: s.text, speakerId, speakerType: s.speakerKey === null ? null : typeOf.get(s.speakerKey)! };
      // the id the statement gets (a new row's is the largest so far plus one): its quote is written knowing it
      const id = nextStatementId++;
      const quoteId = this.quotes.assign(member, id);
      q.insertStatement.run({
        id,
        articleId,
        speakerId,
        kind: s.kind,
        text: s.text,
        cue: s.cue,
        date: s.date.date,
        datePrecision: s.date.precision,
        dateText: s.date.text,
        effectiveDate: effective(s.date.date),
        start: s.span.start,
        end: s.span.end,
        rule: s.attribution.rule,
        confidence: s.attribution.confidence,
        quoteId,
      });
      statementIds.push(id);
      if (id < this.unindexed.statements) this.unindexed.statements = id;
      bumpDay(0, effective(s.date.date), 1, id);
      if (speakerId !== null) {
        q.insertStatementActor.run(speakerId, id, 'speaker');
        bumpActor(speakerId, 0, 1);
      }
      for (const key of s.mentionKeys) q.insertStatementActor.run(idOf(key), id, 'mention');
      for (const [topic, direct] of this.withAncestors(s.topics)) {
        q.insertStatementTopic.run(topic, id, direct);
        bumpTopic(topic, 0, 1);
      }
    }
    for (const c of x.claims) {
      const claimantId = idOf(c.claimantKey);
      const id = Number(
        q.insertClaim.run({
          articleId,
          claimantId,
          statementId: c.statementIndex === null ? null : (statementIds[c.statementIndex] ?? null),
          text: c.text,
          date: c.date.date,
          datePrecision: c.date.precision,
          dateText: c.date.text,
          effectiveDate: effective(c.date.date),
          start: c.span.start,
          end: c.span.end,
          rule: c.attribution.rule,
          confidence: c.attribution.confidence,
        }).lastInsertRowid,
      );
      if (id < this.unindexed.claims) this.unindexed.claims = id;
      bumpDay(1, effective(c.date.date), 1, id);
      if (claimantId !== null) {
        q.insertClaimActor.run(claimantId, id, 'claimant');
        bumpActor(claimantId, 1, 1);
      }
      for (const key of c.mentionKeys) q.insertClaimActor.run(idOf(key), id, 'mention');
      for (const [topic, direct] of this.withAncestors(c.topics)) {
        q.insertClaimTopic.run(topic, id, direct);
        bumpTopic(topic, 1, 1);
      }
    }
    for (const [topic] of this.withAncestors(x.topics)) q.insertArticleTopic.run(topic, articleId);
    this.quotes.settle();
    this.itemJson.writeArticle(articleId);

    for (const [id, [s, c, m]] of actorDelta) if (s || c || m) q.addActorCounts.run(s, c, m, id);
    for (const [id, [s, c]] of topicDelta) if (s || c) q.addTopicCounts.run(s, c, id);
    for (const [day, d] of days[0]) q.addStatementDay.run({ day, ...d });
    for (const [day, d] of days[1]) q.addClaimDay.run({ day, ...d });
    // a replaced article may have given the current role: look again at all of those actors' articles
    if (existing) for (const id of touchedActors) q.refreshRole.run(id);
    return existing ? 'replaced' : 'added';
  }

  /** Each topic with direct = 1, then its ancestors with direct = 0; unknown topic ids are an extractor bug. */
  private withAncestors(topics: string[]): Map<string, 0 | 1> {
    const out = new Map<string, 0 | 1>();
    for (const t of topics) {
      if (!this.topicParents.has(t))
        throw new Error(`extraction uses topic "${t}" that data/topics.json does not define`);
      out.set(t, 1);
    }
    for (const t of topics) {
      for (let p = this.topicParents.get(t) ?? null, n = 0; p && n < 10; p = this.topicParents.get(p) ?? null, n++) {
        if (!out.has(p)) out.set(p, 0);
      }
    }
    return out;
  }

  /** The id of the actor with this key, creating it with a readable unique slug the first time it is seen. */
  private actorId(a: ActorDraft): number {
    const row = this.q.actorByKey.get(a.key) as { id: number } | undefined;
    if (row) return row.id;
    const base = slugify(a.name);
    let slug = base;
    if (this.q.slugTaken.get(slug)) slug = `${base}-${a.type}`;
    for (let n = 2; this.q.slugTaken.get(slug); n++) slug = `${base}-${a.type}-${n}`;
    return Number(this.q.insertActor.run(slug, a.key, a.name, a.type).lastInsertRowid);
  }
}
