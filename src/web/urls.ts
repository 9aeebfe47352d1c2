// The URLs pages link to: every page is a plain, bookmarkable URL, and the statements list mirrors GET /v1/statements.

/** The filters of the statements page, as given in the URL (strings, unvalidated forms kept for the form). */
export const STATEMENT_FILTERS = ['q', 'speaker', 'actor', 'topic', 'from', 'to', 'kind', 'minConfidence'] as const;
export type FilterName = (typeof STATEMENT_FILTERS)[number];
export type Filters = Partial<Record<FilterName, string>>;

const enc = encodeURIComponent;

/** A query string with the parameters in a fixed order, empty ones left out; '' when there are none. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Only the known filters, in the order of STATEMENT_FILTERS, so equal queries have equal URLs. */
export function filtersOf(query: Record<string, unknown>): Filters {
  const out: Filters = {};
  for (const name of STATEMENT_FILTERS) {
    const v = query[name];
    if (typeof v === 'string' && v !== '') out[name] = v;
  }
  return out;
}

export const statementsUrl = (filters: Filters, extra: Record<string, string | number | undefined> = {}) =>
  `/statements${queryString({ ...filters, ...extra })}`;
/** The same query in the API: the JSON list, or with `suffix` one of its exports (`.csv`, `.ndjson`). */
export const apiStatementsUrl = (
  filters: Filters,
  extra: Record<string, string | number | undefined> = {},
  suffix = '',
) => `/v1/statements${suffix}${queryString({ ...filters, ...extra })}`;
export const statementUrl = (id: number) => `/statements/${id}`;
export const actorUrl = (id: string) => `/actors/${enc(id)}`;
export const topicUrl = (id: string) => `/topics/${enc(id)}`;
export const articleUrl = (id: string, statementId?: number) =>
  `/articles/${enc(id)}${statementId === undefined ? '' : `#q-${statementId}`}`;

/**
 * An article's own address, when it is a web address: the URL comes from the article's metadata, and a
 * `javascript:` or `data:` URL there must never become a link.
 */
export function externalUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
