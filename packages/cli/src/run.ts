/**
 * The lcz command line as a function: `run(argv, io)` picks the command named first, lets it
 * parse its own arguments and run, and returns the exit code. All I/O goes through `io` (and the
 * file system), so tests call it in-process. Each command's options, parsing and help live beside
 * it in commands/; dispatch.ts only dispatches and turns errors into messages and exit codes.
 */
import { COMMANDS } from './commands/registry.js';
import { dispatchCommand } from './dispatch.js';
import type { CliIO } from './session.js';

export type { CliIO, Lang } from './session.js';
export { EXIT } from './session.js';

/**
 * Run lcz with `argv` (the arguments after the program name). Never throws: user mistakes
 * become messages and exit codes 1 or 2; a bug becomes a short message (stack with LCZ_DEBUG=1)
 * and exit code 70.
 */
export function run(argv: readonly string[], io: CliIO): Promise<number> {
  return dispatchCommand(argv, io, COMMANDS, mainHelp);
}

/** The help of lcz as a whole, loaded only to be printed (like each command's own). */
async function mainHelp(): Promise<string> {
  return (await import('./help.js')).MAIN_HELP;
}
