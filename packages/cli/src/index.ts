/**
 * @lcz/cli: the `lcz` command line as a function (`run(argv, io) → exit code`).
 */
export {
  run,
  EXIT,
  type CliIO,
  type Lang,
  type EvaluateOptions,
  type TestOptions,
  type ValidateOptions,
} from './run.js';
export type { ExplainOptions, ReportOptions } from './run.js';
export type { DiffOptions, DocsOptions } from './run.js';
