/**
 * Every command of lcz, by name. A new command is one `<name>.usage.ts` (options, parsing, help)
 * and one `<name>.ts` (what it does) in this folder, and one line here.
 *
 * Each entry loads its usage module when asked: `lcz evaluate …` reads evaluate's options and
 * help only, not the help texts of every command (79 kB of code compiled at every start before:
 * docs/performance.md, "Start-up").
 */
import type { Command } from '../command.js';

type LoadCommand = () => Promise<Command>;

const ALL: readonly (readonly [string, LoadCommand])[] = [
  ['validate', async () => (await import('./validate.usage.js')).validateCommand],
  ['check', async () => (await import('./check.usage.js')).checkCommand],
  ['evaluate', async () => (await import('./evaluate.usage.js')).evaluateCommand],
  ['template', async () => (await import('./template.usage.js')).templateCommand],
  ['build', async () => (await import('./build.usage.js')).buildCommand],
  ['schema', async () => (await import('./schema.usage.js')).schemaCommand],
  ['explain', async () => (await import('./explain.usage.js')).explainCommand],
  ['report', async () => (await import('./report.usage.js')).reportCommand],
  ['test', async () => (await import('./test.usage.js')).testCommand],
  ['diff', async () => (await import('./diff.usage.js')).diffCommand],
  ['docs', async () => (await import('./docs.usage.js')).docsCommand],
  ['serve', async () => (await import('./serve.usage.js')).serveCommand],
  ['records', async () => (await import('./records.usage.js')).recordsCommand],
  ['version', async () => (await import('./version.usage.js')).versionCommand],
  ['lsp', async () => (await import('./lsp.usage.js')).lspCommand],
];

/** A Map, not an object: `lcz help toString` is an unknown command, not a method of Object. */
export const COMMANDS: ReadonlyMap<string, LoadCommand> = new Map(ALL);
