/**
 * The whole CLI, for the one-file bundle (evaluate-fast.ts) to hand a run over to. Its batch path
 * (commands/evaluate-batch.ts) is replaced in the bundle by batch-handover.ts, which is reached
 * only if an input became a batch file between the bundle's check and evaluate's own.
 */
let fullRun: (() => Promise<number>) | undefined;
let handed = false;

export function setFullRun(run: () => Promise<number>): void {
  fullRun = run;
}

export function handOver(): Promise<number> {
  if (fullRun === undefined) throw new Error('lcz evaluate-fast: no full run to hand over to');
  handed = true;
  return fullRun();
}

/** Whether this run was handed over to the whole CLI (whose work may outlast its answer: launch.ts). */
export function handedOver(): boolean {
  return handed;
}
