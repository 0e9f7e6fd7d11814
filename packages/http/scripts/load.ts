/**
 * Load run, not a test: `pnpm --filter @lcz/criteria-http load [-- --connections 20 --seconds 5]`.
 * Starts `lcz serve` in its own process on 127.0.0.1 (so the load generator does not share its
 * event loop), then autocannon POSTs a Lai Châu assessment to /v1/evaluate from `connections`
 * connections for `seconds` seconds, and prints throughput and latency. Loopback only.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXAMPLE = 'examples/assessments/recognised-to-dan-pho.yaml';

const { values } = parseArgs({
  options: { connections: { type: 'string', default: '20' }, seconds: { type: 'string', default: '5' } },
});
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

const server = spawn(
  process.execPath,
  [
    '--conditions=@lcz/source',
    '--import',
    'tsx',
    'packages/cli/src/bin.ts',
    'serve',
    '--rules',
    'rules/lai-chau-2020-2025',
    '--port',
    '0',
    '--log-level',
    'warn',
  ],
  { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] },
);
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
  const assessment = parse(await readFile(join(ROOT, EXAMPLE), 'utf8'));
  const body = JSON.stringify({ assessment });
  // One request first: the answer must be right before its speed means anything.
  const check = await fetch(`${url}/v1/evaluate`, {
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
} finally {
  server.kill('SIGTERM');
}
