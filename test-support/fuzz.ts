/**
 * What every fuzz test shares (`pnpm fuzz`; a short run in `pnpm test`, 10^6 inputs in
 * `pnpm test:long`): how many inputs, from which seed, and the invariants that hold for every
 * input whatever the target:
 * - replayable: the seed is pinned unless FUZZ_SEED says otherwise; fast-check prints the seed
 *   and the path of a failure, and FUZZ_SEED=<seed> FUZZ_PATH=<path> replays exactly that input;
 * - no prototype change: Object.prototype (and the other built-in prototypes a hostile key could
 *   reach) are the same after the input as before;
 * - nothing over 2 s of CPU per input (and no input waiting 15 s), checked in the long runs
 *   (FUZZ_RUNS set) from each target's second input on: on a shared machine a short run in `pnpm test` must not fail for another process's
 *   load (no timing assertions in the ordinary suite).
 */

import { onTestFinished } from 'vitest';

/** The seed when FUZZ_SEED is not given: pinned, so `pnpm test` runs the same inputs every time. */
const PINNED_SEED = 1_406_2026;

/** Inputs in all in `pnpm test` (each target takes its share of it, and at least its floor). */
const SHORT_RUNS = 400;

const FUZZ_TIME_LIMIT_MS = 2000;
/** Wall time past which an input is taken to hang, whatever the machine's load. */
const FUZZ_HANG_MS = 15_000;

/** Whether this is a long run (`pnpm fuzz`, `pnpm test:long`): FUZZ_RUNS is set. */
export const LONG = process.env['FUZZ_RUNS'] !== undefined && process.env['FUZZ_RUNS'] !== '';

/**
 * Every fuzz target, with its share of FUZZ_RUNS (the inputs of the whole run; the shares add
 * up to 1, so FUZZ_RUNS=1000000 is 10^6 inputs in all) and the fewest inputs it gets. A target
 * that costs milliseconds per input takes a large share, one that costs a hundred a small one,
 * so that 10^6 inputs take about 70 minutes of CPU (docs/security.md has the table with the
 * costs measured). Keep that table in step with this one.
 */
export const FUZZ_TARGETS = {
  /** The minimal rule file with random edits (~1 KB). */
  'rules.minimal': { share: 0.04, atLeast: 20 },
  /** One standard of the Lai Châu file with its facts (5–16 KB), edited: ~125 ms CPU per input. */
  'rules.fragments': { share: 0.01, atLeast: 20 },
  /** The whole Lai Châu file (78 KB) with random edits: ~200 ms of CPU per input. */
  'rules.full': { share: 0.0005, atLeast: 5 },
  /** Any text, any bytes. */
  'rules.any': { share: 0.1, atLeast: 20 },
  'assessments.hostile': { share: 0.2, atLeast: 20 },
  'assessments.decide': { share: 0.17, atLeast: 20 },
  'assessments.soundness': { share: 0.17, atLeast: 20 },
  'expressions.conditions': { share: 0.1, atLeast: 20 },
  'arithmetic.percent': { share: 0.08, atLeast: 20 },
  'arithmetic.compare': { share: 0.06, atLeast: 20 },
  'batch.csv': { share: 0.03, atLeast: 20 },
  'batch.xlsx-cut': { share: 0.004, atLeast: 10 },
  /** Long runs only (see files.fuzz.test.ts). */
  'batch.xlsx-edits': { share: 0.004, atLeast: 10 },
  'http.bodies': { share: 0.0315, atLeast: 20 },
} as const satisfies Record<string, { share: number; atLeast: number }>;

export type FuzzTarget = keyof typeof FUZZ_TARGETS;

/** The targets' names (Object.keys types them as plain strings). */
export const FUZZ_TARGET_NAMES = Object.keys(FUZZ_TARGETS) as FuzzTarget[];

export interface FuzzParameters {
  readonly seed: number;
  readonly numRuns: number;
  readonly path?: string;
  readonly endOnFailure: true;
}

/** Inputs `target` gets out of `total` for the whole run. */
export function runsFor(target: FuzzTarget, total: number): number {
  const { share, atLeast } = FUZZ_TARGETS[target];
  return Math.max(atLeast, Math.round(total * share));
}

/** fast-check parameters for one fuzz target: its inputs (FUZZ_TARGETS), the seed, a replay path. */
export function fuzzParameters(target: FuzzTarget): FuzzParameters {
  const seedText = process.env['FUZZ_SEED'];
  const seed = seedText !== undefined && seedText !== '' ? Number(seedText) : PINNED_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be a whole number, not ${seedText}`);
  const total = LONG ? Number(process.env['FUZZ_RUNS']) : SHORT_RUNS;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`FUZZ_RUNS must be a whole number ≥ 1`);
  const path = process.env['FUZZ_PATH'];
  const numRuns = runsFor(target, total);
  // In a long run, say what ran, so its rate per target can be read off the test's duration.
  if (LONG) {
    console.log(`fuzz ${target}: ${numRuns} inputs, seed ${seed}`);
    const start = { cpu: process.cpuUsage(), wall: performance.now() };
    onTestFinished(() => {
      // The whole test: generating, shrinking and checking, on this process's threads.
      const cpu = process.cpuUsage(start.cpu);
      const all = (cpu.user + cpu.system) / 1000 / numRuns;
      const wall = (performance.now() - start.wall) / 1000;
      console.log(`${tallyLine(target)}; in all ${all.toFixed(2)} ms CPU per input, ${wall.toFixed(0)} s wall`);
    });
  }
  return { seed, numRuns, ...(path !== undefined && path !== '' ? { path } : {}), endOnFailure: true };
}

const PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
];

type Snapshot = Map<string, PropertyDescriptor | undefined>;

function snapshot(): Snapshot {
  const out: Snapshot = new Map();
  for (const [name, proto] of PROTOTYPES) {
    for (const key of Reflect.ownKeys(proto)) {
      out.set(`${name}.${String(key)}`, Object.getOwnPropertyDescriptor(proto, key));
    }
    out.set(`${name} [[Prototype]]`, { value: Object.getPrototypeOf(proto) });
  }
  return out;
}

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable;
}

/** What changed in the built-in prototypes between two snapshots (names only). */
function changes(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => !sameDescriptor(before.get(k), after.get(k)));
}

interface Tally {
  inputs: number;
  cpuMicros: number;
  slowestMs: number;
}
/** Per target in this process: inputs run, CPU time (this process, its worker threads too), slowest. */
const tallies = new Map<string, Tally>();

function count(target: string, ms: number, cpu: NodeJS.CpuUsage): void {
  const tally = tallies.get(target) ?? { inputs: 0, cpuMicros: 0, slowestMs: 0 };
  tally.inputs++;
  tally.cpuMicros += cpu.user + cpu.system;
  tally.slowestMs = Math.max(tally.slowestMs, ms);
  tallies.set(target, tally);
}

/**
 * What a long run says when a target's test ends: inputs, CPU per input (which, unlike the
 * test's duration, does not grow with other work on the machine) and the slowest input.
 */
function tallyLine(target: string): string {
  const t = tallies.get(target);
  if (t === undefined || t.inputs === 0) return `fuzz ${target}: no input ran`;
  const perInput = t.cpuMicros / 1000 / t.inputs;
  return `fuzz ${target}: ${t.inputs} inputs, ${perInput.toFixed(2)} ms CPU per input, slowest ${Math.round(t.slowestMs)} ms`;
}

/** Targets that have run an input in this process: their first one is not timed. */
const warm = new Set<string>();

function checkAfter(target: string, before: Snapshot, ms: number, cpu: NodeJS.CpuUsage): void {
  const changed = changes(before, snapshot());
  if (changed.length > 0) throw new Error(`${target}: the input changed ${changed.join(', ')}`);
  // A target's first input also pays for loading and compiling the code it runs (2–3 s for the
  // Lai Châu rules on a busy machine): that is no input's cost.
  const first = !warm.has(target);
  warm.add(target);
  if (!LONG || first) return;
  // The 2 s are CPU time (this process and its worker threads): on a shared machine wall time
  // grows with everyone else's work (a 200 ms input took 2.5 s at load average 22 on 2 cores),
  // CPU time does not. An input that waits without working (a hang) is caught by wall time,
  // with room for the load.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (cpuMs > FUZZ_TIME_LIMIT_MS) {
    throw new Error(`${target}: one input took ${Math.round(cpuMs)} ms of CPU (limit ${FUZZ_TIME_LIMIT_MS} ms)`);
  }
  if (ms > FUZZ_HANG_MS)
    throw new Error(`${target}: one input took ${Math.round(ms)} ms (a hang? limit ${FUZZ_HANG_MS} ms)`);
}

export interface Checked<T> {
  readonly value: T;
  readonly ms: number;
}

/**
 * Runs `work` on one input and checks the invariants every target shares: it does not change a
 * built-in prototype, and (in a long run) it takes at most 2 s. Throws a plain Error naming the
 * broken invariant, which fast-check reports with the seed and path.
 */
export async function guarded<T>(target: string, work: () => T | Promise<T>): Promise<Checked<T>> {
  const before = snapshot();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  count(target, ms, used);
  checkAfter(target, before, ms, used);
  return { value, ms };
}

/** The synchronous form of `guarded`, for fc.property (not asyncProperty). */
export function guardedSync<T>(target: string, work: () => T): T {
  const before = snapshot();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  count(target, ms, used);
  checkAfter(target, before, ms, used);
  return value;
}
