// Name normalisation shared by writing and looking up actors: slugs for ids, lookup keys for aliases.

import { foldAccents } from '../common/fold.js';

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame|the)$/;

/** Lower case, accents and punctuation removed, possessive dropped: "Mr. Borrell’s" → "borrell". */
export function normName(name: string): string {
  const words = foldAccents(name)
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && HONORIFIC.test(words[0])) words.shift();
  return words.join(' ');
}

/** A readable URL-safe id: "Mark Rutte" → "mark-rutte", "Agnès Callamard" → "agnes-callamard". */
export function slugify(text: string, maxLength = 80): string {
  const slug = normName(text).replace(/ /g, '-').slice(0, maxLength).replace(/-+$/, '');
  return slug || 'x';
}
