// Pieces several pages share: quote cards, dates, topic tags, facet lists, pagers and the timeline chart.

import type { ComponentChildren } from 'preact';
import type { StatementT } from '../../contract/statement.js';
import type { FacetRow } from '../../contract/store.js';
import type { Card, Scope } from '../data.js';
import { PERIODS, type Period, type Timeline } from '../timeline.js';
import { actorUrl, articleUrl, statementUrl, topicUrl } from '../urls.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "13 Nov 2024" from YYYY-MM-DD; "Nov 2024" and "2024" from the shorter forms. */
export function humanDay(day: string): string {
  const [y, m, d] = day.split('-');
  if (!m) return y;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A statement's date as precise as the text gave it: a week by its Monday, a month, a year. */
export function StatementDate({ s }: { s: Pick<StatementT, 'date' | 'datePrecision' | 'dateText'> }) {
  if (!s.date) return <span class="undated">undated</span>;
  const shown =
    s.datePrecision === 'year'
      ? s.date.slice(0, 4)
      : s.datePrecision === 'month'
        ? humanDay(s.date.slice(0, 7))
        : s.datePrecision === 'week'
          ? `week of ${humanDay(s.date)}`
          : humanDay(s.date);
  return (
    <time
      datetime={
        s.datePrecision === 'year' ? s.date.slice(0, 4) : s.datePrecision === 'month' ? s.date.slice(0, 7) : s.date
      }
      title={s.dateText ? `“${s.dateText}” in the text` : undefined}
    >
      {shown}
    </time>
  );
}

export function TopicTags({ topics }: { topics: { id: string; label: string }[] }) {
  if (!topics.length) return null;
  return (
    <ul class="tags" aria-label="Topics">
      {topics.map((t) => (
        <li>
          <a href={topicUrl(t.id)}>{t.label}</a>
        </li>
      ))}
    </ul>
  );
}

/** The words of a statement: in quotation marks when direct, as reported speech otherwise. */
export function Words({ s }: { s: Pick<StatementT, 'kind' | 'text'> }) {
  return s.kind === 'direct' ? <>“{s.text}”</> : <>…{s.text}…</>;
}

export function QuoteCard({ card, headingLevel = 3 }: { card: Card; headingLevel?: 2 | 3 }) {
  const { statement: s, speaker, article } = card;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article class={`card ${s.kind}`}>
      <Heading class="who">
        {s.speaker ? (
          <a href={actorUrl(s.speaker.id)}>{s.speaker.name}</a>
        ) : (
          <span class="nobody">No speaker found</span>
        )}
        {speaker?.role && <span class="role">, {speaker.role}</span>}
      </Heading>
      <blockquote>
        <p>
          <a href={statementUrl(s.id)} class="words">
            <Words s={s} />
          </a>
        </p>
      </blockquote>
      <p class="meta">
        <span class="kind">{s.kind === 'direct' ? 'quoted' : 'reported'}</span>
        {s.cue && <> · “{s.cue}”</>} · <StatementDate s={s} /> ·{' '}
        <a href={articleUrl(s.articleId, s.id)}>{article?.title ?? s.articleId}</a>
        {article?.source && <span class="source"> ({article.source})</span>}
      </p>
      <TopicTags topics={s.topics} />
    </article>
  );
}

export function CardList({ cards, empty }: { cards: Card[]; empty: ComponentChildren }) {
  if (!cards.length) return <p class="empty">{empty}</p>;
  return (
    <ol class="cards">
      {cards.map((c) => (
        <li>
          <QuoteCard card={c} />
        </li>
      ))}
    </ol>
  );
}

/** Says when counts cover only the most recent matches. */
export function ScopeNote({ scope, what }: { scope: Scope; what: string }) {
  if (scope.complete) return null;
  return (
    <p class="note-scope">
      {what} count the most recent {scope.counted.toLocaleString('en-US')} matching statements; narrow the filters for
      exact counts.
    </p>
  );
}

/** Names with counts, each a link (to narrow a list, or to a page). */
export function CountList({
  rows,
  href,
  label,
}: {
  rows: FacetRow[];
  href: (r: FacetRow) => string;
  label?: (r: FacetRow) => string;
}) {
  return (
    <ul class="counts">
      {rows.map((r) => (
        <li>
          <a href={href(r)}>
            <span class="name">{label ? label(r) : (r.label ?? r.value ?? 'none')}</span>{' '}
            <span class="count">{r.count.toLocaleString('en-US')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Pager({ first, next, label }: { first: string | null; next: string | null; label: string }) {
  if (!first && !next) return null;
  return (
    <nav class="pager" aria-label={label}>
      {first && (
        <a href={first} rel="first">
          ← First page
        </a>
      )}
      {next && (
        <a href={next} rel="next">
          Next page →
        </a>
      )}
    </nav>
  );
}

const PERIOD_WORDS: Record<Period, string> = { week: 'week', month: 'month', year: 'year' };

/**
 * Statements over time: a stacked bar chart drawn by Chart.js (the page's only script), over a table with the same
 * numbers, which is what a reader without JavaScript or with a screen reader gets.
 */
export function TimelineChart({
  timeline,
  scope,
  title,
  periodHref,
}: {
  timeline: Timeline | null;
  scope: Scope;
  title: string;
  periodHref: (p: Period) => string;
}) {
  if (!timeline) return <p class="empty">No dated statements to chart.</p>;
  const caption = `${title} per ${PERIOD_WORDS[timeline.period]}, by topic`;
  const data = JSON.stringify({
    labels: timeline.labels,
    series: timeline.series.map((s) => ({ label: s.label, counts: s.counts })),
  });
  return (
    <figure class="chart">
      <figcaption>
        {caption}
        {timeline.requested && <> (a {timeline.requested} would give too many bars)</>}
      </figcaption>
      {timeline.leftOut > 0 && (
        <p class="hint">
          {timeline.leftOut} {timeline.leftOut === 1 ? 'statement is' : 'statements are'} dated far from the others (an
          event long before, say) and left out of the chart.
        </p>
      )}
      <p class="periods">
        Per{' '}
        {PERIODS.map((p, i) => (
          <>
            {i > 0 && ' · '}
            {p === timeline.period ? <strong aria-current="true">{p}</strong> : <a href={periodHref(p)}>{p}</a>}
          </>
        ))}
      </p>
      <div class="chart-box">
        <canvas
          data-chart={data}
          role="img"
          aria-label={`${caption}: ${timeline.total} statements from ${timeline.labels[0]} to ${timeline.labels[timeline.labels.length - 1]}; the numbers are in the table that follows.`}
        />
      </div>
      <noscript>
        <p>The chart needs JavaScript; the table has the same numbers.</p>
      </noscript>
      <ScopeNote scope={scope} what="The chart and its table" />
      <details>
        <summary>The numbers</summary>
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{PERIOD_WORDS[timeline.period]}</th>
                {timeline.series.map((s) => (
                  <th scope="col">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {timeline.labels.map((label, i) =>
                timeline.series.some((s) => s.counts[i] > 0) ? (
                  <tr>
                    <th scope="row">{timeline.period === 'week' ? `week of ${humanDay(label)}` : humanDay(label)}</th>
                    {timeline.series.map((s) => (
                      <td>{s.counts[i]}</td>
                    ))}
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
