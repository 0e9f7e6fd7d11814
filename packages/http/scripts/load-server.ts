/**
 * The server the load run (scripts/load.ts) starts in its own process: `createServer` as `lcz
 * serve` calls it (rules, logs at warn level on standard output, the same banner on standard
 * error), plus `--body-workers N`, so that one run can compare the body workers (the default)
 * with bodyWorkers 0 (every body read on the event loop, in turns: the design before them) in
 * the same minutes on the same machine. Loopback only.
 */
import { parseArgs } from 'node:util';
import { createServer } from '../src/index.js';

const { values } = parseArgs({
  options: { rules: { type: 'string' }, 'body-workers': { type: 'string' } },
});
if (values.rules === undefined) throw new Error('load-server: --rules <dir> is needed');
const workers = values['body-workers'];
const app = await createServer({
  rules: values.rules,
  logger: { level: 'warn' },
  ...(workers !== undefined ? { bodyWorkers: Number(workers) } : {}),
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`serving the criteria API at ${url}\n`);
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
