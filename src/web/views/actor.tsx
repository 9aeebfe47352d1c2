// An actor: who they are, a chart of their statements over time, what they said, who mentions them, who they appear with.

import type { ActorData } from '../data.js';
import { actorUrl, queryString, statementsUrl } from '../urls.js';
import { CardList, CountList, TimelineChart } from './parts.js';
import { Layout } from './site.js';

const TYPE_WORDS = {
  person: 'Person',
  organization: 'Organisation',
  country: 'Country',
  group: 'Group',
  place: 'Place',
  other: 'Actor',
} as const;

export function ActorPage({ data }: { data: ActorData }) {
  const { actor } = data;
  return (
    <Layout title={actor.name} section={null} chart={data.timeline !== null}>
      <header class="page-head">
        <p class="kicker">{TYPE_WORDS[actor.type]}</p>
        <h1>{actor.name}</h1>
        {(actor.role || actor.affiliation) && (
          <p class="role-line">
            {actor.role}
            {actor.role && actor.affiliation && ', '}
            {actor.affiliation && <a href={actorUrl(actor.affiliation.id)}>{actor.affiliation.name}</a>}
          </p>
        )}
        {actor.aliases.length > 0 && (
          <p class="aliases">
            Also written:{' '}
            {actor.aliases.map((a, i) => (
              <>
                {i > 0 && ', '}
                <span class="alias">{a}</span>
              </>
            ))}
          </p>
        )}
        <ul class="stats">
          <li>
            <a href={statementsUrl({ speaker: actor.id })}>
              <strong>{actor.counts.statements.toLocaleString('en-US')}</strong> statements
            </a>
          </li>
          <li>
            <a href={`/v1/claims${queryString({ claimant: actor.id })}`}>
              <strong>{actor.counts.claims.toLocaleString('en-US')}</strong> claims
            </a>
          </li>
          <li>
            <a href={statementsUrl({ actor: actor.id })}>
              <strong>{actor.counts.mentions.toLocaleString('en-US')}</strong> mentions
            </a>
          </li>
        </ul>
      </header>
      <section aria-labelledby="time-h">
        <h2 id="time-h">Statements over time</h2>
        <TimelineChart
          timeline={data.timeline}
          scope={data.scope}
          title={`Statements by ${actor.name}`}
          periodHref={(p) => `${actorUrl(actor.id)}?period=${p}`}
        />
      </section>
      <div class="columns">
        <section class="wide" aria-labelledby="said-h">
          <h2 id="said-h">What {actor.name} said, newest first</h2>
          <CardList cards={data.newest} empty={`No statement by ${actor.name} was found.`} />
          {actor.counts.statements > data.newest.length && (
            <p>
              <a href={statementsUrl({ speaker: actor.id })}>
                All {actor.counts.statements.toLocaleString('en-US')} statements →
              </a>
            </p>
          )}
        </section>
        <div class="side">
          <section aria-labelledby="by-h">
            <h2 id="by-h">Who mentions {actor.name}</h2>
            {data.mentionedBy.length ? (
              <CountList rows={data.mentionedBy} href={(r) => statementsUrl({ speaker: r.value!, actor: actor.id })} />
            ) : (
              <p class="empty">Nobody, in these articles.</p>
            )}
          </section>
          <section aria-labelledby="with-h">
            <h2 id="with-h">Appears most with</h2>
            {data.appearsWith.length ? (
              <CountList rows={data.appearsWith} href={(r) => actorUrl(r.value!)} />
            ) : (
              <p class="empty">Nobody, in these articles.</p>
            )}
          </section>
        </div>
      </div>
    </Layout>
  );
}
