/**
 * `pnpm --filter @lcz/bench bench:profile`: where the engine's time goes. CPU profiles of the built
 * engine's decide() and evaluate() (and the floor, for scale) over the bench workload, written
 * to .bench-out/profiles/, and their top frames by self time, mapped to the TypeScript sources.
 *
 * `decide-green` profiles decide() on the points-and-levels scheme (pass it alone:
 * `bench:profile decide-green`).
 *
 * Each is taken twice: as shipped, and with V8's inlining off (`--no-turbo-inlining`), which
 * slows everything but charges time to the function that spends it instead of its caller.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OUT_DIR, REPO_ROOT, benchConfig } from './config.js';
import { formatFrames, topFrames } from './profile-top.js';
import { runNode } from './spawn.js';

const config = benchConfig();
const dir = join(OUT_DIR, 'profiles');
mkdirSync(dir, { recursive: true });
const count = Math.min(config.assessments, 20_000);
const seconds = config.quick ? 1 : 4;
const only = process.argv.slice(2);
for (const what of ['decide', 'evaluate', 'floor', 'decide-green'] as const) {
  if (only.length > 0 && !only.includes(what)) continue;
  for (const inlining of [true, false]) {
    const file = join(dir, `${what}${inlining ? '' : '.no-inlining'}.cpuprofile`);
    const flags = inlining ? [] : ['--no-turbo-inlining'];
    const r = runNode<{ evals: number }>([
      ...flags,
      '--import',
      'tsx',
      'src/child/profile-target.ts',
      what,
      String(count),
      String(seconds),
      file,
    ]);
    console.log(
      `\n${what}${inlining ? '' : ' (inlining off)'}: ${r.evals.toLocaleString('en')} evaluations → ${file.slice(REPO_ROOT.length + 1)}`,
    );
    console.log(formatFrames(topFrames(file, 16, REPO_ROOT)));
  }
}
