// Accent folding, the one way whosaid compares names and words: what FTS5's unicode61 tokenizer (remove_diacritics 2)
// does to a word, so a name typed without accents finds the one written with them.

/** Lower case with accents and other combining marks removed: "Agnès Callamard" → "agnes callamard". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
