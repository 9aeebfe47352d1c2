// parseArticle: source, headline and body with boilerplate removed.

import t from 'tap';
import { ArticleFormatError, parseArticle } from '../../src/extract/parse.js';

t.test('splits source, headline and paragraphs', async (t) => {
  const a = parseArticle('Wire\r\n\r\nHeadline here\r\n\r\nFirst para\nwraps.\r\n\r\n\r\nSecond para.\n\n-\n\nRelated News :\n\nOther headline\n');
  t.same(a, {
    source: 'Wire',
    title: 'Headline here',
    body: 'First para wraps.\n\nSecond para.',
    paragraphs: [{ start: 0, end: 17 }, { start: 19, end: 31 }],
  });
});

t.test('rejects empty, headline-only and header-only files with a reason', async (t) => {
  t.throws(() => parseArticle('  \n\n '), new ArticleFormatError('the file is empty'));
  t.throws(() => parseArticle('Wire\n'), { name: 'ArticleFormatError', message: /no headline/ });
  t.throws(() => parseArticle('Wire\n\nJust a headline\n'), { name: 'ArticleFormatError', message: /no article text/ });
  t.throws(() => parseArticle('Wire\n\nHeadline\n\n-\n\nRelated News :'), { name: 'ArticleFormatError', message: /no article text/ });
});
