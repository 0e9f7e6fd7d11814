/**
 * Load run, not a test: `pnpm --filter @lcz/criteria-http load [-- --connections 20 --seconds 5]
 * [--scenario evaluate|hostile] [--body-workers N]`. Starts the server (scripts/load-server.ts:
 * createServer as `lcz serve` calls it) in its own process on 127.0.0.1 (so the load generator
 * does not share its event loop), then, from `connections` connections for `seconds`
 * seconds (at most 60):
 * - `evaluate` (the default): autocannon POSTs a Lai Châu assessment to /v1/evaluate, and the
 *   run prints throughput and latency;
 * - `hostile`: every connection sends the costliest bodies under the default limits in turn (an
 *   assessment with limits.facts undeclared facts, a batch filled with such assessments up to
 *   limits.bodyBytes, a large rule text for /v1/rules/validate), while a probe asks /healthz on
 *   its own connection every 50 ms; the run prints the probe's latency (the service must stay
 *   live: /healthz within 100 ms) and what the hostile requests were answered.
 * Loopback only (the server listens on 127.0.0.1 and every request goes there). Bounded: the
 * whole run, start-up included, is stopped after `seconds` + 90 s, every request apart from the
 * load itself gives up after 30 s, and the server is stopped at the end, whatever happens.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import autocannon from 'autocannon';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = 'examples/assessments/recognised-to-dan-pho.yaml';

const { values } = parseArgs({
  // `pnpm … load -- --seconds 10` passes the `--` on.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '5' },
    scenario: { type: 'string', default: 'evaluate' },
    // A CPU profile of the server (node --cpu-prof), written to this folder when it stops.
    profile: { type: 'string' },
    // The server's bodyWorkers option (0: every body read on the event loop, in turns); the
    // server's default when not given.
    'body-workers': { type: 'string' },
  },
});
const scenario = values.scenario;
const connections = Number(values.connections);
const seconds = Number(values.seconds);
if (
  !Number.isInteger(connections) ||
  connections < 1 ||
  connections > 200 ||
  !Number.isInteger(seconds) ||
  seconds < 1 ||
  seconds > 60
) {
  console.error('load: --connections must be 1–200 and --seconds 1–60');
  process.exit(2);
}
if (scenario !== 'evaluate' && scenario !== 'hostile') {
  console.error('load: --scenario must be evaluate or hostile');
  process.exit(2);
}

const server = spawn(
  process.execPath,
  [
    ...(values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : []),
    '--conditions=@lcz/source',
    '--import',
    'tsx',
    // The server's own event-loop delay, printed on SIGUSR2 (scripts/loop-delay.ts).
    '--import',
    './packages/http/scripts/loop-delay.ts',
    // createServer as `lcz serve` calls it, with --body-workers (scripts/load-server.ts).
    'packages/http/scripts/load-server.ts',
    '--rules',
    'rules/lai-chau-2020-2025',
    ...(values['body-workers'] !== undefined ? ['--body-workers', values['body-workers']] : []),
  ],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
);
// The server's log during the run is shown; once it is being stopped, requests still queued are
// refused ("the server is closing") and their log lines say nothing about the run.
let stopping = false;
server.stdout.on('data', (chunk: Buffer) => {
  if (!stopping) process.stdout.write(chunk);
});
// Whatever hangs (start-up, a request, the load generator), the run ends and the server stops.
const DEADLINE_MS = (seconds + 90) * 1000;
const deadline = setTimeout(() => {
  console.error(`load: not finished after ${DEADLINE_MS / 1000} s; stopping`);
  server.kill('SIGKILL');
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();
/** A request that is not the load itself: 30 s at most. */
const REQUEST_MS = 30_000;

let banner = '';
const url = await new Promise<string>((resolve, reject) => {
  server.stderr.on('data', (chunk: Buffer) => {
    banner += chunk.toString();
    const found = /serving the criteria API at (http:\/\/127\.0\.0\.1:\d+)/.exec(banner);
    if (found?.[1]) resolve(found[1]);
  });
  server.once('exit', (code) => reject(new Error(`lcz serve exited with ${code}:\n${banner}`)));
});

try {
  if (scenario === 'hostile') await hostile(url);
  else await evaluateRun(url);
} finally {
  stopping = true;
  // Waited for, so that a CPU profile (--profile) is written before the run ends.
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  clearTimeout(deadline);
}

/** The server's event-loop delay since the last call (scripts/loop-delay.ts), from its standard error. */
interface LoopDelay {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** The longest garbage-collection pause. */
  readonly gcMax: number;
  /** CPU time the server used (all its threads), and the wall time it was measured over. */
  readonly cpuMs: number;
  readonly wallMs: number;
}

async function loopDelay(): Promise<LoopDelay | undefined> {
  const seen = banner.length;
  server.kill('SIGUSR2');
  for (let waited = 0; waited < 5000; waited += 20) {
    const line = /lcz-loop-delay (\{.*\})\n/.exec(banner.slice(seen));
    if (line?.[1]) return JSON.parse(line[1]);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

async function evaluateRun(url: string): Promise<void> {
  const assessment = parse(await readFile(join(ROOT, EXAMPLE), 'utf8'));
  const body = JSON.stringify({ assessment });
  // One request first: the answer must be right before its speed means anything.
  const check = await fetch(`${url}/v1/evaluate`, {
    signal: AbortSignal.timeout(REQUEST_MS),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const decision = ((await check.json()) as { decision?: string }).decision;
  if (check.status !== 200 || decision !== 'recognised')
    throw new Error(`unexpected answer ${check.status} ${decision}`);

  // Other work on the machine changes the figures: say how busy it was.
  const busy = loadavg()[0] ?? 0;
  const result = await autocannon({
    url: `${url}/v1/evaluate`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  const lines = [
    `POST /v1/evaluate (${EXAMPLE}, ${body.length} bytes), ${connections} connections × ${seconds} s, loopback`,
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${busy.toFixed(1)} at the start`,
    `requests: ${result.requests.total} (${result['2xx']} × 2xx, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`,
    `throughput: ${Math.round(result.requests.average)} req/s average (min ${result.requests.min}, max ${result.requests.max})`,
    `latency: p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
  ];
  console.log(lines.join('\n'));
  if (result.non2xx > 0 || result.errors > 0) process.exitCode = 1;
}

/** Facts no ruleset declares, with names as long as real ones (so "did you mean" is searched). */
function undeclaredFacts(count: number, prefix: string): Record<string, number> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}_household_${i}`, i]));
}

/** A rule text of `n` criteria, each condition on an undeclared fact: every one an error. */
function heavyRules(n: number): string {
  const criteria = Array.from(
    { length: n },
    (_, i) => `      - { id: "1.${i + 1}", text: { vi: a, en: a }, condition: "households_${i} >= 1" }`,
  );
  return [
    'format: 1',
    'id: t',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context: { k: { type: boolean, label: { vi: k, en: k } } }',
    'facts:',
    '  x: { type: boolean, label: { vi: x, en: x } }',
    'groups:',
    '  - id: "1"',
    '    title: { vi: g, en: g }',
    '    criteria:',
    ...criteria,
    'recognition: { group_requirement: { at_least_percent: 80 } }',
  ].join('\n');
}

/**
 * GET /healthz every 50 ms until stopped: the latency of each, in milliseconds. The probe runs in
 * a worker thread, on an event loop of its own: timed in the load generator's thread, it also
 * counted the time autocannon held that thread (writing 821 KB bodies to 20 sockets).
 */
function startProbe(url: string): { stop(): Promise<number[]> } {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    let stopped = false;
    parentPort.once('message', () => { stopped = true; });
    (async () => {
      const latencies = [];
      while (!stopped) {
        const t0 = performance.now();
        const res = await fetch(workerData.url + '/healthz', { signal: AbortSignal.timeout(workerData.requestMs) });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage(latencies);
    })();`;
  const worker = new Worker(code, { eval: true, workerData: { url, requestMs: REQUEST_MS } });
  const done = new Promise<number[]>((resolve, reject) => {
    worker.once('message', (latencies: number[]) => {
      resolve(latencies);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return {
    stop: () => {
      worker.postMessage('stop');
      return done;
    },
  };
}

/** How many answers of each status, e.g. `422 × 40, 503 × 3`. */
function statuses(result: autocannon.Result): string {
  const stats: Record<string, { count: number }> = result.statusCodeStats ?? {};
  return Object.entries(stats)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code} × ${count}`)
    .join(', ');
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function hostile(url: string): Promise<void> {
  const RULESET = 'lai-chau-khu-dan-cu-tu-quan';
  const FACTS = 200; // limits.facts
  const BODY = 1024 * 1024; // limits.bodyBytes
  const one = JSON.stringify({ ruleset: RULESET, assessment: { context: {}, facts: undeclaredFacts(FACTS, 'a') } });
  // As many such assessments as fit under the body limit (and limits.batchLength, 200).
  const item = { context: {}, facts: undeclaredFacts(FACTS, 'b') };
  const per = JSON.stringify(item).length + 1;
  const batch = JSON.stringify({
    ruleset: RULESET,
    assessments: Array.from({ length: Math.min(200, Math.floor((BODY - 100) / per)) }, () => item),
  });
  let n = 1;
  while (JSON.stringify({ rules: heavyRules(n * 2) }).length < BODY - 100) n *= 2;
  const rules = JSON.stringify({ rules: heavyRules(n) });
  const bodies = [
    { path: '/v1/evaluate', body: one },
    { path: '/v1/evaluate/batch', body: batch },
    { path: '/v1/rules/validate', body: rules },
  ];
  // Each must be answered as a problem or a report, not refused for its size.
  const alone: string[] = [];
  for (const { path, body } of bodies) {
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, {
      signal: AbortSignal.timeout(REQUEST_MS),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    alone.push(`${path} ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
    if (res.status === 413 || res.status === 500) throw new Error(`${path}: ${res.status} for the worst-case body`);
  }

  const busy = loadavg()[0] ?? 0;
  // The same probe on the idle server first: on a shared machine the difference is the figure.
  await loopDelay();
  const idleProbe = startProbe(url);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = await idleProbe.stop();
  const idleLoop = await loopDelay();
  const probing = startProbe(url);
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: bodies.map(({ path, body }) => ({ path, method: 'POST', body })),
    connections,
    duration: seconds,
    timeout: 30,
  });
  const probe = await probing.stop();
  const loadLoop = await loopDelay();
  const sorted = [...probe].sort((a, b) => a - b);
  const over = probe.filter((ms) => ms > 100).length;
  const worst = sorted.at(-1) ?? 0;
  const delays = (d: LoopDelay | undefined) =>
    d
      ? `p50 ${d.p50} ms, p99 ${d.p99} ms, max ${d.max} ms (longest GC pause ${d.gcMax} ms; CPU ${d.cpuMs} ms in ${d.wallMs} ms)`
      : 'not reported';
  const sizes = bodies.map(({ path, body }) => `${path} ${(body.length / 1024).toFixed(0)} KB`).join(', ');
  console.log(
    [
      `hostile: body workers ${values['body-workers'] ?? 'default'}; ${connections} connections × ${seconds} s sending, in turn, ${sizes}; loopback`,
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${busy.toFixed(1)} at the start`,
      `each alone: ${alone.join(', ')}`,
      `hostile requests: ${result.requests.total} answered (${result['2xx']} × 2xx, ${result.non2xx} problems: ${statuses(result)}; ${result.errors} errors, ${result.timeouts} timeouts); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      `GET /healthz idle, before: ${idle.length} probes, p50 ${percentile(
        [...idle].sort((a, b) => a - b),
        50,
      ).toFixed(1)} ms, p99 ${percentile(
        [...idle].sort((a, b) => a - b),
        99,
      ).toFixed(1)} ms`,
      `GET /healthz meanwhile: ${probe.length} probes, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${worst.toFixed(1)} ms, ${over} over 100 ms`,
      `server event-loop delay: idle ${delays(idleLoop)}; under load ${delays(loadLoop)}`,
      over === 0
        ? `target met: every /healthz probe under load answered within 100 ms (max ${worst.toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1)} at the end)`
        : `target NOT met: ${over} of ${probe.length} /healthz probes under load took over 100 ms (max ${worst.toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1)} at the end)`,
    ].join('\n'),
  );
  if (result.errors > 0 || over > 0) process.exitCode = 1;
}
