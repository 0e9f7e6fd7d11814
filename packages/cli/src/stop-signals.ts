/**
 * Ctrl+C (SIGINT) or SIGTERM while a command writes its outputs: they are written to temporary
 * files beside the targets (the engine's atomic-file.ts: `lcz evaluate --out`, report, docs,
 * template, schema, build, test --accept, records export and backup, version new's staged
 * folder, the rules cache) and put in place at the end, so a stopped run leaves the earlier
 * outputs as they were; but a process killed by a signal never got to delete its temporary
 * files, and a million-row `--out` left a 75 MB `.k.jsonl.<pid>.….tmp` behind. dispatch.ts runs
 * every command inside `removingTemporariesOnStop`: a stop signal deletes them, then stops the
 * process by the same signal, so the exit status is the usual one (130 for SIGINT, 143 for
 * SIGTERM in a shell). Not `lcz serve`, which closes its server its own way (serve.ts).
 */
import { removeTemporariesSync } from '@lcz/criteria-engine/node';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export async function removingTemporariesOnStop<T>(work: () => Promise<T>): Promise<T> {
  const stop = (signal: NodeJS.Signals): void => {
    for (const s of STOP_SIGNALS) process.off(s, stop);
    removeTemporariesSync();
    // With no listener left, the signal stops the process as it would have without this one.
    process.kill(process.pid, signal);
  };
  for (const s of STOP_SIGNALS) process.on(s, stop);
  try {
    return await work();
  } finally {
    for (const s of STOP_SIGNALS) process.off(s, stop);
  }
}
