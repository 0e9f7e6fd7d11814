/**
 * Every command of lcz, by name. A new command is one `<name>.usage.ts` (options, parsing, help)
 * and one `<name>.ts` (what it does) in this folder, and one line here.
 */
import type { Command } from '../command.js';
import { buildCommand } from './build.usage.js';
import { checkCommand } from './check.usage.js';
import { diffCommand } from './diff.usage.js';
import { docsCommand } from './docs.usage.js';
import { evaluateCommand } from './evaluate.usage.js';
import { explainCommand } from './explain.usage.js';
import { lspCommand } from './lsp.usage.js';
import { recordsCommand } from './records.usage.js';
import { reportCommand } from './report.usage.js';
import { schemaCommand } from './schema.usage.js';
import { serveCommand } from './serve.usage.js';
import { templateCommand } from './template.usage.js';
import { testCommand } from './test.usage.js';
import { validateCommand } from './validate.usage.js';
import { versionCommand } from './version.usage.js';

const ALL: readonly Command[] = [
  validateCommand,
  checkCommand,
  evaluateCommand,
  templateCommand,
  buildCommand,
  schemaCommand,
  explainCommand,
  reportCommand,
  testCommand,
  diffCommand,
  docsCommand,
  serveCommand,
  recordsCommand,
  versionCommand,
  lspCommand,
];

/** A Map, not an object: `lcz help toString` is an unknown command, not a method of Object. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(ALL.map((command) => [command.name, command]));
