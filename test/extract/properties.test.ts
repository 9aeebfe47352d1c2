// Property-based tests (fast-check) over random and adversarial Unicode articles: extraction never throws, spans slice the stored body, ingest is repeatable.
// A fixed seed here; `npm run test:properties` runs many more cases (FC_RUNS, FC_SEED).

import t from 'tap';
import fc from 'fast-check';
import { extractArticle } from '../../src/extract/index.js';
import { ArticleFormatError } from '../../src/extract/parse.js';
import type { Extraction } from '../../src/extract/types.js';
import { Ingester } from '../../src/ingest/ingest.js';
import { submissionToFile } from '../../src/ingest/submission.js';
import { openInMemory, type DB } from '../../src/store/db.js';
import { articleRows } from '../dbcheck.js';
import { resources } from './helpers.js';

const SEED = Number(process.env.FC_SEED ?? 19);
const RUNS = Number(process.env.FC_RUNS ?? 300);
const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs, endOnFailure: true });

// ---------- the pieces articles are made of ----------

const SPACES = [' ', ' ', ' ', '\t', '\u00a0', '\u1680', '\u2000', '\u2002', '\u2003', '\u2007', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\u200b', '\ufeff', '\u0085', '\u000b', '\u000c', '\r', '\n', '\r\n', '\n\n', '\n \n'];
const MARKS = ['"', "'", '“', '”', '„', '‟', '«', '»', '‹', '›', '‘', '’', '‚', '‛', '「', '」', '『', '』', '〝', '〞', '＂', '＇', '❝', '❞', '(', ')', '[', ']', '—', '–', '-', '…', ':', ';', ',', '.', '?', '!', '/'];
const WORDS = [
  'said', 'says', 'told', 'reporters', 'according', 'to', 'warned', 'added', 'that', 'the', 'a', 'minister', 'spokesman', 'officials', 'police',
  'he', 'she', 'they', 'it', 'who', 'which', 'Mr', 'Dr.', 'Ms', 'President', 'Ana', 'Lima', 'Josep', 'Borrell', 'NATO', 'Russia', 'Moscow',
  'Monday', 'on Tuesday', 'last week', 'January 4, 2019', '2020-05-01', 'yesterday', 'in May', 'WASHINGTON (AP) —', 'Q:', 'A:', '((WN))',
  'Related News :', 'Advertisement', 'Statement from', 'Erdoğan', 'Łódź', 'Москва', 'القاهرة', '東京', 'e\u0301', '👩‍👩‍👧', '🇺🇦', '𝓊𝓃𝒾', 'ﬀ', 'İ', 'ß', '\u202eevil',
];
/** Lone surrogate halves: not in a UTF-8 file, but a JSON body can carry them ("\ud800"). */
const BROKEN = ['\ud800', '\udfff', 'a\ud83d', '\ude00b'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(...BROKEN) },
);
const text = (max: number) => fc.array(piece, { maxLength: max }).map((ps) => ps.join(''));

/** Anything: an article file made of pieces, or of random code units, in the file's shape or not. */
const anyArticle = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(text(6), text(12), fc.array(text(60), { minLength: 1, maxLength: 6 })).map(([source, title, paras]) => `${source}x\n\n${title}x\n\n${paras.join('\n\n')}x\n`) },
  { weight: 1, arbitrary: text(200) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
);

// ---------- what every extraction must satisfy ----------

function spanProblems(x: Extraction): string[] {
  const { body, title } = x.article;
  const out: string[] = [];
  const check = (what: string, start: number, end: number, expected: string, within: string) => {
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= within.length)) out.push(`${what} [${start}, ${end}) outside 0..${within.length}`);
    else if (within.slice(start, end) !== expected) out.push(`${what} [${start}, ${end}) slices ${JSON.stringify(within.slice(start, end))}, not ${JSON.stringify(expected)}`);
  };
  for (const s of x.statements) check('statement', s.span.start, s.span.end, s.text, body);
  for (const c of x.claims) check('claim', c.span.start, c.span.end, c.text, body);
  for (const m of x.mentions) check(`mention (${m.field})`, m.start, m.end, m.text, m.field === 'title' ? title : body);
  return out;
}

t.test('random and adversarial Unicode never makes extraction throw (only "not an article"), and every span slices its text', async (t) => {
  let extracted = 0;
  fc.assert(
    fc.property(anyArticle, fc.constantFrom(null, '2024-11-14'), (raw, published) => {
      let x: Extraction;
      try {
        x = extractArticle(raw, { published }, resources());
      } catch (err) {
        if (err instanceof ArticleFormatError) return;
        throw err;
      }
      extracted++;
      const problems = spanProblems(x);
      if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
    }),
    params(),
  );
  t.ok(extracted > RUNS / 2, `${extracted} of ${RUNS} were articles, the rest refused as not articles`);
});

// ---------- stored, and stored again ----------

interface Stored {
  db: DB;
  slug: string;
}

/** Ingests a submission as POST /v1/articles does (title and body fields), in this thread. */
function ingest(db: DB, title: string, body: string): Stored | null {
  let file;
  try {
    file = submissionToFile({ id: 'prop', title, body, published: '2024-11-14' });
  } catch {
    return null; // not an article (empty, no text after the headline): refused before extraction
  }
  new Ingester(db, resources()).ingest(file);
  return { db, slug: file.slug };
}

function storedSpanProblems({ db, slug }: Stored): string[] {
  const { id, body, title } = db.prepare('SELECT id, body, title FROM articles WHERE slug = ?').get(slug) as { id: number; body: string; title: string };
  const out: string[] = [];
  const rows = (table: string, extra = '') => db.prepare(`SELECT span_start AS start, span_end AS end, text${extra} FROM ${table} WHERE article_id = ?`).all(id) as { start: number; end: number; text: string; field?: string }[];
  for (const [table, extra] of [['statements', ''], ['claims', ''], ['mentions', ', field']] as const) {
    for (const r of rows(table, extra)) {
      const within = r.field === 'title' ? title : body;
      if (!(r.start >= 0 && r.start <= r.end && r.end <= within.length)) out.push(`${table}: [${r.start}, ${r.end}) outside 0..${within.length}`);
      else if (within.slice(r.start, r.end) !== r.text) out.push(`${table}: [${r.start}, ${r.end}) slices ${JSON.stringify(within.slice(r.start, r.end))}, not ${JSON.stringify(r.text)}`);
    }
  }
  return out;
}

const storedRows = (db: DB) => {
  const rows = articleRows(db);
  // when it was ingested is the one thing that differs between two runs
  for (const r of rows.values()) for (const a of r.article) delete a.ingested_at;
  return [...rows.values()];
};

t.test('stored: every span slices the stored body to its text; a second database gets the same ids and counts; forced re-extraction keeps them', async (t) => {
  let stored = 0;
  fc.assert(
    fc.property(text(12), fc.array(text(50), { minLength: 1, maxLength: 5 }), (title, paras) => {
      const body = paras.join('\n\n');
      const a = ingest(openInMemory(), title, body);
      if (!a) return;
      stored++;
      const problems = storedSpanProblems(a);
      if (problems.length) throw new Error(problems.slice(0, 3).join('; '));
      const b = ingest(openInMemory(), title, body)!;
      const rowsA = storedRows(a.db);
      t.same(storedRows(b.db), rowsA, 'the same rows, ids and counts in a second database');
      // again into the first: unchanged, then forced to extract again
      ingest(a.db, title, body);
      t.same(storedRows(a.db), rowsA, 'sending it again changes nothing');
      const file = submissionToFile({ id: 'prop', title, body, published: '2024-11-14' });
      new Ingester(a.db, resources()).ingest(file, true);
      const forced = storedRows(a.db);
      t.same(forced.map((r) => r.article), rowsA.map((r) => r.article), 'forced: the same article row and counts');
      t.same(forced.map((r) => r.actors), rowsA.map((r) => r.actors), 'forced: the same actor ids');
      t.same(forced.map((r) => r.statements.length), rowsA.map((r) => r.statements.length), 'forced: as many statements');
    }),
    params(Math.ceil(RUNS / 4)),
  );
  t.ok(stored > 0, `${stored} articles stored`);
});
