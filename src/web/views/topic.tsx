// A topic: its sub-topics, a chart of its statements over time by sub-topic, its speakers and its newest statements.

import type { TopicData } from '../data.js';
import { actorUrl, statementsUrl, topicUrl } from '../urls.js';
import { CardList, CountList, TimelineChart } from './parts.js';
import { Layout } from './site.js';

export function TopicPage({ data }: { data: TopicData }) {
  const { topic, parent } = data;
  const children = data.children.filter((c) => c.statements > 0);
  return (
    <Layout title={topic.label} section="topics" chart={data.timeline !== null}>
      <header class="page-head">
        <p class="kicker">
          Topic{' '}
          {parent && (
            <>
              in <a href={topicUrl(parent.id)}>{parent.label}</a>
            </>
          )}{' '}
          · IPTC {topic.iptc}
        </p>
        <h1>{topic.label}</h1>
        <ul class="stats">
          <li>
            <a href={statementsUrl({ topic: topic.id })}>
              <strong>{topic.counts.statements.toLocaleString('en-US')}</strong> statements
            </a>
          </li>
          <li>
            <strong>{topic.counts.claims.toLocaleString('en-US')}</strong> claims
          </li>
        </ul>
      </header>
      <section aria-labelledby="time-h">
        <h2 id="time-h">Statements over time</h2>
        <TimelineChart
          timeline={data.timeline}
          scope={data.scope}
          title={`Statements on ${topic.label}`}
          periodHref={(p) => `${topicUrl(topic.id)}?period=${p}`}
        />
      </section>
      <div class="columns">
        <section class="wide" aria-labelledby="said-h">
          <h2 id="said-h">Newest statements</h2>
          <CardList cards={data.newest} empty="No statement is filed under this topic." />
          {topic.counts.statements > data.newest.length && (
            <p>
              <a href={statementsUrl({ topic: topic.id })}>
                All {topic.counts.statements.toLocaleString('en-US')} statements →
              </a>
            </p>
          )}
        </section>
        <div class="side">
          <section aria-labelledby="sub-h">
            <h2 id="sub-h">Sub-topics</h2>
            {children.length ? (
              <CountList
                rows={children.map((c) => ({ value: c.id, label: c.label, count: c.statements }))}
                href={(r) => topicUrl(r.value!)}
              />
            ) : (
              <p class="empty">
                None with statements{data.children.length ? ` (${data.children.length} without)` : ''}.
              </p>
            )}
          </section>
          <section aria-labelledby="speakers-h">
            <h2 id="speakers-h">Its speakers</h2>
            {data.speakers.length ? (
              <CountList rows={data.speakers} href={(r) => actorUrl(r.value!)} />
            ) : (
              <p class="empty">None yet.</p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}
