/**
 * `pnpm bench:startup [rounds]`: how long a one-file `lcz evaluate` takes to start, against
 * `node -e 0`, in fresh processes interleaved round by round (so all see the same load): with a
 * warm compiled-rules cache, with an empty one (the first run, which also writes the entry), and
 * with the cache off (`LCZ_CACHE=0`, the YAML every time). Wall time and CPU time (user + system,
 * from /usr/bin/time; wall by the clock around the spawn) per run; medians and ratios to `node -e 0`. The built CLI (packages/cli/dist),
 * started as installed (its package.json "bin").
 * BENCH_STARTUP_BASELINE=<another built bin.js> adds its warm and empty-cache rows to the same
 * interleaved rounds, so a change is measured against what it replaced under the same load.
 * The cache folder holds the compiled rules and, since the one-file bundle, V8's code cache of it
 * (packages/cli/src/fast/launch.ts), which the second run writes: "warm" is both, "empty" neither.
 * When NODE_EXTRA_CA_CERTS is set (this machine sets it), the node -e 0, warm and empty rows are
 * given a second time without it, each against its own node -e 0 (see EXTRA_CERTS below).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './config.js';
import { median } from './stats.js';

const rounds = Number(process.argv[2] ?? 11);
const cache = mkdtempSync(join(tmpdir(), 'lcz-bench-cache-'));
const evaluateWith = (bin: string) => [
  bin,
  'evaluate',
  '--rules',
  join(REPO_ROOT, 'rules/lai-chau-2020-2025'),
  join(REPO_ROOT, 'examples/assessments/recognised-to-dan-pho.yaml'),
];
// The command as installed: package.json "bin" (dist/lcz.cjs, which runs the one-file bundle).
const cliPackage = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as {
  bin: { lcz: string };
};
const lcz = evaluateWith(join(REPO_ROOT, 'packages/cli', cliPackage.bin.lcz));
const baselineBin = process.env['BENCH_STARTUP_BASELINE'];
const baseline = baselineBin ? evaluateWith(baselineBin) : undefined;

interface Run {
  readonly wall: number;
  readonly cpu: number;
}

/**
 * NODE_EXTRA_CA_CERTS makes every node process parse a certificate file at start (here ~70 ms of
 * CPU, most of `node -e 0`): a fixed cost added to both sides flatters every ratio. When it is
 * set, the rows are given both with it and without it (`unset`), each against its own node -e 0.
 */
const EXTRA_CERTS = 'NODE_EXTRA_CA_CERTS';
const certsSet = (process.env[EXTRA_CERTS] ?? '') !== '';

function time(args: readonly string[], env: Record<string, string>, unset = false): Run {
  const inherited = { ...process.env };
  if (unset) delete inherited[EXTRA_CERTS];
  // Wall time by the clock around the spawn (/usr/bin/time's %e counts in 10 ms steps, a fifth of
  // node -e 0 here); CPU time from /usr/bin/time, the children's own user + system.
  const start = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, ...args], {
    encoding: 'utf8',
    env: { ...inherited, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (child.status !== 0) throw new Error(`${args.join(' ')} exited ${child.status}:\n${child.stderr.slice(-2000)}`);
  const wall = (performance.now() - start) / 1000;
  const [, user, system] = (child.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: (user ?? Number.NaN) + (system ?? Number.NaN) };
}

const warm = { XDG_CACHE_HOME: join(cache, 'warm') };
const cold = { XDG_CACHE_HOME: join(cache, 'cold') };
const baseWarm = { XDG_CACHE_HOME: join(cache, 'baseline-warm') };
const baseCold = { XDG_CACHE_HOME: join(cache, 'baseline-cold') };
const NODE = 'node -e 0';
const NODE_UNSET = `node -e 0, ${EXTRA_CERTS} unset`;
const coldUnset = { XDG_CACHE_HOME: join(cache, 'cold-unset') };
const cases: { label: string; run: () => Run; base?: string }[] = [
  { label: NODE, run: () => time(['-e', '0'], {}) },
  { label: 'lcz evaluate, one file, warm cache', run: () => time(lcz, warm) },
  {
    label: 'lcz evaluate, one file, empty cache (first run; writes the entry)',
    run: () => {
      rmSync(cold.XDG_CACHE_HOME, { recursive: true, force: true });
      return time(lcz, cold);
    },
  },
  {
    label: 'lcz evaluate, one file, cache off (LCZ_CACHE=0: the YAML every time)',
    run: () => time(lcz, { LCZ_CACHE: '0' }),
  },
  ...(certsSet
    ? [
        { label: NODE_UNSET, run: () => time(['-e', '0'], {}, true), base: NODE_UNSET },
        {
          label: `lcz evaluate, one file, warm cache, ${EXTRA_CERTS} unset`,
          run: () => time(lcz, warm, true),
          base: NODE_UNSET,
        },
        {
          label: `lcz evaluate, one file, empty cache, ${EXTRA_CERTS} unset`,
          run: () => {
            rmSync(coldUnset.XDG_CACHE_HOME, { recursive: true, force: true });
            return time(lcz, coldUnset, true);
          },
          base: NODE_UNSET,
        },
      ]
    : []),
  ...(baseline
    ? [
        { label: 'baseline: lcz evaluate, one file, warm cache', run: () => time(baseline, baseWarm) },
        {
          label: 'baseline: lcz evaluate, one file, empty cache',
          run: () => {
            rmSync(baseCold.XDG_CACHE_HOME, { recursive: true, force: true });
            return time(baseline, baseCold);
          },
        },
      ]
    : []),
];
try {
  // Fill the warm caches: the first run writes the compiled rules, the second the code cache.
  for (let i = 0; i < 2; i++) {
    time(lcz, warm);
    if (baseline) time(baseline, baseWarm);
  }
  const runs = new Map<string, Run[]>(cases.map((c) => [c.label, []]));
  for (let r = 0; r < rounds; r++) {
    for (const c of [...cases.slice(r % cases.length), ...cases.slice(0, r % cases.length)])
      runs.get(c.label)?.push(c.run());
  }
  const of = (label: string) => runs.get(label) ?? [];
  const wallOf = (label: string) => median(of(label).map((r) => r.wall));
  const cpuOf = (label: string) => median(of(label).map((r) => r.cpu));
  console.log(`${rounds} rounds, interleaved${baselineBin ? `; baseline ${baselineBin}` : ''}`);
  if (certsSet) console.log(`${EXTRA_CERTS} is set: rows marked "unset" run without it, against node -e 0 without it.`);
  console.log('| run | median wall s | × node -e 0 (wall) | median CPU s | × node -e 0 (CPU) |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const c of cases) {
    const wall = wallOf(c.label);
    const cpu = cpuOf(c.label);
    const baseWall = wallOf(c.base ?? NODE);
    const baseCpu = cpuOf(c.base ?? NODE);
    console.log(
      `| ${c.label} | ${wall.toFixed(3)} | ${(wall / baseWall).toFixed(2)} | ${cpu.toFixed(2)} | ${(cpu / baseCpu).toFixed(2)} |`,
    );
  }
} finally {
  rmSync(cache, { recursive: true, force: true });
}
