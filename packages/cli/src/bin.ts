#!/usr/bin/env node
// Glue only: wire the process to run().
import { run } from './run.js';

run(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  isTTY: process.stdout.isTTY === true,
  cwd: process.cwd(),
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // run() never rejects; this is a last resort.
    console.error(error);
    process.exitCode = 70;
  },
);
