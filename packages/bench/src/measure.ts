/**
 * Timing one contender on one workload: whole passes over the workload, repeated until at least
 * `minMillis` of wall time, reporting both CPU time (user + system of this process, all threads)
 * and wall time per evaluation. CPU time is the primary figure: it is what an evaluation costs,
 * and it is far less disturbed than wall time when other jobs share the machine. For
 * asynchronous contenders that run work on other threads (zen-engine), CPU time counts those
 * threads too; wall time shows the throughput.
 *
 * Each pass returns a checksum (how many were recognised) that must equal the floor's count, so
 * no pass can be optimised away or silently go wrong.
 */
export interface Timing {
  readonly cpuNsPerEval: number;
  readonly wallNsPerEval: number;
  readonly evals: number;
}

export type SyncPass = () => number;
export type AsyncPass = () => Promise<number>;

function finish(cpu0: NodeJS.CpuUsage, t0: number, evals: number): Timing {
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { cpuNsPerEval: ((cpu.user + cpu.system) * 1000) / evals, wallNsPerEval: (wall * 1e6) / evals, evals };
}

function checksum(name: string, got: number, expected: number): void {
  if (got !== expected) throw new Error(`${name}: a timed pass recognised ${got}, the floor ${expected}`);
}

export function timeSync(name: string, pass: SyncPass, size: number, expected: number, minMillis: number): Timing {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let evals = 0;
  do {
    checksum(name, pass(), expected);
    evals += size;
  } while (performance.now() - t0 < minMillis);
  return finish(cpu0, t0, evals);
}

export async function timeAsync(
  name: string,
  pass: AsyncPass,
  size: number,
  expected: number,
  minMillis: number,
): Promise<Timing> {
  collectGarbage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let evals = 0;
  do {
    checksum(name, await pass(), expected);
    evals += size;
  } while (performance.now() - t0 < minMillis);
  return finish(cpu0, t0, evals);
}

/** A full collection between timings (when run with --expose-gc), so no contender pays for another's garbage. */
export function collectGarbage(): void {
  const gc = globalThis.gc;
  if (gc) {
    gc();
    gc();
  }
}
