// findQuotes: quotation spans with curly and straight marks, stray and missing closing marks, multi-paragraph quotes.

import t from 'tap';
import { findQuotes } from '../../src/extract/quotes.js';
import { tokenizeText } from '../../src/extract/nlp/doc.js';
import { createNlp } from '../../src/extract/nlp/wink.js';
import type { Span } from '../../src/extract/types.js';

const nlp = createNlp();

function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const p of text.split('\n\n')) {
    out.push({ start, end: start + p.length });
    start += p.length + 2;
  }
  return out;
}

/** Quote texts; a quote that follows ":", "," or "that" (or starts its sentence) may run to the paragraph end. */
function quotes(text: string) {
  const paras = paragraphs(text);
  const { sentences } = tokenizeText(nlp, text, paras);
  const sentenceEnd = (o: number) => sentences.find((s) => s.start <= o && o < s.end)?.end ?? o;
  const full = (o: number) => {
    const s = sentences.find((x) => x.start <= o && o < x.end)!;
    const before = text.slice(s.start, o).trimEnd();
    return !before || /[:,]$|\bthat$|\bsaid$/.test(before);
  };
  return findQuotes(text, paras, sentenceEnd, full).map((q) => ({ text: text.slice(q.start, q.end), unclosed: q.unclosed, continues: q.continues }));
}

t.test('curly and straight double quotes', async (t) => {
  t.same(quotes('“We are ready,” he said. She said, "No."').map((q) => q.text), ['We are ready,', 'No.']);
});

t.test('nested single quotes stay inside the double quote', async (t) => {
  t.same(quotes('He said: “They told us ‘never again’ and meant it.”').map((q) => q.text), ['They told us ‘never again’ and meant it.']);
});

t.test('a missing closing mark after an attribution closes at the paragraph end', async (t) => {
  t.same(quotes('She said that “the plan works. It will hold.\n\nNext paragraph.'), [{ text: 'the plan works. It will hold.', unclosed: true, continues: false }]);
});

t.test('a partial quote missing its closing mark closes with its sentence', async (t) => {
  t.same(quotes('He warned that the tests posed “a direct threat to the region. Others disagree.').map((q) => q.text), ['a direct threat to the region.']);
});

t.test('a stray opening mark with no words before the next quote is dropped', async (t) => {
  t.same(quotes('He said that “one theater.” “, and that “our security is global.”').map((q) => q.text), ['one theater.', 'our security is global.']);
});

t.test('a paragraph that opens with a quote continues an unclosed quote of the paragraph before', async (t) => {
  const got = quotes('He said: “The first part goes on\n\n“and the second part ends here.”');
  t.same(got, [
    { text: 'The first part goes on', unclosed: true, continues: false },
    { text: 'and the second part ends here.', unclosed: false, continues: true },
  ]);
});

t.test('apostrophes are not quotes; British single quotes are', async (t) => {
  t.same(quotes("Russia’s troops didn’t move."), []);
  t.same(quotes("‘We will fight on,’ the minister said.").map((q) => q.text), ['We will fight on,']);
});
