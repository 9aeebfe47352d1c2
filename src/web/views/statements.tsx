// The statements list: GET /v1/statements' filters as a form and in the URL, quote cards, facet counts, cursor paging.

import type { ListFacet, StatementsData } from '../data.js';
import { PAGE_SIZE } from '../query.js';
import { apiStatementsUrl, type FilterName, type Filters, statementsUrl } from '../urls.js';
import { CardList, CountList, Pager, ScopeNote } from './parts.js';
import { Layout } from './site.js';

const FACET_TITLES: Record<ListFacet, string> = {
  speaker: 'Speakers',
  actor: 'Actors involved',
  topic: 'Topics',
  kind: 'Kind',
};
const FILTER_WORDS: Record<FilterName, string> = {
  q: 'words',
  speaker: 'said by',
  actor: 'involving',
  topic: 'topic',
  from: 'from',
  to: 'to',
  kind: 'kind',
  minConfidence: 'confidence at least',
};

/** The list's filters, each shown with a link that removes it. */
function ActiveFilters({ data }: { data: StatementsData }) {
  const entries = Object.entries(data.filters) as [FilterName, string][];
  if (!entries.length) return null;
  return (
    <ul class="active-filters" aria-label="Filters in use">
      {entries.map(([name, value]) => {
        const { [name]: _, ...rest } = data.filters;
        const shown = name === 'speaker' || name === 'actor' || name === 'topic' ? (data.names[name] ?? value) : value;
        return (
          <li>
            {FILTER_WORDS[name]} <strong>{shown}</strong>{' '}
            <a href={statementsUrl(rest)} aria-label={`Remove the filter ${FILTER_WORDS[name]} ${shown}`}>
              ×
            </a>
          </li>
        );
      })}
    </ul>
  );
}

function Field({
  name,
  label,
  filters,
  type = 'text',
  hint,
  half,
}: {
  name: FilterName;
  label: string;
  filters: Filters;
  type?: 'text' | 'search' | 'number';
  hint?: string;
  half?: boolean;
}) {
  const id = `f-${name}`;
  const common = { id, name, value: filters[name] ?? '', 'aria-describedby': hint ? `${id}-hint` : undefined };
  return (
    <p class={half ? 'field half' : 'field'}>
      <label for={id}>{label}</label>
      {type === 'number' ? (
        <input type="number" min={0} max={1} step={0.05} {...common} />
      ) : type === 'search' ? (
        <input type="search" {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </p>
  );
}

export function FilterForm({ filters }: { filters: Filters }) {
  return (
    <form class="filters" action="/statements" method="get" aria-label="Filter statements">
      <Field
        name="q"
        label="Words"
        filters={filters}
        type="search"
        hint="All words; “a phrase”; a prefix like terror*"
      />
      <Field name="speaker" label="Said by" filters={filters} hint="A name, alias or id" />
      <Field name="actor" label="Involving" filters={filters} hint="Speaking or mentioned" />
      <Field name="topic" label="Topic" filters={filters} hint="A label, IPTC code or id" />
      <Field name="from" label="From" filters={filters} hint="YYYY-MM-DD, -MM or YYYY" half />
      <Field name="to" label="To" filters={filters} hint="Inclusive" half />
      <p class="field half">
        <label for="f-kind">Kind</label>
        <select id="f-kind" name="kind">
          <option value="" selected={!filters.kind}>
            Any
          </option>
          <option value="direct" selected={filters.kind === 'direct'}>
            Quoted (direct)
          </option>
          <option value="indirect" selected={filters.kind === 'indirect'}>
            Reported (indirect)
          </option>
        </select>
      </p>
      <Field name="minConfidence" label="Confidence ≥" filters={filters} type="number" hint="0 to 1" half />
      <p class="actions">
        <button type="submit">Show statements</button> <a href="/statements">Clear</a>
      </p>
    </form>
  );
}

export function StatementsPage({ data }: { data: StatementsData }) {
  const { filters } = data;
  const page = data.limit === PAGE_SIZE ? {} : { limit: data.limit };
  const narrow = (facet: ListFacet, value: string | null) =>
    statementsUrl({ ...filters, [facet]: value ?? undefined }, page);
  return (
    <Layout title="Statements" section="statements" q={filters.q}>
      <h1>Statements</h1>
      <ActiveFilters data={data} />
      <div class="list-layout">
        <div class="filters-col">
          <FilterForm filters={filters} />
          <section class="facets" aria-labelledby="facets-h">
            <h2 id="facets-h">Narrow down</h2>
            {(Object.keys(FACET_TITLES) as ListFacet[]).map((facet) => {
              // a value every match has would not narrow the list
              const all = (r: { count: number }) => data.scope.complete && r.count === data.scope.counted;
              const rows = data.facets[facet].filter((r) => r.value !== null && r.value !== filters[facet] && !all(r));
              if (!rows.length) return null;
              return (
                <section aria-label={FACET_TITLES[facet]}>
                  <h3>{FACET_TITLES[facet]}</h3>
                  <CountList rows={rows} href={(r) => narrow(facet, r.value)} />
                </section>
              );
            })}
            <ScopeNote scope={data.scope} what="These counts" />
          </section>
        </div>
        <section class="results" aria-labelledby="results-h">
          <h2 id="results-h" class="visually-hidden">
            Results
          </h2>
          <p class="api-links">
            The same query:{' '}
            <a href={apiStatementsUrl(filters, { limit: data.limit, cursor: data.cursor })}>in the API (JSON)</a> ·{' '}
            <a href={apiStatementsUrl(filters, {}, '.csv')}>every match as CSV</a>
          </p>
          <CardList cards={data.cards} empty="No statement matches these filters." />
          <Pager
            label="Pages of statements"
            first={data.cursor ? statementsUrl(filters, page) : null}
            next={data.next ? statementsUrl(filters, { ...page, cursor: data.next }) : null}
          />
        </section>
      </div>
    </Layout>
  );
}
