#!/usr/bin/env node
// Glue only: wire the process to run(), through the one-file bundle for `lcz evaluate` on
// assessment files (fast/launch.ts); everything else loads the whole CLI (run.ts). The installed
// command is dist/lcz.cjs (fast/lcz.ts), which does the same without loading this ES module.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchEvaluateFast } from './fast/launch.js';
import { endNow, exitWith, processIO } from './fast/process-io.js';

const argv = process.argv.slice(2);
const io = processIO();
const fullRun = async () => (await import('./run.js')).run(argv, io);
const dist = dirname(fileURLToPath(import.meta.url));

exitWith(
  (argv[0] === 'evaluate'
    ? launchEvaluateFast(dist, argv, io, fullRun, { endProcess: endNow })
    : Promise.resolve(undefined)
  ).then((code) => code ?? fullRun()),
);
