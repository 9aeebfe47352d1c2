// Hostile article shapes (unclosed quotations, runs of capitals, chains of appositives, ...) at any size, for the benchmark and tests.

import { Rng } from './random.js';

/**
 * The shapes an attacker or an unlucky feed can send. Each is deterministic for its size, so a benchmark run at
 * 10 KB, 100 KB and 1 MB compares like with like; `real` is real article text, the yardstick the others are read
 * against.
 */
export const SHAPES = [
  'real',
  'unclosed-quote',
  'quote-marks',
  'nested-quotes',
  'capitals',
  'appositives',
  'cues',
  'speakers',
  'dates',
  'long-paragraph',
  'many-paragraphs',
  'interview',
  'long-word',
  'unicode',
] as const;
export type Shape = (typeof SHAPES)[number];

export const SHAPE_NOTES: Record<Shape, string> = {
  real: 'real articles (corpus/train) one after another',
  'unclosed-quote': 'every paragraph opens a quotation that is never closed',
  'quote-marks': 'the "a said “b ... text of issue 19: quotation marks of every kind, no sentence end',
  'nested-quotes': 'quotes in quotes in quotes, as deep as the size allows, then closed',
  capitals: 'capitalised words without punctuation',
  appositives: '"Ann Lee, the minister of ..., Tom Okafor, ..." with no full stop',
  cues: 'speakers and verbs of saying in one endless sentence',
  speakers: 'thousands of distinct people quoted, then pronouns for them',
  dates: 'dates and weekdays in one endless sentence',
  'long-paragraph': 'real sentences in one paragraph (100,000 words at 600 KB)',
  'many-paragraphs': 'one short sentence per paragraph (20,000 paragraphs at 1 MB)',
  interview: 'a transcript of thousands of turns by thousands of different people',
  'long-word': 'one word with no space in it',
  unicode: 'every kind of Unicode space, quotation mark, dash, combining mark, emoji and script',
};

/** The article file (source line, blank, headline, blank, paragraphs) of a shape, about `bytes` UTF-8 bytes long. */
export function hostileArticle(shape: Shape, bytes: number, realParagraphs: readonly string[] = []): string {
  const rng = new Rng(0x19 + SHAPES.indexOf(shape));
  const head = `Hostile ${shape}\n\nHostile text: ${shape}\n\n`;
  const body = new Body(bytes - Buffer.byteLength(head));
  BUILDERS[shape](body, rng, realParagraphs);
  return head + body.text() + '\n';
}

/** A body built up to a byte size: words into the current paragraph, paragraphs separated by blank lines. */
class Body {
  private readonly paras: string[][] = [[]];
  private size = 0;

  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.size >= this.limit;
  }

  /** Appends to the current paragraph; false once the body is full. */
  add(s: string): boolean {
    if (this.full) return false;
    this.paras[this.paras.length - 1].push(s);
    this.size += Buffer.byteLength(s);
    return !this.full;
  }

  paragraph(): void {
    if (this.paras[this.paras.length - 1].length) {
      this.paras.push([]);
      this.size += 2;
    }
  }

  text(): string {
    return this.paras.map((p) => p.join('')).filter((p) => p.trim()).join('\n\n');
  }
}

const GIVEN = ['Ann', 'Tom', 'Maria', 'Josep', 'Li', 'Fatima', 'Sergei', 'Amara', 'John', 'Ingrid', 'Kofi', 'Yuki'];
const FAMILY = ['Lee', 'Okafor', 'Borrell', 'Smith', 'Haddad', 'Lavrov', 'Nakamura', 'Silva', 'Novak', 'Mensah', 'Weber', 'Patel'];
const OFFICES = ['the minister of Foreign Affairs', 'the deputy mayor of Lagos', 'a spokesman for the ministry', 'the head of the Red Cross', 'chairman of the Central Bank', 'the president of the union'];
const CUES = ['said', 'told reporters', 'according to', 'warned', 'added', 'called for', 'insisted', 'noted'];
const WORDS = ['the', 'river', 'will', 'rise', 'by', 'Friday', 'and', 'government', 'plans', 'to', 'spend', 'more', 'on', 'schools', 'in', 'city'];

/** A made-up name word of two or three syllables: distinct people without end. */
function nameWord(rng: Rng): string {
  const syl = ['ka', 'lo', 'mi', 'ren', 'do', 'sa', 'vi', 'tor', 'an', 'el', 'us', 'ber', 'na', 'qui', 'zo'];
  let w = '';
  for (let n = rng.between(2, 3); n > 0; n--) w += rng.pick(syl);
  return w[0].toUpperCase() + w.slice(1);
}

/** Real text with its quotation marks taken out, for shapes that add their own. */
const unquoted = (p: string) => p.replace(/["“”„«»‘’']/g, '');

function* cycle(paragraphs: readonly string[]): Generator<string> {
  if (!paragraphs.length) throw new Error('this shape needs real paragraphs (corpus/train)');
  for (;;) yield* paragraphs;
}

const BUILDERS: Record<Shape, (b: Body, rng: Rng, real: readonly string[]) => void> = {
  real(b, _rng, real) {
    for (const p of cycle(real)) {
      if (!b.add(p)) break;
      b.paragraph();
    }
  },
  'unclosed-quote'(b, _rng, real) {
    const paras = cycle(real);
    b.add('The minister said: “');
    while (!b.full) {
      let p = '';
      while (p.length < 1500) p += unquoted(paras.next().value!) + ' ';
      if (!b.add(p.trim())) break;
      b.paragraph();
      b.add('“');
    }
  },
  'quote-marks'(b, rng) {
    const marks = ['"', '“', '”', '„', '«', '»', '‘', '’', "'"];
    while (b.add(`"a said “b `)) {
      if (rng.chance(0.3)) b.add(`${rng.pick(marks)}${rng.pick(GIVEN)} ${rng.pick(CUES)} ${rng.pick(marks)}${rng.pick(WORDS)} `);
    }
  },
  'nested-quotes'(b, rng) {
    // depth as large as half the size allows; the other half closes them
    const opens: string[] = [];
    while (b.add(`${rng.pick(GIVEN)} said ${opens.length % 2 ? '‘' : '“'}${rng.pick(WORDS)} `) && opens.length < b.limit / 40) opens.push(opens.length % 2 ? '’' : '”');
    while (opens.length && b.add(`${rng.pick(WORDS)}${opens.pop()} `));
    while (b.add(`${rng.pick(WORDS)} `));
  },
  capitals(b, rng) {
    while (b.add(`${rng.chance(0.2) ? rng.pick(GIVEN) : nameWord(rng)} `));
  },
  appositives(b, rng) {
    while (b.add(`${rng.pick(GIVEN)} ${rng.pick(FAMILY)}, ${rng.pick(OFFICES)}, `)) if (rng.chance(0.1)) b.add(`${rng.pick(CUES)} `);
  },
  cues(b, rng) {
    while (b.add(`${rng.pick(GIVEN)} ${rng.pick(FAMILY)} ${rng.pick(CUES)} ${rng.chance(0.5) ? 'that ' : ''}`));
  },
  speakers(b, rng) {
    while (!b.full) {
      const name = `${nameWord(rng)} ${nameWord(rng)}`;
      b.add(`“The ${rng.pick(WORDS)} will ${rng.pick(WORDS)},” ${name} said. `);
      b.add(`${rng.pick(['He', 'She', 'They', 'It'])} said the ${rng.pick(WORDS)} was ${rng.pick(WORDS)}. `);
      if (rng.chance(0.2)) b.paragraph();
    }
  },
  dates(b, rng) {
    const days = ['Monday', 'on Tuesday', 'last Friday', 'January 4, 2019', '4 March 2021', 'next week', 'yesterday', '2020-05-01', 'in May', 'two days ago'];
    while (b.add(`${rng.pick(GIVEN)} said ${rng.pick(days)} ${rng.chance(0.5) ? 'and ' : ', '}`));
  },
  'long-paragraph'(b, _rng, real) {
    for (const p of cycle(real)) if (!b.add(`${p} `)) break;
  },
  'many-paragraphs'(b, rng) {
    while (!b.full) {
      b.add(rng.chance(0.5) ? `“We will ${rng.pick(WORDS)},” ${rng.pick(GIVEN)} ${rng.pick(FAMILY)} said.` : `${rng.pick(GIVEN)} said the ${rng.pick(WORDS)} would rise.`);
      b.paragraph();
    }
  },
  interview(b, rng) {
    while (!b.full) {
      b.add(`Q: Why did the ${rng.pick(WORDS)} ${rng.pick(WORDS)}?`);
      b.paragraph();
      b.add(`${nameWord(rng)} ${nameWord(rng)}: We will ${rng.pick(WORDS)} the ${rng.pick(WORDS)} by Friday.`);
      b.paragraph();
    }
  },
  'long-word'(b, rng) {
    b.add('He said ');
    while (b.add(rng.pick(['ab', 'Cd', 'ef', 'g-', 'h.']).repeat(50)));
  },
  unicode(b, rng) {
    const spaces = [' ', '\t', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u200b', '\ufeff', '\u0085', '\u000b', '\u000c'];
    const marks = ['"', "'", '“', '”', '„', '‟', '«', '»', '‹', '›', '‘', '’', '‚', '‛', '「', '」', '『', '』', '〝', '〞', '＂', '＇', '❝', '❞'];
    const bits = ['Erdoğan', 'Łódź', 'Ἀθῆναι', 'Москва', 'القاهرة', 'ירושלים', '東京', '서울', 'नई दिल्ली', 'e\u0301\u0301\u0301', '👩‍👩‍👧', '🇺🇦', '𝓊𝓃𝒾𝒸ℴ𝒹ℯ', 'ﬀ', 'İ', 'ß', '\u202eevil', '—', '–', '…', 'said', 'Ann', 'Lee', 'the', 'minister', '.', ',', ':', '(', ')'];
    while (b.add(`${rng.chance(0.15) ? rng.pick(marks) : ''}${rng.pick(bits)}${rng.chance(0.15) ? rng.pick(marks) : ''}${rng.pick(spaces)}`)) if (rng.chance(0.01)) b.paragraph();
  },
};
