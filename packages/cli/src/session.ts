/**
 * What every command gets: the injected I/O, the working directory and environment, and the
 * small helpers for printing and for turning paths into what the user typed.
 */
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
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

const cliMessages: Readonly<Record<Lang, CliMessages>> = { vi, en };

type Params = Readonly<Record<string, string | number>>;

/**
 * A message in `lang` with its params. A message that names what is assessed (`{assessed}`…) is
 * said with `words`: the loaded rule file's words put in by the engine's withWords (see
 * scheme-words.ts), which the caller passes so that this module imports no engine entry.
 */
export function say(
  lang: Lang,
  key: CliMessageKey,
  params: Params = {},
  words: (text: string) => string = (text) => text,
): string {
  // The engine's interpolate (diagnostics/interpolate.ts) in a few lines, `{n|one|other}` included:
  // importing any engine entry here would load it (70–140 ms measured for ./messages) before every
  // command, even --help. run.test.ts checks the two fill the same way.
  return words(cliMessages[lang][key]).replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (value === undefined) return whole;
      if (one !== undefined && other !== undefined) return value === 1 || value === '1' ? one : other;
      return typeof value === 'string' ? escapeInvisible(value) : String(value);
    },
  );
}

// The engine's escapeInvisible (diagnostics/escape.ts), copied for the same start-up reason; a
// test (run.test.ts) checks the two agree on every UTF-16 code unit. A param quotes what the user
// typed (a path, an option value): a U+202E or a BOM in it is shown as \u202E, never raw.
const INVISIBLE = new RegExp(
  '[\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\uFFFD]' +
    '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
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
    // `path` and the `…_file` params (first_file, other_file) name files too: shown the same way.
    const isPath = (key: string) => key === 'path' || key.endsWith('_file');
    return items.map((item) => {
      // A cast that stays: Object.fromEntries gives Record<string, unknown>, but these are T's own
      // keys and values, path strings only rewritten to strings, so still T's params.
      const params = Object.fromEntries(
        Object.entries(item.params).map(([k, v]) => [k, isPath(k) && typeof v === 'string' ? this.display(v) : v]),
      ) as T['params'];
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
 * Writes a command's output file (`--out`), whole or not at all (a temporary file beside it is
 * renamed over it), so a failed run never leaves a cut-off file in place of a good one. A path that cannot be written is the user's to fix,
 * so it becomes a usage error naming the path and the reason, never a stack trace.
 */
export async function writeOutput(
  session: Session,
  path: string,
  data: string | Uint8Array,
  command: string,
): Promise<void> {
  try {
    // Loaded here, not at the top: `lcz` starts without loading the engine.
    const { writeFileAtomic } = await import('@lcz/criteria-engine/node');
    await writeFileAtomic(session.abs(path), data);
  } catch (error) {
    throw new UsageError('cannot_write', { path, reason: errorReason(error) }, command);
  }
}

/** Why a file operation failed, for a message: the system's code (ENOENT, EACCES…), else the error's text. */
export function errorReason(error: unknown): string {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : String(error);
}

/**
 * Refuses an output path that is also one of the command's inputs (`lcz evaluate a.csv --summary
 * a.csv`): writing it would destroy the input before, or while, it is read. Paths are compared
 * by the file they name (a link or another spelling of the same file counts), and a rules folder
 * means its ruleset.yaml.
 */
export async function refuseOutputOverInput(
  session: Session,
  command: string,
  outputs: Readonly<Record<string, string | undefined>>,
  inputs: readonly (string | undefined)[],
): Promise<void> {
  const identities = new Map<string, string>();
  for (const input of inputs) {
    if (input === undefined) continue;
    for (const id of await fileIdentities(session.abs(input))) identities.set(id, input);
  }
  for (const [option, output] of Object.entries(outputs)) {
    if (output === undefined) continue;
    for (const id of await fileIdentities(session.abs(output))) {
      const input = identities.get(id);
      if (input !== undefined) throw new UsageError('output_is_input', { option, path: output, input }, command);
    }
  }
}

/** What names one file: its resolved path, and its device and inode when it exists. */
async function fileIdentities(path: string): Promise<string[]> {
  const ids = [resolve(path)];
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    const ruleset = join(path, 'ruleset.yaml');
    ids.push(resolve(ruleset));
    info = await stat(ruleset).catch(() => undefined);
  }
  if (info !== undefined && !info.isDirectory()) ids.push(`inode:${info.dev}:${info.ino}`);
  return ids;
}
