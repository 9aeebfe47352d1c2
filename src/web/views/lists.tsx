// The plainer pages: search results, the articles, the topic tree and errors.

import type { ArticlesData, SearchData, TopicsData } from '../data.js';
import { actorUrl, articleUrl, queryString, statementsUrl, topicUrl } from '../urls.js';
import { CardList, CountList, humanDay, Pager } from './parts.js';
import { Layout } from './site.js';

export function SearchPage({ data }: { data: SearchData }) {
  const { q } = data;
  return (
    <Layout title={`Search: ${q}`} section="search" q={q}>
      <h1>
        Search: <q>{q}</q>
      </h1>
      <div class="columns">
        <section class="wide" aria-labelledby="found-statements-h">
          <h2 id="found-statements-h">Statements with these words</h2>
          <CardList cards={data.statements} empty="No statement has these words." />
          {data.moreStatements && (
            <p>
              <a href={statementsUrl({ q })}>Every statement with these words →</a>
            </p>
          )}
        </section>
        <div class="side">
          <section aria-labelledby="found-actors-h">
            <h2 id="found-actors-h">People and organisations</h2>
            {data.actors.length ? (
              <ul class="counts">
                {data.actors.map((a) => (
                  <li>
                    <a href={actorUrl(a.id)}>
                      <span class="name">{a.name}</span> <span class="count">{a.counts.statements}</span>
                    </a>{' '}
                    <span class="type">{a.role ?? a.type}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="empty">No name matches.</p>
            )}
          </section>
          <section aria-labelledby="found-topics-h">
            <h2 id="found-topics-h">Topics</h2>
            {data.topics.length ? (
              <CountList
                rows={data.topics.map((t) => ({ value: t.id, label: t.label, count: t.statements }))}
                href={(r) => topicUrl(r.value!)}
              />
            ) : (
              <p class="empty">No topic matches.</p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}

export function ArticlesPage({ data }: { data: ArticlesData }) {
  return (
    <Layout title="Articles" section="articles">
      <h1>Articles</h1>
      {data.articles.length ? (
        <ol class="article-list">
          {data.articles.map((a) => (
            <li>
              <h2>
                <a href={articleUrl(a.id)}>{a.title}</a>
              </h2>
              <p class="meta">
                {a.source ?? 'Unknown outlet'}
                {a.publishedAt && <> · {humanDay(a.publishedAt)}</>} · {a.counts.statements} statements,{' '}
                {a.counts.claims} claims, {a.counts.actors} actors
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p class="empty">No articles yet.</p>
      )}
      <Pager
        label="Pages of articles"
        first={data.cursor ? '/articles' : null}
        next={data.next ? `/articles${queryString({ cursor: data.next })}` : null}
      />
    </Layout>
  );
}

export function TopicsPage({ data }: { data: TopicsData }) {
  return (
    <Layout title="Topics" section="topics">
      <h1>Topics</h1>
      <p>IPTC Media Topics; counts include sub-topics.</p>
      <ul class="topic-tree">
        {data.topics.map(({ topic, children }) => (
          <li>
            <a href={topicUrl(topic.id)}>
              <span class="name">{topic.label}</span> <span class="count">{topic.statements}</span>
            </a>
            {children.length > 0 && (
              <CountList
                rows={children.map((c) => ({ value: c.id, label: c.label, count: c.statements }))}
                href={(r) => topicUrl(r.value!)}
              />
            )}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ErrorPage({ status, title, detail }: { status: number; title: string; detail: string }) {
  return (
    <Layout title={title} section={null}>
      <h1>{title}</h1>
      <p class="error-detail">{detail}</p>
      <p>
        <a href="/">Home</a> · <a href="/statements">Statements</a> <span class="status">(HTTP {status})</span>
      </p>
    </Layout>
  );
}
