// Fetches a web page or feed over HTTP(S) with the limits a crawler needs: a timeout, few redirects, a size cap.

import { IngestError } from './files.js';
import { EXTRACTOR_VERSION } from '../version.js';

export interface FetchLimits {
  /** the whole exchange, headers and body, must end within this time */
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  userAgent: string;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 20_000,
  maxRedirects: 5,
  maxBytes: 5 * 1024 * 1024,
  // a crawler that names itself, so site owners can see who fetches and block it if they wish
  userAgent: `whosaid/${EXTRACTOR_VERSION} (news statement extraction; one page per request)`,
};

export interface Fetched {
  /** where the content was found, after redirects */
  url: string;
  status: number;
  contentType: string | null;
  bytes: Buffer;
}

/** A page that could not be fetched; `reason` completes "URL: ..." for the user. */
export class FetchError extends IngestError {
  override name = 'FetchError';
}

/** "http://x/a" as a URL we may fetch, or a FetchError saying why not. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('not a URL');
  }
  // file:, data:, ftp: and the like would read local files or talk other protocols on the user's behalf
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`only http and https URLs are fetched, not ${url.protocol.replace(/:$/, '')}`);
  return url;
}

/**
 * GETs `rawUrl`, following up to `maxRedirects` redirects (each checked like the first URL), and reads at most
 * `maxBytes` of the body. A status other than 2xx is returned, not thrown: the caller says what it means for its input.
 */
export async function fetchUrl(rawUrl: string, accept: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  let url = checkUrl(rawUrl);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const res = await fetch(url, { redirect: 'manual', signal, headers: { 'user-agent': limits.userAgent, accept, 'accept-language': 'en;q=1, *;q=0.5' } });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        if (redirects >= limits.maxRedirects) throw new FetchError(`more than ${limits.maxRedirects} redirects (last to ${location})`);
        url = checkUrl(new URL(location, url).href);
        continue;
      }
      const declared = Number(res.headers.get('content-length'));
      if (declared > limits.maxBytes) {
        await res.body?.cancel();
        throw new FetchError(`the page is ${(declared / 1048576).toFixed(1)} MB, over the ${(limits.maxBytes / 1048576).toFixed(1)} MB limit`);
      }
      const bytes = await readCapped(res, limits.maxBytes);
      return { url: url.href, status: res.status, contentType: res.headers.get('content-type'), bytes };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if ((err as Error).name === 'TimeoutError' || signal.aborted) throw new FetchError(`no complete answer within ${limits.timeoutMs / 1000} s`);
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchError(`cannot fetch: ${cause?.code ?? cause?.message ?? (err as Error).message}`);
  }
}

/** The body, or a FetchError as soon as it grows past `max` bytes (a body without Content-Length can be endless). */
async function readCapped(res: Response, max: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) {
      await res.body.cancel().catch(() => undefined);
      throw new FetchError(`the page is over the ${(max / 1048576).toFixed(1)} MB limit`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
