/**
 * The build's first-run code caches (package.json "build", after tsup.fast.config.ts):
 * `node dist/first-run-code-cache.cjs <lcz evaluate arguments…>` runs the one-file bundle once on
 * them in a fresh process, with an empty compiled-rules cache, so that the rules are read from
 * their YAML, and writes what V8 compiled (the bundle's functions and the ruleset validator's)
 * beside the bundle (launch.ts, code-cache-files.ts). A first run of `lcz evaluate` (no cache folder
 * yet, or LCZ_CACHE=0) then starts from it instead of compiling those functions one by one on first
 * use (docs/performance.md, "Start-up: the first run from a code cache shipped in dist").
 *
 * The arguments are only a sample for the build to run: any rules and assessment give a code cache
 * that serves every scheme (the engine's code is the same; a function the sample never calls is
 * compiled on first use, as without a cache). Then it checks, in another fresh process, that V8
 * takes both caches, and fails the build if not. Both children run with V8's flags at their
 * defaults (no NODE_OPTIONS), as a user's `lcz` does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../session.js';
import { launchEvaluateFast } from './launch.js';

const [mode, ...args] = process.argv.slice(2);

/** One run of the bundle on the sample with an empty cache folder: its exit code. */
async function runOnce(options: Parameters<typeof launchEvaluateFast>[4]): Promise<number | undefined> {
  const home = mkdtempSync(join(tmpdir(), 'lcz-first-run-'));
  const io: CliIO = {
    stdout: () => {},
    stderr: (s) => void process.stderr.write(s),
    cwd: process.cwd(),
    // A folder that does not exist yet: a first run, which writes the compiled rules too.
    env: { LCZ_CACHE_DIR: join(home, 'compiled-rules') },
  };
  try {
    return await launchEvaluateFast(
      __dirname,
      ['evaluate', ...args],
      io,
      () => Promise.reject(new Error('the sample must be a one-file lcz evaluate')),
      options,
    );
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  if (mode === 'write') {
    const code = await runOnce({ writeFirstRun: true });
    return code === undefined ? 1 : 0;
  }
  if (mode === 'check') {
    const taken = new Map<string, boolean>();
    await runOnce({ onFirstRunCache: (file, ok) => taken.set(file, ok) });
    const files = ['evaluate-fast.cjs', 'ruleset-validator.cjs'].map((name) => join(__dirname, name));
    const refused = files.filter((file) => taken.get(file) !== true);
    for (const file of refused)
      process.stderr.write(`first-run code cache of ${file}: ${taken.has(file) ? 'refused by V8' : 'not found'}\n`);
    return refused.length === 0 ? 0 : 1;
  }
  // The build: each step in a fresh process, with V8's flags at their defaults.
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  for (const step of ['write', 'check']) {
    const child = spawnSync(process.execPath, [__filename, step, ...process.argv.slice(2)], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (child.status !== 0) {
      process.stderr.write(`lcz build: the first-run code caches (${step}) failed\n`);
      return 1;
    }
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
