// Test helpers for extraction: build an article from body text and read results back by name.

import { extractArticle, loadResources, type Resources } from '../../src/extract/index.js';
import type { Extraction } from '../../src/extract/types.js';

let shared: Resources | undefined;
/** The tagger, word lists and trained models, loaded once per test file. */
export const resources = () => (shared ??= loadResources());

/** Extracts an article made of a source line, a headline and the given paragraphs. */
export function extract(body: string, published: string | null = '2024-11-14', title = 'A headline about talks'): Extraction {
  return extractArticle(`Test Wire\n\n${title}\n\n${body}\n`, { published }, resources());
}

export const nameOf = (x: Extraction, key: string | null) => (key === null ? null : x.actors.find((a) => a.key === key)?.name ?? `?${key}`);

/** Statements as [speaker name, kind, cue, text]: whole values, compact enough to compare. */
export const said = (x: Extraction) => x.statements.map((s) => [nameOf(x, s.speakerKey), s.kind, s.cue, s.text]);

/** Statements as [speaker name, text, date, precision]. */
export const dated = (x: Extraction) => x.statements.map((s) => [nameOf(x, s.speakerKey), s.text, s.date.date, s.date.precision]);

/** Claims as [claimant name, text, statement index]. */
export const claimed = (x: Extraction) => x.claims.map((c) => [nameOf(x, c.claimantKey), c.text, c.statementIndex]);

export const actor = (x: Extraction, name: string) => x.actors.find((a) => a.name === name);
