// Keeps quotes at ingest: each new statement joins the quote its words match (found through quote_keys, never by a
// scan) or starts one; an article's replaced statements leave theirs, which keep their ids while anything is in them.

import type { Database as DB } from 'better-sqlite3';
import {
  type Fingerprint,
  KEY_CAPACITY,
  quoteFingerprint,
  quoteMatch,
  type SpeakerRef,
  speakerRank,
} from '../dedupe/match.js';

/** What a statement brings to a quote. */
export interface QuoteMember {
  text: string;
  speakerId: number | null;
  speakerType: string | null;
}

interface Candidate {
  id: number;
  text: string;
  speaker_id: number | null;
  speaker_rank: number;
}

/** Ranks occurrences for the quote's head: the most specific speaker first, then the longest text. */
const headScore = (rank: number, text: string) => rank * 1_000_000 + Math.min(text.length, 999_999);

export class QuoteIndex {
  private readonly q;
  /** Quotes that lost statements in the article being saved: settled (emptied ones deleted) at its end. */
  private readonly touched = new Set<number>();

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.q = {
      // every quote a key lists (at most KEY_CAPACITY per key, so a lookup reads a bounded number of rows) whose
      // speaker may be this one's (see speakersCompatible): the same actor, or either unnamed or missing
      found: p(`SELECT DISTINCT q.id, q.text, q.speaker_id, q.speaker_rank FROM json_each(@keys) j
        CROSS JOIN quote_keys k ON k.key = j.value CROSS JOIN quotes q ON q.id = k.quote_id
        WHERE q.speaker_id IS @speaker OR q.speaker_rank <= 1 OR @rank <= 1 ORDER BY q.id`),
      insertQuote:
        p(`INSERT INTO quotes (head_statement_id, head_score, speaker_id, speaker_rank, text, statement_count)
        VALUES (@statementId, @score, @speakerId, @rank, @text, 1)`),
      insertKeys: p(`INSERT OR IGNORE INTO quote_keys (key, quote_id) SELECT j.value, @id FROM json_each(@keys) j
        WHERE (SELECT count(*) FROM (SELECT 1 FROM quote_keys k WHERE k.key = j.value LIMIT ${KEY_CAPACITY})) < ${KEY_CAPACITY}`),
      join: p(`UPDATE quotes SET statement_count = statement_count + 1,
          text = iif(length(@text) > length(text), @text, text),
          head_statement_id = iif(@score > head_score, @statementId, head_statement_id),
          speaker_id = iif(@score > head_score, @speakerId, speaker_id),
          speaker_rank = iif(@score > head_score, @rank, speaker_rank),
          head_score = max(head_score, @score)
        WHERE id = @quoteId`),
      quotesOfArticle: p(
        'SELECT quote_id AS id, count(*) AS n FROM statements WHERE article_id = ? AND quote_id IS NOT NULL GROUP BY quote_id',
      ),
      leave: p('UPDATE quotes SET statement_count = statement_count - ? WHERE id = ?'),
      members: p(`SELECT s.id, s.text, s.speaker_id, a.type FROM statements s LEFT JOIN actors a ON a.id = s.speaker_id
        WHERE s.quote_id = ? ORDER BY s.id`),
      count: p('SELECT statement_count FROM quotes WHERE id = ?').pluck(),
      speaker: p('SELECT speaker_id FROM quotes WHERE id = ?').pluck(),
      deleteQuote: p('DELETE FROM quotes WHERE id = ?'),
      reset: p(`UPDATE quotes SET text = @text, head_statement_id = @statementId, head_score = @score,
          speaker_id = @speakerId, speaker_rank = @rank WHERE id = @quoteId`),
    };
  }

  /**
   * The quote a new statement (to be stored under `statementId`) belongs to: the most alike of the quotes sharing a key
   * with it whose speaker is compatible, which it joins and may head (see headScore), or a new one it heads.
   */
  assign(member: QuoteMember, statementId: number): number {
    const print = quoteFingerprint(member.text);
    const speaker: SpeakerRef = { id: member.speakerId, rank: speakerRank(member.speakerType) };
    const keys = JSON.stringify(print.keys);
    let best: { id: number; similarity: number } | null = null;
    // a key of a quote since deleted finds nothing
    for (const c of this.q.found.all({ keys, speaker: speaker.id, rank: speaker.rank }) as Candidate[]) {
      const similarity = quoteMatch(print, speaker, this.fingerprintOf(c.text), {
        id: c.speaker_id,
        rank: c.speaker_rank,
      });
      if (similarity > (best?.similarity ?? 0)) best = { id: c.id, similarity };
    }
    const row = {
      statementId,
      text: member.text,
      score: headScore(speaker.rank, member.text),
      speakerId: speaker.id,
      rank: speaker.rank,
    };
    let id: number;
    if (best) {
      id = best.id;
      this.q.join.run({ ...row, quoteId: id });
    } else {
      id = Number(this.q.insertQuote.run(row).lastInsertRowid);
    }
    // the words of every version are indexed, so a later version close to this one finds the quote too (the same
    // words by the same speaker are indexed already)
    if (!best || best.similarity < 1 || speaker.id !== this.speakerOf(id)) this.q.insertKeys.run({ id, keys });
    return id;
  }

  /** Before an article's statements are deleted: they leave their quotes. */
  leaveArticle(articleId: number): void {
    for (const r of this.q.quotesOfArticle.all(articleId) as { id: number; n: number }[]) {
      this.q.leave.run(r.n, r.id);
      this.touched.add(r.id);
    }
  }

  /**
   * After an article's new statements joined their quotes: a quote left empty is deleted; one that lost statements
   * takes its head, speaker and text again from the statements it still has.
   */
  settle(): void {
    for (const id of this.touched) {
      const count = this.q.count.get(id) as number | undefined;
      if (count === undefined) continue;
      if (count <= 0) {
        this.q.deleteQuote.run(id);
        continue;
      }
      const members = this.q.members.all(id) as {
        id: number;
        text: string;
        speaker_id: number | null;
        type: string | null;
      }[];
      let head = members[0];
      let headRank = speakerRank(head.type);
      let text = head.text;
      for (const m of members) {
        const rank = speakerRank(m.type);
        if (headScore(rank, m.text) > headScore(headRank, head.text)) [head, headRank] = [m, rank];
        if (m.text.length > text.length) text = m.text;
      }
      this.q.reset.run({
        quoteId: id,
        text,
        statementId: head.id,
        score: headScore(headRank, head.text),
        speakerId: head.speaker_id,
        rank: headRank,
      });
    }
    this.touched.clear();
  }

  private speakerOf(quoteId: number): number | null {
    return this.q.speaker.get(quoteId) as number | null;
  }

  /** Forgets quotes touched by a save that rolled back. */
  discard(): void {
    this.touched.clear();
  }

  // the fingerprints of quotes met lately: a quote repeated across a run of articles is compared many times
  private readonly prints = new Map<string, Fingerprint>();

  private fingerprintOf(text: string): Fingerprint {
    let print = this.prints.get(text);
    if (!print) {
      if (this.prints.size >= 4096) this.prints.clear();
      print = quoteFingerprint(text);
      this.prints.set(text, print);
    }
    return print;
  }
}

/**
 * Gives every stored statement without a quote its quote, in the order the statements were written, as ingest would
 * have: for a database from before quotes (migration 007).
 */
export function backfillQuotes(db: DB): number {
  const index = new QuoteIndex(db);
  const setQuote = db.prepare('UPDATE statements SET quote_id = ? WHERE id = ?');
  const rows = db
    .prepare(`SELECT s.id, s.text, s.speaker_id, a.type FROM statements s LEFT JOIN actors a ON a.id = s.speaker_id
      WHERE s.quote_id IS NULL ORDER BY s.id`)
    .all() as { id: number; text: string; speaker_id: number | null; type: string | null }[];
  for (const r of rows) {
    const member = { text: r.text, speakerId: r.speaker_id, speakerType: r.type };
    setQuote.run(index.assign(member, r.id), r.id);
  }
  return rows.length;
}
