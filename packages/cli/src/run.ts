/**
 * The lcz command line as a function: `run(argv, io)` parses the arguments, runs one command and
 * returns the exit code. All I/O goes through `io` (and the file system), so tests call it
 * in-process. This file is the thin routing layer; the commands live in commands/ and are loaded
 * only when used, so `--help` and usage errors never load the engine.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import enginePackage from '@lcz/criteria-engine/package.json' with { type: 'json' };
import cliPackage from '../package.json' with { type: 'json' };
import { EVALUATE_HELP, MAIN_HELP, VALIDATE_HELP } from './help.js';
import { bilingual, EXIT, Session, UsageError, type CliIO, type Lang } from './session.js';

export type { CliIO, Lang } from './session.js';
export { EXIT } from './session.js';

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly lang: Lang;
}

export interface EvaluateOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  readonly full: boolean;
}

const LANG_OPTION = { lang: { type: 'string' } } as const;
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

interface Command {
  readonly help: string;
  run(args: string[], session: Session): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  validate: {
    help: VALIDATE_HELP,
    async run(args, session) {
      const { values, positionals } = parse('validate', args, { ...LANG_OPTION, ...HELP_OPTION });
      const lang = langOf(values.lang, 'validate');
      if (positionals.length === 0) throw new UsageError('missing_rules_path', {}, 'validate');
      const { validate } = await import('./commands/validate.js');
      return validate({ paths: positionals, lang }, session);
    },
  },
  evaluate: {
    help: EVALUATE_HELP,
    async run(args, session) {
      const { values, positionals } = parse('evaluate', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        json: { type: 'boolean' },
        full: { type: 'boolean' },
      });
      const lang = langOf(values.lang, 'evaluate');
      if (values.rules === undefined || values.rules === '') throw new UsageError('missing_rules_option', {}, 'evaluate');
      if (positionals.length === 0) throw new UsageError('missing_assessments', {}, 'evaluate');
      const { evaluate } = await import('./commands/evaluate.js');
      return evaluate(
        { rules: values.rules, inputs: positionals, lang, json: values.json === true, full: values.full === true },
        session,
      );
    },
  },
};

/**
 * Run lcz with `argv` (the arguments after the program name). Never throws: user mistakes
 * become messages and exit codes 1 or 2; a bug becomes a short message (stack with LCZ_DEBUG=1)
 * and exit code 70.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const session = new Session(io, io.env ?? process.env);
  try {
    return await dispatch([...argv], session);
  } catch (error) {
    if (error instanceof UsageError) {
      session.err(bilingual(error.key, error.params) + bilingual('see_help', { command: error.command ? `${error.command} ` : '' }));
      return EXIT.usage;
    }
    session.err(bilingual('internal_error'));
    if (session.debug) {
      session.err(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));
    } else {
      session.err(`lcz: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    return EXIT.internal;
  }
}

async function dispatch(argv: string[], session: Session): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    session.err(MAIN_HELP);
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    session.out(MAIN_HELP);
    return EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    session.out(`lcz ${cliPackage.version} (@lcz/criteria-engine ${enginePackage.version})`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      session.out(MAIN_HELP);
      return EXIT.ok;
    }
    const command = COMMANDS[topic];
    if (command === undefined) throw new UsageError('unknown_command', { command: topic });
    session.out(command.help);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError('unknown_option', { option: first.split('=')[0] ?? first });
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (command === undefined) throw new UsageError('unknown_command', { command: first });
  if (asksForHelp(rest)) {
    session.out(command.help);
    return EXIT.ok;
  }
  return command.run(rest, session);
}

/** `-h`/`--help` anywhere before a `--` terminator, even next to otherwise invalid arguments. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` with node's errors turned into bilingual usage errors. */
function parse<const O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError('unknown_option', { option }, command);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const key = /does not take an argument/.test(message) ? 'option_takes_no_value' : 'option_needs_value';
      throw new UsageError(key, { option: option.replace(/ <value>$/, '') }, command);
    }
    throw new UsageError('bad_arguments', { detail: message }, command);
  }
}

function langOf(value: string | undefined, command: string): Lang {
  if (value === undefined || value === 'vi' || value === 'en') return value ?? 'vi';
  throw new UsageError('bad_lang', { value }, command);
}
