/**
 * Fresh Node processes for cold start, memory and profiles: no loader hooks or flags inherited
 * from tsx. They load the BUILT engine; should a concurrent build (`pnpm build` cleans dist)
 * remove it for a moment, wait for it and try once more.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './config.js';

const DIST_ENTRY = join(REPO_ROOT, 'packages/criteria-engine/dist/index.js');

function waitForDist(): void {
  const until = Date.now() + 120_000;
  while (!existsSync(DIST_ENTRY)) {
    if (Date.now() > until)
      throw new Error(
        `${DIST_ENTRY} is missing: build the engine (npx pnpm@12.4.2 --filter @lcz/criteria-engine build)`,
      );
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
}

/** Runs a child script and reads the JSON it prints last: a T, as the script's own type says. */
export function runNode<T>(args: readonly string[], retry = true): T {
  waitForDist();
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  const r = spawnSync(process.execPath, args, { cwd: BENCH_DIR, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) {
    if (retry && r.stderr.includes('criteria-engine/dist')) return runNode<T>(args, false);
    throw new Error(`node ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}`);
  }
  const line = r.stdout.trim().split('\n').pop() ?? '';
  const value: unknown = JSON.parse(line);
  // cast: the child scripts of src/child/ print one JSON line of the type their caller names.
  return value as T;
}
