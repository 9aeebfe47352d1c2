// `npm run soak -- [--duration 5m] [--rate 200] [--statements 100000] [--workers 1] [--exports 0.002]`: a steady request mix against
// a large generated corpus for a long time; prints requests, errors by status, p50/p99 latency and server RSS per minute.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { corpusDatabase } from '../bench/corpus-db.js';
import { buildMix } from '../bench/mix.js';
import { START_ARGS } from '../bench/start.js';
import { Rng } from '../src/corpus/random.js';

const USAGE = `usage: npm run soak -- [--duration 5m] [--rate 200] [--statements 100000] [--workers 1] [--exports 0.002] [--seed 1]

  --duration D    how long to drive the server: seconds, or with a unit (90s, 5m, 1h); default 5m
  --rate R        requests per second, sent at a steady pace whatever the answers take (open loop); default 200
  --statements N  size of the generated corpus (cached under bench/cache/); default 100000
  --workers W     server processes (WORKERS); RSS is summed over them; default 1
  --exports F     share of requests that are full CSV exports of a filtered list; default 0.002`;

function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration must be a number of seconds or like 90s, 5m, 1h; got "${text}"`);
  return Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1) * 1000;
}

/** Resident memory of a process and its children (the workers), in MB, from /proc. */
function rssMb(pid: number): number {
  const pids = [pid];
  try {
    pids.push(
      ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    // no children file: just the process
  }
  let kb = 0;
  for (const p of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

interface Minute {
  requests: number;
  latencies: number[];
  statuses: Map<string, number>;
  rss: number;
}

async function main(argv: string[]): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: parseArgs types it from its options, below
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string', default: '5m' },
        rate: { type: 'string', default: '200' },
        statements: { type: 'string', default: '100000' },
        workers: { type: 'string', default: '1' },
        exports: { type: 'string', default: '0.002' },
        seed: { type: 'string', default: '1' },
        port: { type: 'string', default: '3917' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`soak: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const durationMs = parseDuration(values.duration);
  const rate = Number(values.rate);
  const exportShare = Number(values.exports);
  const port = Number(values.port);
  const base = `http://127.0.0.1:${port}`;

  console.log(`soak: corpus of about ${values.statements} statements`);
  const corpus = corpusDatabase(Number(values.statements), Number(values.seed), (line) => console.log(line));
  console.log(
    `soak: ${corpus.file} (${corpus.articles} articles, ${corpus.statements} statements, ${(corpus.bytes / 1048576).toFixed(0)} MB${corpus.built ? `, built in ${corpus.seconds.toFixed(0)} s` : ', cached'})`,
  );

  const server = spawn(process.execPath, START_ARGS, {
    env: {
      ...process.env,
      WHOSAID_DB: corpus.file,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WORKERS: values.workers,
      WHOSAID_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const stopServer = () => server.kill('SIGTERM');
  process.on('exit', stopServer);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const rng = new Rng(Number(values.seed));
  const mix = (await buildMix(base, corpus.statements, Number(values.seed))).filter(
    (row) => !row.pending && row.paths.length,
  );
  // exports stream every matching row: the heaviest answers the server gives, a few of them
  const exportPaths = mix
    .find((r) => r.name === 'by speaker')!
    .paths.map((p) => p.replace(/^\/v1\/statements\?/, '/v1/statements.csv?'));
  console.log(
    `soak: ${mix.map((r) => `${r.name} (${r.paths.length} URLs)`).join(', ')}, CSV exports (${(exportShare * 100).toFixed(1)}%)`,
  );
  console.log(
    `soak: ${rate} requests/s for ${(durationMs / 60000).toFixed(1)} min against ${values.workers} worker(s)\n`,
  );

  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const minutes: Minute[] = [];
  const minuteOf = (t: number) => {
    const i = Math.floor(t / 60000);
    while (minutes.length <= i) minutes.push({ requests: 0, latencies: [], statuses: new Map(), rss: NaN });
    return minutes[i];
  };
  const count = (m: Minute, key: string) => m.statuses.set(key, (m.statuses.get(key) ?? 0) + 1);
  let inFlight = 0;
  const send = (path: string) => {
    const sentAt = performance.now();
    const bucket = minuteOf(sentAt - started);
    bucket.requests++;
    inFlight++;
    const done = (key: string) => {
      inFlight--;
      bucket.latencies.push(performance.now() - sentAt);
      count(bucket, key);
    };
    const req = request(`${base}${path}`, { agent, headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => done(String(res.statusCode)));
      res.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'ERR'));
    });
    req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? 'ERR'));
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.end();
  };

  const print = (i: number, m: Minute) => {
    const sorted = [...m.latencies].sort((a, b) => a - b);
    const errors =
      [...m.statuses]
        .filter(([s]) => !/^(2\d\d|304)$/.test(s))
        .map(([s, n]) => `${s}×${n}`)
        .join(' ') || '0';
    console.log(
      `minute ${String(i + 1).padStart(3)}  ${String(m.requests).padStart(6)} requests  errors ${errors.padEnd(10)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms  max ${percentile(sorted, 100).toFixed(0).padStart(5)} ms  RSS ${m.rss.toFixed(0).padStart(4)} MB`,
    );
  };

  // open loop: requests leave on schedule whatever the answers take, so a slow server shows as latency, not as fewer requests
  const started = performance.now();
  let due = 0;
  let sent = 0;
  let printed = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now() - started;
      if (now >= durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      due = (now / 1000) * rate;
      for (; sent < due; sent++) {
        if (rng.next() < exportShare) send(exportPaths[rng.int(exportPaths.length)]);
        else {
          const row = mix[rng.int(mix.length)];
          send(row.paths[rng.int(row.paths.length)]);
        }
      }
      const minute = Math.floor(now / 60000);
      if (minute > printed) {
        minutes[printed].rss = rssMb(server.pid!);
        // wait a few seconds for that minute's last answers before printing it
        const m = printed;
        setTimeout(() => print(m, minutes[m]), 3000);
        printed = minute;
      }
    }, 5);
  });
  minuteOf(durationMs - 1).rss = rssMb(server.pid!);
  const drainStart = performance.now();
  while (inFlight > 0 && performance.now() - drainStart < 30_000) await new Promise((r) => setTimeout(r, 50));
  for (let i = printed; i < minutes.length; i++) print(i, minutes[i]);

  const all = minutes.flatMap((m) => m.latencies).sort((a, b) => a - b);
  const statuses = new Map<string, number>();
  for (const m of minutes) for (const [s, n] of m.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  const errors = [...statuses].filter(([s]) => !/^(2\d\d|304)$/.test(s));
  const p99s = minutes.map((m) =>
    percentile(
      [...m.latencies].sort((a, b) => a - b),
      99,
    ),
  );
  const growth = minutes.length > 1 ? ((minutes[minutes.length - 1].rss - minutes[0].rss) / minutes[0].rss) * 100 : 0;
  console.log(
    `\ntotal: ${all.length} requests in ${(durationMs / 1000).toFixed(0)} s (${(all.length / (durationMs / 1000)).toFixed(0)}/s); by status: ${[
      ...statuses,
    ]
      .sort()
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  console.log(`errors: ${errors.length ? errors.map(([s, n]) => `${s}: ${n}`).join(', ') : 'none'}`);
  console.log(
    `latency: p50 ${percentile(all, 50).toFixed(1)} ms, p99 ${percentile(all, 99).toFixed(1)} ms overall; p99 per minute from ${Math.min(...p99s).toFixed(1)} to ${Math.max(...p99s).toFixed(1)} ms`,
  );
  console.log(
    `server RSS: ${minutes.map((m) => m.rss.toFixed(0)).join(' → ')} MB; growth after the first minute ${growth.toFixed(1)}% (target under 10%)`,
  );
  if (inFlight > 0) console.log(`${inFlight} requests were still unanswered 30 s after the end`);
  stopServer();
  return errors.length || inFlight > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
