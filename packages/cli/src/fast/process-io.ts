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
