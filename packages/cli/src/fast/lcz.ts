#!/usr/bin/env node
/**
 * The installed `lcz` command (package.json "bin": dist/lcz.cjs, built by tsup.fast.config.ts):
 * bin.ts as CommonJS. A one-file `lcz evaluate` then never starts Node's ES module loader (its
 * set-up, and decoding each file through TextDecoder, whose first use loads ICU data); anything
 * else imports the whole CLI (dist/index.js) and runs it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchEvaluateFast } from './launch.js';
import { endNow, exitWith, processIO } from './process-io.js';

const argv = process.argv.slice(2);
const io = processIO();
const fullRun = async (): Promise<number> => {
  const cli: typeof import('../index.js') = await import(pathToFileURL(join(__dirname, 'index.js')).href);
  return cli.run(argv, io);
};

exitWith(
  (argv[0] === 'evaluate'
    ? launchEvaluateFast(__dirname, argv, io, fullRun, { endProcess: endNow })
    : Promise.resolve(undefined)
  ).then((code) => code ?? fullRun()),
);
