/**
 * A command of lcz: its name, its help text, how its arguments become its options, and how it
 * runs. Each command declares this beside its implementation (commands/<name>.usage.ts); the
 * implementation is imported only when the command runs, so `--help` and usage errors never load
 * the engine.
 */
import type { Session } from './session.js';

export interface Command {
  readonly name: string;
  readonly help: string;
  /**
   * True for a command that stops on SIGINT/SIGTERM its own way (`lcz serve` closes its server):
   * every other one runs inside stop-signals.ts, which deletes its outputs' temporary files.
   */
  readonly handlesStopSignals?: boolean;
  /** Parse the arguments after the command's name (throwing UsageError), then run the command. */
  run(args: string[], session: Session): Promise<number>;
}

interface CommandSpec<O> {
  readonly name: string;
  readonly help: string;
  readonly handlesStopSignals?: boolean;
  /** The arguments as the command's options; a UsageError for anything wrong with them. */
  parse(args: string[]): O;
  /** Run with parsed options (loading the implementation then). */
  run(options: O, session: Session): Promise<number>;
}

/** Ties a command's parsing to its run, so the registry holds commands of different option types. */
export function defineCommand<O>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    help: spec.help,
    ...(spec.handlesStopSignals === true ? { handlesStopSignals: true } : {}),
    run: (args, session) => spec.run(spec.parse(args), session),
  };
}
