// One statement: its words, speaker, cue, date and attribution, shown in its paragraph, with links to the article and the API.

import type { StatementData } from '../data.js';
import { actorUrl, articleUrl, statementsUrl, statementUrl } from '../urls.js';
import { colourClass, MarkedText } from './article.js';
import { humanDay, StatementDate, TopicTags, Words } from './parts.js';
import { Layout } from './site.js';

export function StatementPage({ data }: { data: StatementData }) {
  const { statement: s, article, speaker, claims, quote } = data;
  const name = s.speaker?.name ?? 'No speaker found';
  const speakers = [
    { id: s.speaker?.id ?? null, name, role: speaker?.role ?? null, colour: s.speaker ? 0 : -1, statements: 1 },
  ];
  return (
    <Layout title={`${name}: ${s.text.slice(0, 60)}`} section="statements">
      <header class="page-head">
        <p class="kicker">Statement {s.id}</p>
        <h1 class="statement-title">
          {s.speaker ? <a href={actorUrl(s.speaker.id)}>{name}</a> : name}
          {speaker?.role && <span class="role">, {speaker.role}</span>}
        </h1>
      </header>
      <blockquote class="big-quote">
        <p>
          <Words s={s} />
        </p>
      </blockquote>
      <section id={`st-${s.id}`} class={`statement-facts ${colourClass(speakers[0].colour)}`} aria-labelledby="facts-h">
        <h2 id="facts-h">What the extractor recorded</h2>
        <dl class="facts">
          <dt>Kind</dt>
          <dd>{s.kind === 'direct' ? 'quoted (direct)' : 'reported (indirect)'}</dd>
          <dt>Cue</dt>
          <dd class="cue">{s.cue ?? 'none'}</dd>
          <dt>Date</dt>
          <dd class="date">
            <StatementDate s={s} />
            {s.dateText && <> (“{s.dateText}”)</>}
          </dd>
          <dt>Rule</dt>
          <dd class="rule">{s.attribution.rule}</dd>
          <dt>Confidence</dt>
          <dd class="confidence">{s.attribution.confidence.toFixed(2)}</dd>
          <dt>Article</dt>
          <dd>
            <a href={articleUrl(article.id, s.id)}>{article.title}</a>
            {article.source && <> ({article.source}</>}
            {article.publishedAt && <>, {humanDay(article.publishedAt)}</>}
            {article.source && ')'}
          </dd>
          {s.mentions.length > 0 && (
            <>
              <dt>Mentions</dt>
              <dd>
                {s.mentions.map((m, i) => (
                  <>
                    {i > 0 && ', '}
                    <a href={actorUrl(m.id)}>{m.name}</a>
                  </>
                ))}
              </dd>
            </>
          )}
          {claims.length > 0 && (
            <>
              <dt>Claim</dt>
              <dd>{claims.map((c) => c.text).join(' · ')}</dd>
            </>
          )}
        </dl>
        <TopicTags topics={s.topics} />
      </section>
      {quote && <Occurrences quote={quote} statementId={s.id} />}
      <section class="context" aria-labelledby="context-h">
        <h2 id="context-h">In the article</h2>
        <div class="article-text">
          <MarkedText paragraphs={data.context} statements={[s]} claims={claims} speakers={speakers} />
        </div>
        <p>
          <a href={articleUrl(article.id, s.id)}>See it in the whole article →</a>
        </p>
      </section>
      <p class="api-links">
        More: {s.speaker && <a href={statementsUrl({ speaker: s.speaker.id })}>everything {name} said</a>}
        {s.speaker && ' · '}
        <a href={`/v1/statements/${s.id}`}>this statement in the API</a>
        {' · '}
        <a href={`/v1/quotes/${s.quoteId}`}>its quote in the API</a>
      </p>
    </Layout>
  );
}

/** Where the words appeared: the first outlet and date, then every occurrence (reprints and other reports). */
function Occurrences({ quote, statementId }: { quote: NonNullable<StatementData['quote']>; statementId: number }) {
  const first = quote.statements[0];
  const others = quote.occurrences - 1;
  return (
    <section class="occurrences" aria-labelledby="occurrences-h">
      <h2 id="occurrences-h">Where it appeared</h2>
      <p class="first-seen">
        {others === 0 ? 'Only in this article' : `In ${quote.occurrences} articles`}
        {first?.outlet && (
          <>
            ; first in <strong>{first.outlet}</strong>
          </>
        )}
        {quote.firstSeen && <>, {humanDay(quote.firstSeen)}</>}.
      </p>
      {others > 0 && (
        <ol class="occurrence-list">
          {quote.statements.map((o) => (
            <li>
              {o.id === statementId ? (
                <span aria-current="true">{o.outlet ?? o.articleId} (this one)</span>
              ) : (
                <a href={statementUrl(o.id)}>{o.outlet ?? o.articleId}</a>
              )}
              {o.publishedAt && <>, {humanDay(o.publishedAt)}</>}
              {o.copyOf && ' (wire copy)'}
              {o.speaker && o.speaker.id !== quote.speaker?.id && <> (says: {o.speaker.name})</>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
