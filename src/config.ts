// Settings and their defaults. Only server.ts and the ingest command read them from the environment (through the
// functions here, which take the environment as an argument); the app takes them as explicit options. Free of heavy
// imports so a primary process checks them cheaply.

/** The default time budget of one article's extraction: hundreds of times what a news article takes (8–9 ms). */
export const DEFAULT_BUDGET_MS = 5000;

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

export interface TimeoutOptions {
  /** A connection idle this long, between requests or inside one, is closed (ms). */
  connectionTimeoutMs: number;
  /** A request must arrive whole within this time (ms); a slow client gets 408. */
  requestTimeoutMs: number;
}

// 75 s idle: above the 60 s idle timeout of common load balancers, so they close first and never reuse a closed connection
export const DEFAULT_TIMEOUTS: TimeoutOptions = { connectionTimeoutMs: 75_000, requestTimeoutMs: 30_000 };

/** A setting in the environment is wrong; `message` is for the user. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const positiveInt = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  return n;
};

/**
 * WHOSAID_INGEST_TOKEN, which enables POST /v1/articles (a short token would be guessable, so it is refused), with the
 * body limit, the extraction budget, and the worker threads and queue that extract posted articles.
 */
export function ingestFromEnv(
  env: NodeJS.ProcessEnv,
): { token: string; maxBytes: number; budgetMs: number; workers: number; maxQueue: number } | undefined {
  const token = env.WHOSAID_INGEST_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (token.length < 16 || /\s/.test(token))
    throw new ConfigError(
      'WHOSAID_INGEST_TOKEN must be at least 16 characters without spaces (e.g. `openssl rand -hex 32`)',
    );
  return {
    token,
    maxBytes: positiveInt(env.WHOSAID_INGEST_MAX_BYTES, 1024 * 1024, 'WHOSAID_INGEST_MAX_BYTES') || 1024 * 1024,
    budgetMs: budgetFromEnv(env),
    workers: Math.max(1, positiveInt(env.WHOSAID_INGEST_WORKERS, 1, 'WHOSAID_INGEST_WORKERS')),
    maxQueue: positiveInt(env.WHOSAID_INGEST_QUEUE, 4, 'WHOSAID_INGEST_QUEUE'),
  };
}

/** WHOSAID_EXTRACT_BUDGET_MS: how long one article's extraction may take before it is stopped and refused (0: no limit). */
export function budgetFromEnv(env: NodeJS.ProcessEnv): number {
  return positiveInt(env.WHOSAID_EXTRACT_BUDGET_MS, DEFAULT_BUDGET_MS, 'WHOSAID_EXTRACT_BUDGET_MS');
}

/** Rate limit from WHOSAID_RATE_LIMIT (requests per client per minute, 0 = off; default 1200). */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv): RateLimitOptions | false {
  const max = positiveInt(env.WHOSAID_RATE_LIMIT, 1200, 'WHOSAID_RATE_LIMIT');
  return max === 0 ? false : { max, windowMs: 60_000 };
}

/** Timeouts from WHOSAID_CONNECTION_TIMEOUT_MS and WHOSAID_REQUEST_TIMEOUT_MS. */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv): TimeoutOptions {
  return {
    connectionTimeoutMs: positiveInt(
      env.WHOSAID_CONNECTION_TIMEOUT_MS,
      DEFAULT_TIMEOUTS.connectionTimeoutMs,
      'WHOSAID_CONNECTION_TIMEOUT_MS',
    ),
    requestTimeoutMs: positiveInt(
      env.WHOSAID_REQUEST_TIMEOUT_MS,
      DEFAULT_TIMEOUTS.requestTimeoutMs,
      'WHOSAID_REQUEST_TIMEOUT_MS',
    ),
  };
}

/** SQLite's page cache per server process, in MB (WHOSAID_DB_CACHE_MB). */
export const DEFAULT_DB_CACHE_MB = 32;

/** Megabytes of answers each server process keeps for repeated requests (WHOSAID_RESPONSE_CACHE_MB). */
export const DEFAULT_RESPONSE_CACHE_MB = 16;

/** How many matches facets count at most, the most recent (WHOSAID_FACET_ROWS): tens of milliseconds at 1M statements. */
export const DEFAULT_FACET_ROWS = 10_000;

/** Memory settings: WHOSAID_DB_CACHE_MB (SQLite's page cache per process) and WHOSAID_RESPONSE_CACHE_MB (kept answers). */
export function memoryFromEnv(env: NodeJS.ProcessEnv): { dbCacheMb: number; responseCacheMb: number } {
  return {
    dbCacheMb: positiveInt(env.WHOSAID_DB_CACHE_MB, DEFAULT_DB_CACHE_MB, 'WHOSAID_DB_CACHE_MB'),
    responseCacheMb: positiveInt(env.WHOSAID_RESPONSE_CACHE_MB, DEFAULT_RESPONSE_CACHE_MB, 'WHOSAID_RESPONSE_CACHE_MB'),
  };
}

/** WHOSAID_FACET_ROWS: how many matches facet counts cover at most (the most recent). */
export function facetRowsFromEnv(env: NodeJS.ProcessEnv): number {
  return Math.max(1, positiveInt(env.WHOSAID_FACET_ROWS, DEFAULT_FACET_ROWS, 'WHOSAID_FACET_ROWS'));
}

export interface HttpOptions {
  /** Origins allowed to read the API from a browser: "*" (the default), a comma-separated list, or "off". */
  corsOrigins?: string;
  /** Seconds a client or proxy may reuse a response before revalidating it with its ETag (default 60). */
  cacheMaxAge?: number;
  /** Megabytes of answers kept in memory for repeated GETs (http/response-cache.ts); 0: none. */
  responseCacheMb?: number;
}

/** The HTTP options: WHOSAID_CORS_ORIGINS, WHOSAID_CACHE_MAX_AGE and WHOSAID_RESPONSE_CACHE_MB. */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv): HttpOptions {
  const maxAge = env.WHOSAID_CACHE_MAX_AGE;
  return {
    responseCacheMb: memoryFromEnv(env).responseCacheMb,
    corsOrigins: env.WHOSAID_CORS_ORIGINS,
    cacheMaxAge: maxAge !== undefined && /^\d{1,9}$/.test(maxAge) ? Number(maxAge) : undefined,
  };
}
