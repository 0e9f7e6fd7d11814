/**
 * What every fuzz test shares (`pnpm fuzz`; a short run in `pnpm test`, 10^6 inputs in
 * `pnpm test:long`): how many inputs, from which seed, and the invariants that hold for every
 * input whatever the target:
 * - replayable: the seed is pinned unless FUZZ_SEED says otherwise; fast-check prints the seed
 *   and the path of a failure, and FUZZ_SEED=<seed> FUZZ_PATH=<path> replays exactly that input;
 * - no prototype change: Object.prototype (and the other built-in prototypes a hostile key could
 *   reach) are the same after the input as before;
 * - nothing over 2 s per input, checked in the long runs (FUZZ_RUNS set): on a shared machine a
 *   short run in `pnpm test` must not fail for another process's load (no timing assertions in
 *   the ordinary suite).
 */

/** The seed when FUZZ_SEED is not given: pinned, so `pnpm test` runs the same inputs every time. */
const PINNED_SEED = 1_406_2026;

/** Inputs per test in `pnpm test` (each test weighs its share of it). */
const SHORT_RUNS = 400;

const FUZZ_TIME_LIMIT_MS = 2000;

/** Whether this is a long run (`pnpm fuzz`, `pnpm test:long`): FUZZ_RUNS is set. */
export const LONG = process.env['FUZZ_RUNS'] !== undefined && process.env['FUZZ_RUNS'] !== '';

export interface FuzzParameters {
  readonly seed: number;
  readonly numRuns: number;
  readonly path?: string;
  readonly endOnFailure: true;
}

/**
 * fast-check parameters for one fuzz test. `share` is the part of FUZZ_RUNS (the whole run's
 * inputs) this test takes: a cheap in-memory target takes a large share, one that writes files or
 * makes HTTP requests a small one. At least `atLeast` inputs (20 unless said).
 */
export function fuzzParameters(share: number, atLeast = 20): FuzzParameters {
  const seedText = process.env['FUZZ_SEED'];
  const seed = seedText !== undefined && seedText !== '' ? Number(seedText) : PINNED_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be a whole number, not ${seedText}`);
  const total = LONG ? Number(process.env['FUZZ_RUNS']) : SHORT_RUNS;
  if (!Number.isSafeInteger(total) || total < 1) throw new Error(`FUZZ_RUNS must be a whole number ≥ 1`);
  const path = process.env['FUZZ_PATH'];
  return {
    seed,
    numRuns: Math.max(atLeast, Math.round(total * share)),
    ...(path !== undefined && path !== '' ? { path } : {}),
    endOnFailure: true,
  };
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
  const value = await work();
  const ms = performance.now() - start;
  const changed = changes(before, snapshot());
  if (changed.length > 0) throw new Error(`${target}: the input changed ${changed.join(', ')}`);
  if (LONG && ms > FUZZ_TIME_LIMIT_MS) {
    throw new Error(`${target}: one input took ${Math.round(ms)} ms (limit ${FUZZ_TIME_LIMIT_MS} ms)`);
  }
  return { value, ms };
}

/** The synchronous form of `guarded`, for fc.property (not asyncProperty). */
export function guardedSync<T>(target: string, work: () => T): T {
  const before = snapshot();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const changed = changes(before, snapshot());
  if (changed.length > 0) throw new Error(`${target}: the input changed ${changed.join(', ')}`);
  if (LONG && ms > FUZZ_TIME_LIMIT_MS) {
    throw new Error(`${target}: one input took ${Math.round(ms)} ms (limit ${FUZZ_TIME_LIMIT_MS} ms)`);
  }
  return value;
}
