/**
 * The lcz command line as a function: `run(argv, io)` picks the command named first, lets it
 * parse its own arguments and run, and returns the exit code. All I/O goes through `io` (and the
 * file system), so tests call it in-process. Each command's options, parsing and help live beside
 * it in commands/; this file only dispatches and turns errors into messages and exit codes.
 */
import enginePackage from '@lcz/criteria-engine/package.json' with { type: 'json' };
import cliPackage from '../package.json' with { type: 'json' };
import { COMMANDS } from './commands/registry.js';
import { bilingual, EXIT, Session, UsageError, type CliIO } from './session.js';

export type { CliIO, Lang } from './session.js';
export { EXIT } from './session.js';

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
      session.err(
        bilingual(error.key, error.params) +
          bilingual('see_help', { command: error.command ? `${error.command} ` : '' }),
      );
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
    session.err(await mainHelp());
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    session.out(await mainHelp());
    return EXIT.ok;
  }
  if (first === '-V' || first === '--version') {
    session.out(`lcz ${cliPackage.version} (@lcz/criteria-engine ${enginePackage.version})`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      session.out(await mainHelp());
      return EXIT.ok;
    }
    const load = COMMANDS.get(topic);
    if (load === undefined) throw new UsageError('unknown_command', { command: topic });
    session.out((await load()).help);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError('unknown_option', { option: first.split('=')[0] ?? first });
  const load = COMMANDS.get(first);
  if (load === undefined) throw new UsageError('unknown_command', { command: first });
  const command = await load();
  if (asksForHelp(rest)) {
    session.out(command.help);
    return EXIT.ok;
  }
  return command.run(rest, session);
}

/** The help of lcz as a whole, loaded only to be printed (like each command's own). */
async function mainHelp(): Promise<string> {
  return (await import('./help.js')).MAIN_HELP;
}

/** `-h`/`--help` anywhere before a `--` terminator, even next to otherwise invalid arguments. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}
