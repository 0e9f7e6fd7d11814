/**
 * What every command gets: the injected I/O, the working directory and environment, and the
 * small helpers for printing and for turning paths into what the user typed.
 */
import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { en, type CliMessageKey, type CliMessages } from './messages/en.js';
import { vi } from './messages/vi.js';

export interface CliIO {
  /** Write text to standard output (the text carries its own line breaks). */
  stdout(s: string): void;
  /** Write text to standard error. */
  stderr(s: string): void;
  /** Whether standard output is a terminal: colour is used only then (and when NO_COLOR is unset). */
  isTTY?: boolean;
  /** Whether standard error is a terminal: progress bars are drawn only then. */
  stderrIsTTY?: boolean;
  /** Directory relative paths are resolved against; defaults to process.cwd(). */
  cwd?: string;
  /** Environment (NO_COLOR, LCZ_DEBUG); defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

export type Lang = 'vi' | 'en';

/** Exit codes: 0 success, 1 invalid rules or assessments, 2 wrong usage, 70 a bug in lcz. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;

export const cliMessages: Readonly<Record<Lang, CliMessages>> = { vi, en };

type Params = Readonly<Record<string, string | number>>;

export function say(lang: Lang, key: CliMessageKey, params: Params = {}): string {
  // The engine's interpolate (diagnostics/interpolate.ts) in six lines: importing any engine entry
  // here would load it (70–140 ms measured for ./messages) before every command, even --help.
  return cliMessages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? whole : String(value);
  });
}

/** An error for people: Vietnamese first, then English, each line prefixed `lcz:`. */
export function bilingual(key: CliMessageKey, params: Params = {}): string {
  return `lcz: ${say('vi', key, params)}\nlcz: ${say('en', key, params)}\n`;
}

/** A mistake in how lcz was called: printed in both languages, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    readonly key: CliMessageKey,
    readonly params: Params = {},
    /** The command whose help to point at, if any. */
    readonly command?: string,
  ) {
    super(say('en', key, params));
  }
}

export class Session {
  readonly cwd: string;
  readonly color: boolean;
  readonly debug: boolean;

  constructor(
    private readonly io: CliIO,
    readonly env: Readonly<Record<string, string | undefined>>,
  ) {
    this.cwd = io.cwd ?? process.cwd();
    this.color = io.isTTY === true && env['NO_COLOR'] === undefined;
    this.debug = isOn(env['LCZ_DEBUG']);
  }

  /** Print to standard output, ending with one line break. */
  out(text: string): void {
    this.io.stdout(withNewline(text));
  }

  /** Print to standard error, ending with one line break. */
  err(text: string): void {
    this.io.stderr(withNewline(text));
  }

  /** Whether a progress bar may be drawn: standard error is a terminal. */
  get stderrIsTTY(): boolean {
    return this.io.stderrIsTTY === true;
  }

  /** Write to standard error exactly as given (progress bars redraw one line). */
  errRaw(text: string): void {
    this.io.stderr(text);
  }

  /** The absolute path of something the user named. */
  abs(path: string): string {
    return resolve(this.cwd, path);
  }

  /** A path as the user would type it: relative to the working directory when inside it. */
  display(path: string): string {
    if (!isAbsolute(path)) return path;
    const rel = relative(this.cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  }

  /** Rewrite the `file` (and a `path` parameter) of diagnostics the way `display` does. */
  relocate<T extends { readonly file: string; readonly params: Readonly<Record<string, unknown>> }>(
    items: readonly T[],
  ): T[] {
    return items.map((item) => {
      const path = item.params['path'];
      const params = typeof path === 'string' ? { ...item.params, path: this.display(path) } : item.params;
      return { ...item, file: this.display(item.file), params };
    });
  }
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function isOn(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * Writes a command's output file (`--out`). A path that cannot be written is the user's to fix,
 * so it becomes a usage error naming the path and the reason, never a stack trace.
 */
export async function writeOutput(
  session: Session,
  path: string,
  data: string | Uint8Array,
  command: string,
): Promise<void> {
  try {
    await writeFile(session.abs(path), data);
  } catch (error) {
    throw new UsageError(
      'cannot_write',
      { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) },
      command,
    );
  }
}
