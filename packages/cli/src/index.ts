/**
 * @lcz/cli: the `lcz` command line as a function (`run(argv, io) → exit code`).
 */
export { run, EXIT, type CliIO, type Lang } from './run.js';
export type { EvaluateOptions } from './commands/evaluate.usage.js';
export type { TestOptions } from './commands/test.usage.js';
export type { ValidateOptions } from './commands/validate.usage.js';
export type { ExplainOptions } from './commands/explain.usage.js';
export type { ReportOptions } from './commands/report.usage.js';
export type { DiffOptions } from './commands/diff.usage.js';
export type { DocsOptions } from './commands/docs.usage.js';
