/**
 * What every command's argument parsing shares: node's `parseArgs` with its errors turned into
 * bilingual usage errors, `--lang` and `--help` on every command, and the checks several
 * commands make (an option given an empty value, arguments left over, a bounded whole number).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type Lang } from './session.js';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What `parseArgs` returns for a command's options plus the common ones, and the language read from them. */
type ParsedArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof COMMON_OPTIONS & O; allowPositionals: true; strict: true }>
> & { readonly lang: Lang };

/**
 * Parse one command's arguments (its own options plus `--lang` and `--help`; positionals
 * allowed) and read `--lang` first, so every later usage error is about the command's own options.
 */
export function parseCommandArgs<const O extends Options>(command: string, args: string[], options: O): ParsedArgs<O> {
  const { values, positionals } = parseStrict(command, args, { ...COMMON_OPTIONS, ...options });
  // Read through a plain record: with O still generic here, TypeScript cannot resolve `values.lang`.
  const all: Readonly<Record<string, unknown>> = values;
  return { values, positionals, lang: langOf(all['lang'], command) };
}

/** `parseArgs` with node's errors turned into bilingual usage errors. */
function parseStrict<const O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args: negativeValuesJoined(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const option = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      // lcz build --rules X, as lcz evaluate takes it: say how this command takes the rules.
      if (option === '--rules' && !('rules' in options))
        throw new UsageError('rules_positional', { command, rules: rulesGiven(args) }, command);
      throw new UsageError('unknown_option', { option }, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const key = /does not take an argument/.test(message) ? 'option_takes_no_value' : 'option_needs_value';
      throw new UsageError(key, { option: option.replace(/ <value>$/, '') }, command);
    }
    throw new UsageError('bad_arguments', { detail: message }, command);
  }
}

/**
 * `--year -1`: parseArgs takes `-1` for an option, so the message was that --year needs a value,
 * which it was given. A value that reads as a negative number (`-1`, `-2.5`) after an option that
 * takes one is joined to it (`--year=-1`), so the option's own check says what is wrong with it.
 */
function negativeValuesJoined(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    if (arg === '--') return [...out, ...args.slice(i)];
    const takesValue = arg.startsWith('--') && !arg.includes('=') && options[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The folder given after --rules (`--rules X` or `--rules=X`), for the corrected command line. */
function rulesGiven(args: readonly string[]): string {
  const i = args.findIndex((a) => a === '--rules' || a.startsWith('--rules='));
  const given = args[i]?.startsWith('--rules=') ? args[i]?.slice('--rules='.length) : args[i + 1];
  return given !== undefined && given !== '' && !given.startsWith('-') ? given : '<rules>';
}

function langOf(value: unknown, command: string): Lang {
  if (value === undefined) return 'vi';
  if (value === 'vi' || value === 'en') return value;
  throw new UsageError('bad_lang', { value: String(value) }, command);
}

/** `--out ''` and the like: an option given an empty value is refused, not read as absent. */
export function refuseEmptyValues<K extends string>(
  command: string,
  values: Readonly<Partial<Record<K, unknown>>>,
  names: readonly K[],
): void {
  for (const name of names) {
    if (values[name] === '') throw new UsageError('option_needs_value', { option: `--${name}` }, command);
  }
}

/** A command that takes no positional arguments names the ones it was given. */
export function refuseExtraArguments(command: string, extra: readonly string[]): void {
  if (extra.length > 0) throw new UsageError('extra_arguments', { extra: extra.join(' ') }, command);
}

/** A whole number option in [min, max]: digits only, so "8080abc" or "1e3" is refused, not read as 8080 or 1000. */
export function wholeNumber(option: string, value: string, min: number, max: number, command: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError('serve_bad_number', { option, value, min, max }, command);
  return n;
}

/** One of a closed list of words, or undefined when it is not one of them. */
export function oneOf<const W extends string>(value: string | undefined, words: readonly W[]): W | undefined {
  return words.find((word) => word === value);
}
