/**
 * @lcz/cli: the `lcz` command line as a function (`run(argv, io) → exit code`).
 */
export { run, EXIT, type CliIO, type Lang, type EvaluateOptions, type ValidateOptions } from './run.js';
