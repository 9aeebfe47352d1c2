// Splits an article file (source line, blank, headline, blank, paragraphs) into source, title and body.

import type { ParsedArticle, Span } from './types.js';

/** The text is not an article we can read; `reason` is shown to the user next to the file name. */
export class ArticleFormatError extends Error {
  constructor(public readonly reason: string) {
    super(reason);
    this.name = 'ArticleFormatError';
  }
}

// Blocks that end the story: everything from "Related News :" (and the headlines listed after it) is not article text.
const TERMINATOR = /^(?:related (?:news|articles|stories|posts)|read (?:more|also)|see also|more on this story)\s*:?/i;
// Trailing filler that outlets append: a lone dash or rule, "Advertisement", share prompts.
const FILLER = /^(?:[-–—_*•·|=~]+|advertisement|share this(?: article)?\s*:?.*)$/i;

const normaliseNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

export function parseArticle(raw: string): ParsedArticle {
  const text = normaliseNewlines(raw.replace(/^\uFEFF/, ''));
  if (!text.trim()) throw new ArticleFormatError('the file is empty');
  const blocks = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').trim())
    .filter((b) => b.length > 0);
  if (blocks.length < 2) throw new ArticleFormatError('no headline: expected a source line, a blank line, then the headline');
  const [sourceBlock, titleBlock, ...rest] = blocks;
  const source = sourceBlock.split('\n')[0].trim() || null;
  // A headline is one line; when the source block has more lines, the second is the headline.
  const title = titleBlock.replace(/\s*\n\s*/g, ' ').trim();
  const end = rest.findIndex((b) => TERMINATOR.test(b));
  if (end >= 0) rest.length = end;
  while (rest.length && FILLER.test(rest[rest.length - 1])) rest.pop();
  if (!rest.length) throw new ArticleFormatError('no article text after the headline');
  const paragraphs: Span[] = [];
  let body = '';
  for (const block of rest) {
    const para = block.replace(/[ \t]*\n[ \t]*/g, ' ');
    if (body) body += '\n\n';
    paragraphs.push({ start: body.length, end: body.length + para.length });
    body += para;
  }
  return { source, title, body, paragraphs };
}
