/**
 * A one-file `lcz evaluate` (assessment files, no batch) as one bundle: tsup.fast.config.ts builds
 * this entry into dist/evaluate-fast.cjs with the engine and everything else it reaches inlined,
 * and bin.ts runs it (launch.ts) before loading anything else. Node loads an ES module graph file
 * by file (resolve, read, decode, compile, link each one): a warm one-file run loaded 36 files
 * before, most of its start-up beyond `node -e 0` (docs/performance.md, "Start-up: one bundle").
 *
 * It runs the same code as `lcz evaluate` (dispatch.ts and commands/evaluate.ts), with evaluate as
 * the only command. Anything else (another command, help, a usage error, a batch file or a batch
 * option) answers undefined, before printing anything, and bin.ts runs the whole CLI instead: the
 * batch readers are not in this bundle, and the engine objects made here must never reach the
 * batch package's own copy of the engine (its functions would not know them).
 */
import { isBatchRun } from '../commands/evaluate.js';
import { evaluateCommand, parseEvaluateArgs } from '../commands/evaluate.usage.js';
import { asksForHelp, dispatchCommand } from '../dispatch.js';
import { onRulesReadFromFiles, rulesReadFromFiles } from '../rules-cache-folder.js';
import { bilingual, type CliIO, Session } from '../session.js';
import { setFullRun } from './full-run.js';

export { handedOver } from './full-run.js';
import type { LaunchNote } from './launch.js';

const ONLY_EVALUATE = new Map([['evaluate', async () => evaluateCommand]]);

/**
 * The exit code of `lcz <argv>` when it is a one-file evaluate, run here; undefined (nothing
 * printed) for anything else. `fullRun` runs the whole CLI on the same arguments; `notes` are
 * the launcher's (launch.ts), printed when this runs; `coldRules` is called before rules are read
 * from their files (a cache miss), for the launcher to tune V8 for such a run.
 */
export async function evaluateFast(
  argv: readonly string[],
  io: CliIO,
  fullRun: () => Promise<number>,
  notes: readonly LaunchNote[] = [],
  coldRules?: () => void,
): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (name !== 'evaluate' || asksForHelp(args)) return undefined;
  let options: ReturnType<typeof parseEvaluateArgs>;
  try {
    options = parseEvaluateArgs([...args]);
  } catch {
    return undefined; // the whole CLI says what is wrong, exactly as always
  }
  if (await isBatchRun(options, new Session(io, io.env ?? process.env))) return undefined;
  setFullRun(fullRun);
  if (coldRules) onRulesReadFromFiles(coldRules);
  for (const note of notes) io.stderr(bilingual(note.key, note.params));
  return dispatchCommand(argv, io, ONLY_EVALUATE, async () => {
    throw new Error('lcz evaluate-fast: the main help is never printed here');
  });
}

/**
 * Whether the code this run compiled is the code a warm run needs (for launch.ts to keep): the
 * rules came from the compiled-rules cache or a compiled file. A run that read the YAML (the first
 * one) also compiled the YAML loader and the schema validators, which a warm run never calls:
 * keeping them would make the code cache half again as large, and slower to load.
 */
export function ranWarm(): boolean {
  return !rulesReadFromFiles();
}

/** A note of the launcher's that arises during the run (launch.ts), as printed: both languages. */
export function noteText(note: LaunchNote): string {
  return bilingual(note.key, note.params);
}
