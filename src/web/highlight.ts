// Splits an article body into paragraphs of runs, each run covered by the same statement and claims: what the article page marks.

export interface Marked {
  id: number;
  span: { start: number; end: number };
}

export interface Run {
  text: string;
  /** The innermost statement covering the run (a quotation inside reported speech is its own), or null. */
  statement: number | null;
  /** Set on the first run of each statement, where its anchor goes. */
  opens: boolean;
  /** Claims covering the run. */
  claims: number[];
}

export interface Paragraph {
  start: number;
  runs: Run[];
}

/** The paragraphs of a body: text separated by blank lines, as ingest writes them, with their offsets. */
export function paragraphsOf(body: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < body.length) out.push({ start, end: body.length });
  return out;
}

/**
 * The body's paragraphs cut at every span boundary. Spans may overlap (a claim inside a statement, a quotation inside
 * reported speech) or run over paragraphs (a quotation continued in the next one); a run belongs to the shortest
 * statement covering it. Spans outside the body are clipped, empty ones ignored.
 */
export function markBody(body: string, statements: Marked[], claims: Marked[]): Paragraph[] {
  const clip = (m: Marked) => ({
    id: m.id,
    start: Math.max(0, Math.min(m.span.start, body.length)),
    end: Math.max(0, Math.min(m.span.end, body.length)),
  });
  const st = statements.map(clip).filter((s) => s.end > s.start);
  const cl = claims.map(clip).filter((c) => c.end > c.start);
  const cuts = new Set<number>();
  for (const s of [...st, ...cl]) cuts.add(s.start).add(s.end);
  const opened = new Set<number>();

  return paragraphsOf(body).map(({ start, end }) => {
    const points = [start, ...[...cuts].filter((c) => c > start && c < end).sort((a, b) => a - b), end];
    const runs: Run[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const covering = st
        .filter((s) => s.start <= a && s.end >= b)
        .sort((x, y) => x.end - x.start - (y.end - y.start) || x.id - y.id);
      const statement = covering[0]?.id ?? null;
      const claimIds = cl.filter((c) => c.start <= a && c.end >= b).map((c) => c.id);
      const last = runs[runs.length - 1];
      if (last && last.statement === statement && last.claims.join() === claimIds.join()) {
        last.text += body.slice(a, b);
        continue;
      }
      const opens = statement !== null && !opened.has(statement);
      if (opens) opened.add(statement);
      runs.push({ text: body.slice(a, b), statement, opens, claims: claimIds });
    }
    return { start, runs };
  });
}
