/** The process's standard streams and environment as the CLI's I/O (for bin.ts and lcz.ts). */
import type { CliIO } from '../session.js';

export function processIO(): CliIO {
  // A reader that stops early (`lcz … | head`) is not an error: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
    env: process.env,
  };
}

/** Sets the exit code from a run that should never reject (printing it if it does: a bug). */
export function exitWith(code: Promise<number>): void {
  code.then(
    (value) => {
      process.exitCode = value;
    },
    (error: unknown) => {
      // run() never rejects; this is a last resort.
      console.error(error);
      process.exitCode = 70;
    },
  );
}

/**
 * Ends the process now with `code` (a one-file `lcz evaluate` the bundle ran to its end, launch.ts),
 * when standard output and error hold nothing more to write (a pipe its reader has not emptied
 * still does: then the process ends as usual, once it is written). Left to end by itself, Node
 * first lets V8 finish the work it queued (an incremental mark-compact, optimised compiles on its
 * other thread): about 5% of a first run's instructions, for a heap and code thrown away next
 * (docs/performance.md, "Start-up: the first run from a code cache shipped in dist"). 'exit'
 * listeners still run.
 */
export function endNow(code: number): void {
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
}
