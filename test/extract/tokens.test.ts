// tokenize gives exactly the tokens of the plain regex tokenizer it replaced (one TOKEN_RE match at a time): real articles and random text.

import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LEXICON, TOKEN_RE, lower } from '../../src/extract/lexicon.js';
import { tokenize, type Token } from '../../src/extract/tokens.js';
import { SEED } from '../helpers.js';
import { Prng } from '../prng.js';

// The tokenizer as it was before it scanned ASCII by hand: every token from TOKEN_RE, every test a regex.
const CAP = /^\p{Lu}/u;
const WORD = /^[\p{L}\p{N}]/u;
const POSSESSIVE = /^(.+?)(['’]s)$/u;
const DOTTED = /^(?:\p{L}\.)+$/u;
function referenceTokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  const push = (tok: string, start: number) =>
    out.push({ text: tok, lower: lower(tok), start, end: start + tok.length, cap: CAP.test(tok), word: WORD.test(tok), quoted: false });
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tok = m[0];
    const start = base + m.index;
    const poss = tok.length > 2 && !DOTTED.test(tok) ? POSSESSIVE.exec(tok) : null;
    if (tok.includes('-') && splitsIntoNames(tok)) {
      let at = start;
      for (const part of tok.split(/(-)/)) {
        if (part) push(part, at);
        at += part.length;
      }
    } else if (poss) {
      push(poss[1], start);
      push(poss[2], start + poss[1].length);
    } else push(tok, start);
  }
  return out;
}
function splitsIntoNames(tok: string): boolean {
  if (LEXICON.gazetteer.has(lower(tok))) return false;
  return tok.split('-').some((p) => CAP.test(p) && (LEXICON.gazetteer.get(lower(p)) ?? []).some((e) => e.tokens.length === 1));
}

t.test('the same tokens as the regex tokenizer on real articles and on tricky text', async (t) => {
  const texts = [
    'The U.S.-based firm’s CEO, Ana-María O’Neil, said: “We’ll see.” e.g. A.B.C. U.S. a.m. 3.5% Jan. 5 ... -- &amp; R&D',
    'café naïve Zoë coöperate São Paulo İstanbul straße résumé 𝐀𝐁 ℌ x\u0301y a\u00a0b\u2009c\u3000d \u200bzero Israeli-Cypriot anti-Western',
    "don't don’t rock'n'roll 'quoted' ’tis ol’ 1990s 9/11 COVID-19 2,000 $5 #tag @user e-mail x.y.z. A. B. Trump's Jones’s it's",
  ];
  const wikinews = join(dirname(SEED), '..', '..', '..', 'shared', 'corpus', 'wikinews');
  const dirs = [dirname(SEED), wikinews];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.txt'));
    } catch {
      continue; // the shared corpus is not part of a clone
    }
    for (const n of names) texts.push(readFileSync(join(dir, n), 'utf8'));
  }
  let chars = 0;
  for (const text of texts) {
    t.same(tokenize(text, 7), referenceTokenize(text, 7), text.slice(0, 40));
    chars += text.length;
  }
  t.comment(`${texts.length} texts, ${chars} characters`);
});

t.test('tokenize leaves TOKEN_RE as it found it: matchAll, used on it elsewhere, starts from its lastIndex', async (t) => {
  tokenize('Ana María said “yes” in São Paulo');
  t.equal(TOKEN_RE.lastIndex, 0);
});

t.test('the same tokens on random text mixing ASCII with letters, marks, spaces and quotes beyond it', async (t) => {
  const rng = new Prng(20261129);
  const pieces = ['a', 'Z', 'q', '7', '0', '.', '.', '-', '&', "'", '’', ' ', '\n', '\t', ',', '"', '“', '”', 'é', 'É', '\u0301', '\u00a0', '\u2009', 'ß', '𝐀', '\ud800', 'ǅ', '٣', '—', '(', 's', 'S', 'U.S.', 'e.g.', 'Israel', 'Paris'];
  let differ = 0;
  for (let i = 0; i < 5000; i++) {
    let text = '';
    for (let k = rng.int(1, 40); k > 0; k--) text += rng.pick(pieces);
    const got = tokenize(text);
    const want = referenceTokenize(text);
    if (JSON.stringify(got) !== JSON.stringify(want) && ++differ <= 3) t.same(got, want, JSON.stringify(text));
  }
  t.equal(differ, 0, 'no random text tokenizes differently');
});
