// Load generator, run as its own process so it does not share an event loop with the server: autocannon over a list of URLs.

import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadJob {
  url: string;
  paths: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  bytesPerSecond: number;
}

const job = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadJob;
let next = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  // every request takes the next URL of the mix, so the 50 connections spread over all of them
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length] }) }],
});
const out: LoadResult = {
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  requests: result.requests.total,
  non2xx: result.non2xx,
  errors: result.errors + result.timeouts,
  bytesPerSecond: result.throughput.average,
};
process.stdout.write(JSON.stringify(out));
