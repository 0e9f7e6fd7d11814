/**
 * What a bench run does. `BENCH_QUICK=1` shrinks everything (a smoke run in well under a
 * minute); the full run stays under about three minutes on a 2-core machine.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(BENCH_DIR, '../..');
export const RULES_FILE = join(REPO_ROOT, 'rules/lai-chau-2020-2025/ruleset.yaml');
export const OUT_DIR = join(BENCH_DIR, '.bench-out');
export const RESULTS_FILE = join(BENCH_DIR, 'results/latest.json');

export interface BenchConfig {
  readonly quick: boolean;
  readonly seed: number;
  /** Assessments in the main workload. */
  readonly assessments: number;
  /** Measured rounds (one more, unrecorded, warms up). */
  readonly rounds: number;
  /** Each timing repeats passes over its workload until at least this long. */
  readonly minMillis: number;
  /** Complete assessments given to each anchor (the slow ones get fewer). */
  readonly anchorSamples: {
    readonly jsonLogic: number;
    readonly cel: number;
    readonly zen: number;
    readonly jre: number;
  };
  /** Chunk size for zen-engine's batched mode (Promise.all per chunk). */
  readonly zenChunk: number;
  readonly coldStartSpawns: number;
  readonly recompileRuns: number;
  readonly memorySpawns: number;
  /**
   * Assessments in the memory children: few, so that the engine's own few MB show instead of
   * vanishing under a 250 MB workload.
   */
  readonly memoryAssessments: number;
  /** Phases left out of this run (BENCH_SKIP=csv,cold,memory,scaling,recompile,levels), e.g. on a busy machine. */
  readonly skip: ReadonlySet<string>;
}

export function benchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const quick = env['BENCH_QUICK'] === '1';
  const seed = env['BENCH_SEED'] ? Number(env['BENCH_SEED']) : 20_201_110;
  const skip = new Set((env['BENCH_SKIP'] ?? '').split(',').filter((x) => x !== ''));
  return quick
    ? {
        quick,
        seed,
        assessments: 10_000,
        rounds: 3,
        minMillis: 25,
        anchorSamples: { jsonLogic: 1_000, cel: 1_000, zen: 300, jre: 200 },
        zenChunk: 100,
        coldStartSpawns: 3,
        recompileRuns: 7,
        memorySpawns: 1,
        memoryAssessments: 1_000,
        skip,
      }
    : {
        quick,
        seed,
        assessments: 100_000,
        rounds: 7,
        minMillis: 200,
        anchorSamples: { jsonLogic: 5_000, cel: 10_000, zen: 2_000, jre: 1_000 },
        zenChunk: 100,
        coldStartSpawns: 11,
        recompileRuns: 21,
        memorySpawns: 2,
        memoryAssessments: 2_000,
        skip,
      };
}
