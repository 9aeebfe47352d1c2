// The JSON of a quote, made by SQLite from the quote, its head's speaker and its occurrences when it is read (a quote
// changes with every article that repeats it, so it is not stored). Generated from the contract's schema, like the
// stored JSON of statements (json-sql.ts).

import { Quote, type QuoteT } from '../contract/quote.js';
import { jsonObjectSql, type SqlMap } from './json-sql.js';

/** Occurrences of quote q with their articles, the earliest publication first (unknown dates last). */
const occurrences = (limit: number | null) => `SELECT o.id, oa.slug, oa.source, oa.published_at, oc.slug AS copy_slug,
    o.speaker_id, osp.slug AS speaker_slug, osp.name AS speaker_name, osp.type AS speaker_type, o.text
  FROM statements o INDEXED BY statements_quote_id JOIN articles oa ON oa.id = o.article_id
  LEFT JOIN articles oc ON oc.id = oa.copy_of LEFT JOIN actors osp ON osp.id = o.speaker_id
  WHERE o.quote_id = q.id ORDER BY oa.published_at IS NULL, oa.published_at, o.id${limit === null ? '' : ` LIMIT ${limit}`}`;

/** Where each field of a Quote comes from: quotes q and its speaker sp; `limit` caps the occurrences listed. */
const quoteSql = (limit: number | null): SqlMap<QuoteT> => ({
  id: 'q.id',
  text: 'q.text',
  speaker: { $nullWhen: 'q.speaker_id IS NULL', id: 'sp.slug', name: 'sp.name', type: 'sp.type' },
  occurrences: 'q.statement_count',
  firstSeen: `(SELECT min(oa.published_at) FROM statements o INDEXED BY statements_quote_id
    JOIN articles oa ON oa.id = o.article_id WHERE o.quote_id = q.id)`,
  // each outlet once, in the order of its first occurrence
  outlets: `json((SELECT json_group_array(source) FROM (SELECT oa.source FROM statements o INDEXED BY statements_quote_id
    JOIN articles oa ON oa.id = o.article_id WHERE o.quote_id = q.id AND oa.source IS NOT NULL
    GROUP BY oa.source ORDER BY min(coalesce(oa.published_at, '9999')), min(o.id))))`,
  statements: {
    rows: occurrences(limit),
    alias: 'x',
    item: {
      id: 'x.id',
      articleId: 'x.slug',
      outlet: 'x.source',
      publishedAt: 'x.published_at',
      copyOf: 'x.copy_slug',
      speaker: {
        $nullWhen: 'x.speaker_id IS NULL',
        id: 'x.speaker_slug',
        name: 'x.speaker_name',
        type: 'x.speaker_type',
      },
      text: 'x.text',
    },
  },
});

/** The JSON expression of a quote over `quotes q LEFT JOIN actors sp ON sp.id = q.speaker_id` (see QUOTE_JOIN). */
export const quoteJsonSql = (limit: number | null) => jsonObjectSql(Quote, quoteSql(limit));

/** What a query of quotes' JSON joins, after the quotes table under the alias q. */
export const QUOTE_SPEAKER_JOIN = 'LEFT JOIN actors sp ON sp.id = q.speaker_id';
