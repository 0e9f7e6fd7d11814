/**
 * Dispatching a command line: the command named first parses its own arguments and runs; errors
 * become messages and exit codes. The commands are given, so that run.ts (every command) and the
 * one-file evaluate bundle (fast/evaluate-fast.ts: evaluate only) share this code.
 */
import enginePackage from '@lcz/criteria-engine/package.json' with { type: 'json' };
import cliPackage from '../package.json' with { type: 'json' };
import type { Command } from './command.js';
import { bilingual, EXIT, Session, UsageError, type CliIO } from './session.js';

/** Each command's name and how to load it (commands/registry.ts). */
export type Commands = ReadonlyMap<string, () => Promise<Command>>;

/** run() with these commands, and this main help: see run.ts. */
export async function dispatchCommand(
  argv: readonly string[],
  io: CliIO,
  commands: Commands,
  mainHelp: () => Promise<string>,
): Promise<number> {
  const session = new Session(io, io.env ?? process.env);
  try {
    return await dispatch([...argv], session, commands, mainHelp);
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

async function dispatch(
  argv: string[],
  session: Session,
  commands: Commands,
  mainHelp: () => Promise<string>,
): Promise<number> {
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
    const load = commands.get(topic);
    if (load === undefined) throw new UsageError('unknown_command', { command: topic });
    session.out((await load()).help);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError('unknown_option', { option: first.split('=')[0] ?? first });
  const load = commands.get(first);
  if (load === undefined) throw new UsageError('unknown_command', { command: first });
  const command = await load();
  if (asksForHelp(rest)) {
    session.out(command.help);
    return EXIT.ok;
  }
  if (command.handlesStopSignals === true) return command.run(rest, session);
  // Every command that may write a file atomically: a stop signal deletes its temporary files.
  const { removingTemporariesOnStop } = await import('./stop-signals.js');
  return removingTemporariesOnStop(() => command.run(rest, session));
}

/** `-h`/`--help` anywhere before a `--` terminator, even next to otherwise invalid arguments. */
export function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help') return true;
  }
  return false;
}
