// An article with every statement marked in its text (one colour per speaker), claims underlined, and a note per mark.

import type { ClaimT } from '../../contract/claim.js';
import type { StatementT } from '../../contract/statement.js';
import type { ArticleData, ArticleSpeaker } from '../data.js';
import type { Paragraph, Run } from '../highlight.js';
import { actorUrl, externalUrl, statementsUrl, statementUrl } from '../urls.js';
import { humanDay, StatementDate, TopicTags, Words } from './parts.js';
import { Layout } from './site.js';

/** The class that gives a speaker's marks their colour; ten colours, then the same ten with a dashed edge. */
export const colourClass = (colour: number) =>
  colour < 0 ? 'sp-none' : `sp-${colour % 10}${colour >= 10 ? ' sp-alt' : ''}`;

interface Marks {
  statements: Map<number, StatementT>;
  speakers: Map<string | null, ArticleSpeaker>;
  /** Where a claim outside any statement's mark links to: its statement's note, else its own. */
  claimHref: (id: number) => string;
}

function RunView({ run, marks }: { run: Run; marks: Marks }) {
  const claim = run.claims.length > 0;
  if (run.statement === null) {
    if (!claim) return <>{run.text}</>;
    return (
      <a class="claim" href={marks.claimHref(run.claims[0])}>
        {run.text}
      </a>
    );
  }
  const s = marks.statements.get(run.statement)!;
  const speaker = marks.speakers.get(s.speaker?.id ?? null)!;
  return (
    <a
      class={`hl ${colourClass(speaker.colour)}${claim ? ' claim' : ''}`}
      href={`#st-${s.id}`}
      id={run.opens ? `q-${s.id}` : undefined}
      data-statement={s.id}
    >
      {run.text}
    </a>
  );
}

export function MarkedText({
  paragraphs,
  statements,
  claims,
  speakers,
}: {
  paragraphs: Paragraph[];
  statements: StatementT[];
  claims: ClaimT[];
  speakers: ArticleSpeaker[];
}) {
  const byId = new Map(statements.map((s) => [s.id, s]));
  const ofClaim = new Map(
    claims.map((c) => [
      c.id,
      c.statementId !== null && byId.has(c.statementId) ? `#st-${c.statementId}` : `#cl-${c.id}`,
    ]),
  );
  const marks: Marks = {
    statements: byId,
    speakers: new Map(speakers.map((s) => [s.id, s])),
    claimHref: (id) => ofClaim.get(id) ?? `#cl-${id}`,
  };
  return (
    <>
      {paragraphs.map((p) => (
        <p>
          {p.runs.map((run) => (
            <RunView run={run} marks={marks} />
          ))}
        </p>
      ))}
    </>
  );
}

/** What the extractor recorded about one statement: who, the cue, when, and how sure it is. */
export function StatementNote({ s, speaker, claims }: { s: StatementT; speaker: ArticleSpeaker; claims: ClaimT[] }) {
  return (
    <li id={`st-${s.id}`} class={`note ${colourClass(speaker.colour)}`} data-statement={s.id}>
      <p class="note-who">
        <span class="swatch" aria-hidden="true" />
        {s.speaker ? (
          <a href={actorUrl(s.speaker.id)}>{s.speaker.name}</a>
        ) : (
          <span class="nobody">No speaker found</span>
        )}
        {speaker.role && <span class="role">, {speaker.role}</span>}
      </p>
      <p class="note-words">
        <Words s={s} />
      </p>
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
        <dd class="confidence">
          <meter min={0} max={1} value={s.attribution.confidence} aria-hidden="true" />{' '}
          {s.attribution.confidence.toFixed(2)}
        </dd>
        {claims.length > 0 && (
          <>
            <dt>Claim</dt>
            <dd>{claims.map((c) => c.text).join(' · ')}</dd>
          </>
        )}
      </dl>
      {s.mentions.length > 0 && (
        <p class="mentions">
          Mentions:{' '}
          {s.mentions.map((m, i) => (
            <>
              {i > 0 && ', '}
              <a href={actorUrl(m.id)}>{m.name}</a>
            </>
          ))}
        </p>
      )}
      <TopicTags topics={s.topics} />
      <p class="note-links">
        <a href={`#q-${s.id}`}>Back to the text</a> · <a href={statementUrl(s.id)}>Statement page</a>
      </p>
    </li>
  );
}

function ClaimNote({ c }: { c: ClaimT }) {
  return (
    <li id={`cl-${c.id}`} class="note claim-note">
      <p class="note-who">
        Claim{' '}
        {c.claimant ? (
          <>
            by <a href={actorUrl(c.claimant.id)}>{c.claimant.name}</a>
          </>
        ) : (
          'in the article’s own voice'
        )}
      </p>
      <p class="note-words">{c.text}</p>
      <dl class="facts">
        <dt>Date</dt>
        <dd>
          <StatementDate s={c} />
        </dd>
        <dt>Rule</dt>
        <dd class="rule">{c.attribution.rule}</dd>
        <dt>Confidence</dt>
        <dd class="confidence">{c.attribution.confidence.toFixed(2)}</dd>
      </dl>
    </li>
  );
}

export function ArticlePage({ data }: { data: ArticleData }) {
  const { article, statements, claims, speakers } = data;
  const speakerOf = new Map(speakers.map((s) => [s.id, s]));
  const ordered = [...statements].sort((a, b) => a.span.start - b.span.start || a.id - b.id);
  const ownClaims = new Map<number, ClaimT[]>();
  for (const c of claims)
    if (c.statementId !== null) ownClaims.set(c.statementId, [...(ownClaims.get(c.statementId) ?? []), c]);
  const looseClaims = claims.filter((c) => c.statementId === null || !statements.some((s) => s.id === c.statementId));
  const link = externalUrl(article.url);
  return (
    <Layout title={article.title} section="articles">
      <header class="page-head">
        <p class="kicker">Article</p>
        <h1>{article.title}</h1>
        <p class="meta">
          {article.source ?? 'Unknown outlet'}
          {article.publishedAt && (
            <>
              {' '}
              · <time datetime={article.publishedAt}>{humanDay(article.publishedAt)}</time>
            </>
          )}
          {link && (
            <>
              {' '}
              ·{' '}
              <a href={link} rel="noopener noreferrer nofollow">
                original
              </a>
            </>
          )}{' '}
          · {statements.length} statements, {claims.length} claims · <a href={statementsUrl({})}>all statements</a>
        </p>
        <TopicTags topics={article.topics} />
      </header>
      <div class="article-layout">
        <div class="article-main">
          <section class="legend" aria-labelledby="legend-h">
            <h2 id="legend-h">Speakers</h2>
            <ul>
              {speakers.map((s) => (
                <li class={colourClass(s.colour)}>
                  <span class="swatch" aria-hidden="true" />
                  {s.id ? <a href={actorUrl(s.id)}>{s.name}</a> : <span>{s.name}</span>}
                  {s.role && <span class="role">, {s.role}</span>} <span class="count">{s.statements}</span>
                </li>
              ))}
            </ul>
            <p class="hint">
              Marked text is a statement in its speaker’s colour; <span class="claim-sample">a wavy underline</span>{' '}
              marks a claim. Select a mark for its details.
            </p>
          </section>
          <section class="article-text" aria-labelledby="text-h">
            <h2 id="text-h" class="visually-hidden">
              Text
            </h2>
            <MarkedText paragraphs={data.paragraphs} statements={statements} claims={claims} speakers={speakers} />
          </section>
          <section class="actors" aria-labelledby="actors-h">
            <h2 id="actors-h">Actors in this article</h2>
            <ul class="actor-list">
              {data.actors.map((a) => (
                <li>
                  <a href={actorUrl(a.id)}>{a.name}</a> <span class="type">{a.type}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
        <aside class="notes" aria-labelledby="notes-h">
          <h2 id="notes-h">Statements and claims</h2>
          <ol>
            {ordered.map((s) => (
              <StatementNote s={s} speaker={speakerOf.get(s.speaker?.id ?? null)!} claims={ownClaims.get(s.id) ?? []} />
            ))}
            {looseClaims.map((c) => (
              <ClaimNote c={c} />
            ))}
          </ol>
        </aside>
      </div>
    </Layout>
  );
}
