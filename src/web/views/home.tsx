// Home: one search box, the latest statements, the most quoted speakers of the last 30 days of data, and the topics.

import type { HomeData } from '../data.js';
import { actorUrl, statementsUrl, topicUrl } from '../urls.js';
import { CardList, CountList, humanDay, ScopeNote } from './parts.js';
import { Layout } from './site.js';

export function HomePage({ data }: { data: HomeData }) {
  const { counts, window } = data;
  return (
    <Layout title="Who said what" section="home">
      <section class="hero" aria-labelledby="home-h">
        <h1 id="home-h">Who said what, when, about whom</h1>
        <p>
          {counts.statements.toLocaleString('en-US')} statements from {counts.articles.toLocaleString('en-US')}{' '}
          articles, with their speakers, dates and topics.
        </p>
        <form role="search" action="/search" method="get" class="big-search">
          <label for="home-q">Search words said, or find a person, organisation or topic by name</label>
          <div class="field-row">
            <input
              id="home-q"
              name="q"
              type="search"
              list="home-suggestions"
              autocomplete="off"
              placeholder="e.g. Rutte, climate, “global problem”"
            />
            <button type="submit">Search</button>
          </div>
          <datalist id="home-suggestions">
            {data.topSpeakers.map((s) => (
              <option value={s.label ?? ''} />
            ))}
            {data.topics.map((t) => (
              <option value={t.label} />
            ))}
          </datalist>
        </form>
      </section>
      <div class="columns">
        <section aria-labelledby="latest-h" class="wide">
          <h2 id="latest-h">Latest statements</h2>
          <CardList cards={data.latest} empty="No statements yet: ingest some articles (npm run ingest)." />
          <p>
            <a href={statementsUrl({})}>All statements, with filters →</a>
          </p>
        </section>
        <div class="side">
          <section aria-labelledby="top-h">
            <h2 id="top-h">Most quoted</h2>
            {window ? (
              <>
                <p class="hint">
                  From {humanDay(window.from)} to {humanDay(window.to)}, the last 30 days of data.
                </p>
                <CountList rows={data.topSpeakers} href={(r) => actorUrl(r.value!)} />
                <ScopeNote scope={data.topSpeakersScope} what="These counts" />
                <p>
                  <a href={statementsUrl({ from: window.from, to: window.to })}>Their statements →</a>
                </p>
              </>
            ) : (
              <p class="empty">No dated articles yet.</p>
            )}
          </section>
          <section aria-labelledby="topics-h">
            <h2 id="topics-h">Topics</h2>
            <CountList
              rows={data.topics.map((t) => ({ value: t.id, label: t.label, count: t.statements }))}
              href={(r) => topicUrl(r.value!)}
            />
            <p>
              <a href="/topics">Every topic →</a>
            </p>
          </section>
        </div>
      </div>
    </Layout>
  );
}
