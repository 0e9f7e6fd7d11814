/**
 * How many decide workers a decisions-only CSV read starts when the caller does not say: only
 * when they help. Workers pay for themselves on a large file and free cores; on a machine whose
 * cores are already busy they only add work (starting, copying blocks, posting results) to
 * cores that have none to spare: measured on 2 busy cores, 2 workers made a million rows take
 * 14.1 s against 11.1 s on one thread. So the count is the cores left free, rounded, less the
 * one the main thread decides on (it decides blocks too, body-on-workers.ts), at least one; and
 * none at all below the size where starting them costs more than they save or when fewer than
 * one and a half cores are free. On a quiet 2-core machine that is one worker: two (one per free
 * core, the earlier rule) shared the two cores three ways with the main thread, and each worker
 * costs about 0.4 s of CPU to start and warm up, so a million rows took 11.15 s against 9.25 s on
 * one thread.
 *
 * Free cores are measured where possible (CpuSample): the idle time of every core over the first
 * fraction of a second of the read, plus this process's own CPU time in it (what this thread
 * uses is ours to give to workers), over the wall time. The 1-minute load average is the
 * fall-back only: it lags a minute behind (a machine that just became busy still looks quiet),
 * and it counts this process's own earlier runs, so back-to-back runs on a quiet machine looked
 * busy to each other.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';

/**
 * Below this size, no workers by default: they take about 0.15 s to start and warm up; measured
 * with the CLI on the Lai Châu rules (2 quiet cores, 2 workers against one thread): 50,000 rows
 * (23 MB) 0.73 against 0.69 s, 100,000 rows (46 MB) 0.92 against 1.0 s, 200,000 rows (92 MB) 1.3
 * against 1.5 s, a million rows 4.4 against 5.6–5.9 s.
 */
export const THREADS_FROM_BYTES = 32 * 1024 * 1024;

/** Fewer free cores than this: no workers (see chooseWorkers). */
export const MIN_FREE_CORES = 1.5;

/**
 * How long the free cores are measured before workers are chosen (the read goes on on this
 * thread meanwhile, so nothing waits): long enough for the kernel's 10 ms CPU ticks to say
 * something (200 ms on 2 cores is 40 ticks), short beside the seconds a file of THREADS_FROM_BYTES
 * or more takes.
 */
export const SAMPLE_MS = 200;

export interface Machine {
  /** Cores this process may use (os.availableParallelism()). */
  readonly cores: number;
  /** Runnable threads over the last minute, all processes (os.loadavg()[0]; 0 where unknown, e.g. Windows). */
  readonly load: number;
  /**
   * Cores free for this process, measured over a short window (CpuSample): idle plus this
   * process's own use. Undefined when not measured; the load average then stands in.
   */
  readonly measuredFree?: number;
}

export interface WorkerPlan {
  readonly workers: number;
  /** The free cores the choice was made on (NaN when the size alone decided). */
  readonly free: number;
  /** Why: too small or of unknown size, too few free cores, or one worker per free core but the main thread's. */
  readonly reason: 'small' | 'unknown_size' | 'busy' | 'free_cores';
}

/**
 * Workers for an input of `bytes` (undefined: not a file, size unknown → none): the free cores,
 * rounded, less one for the main thread (at least one), when at least MIN_FREE_CORES are free;
 * else none. Fewer than that and the reading
 * thread, which stays busy cutting blocks and writing results, would share its core with the
 * workers and the other processes: one thread alone is then as fast or faster. Pure: the
 * machine is given.
 */
export function chooseWorkers(bytes: number | undefined, machine: Machine): WorkerPlan {
  if (bytes === undefined) return { workers: 0, free: Number.NaN, reason: 'unknown_size' };
  if (bytes < THREADS_FROM_BYTES) return { workers: 0, free: Number.NaN, reason: 'small' };
  const cores = Math.max(1, Math.floor(machine.cores));
  const free = Math.min(cores, freeCores(cores, machine));
  if (free < MIN_FREE_CORES) return { workers: 0, free, reason: 'busy' };
  // The main thread decides blocks too (body-on-workers.ts): one core of the free ones is its.
  return { workers: Math.max(1, Math.min(Math.round(free), cores) - 1), free, reason: 'free_cores' };
}

/** The measured free cores when there are some, else the cores less the load average (an unknown load: none). */
function freeCores(cores: number, machine: Machine): number {
  const measured = machine.measuredFree;
  if (measured !== undefined && Number.isFinite(measured)) return Math.max(0, measured);
  const load = Number.isFinite(machine.load) && machine.load > 0 ? machine.load : 0;
  return cores - load;
}

/** This machine: its cores, its load average, and the free cores when measured (CpuSample). */
export function thisMachine(measuredFree?: number): Machine {
  return {
    cores: availableParallelism(),
    load: loadavg()[0] ?? 0,
    ...(measuredFree !== undefined ? { measuredFree } : {}),
  };
}

/**
 * The CPU time of every core and of this process, from now on: `free()` gives the cores that
 * were idle or used by this process since (cores' worth: 1.5 = one and a half cores), or
 * undefined when the window was too short or the system gives no per-core times.
 */
export class CpuSample {
  private readonly wall = performance.now();
  private readonly idle = idleMs();
  private readonly own = process.cpuUsage();

  /** Milliseconds since the sample began. */
  get elapsedMs(): number {
    return performance.now() - this.wall;
  }

  free(): number | undefined {
    const wall = this.elapsedMs;
    const idle = idleMs();
    if (wall < SAMPLE_MS / 2 || idle === undefined || this.idle === undefined) return undefined;
    const used = process.cpuUsage(this.own);
    const ownMs = (used.user + used.system) / 1000;
    return (idle - this.idle + ownMs) / wall;
  }
}

/** Idle milliseconds of all cores together since boot; undefined where the system gives none. */
function idleMs(): number | undefined {
  const list = cpus();
  if (list.length === 0) return undefined;
  let idle = 0;
  for (const cpu of list) idle += cpu.times.idle;
  return idle;
}
