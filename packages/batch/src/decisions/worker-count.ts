/**
 * How many decide workers a decisions-only CSV read starts when the caller does not say: only
 * when they help. Workers pay for themselves on a large file and free cores; on a machine whose
 * cores are already busy they only add work (starting, copying blocks, posting results) to
 * cores that have none to spare: measured on 2 busy cores, 2 workers made a million rows take
 * 14.1 s against 11.1 s on one thread. So the count is the cores left free by the load average,
 * rounded down, and none at all below the size where starting them costs more than they save.
 */
import { availableParallelism, loadavg } from 'node:os';

/**
 * Below this size, no workers by default: they take about 0.15 s to start and warm up; measured
 * with the CLI on the Lai Châu rules (2 quiet cores, 2 workers against one thread): 50,000 rows
 * (23 MB) 0.73 against 0.69 s, 100,000 rows (46 MB) 0.92 against 1.0 s, 200,000 rows (92 MB) 1.3
 * against 1.5 s, a million rows 4.4 against 5.6–5.9 s.
 */
export const THREADS_FROM_BYTES = 32 * 1024 * 1024;

export interface Machine {
  /** Cores this process may use (os.availableParallelism()). */
  readonly cores: number;
  /** Runnable threads over the last minute, all processes (os.loadavg()[0]; 0 where unknown, e.g. Windows). */
  readonly load: number;
}

function thisMachine(): Machine {
  return { cores: availableParallelism(), load: loadavg()[0] ?? 0 };
}

/**
 * Workers for an input of `bytes` (undefined: not a file, size unknown → none): the free cores
 * (cores − load average), rounded, when at least one and a half are free; else none. Fewer than
 * that and the reading thread, which stays busy cutting blocks and writing results, would share
 * its core with the workers and the other processes: one thread alone is then as fast or faster.
 */
export function defaultWorkerCount(bytes: number | undefined, machine: Machine = thisMachine()): number {
  if (bytes === undefined || bytes < THREADS_FROM_BYTES) return 0;
  const cores = Math.max(1, Math.floor(machine.cores));
  const load = Number.isFinite(machine.load) && machine.load > 0 ? machine.load : 0;
  const free = cores - load;
  return free >= 1.5 ? Math.min(Math.round(free), cores) : 0;
}
