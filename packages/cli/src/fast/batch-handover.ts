/**
 * Stands for commands/evaluate-batch.ts in the one-file bundle (tsup.fast.config.ts): the bundle
 * has no batch readers, and its engine objects must not reach the batch package's copy of the
 * engine. evaluate-fast.ts sends batch runs to the whole CLI before anything runs, so this is
 * reached only if an input changed into a batch file in between; the whole CLI then runs the
 * command again from the start (it reads the rules and the files again).
 */
import { handOver } from './full-run.js';

export function evaluateBatchFile(): Promise<number> {
  return handOver();
}
