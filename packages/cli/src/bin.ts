#!/usr/bin/env node
// Glue only: wire the process to run(), through the one-file bundle for `lcz evaluate` on
// assessment files (fast/launch.ts); everything else loads the whole CLI (run.ts).
import type { CliIO } from './session.js';
import { launchEvaluateFast } from './fast/launch.js';

// A reader that stops early (`lcz … | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const argv = process.argv.slice(2);
const io: CliIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
};
const fullRun = async () => (await import('./run.js')).run(argv, io);

(argv[0] === 'evaluate' ? launchEvaluateFast(argv, io, fullRun) : Promise.resolve(undefined))
  .then((code) => code ?? fullRun())
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // run() never rejects; this is a last resort.
      console.error(error);
      process.exitCode = 70;
    },
  );
