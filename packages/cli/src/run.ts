/**
 * The lcz command line as a function: `run(argv, io)` parses the arguments, runs one command and
 * returns the exit code. All I/O goes through `io` (and the file system), so tests call it
 * in-process. This file is the thin routing layer; the commands live in commands/ and are loaded
 * only when used, so `--help` and usage errors never load the engine.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import enginePackage from '@lcz/criteria-engine/package.json' with { type: 'json' };
import cliPackage from '../package.json' with { type: 'json' };
import type { BatchFormat } from '@lcz/criteria-batch';
import {
  BUILD_HELP,
  CHECK_HELP,
  DIFF_HELP,
  DOCS_HELP,
  EVALUATE_HELP,
  EXPLAIN_HELP,
  MAIN_HELP,
  REPORT_HELP,
  SCHEMA_HELP,
  SERVE_HELP,
  TEMPLATE_HELP,
  TEST_HELP,
  VALIDATE_HELP,
} from './help.js';
import { bilingual, EXIT, Session, UsageError, type CliIO, type Lang } from './session.js';

export type { CliIO, Lang } from './session.js';
export { EXIT } from './session.js';

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly lang: Lang;
}

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
}

export interface EvaluateOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  readonly full: boolean;
  /** Batch files: JSON Lines of every row's result. */
  readonly out?: string;
  /** Batch files: the summary table (.csv or .xlsx). */
  readonly summary?: string;
  /** Batch files: the XLSX worksheet, by name or 1-based position. */
  readonly sheet?: string;
  /** Batch files: the format, when the extension does not tell it. */
  readonly format?: BatchFormat;
  /** Batch files: result lines with the decision and passed counts only (the engine's fast path). */
  readonly decisionsOnly?: boolean;
  /** Batch files with --decisions-only: worker threads (default: one per CPU core for CSV files of 32 MiB or more). */
  readonly threads?: number;
  /** A rules folder with several versions: the one named, or the one in force on a date. */
  readonly version?: string;
  readonly date?: string;
}

export interface TemplateOptions {
  readonly rules: string;
  readonly format: 'csv' | 'xlsx';
  readonly headers: 'labels' | 'ids';
  readonly out?: string;
  readonly lang: Lang;
}

export interface BuildOptions {
  readonly rules: string;
  readonly out?: string;
  /** Write nothing; fail when the compiled file on disk differs from what the rules build now. */
  readonly check: boolean;
  readonly lang: Lang;
}

export interface SchemaOptions {
  readonly rules: string;
  readonly out?: string;
  readonly lang: Lang;
}

export interface TestOptions {
  readonly rules: string;
  /** Test files or folders to run instead of `<rules>/tests`. */
  readonly cases: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  /** Also report what the cases cover (a table as text or Markdown; in the JSON with --json). */
  readonly coverage?: 'text' | 'md';
}

export interface ExplainOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  /** Keep only the areas with these codes (for batch inputs); all areas when empty. */
  readonly codes: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  readonly full: boolean;
}

export interface ReportOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  /** A targets file (schemas/targets.schema.json); no targets section without it. */
  readonly targets?: string;
  /** Markdown, HTML, CSV or XLSX; when absent, from the extension of `out`, else Markdown. */
  readonly format?: 'md' | 'html' | 'csv' | 'xlsx';
  readonly out?: string;
  readonly lang: Lang;
}

export interface ServeOptions {
  readonly rules: readonly string[];
  readonly lang: Lang;
  readonly port: number;
  readonly host: string;
  readonly bodyLimit: number | undefined;
  readonly batchLimit: number | undefined;
  readonly timeoutMs: number | undefined;
  readonly allowInlineRules: boolean;
  readonly logLevel: string;
}

export interface DiffOptions {
  /** The old and the new rules (directories or files). */
  readonly before: string;
  readonly after: string;
  /** Assessment files, batch files or directories to evaluate under both. */
  readonly assessments: readonly string[];
  readonly format: 'text' | 'md' | 'json';
  readonly lang: Lang;
}

export interface DocsOptions {
  readonly rules: string;
  readonly format: 'md' | 'html';
  /** One assessment to fill the table in with; a blank form without it. */
  readonly assessment?: string;
  readonly out?: string;
  readonly lang: Lang;
}

const BATCH_FORMATS: readonly BatchFormat[] = ['csv', 'xlsx', 'json', 'jsonl', 'yaml'];

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
  check: {
    help: CHECK_HELP,
    async run(args, session) {
      const { values, positionals } = parse('check', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        json: { type: 'boolean' },
      });
      const lang = langOf(values.lang, 'check');
      if (positionals.length === 0) throw new UsageError('missing_check_rules', {}, 'check');
      const { check } = await import('./commands/check.js');
      return check({ paths: positionals, lang, json: values.json === true }, session);
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
        out: { type: 'string', short: 'o' },
        summary: { type: 'string' },
        sheet: { type: 'string' },
        format: { type: 'string' },
        'decisions-only': { type: 'boolean' },
        threads: { type: 'string' },
        version: { type: 'string' },
        date: { type: 'string' },
      });
      const lang = langOf(values.lang, 'evaluate');
      if (values.rules === undefined || values.rules === '')
        throw new UsageError('missing_rules_option', {}, 'evaluate');
      if (positionals.length === 0) throw new UsageError('missing_assessments', {}, 'evaluate');
      for (const option of ['out', 'summary', 'sheet', 'format'] as const) {
        if (values[option] === '') throw new UsageError('option_needs_value', { option: `--${option}` }, 'evaluate');
      }
      if (values.format !== undefined && !BATCH_FORMATS.includes(values.format as BatchFormat)) {
        throw new UsageError('bad_batch_format', { value: values.format }, 'evaluate');
      }
      if (values.summary !== undefined && !/\.(csv|xlsx)$/i.test(values.summary)) {
        throw new UsageError('bad_summary_path', { path: values.summary }, 'evaluate');
      }
      if (values.threads !== undefined && !(/^\d{1,2}$/.test(values.threads) && Number(values.threads) <= 64)) {
        throw new UsageError('bad_threads', { value: values.threads }, 'evaluate');
      }
      // Worker threads read decisions only: said rather than ignored.
      if (values.threads !== undefined && values['decisions-only'] !== true)
        throw new UsageError('threads_without_decisions_only', {}, 'evaluate');
      const { evaluate } = await import('./commands/evaluate.js');
      return evaluate(
        {
          rules: values.rules,
          inputs: positionals,
          lang,
          json: values.json === true,
          full: values.full === true,
          ...(values.out !== undefined ? { out: values.out } : {}),
          ...(values.summary !== undefined ? { summary: values.summary } : {}),
          ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
          ...(values.format !== undefined ? { format: values.format as BatchFormat } : {}),
          decisionsOnly: values['decisions-only'] === true,
          ...(values.threads !== undefined ? { threads: Number(values.threads) } : {}),
          ...(values.version !== undefined ? { version: values.version } : {}),
          ...(values.date !== undefined ? { date: values.date } : {}),
        },
        session,
      );
    },
  },
  template: {
    help: TEMPLATE_HELP,
    async run(args, session) {
      const { values, positionals } = parse('template', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        format: { type: 'string' },
        headers: { type: 'string' },
        out: { type: 'string', short: 'o' },
      });
      const lang = langOf(values.lang, 'template');
      if (values.rules === undefined || values.rules === '')
        throw new UsageError('template_missing_rules', {}, 'template');
      if (positionals.length > 0) throw new UsageError('extra_arguments', { extra: positionals.join(' ') }, 'template');
      if (values.out === '') throw new UsageError('option_needs_value', { option: '--out' }, 'template');
      const format = values.format ?? /\.(xlsx|csv)$/i.exec(values.out ?? '')?.[1]?.toLowerCase();
      if (format === undefined) throw new UsageError('template_needs_format', {}, 'template');
      if (format !== 'xlsx' && format !== 'csv')
        throw new UsageError('template_bad_format', { value: format }, 'template');
      if (format === 'xlsx' && values.out === undefined)
        throw new UsageError('template_xlsx_needs_out', {}, 'template');
      const headers = values.headers ?? 'labels';
      if (headers !== 'labels' && headers !== 'ids')
        throw new UsageError('template_bad_headers', { value: headers }, 'template');
      const { template } = await import('./commands/template.js');
      return template(
        { rules: values.rules, format, headers, lang, ...(values.out !== undefined ? { out: values.out } : {}) },
        session,
      );
    },
  },
  build: {
    help: BUILD_HELP,
    async run(args, session) {
      const { values, positionals } = parse('build', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        out: { type: 'string', short: 'o' },
        check: { type: 'boolean' },
      });
      const lang = langOf(values.lang, 'build');
      const [rules, ...extra] = positionals;
      if (rules === undefined) throw new UsageError('build_missing_rules', {}, 'build');
      if (extra.length > 0) throw new UsageError('extra_arguments', { extra: extra.join(' ') }, 'build');
      if (values.out === '') throw new UsageError('option_needs_value', { option: '--out' }, 'build');
      const { build } = await import('./commands/build.js');
      return build(
        { rules, lang, check: values.check === true, ...(values.out !== undefined ? { out: values.out } : {}) },
        session,
      );
    },
  },
  schema: {
    help: SCHEMA_HELP,
    async run(args, session) {
      const { values, positionals } = parse('schema', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        out: { type: 'string', short: 'o' },
      });
      const lang = langOf(values.lang, 'schema');
      if (values.rules === undefined || values.rules === '') throw new UsageError('schema_missing_rules', {}, 'schema');
      if (positionals.length > 0) throw new UsageError('extra_arguments', { extra: positionals.join(' ') }, 'schema');
      if (values.out === '') throw new UsageError('option_needs_value', { option: '--out' }, 'schema');
      const { schema } = await import('./commands/schema.js');
      return schema({ rules: values.rules, lang, ...(values.out !== undefined ? { out: values.out } : {}) }, session);
    },
  },
  explain: {
    help: EXPLAIN_HELP,
    async run(args, session) {
      const { values, positionals } = parse('explain', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        code: { type: 'string', short: 'c', multiple: true },
        json: { type: 'boolean' },
        full: { type: 'boolean' },
      });
      const lang = langOf(values.lang, 'explain');
      if (values.rules === undefined || values.rules === '')
        throw new UsageError('explain_missing_rules', {}, 'explain');
      if (positionals.length === 0) throw new UsageError('explain_missing_assessment', {}, 'explain');
      if ((values.code ?? []).some((c) => c === ''))
        throw new UsageError('option_needs_value', { option: '--code' }, 'explain');
      const { explain } = await import('./commands/explain.js');
      return explain(
        {
          rules: values.rules,
          inputs: positionals,
          codes: values.code ?? [],
          lang,
          json: values.json === true,
          full: values.full === true,
        },
        session,
      );
    },
  },
  report: {
    help: REPORT_HELP,
    async run(args, session) {
      const { values, positionals } = parse('report', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        targets: { type: 'string', short: 't' },
        format: { type: 'string', short: 'f' },
        out: { type: 'string', short: 'o' },
      });
      const lang = langOf(values.lang, 'report');
      if (values.rules === undefined || values.rules === '') throw new UsageError('report_missing_rules', {}, 'report');
      if (positionals.length === 0) throw new UsageError('report_missing_inputs', {}, 'report');
      for (const option of ['targets', 'out'] as const) {
        if (values[option] === '') throw new UsageError('option_needs_value', { option: `--${option}` }, 'report');
      }
      const format = values.format;
      if (format !== undefined && format !== 'md' && format !== 'html' && format !== 'csv' && format !== 'xlsx') {
        throw new UsageError('report_bad_format', { value: format }, 'report');
      }
      const xlsx = format === 'xlsx' || (format === undefined && /\.xlsx$/i.test(values.out ?? ''));
      if (xlsx && values.out === undefined) throw new UsageError('report_xlsx_needs_out', {}, 'report');
      const { report } = await import('./commands/report.js');
      return report(
        {
          rules: values.rules,
          inputs: positionals,
          lang,
          ...(values.targets !== undefined ? { targets: values.targets } : {}),
          ...(format !== undefined ? { format } : {}),
          ...(values.out !== undefined ? { out: values.out } : {}),
        },
        session,
      );
    },
  },
  test: {
    help: TEST_HELP,
    async run(args, session) {
      const { values, positionals } = parse('test', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        cases: { type: 'string', short: 'c', multiple: true },
        json: { type: 'boolean' },
        coverage: { type: 'boolean' },
        format: { type: 'string', short: 'f' },
      });
      const lang = langOf(values.lang, 'test');
      if (values.format !== undefined && values.format !== 'text' && values.format !== 'md')
        throw new UsageError('coverage_bad_format', { value: values.format }, 'test');
      if (values.format !== undefined && values.coverage !== true)
        throw new UsageError('coverage_format_needs_coverage', {}, 'test');
      const [rules, ...extra] = positionals;
      if (rules === undefined) throw new UsageError('missing_test_rules', {}, 'test');
      if (extra.length > 0) throw new UsageError('test_one_rules_path', { extra: extra.join(' ') }, 'test');
      if ((values.cases ?? []).some((c) => c === ''))
        throw new UsageError('option_needs_value', { option: '--cases' }, 'test');
      const { test } = await import('./commands/test.js');
      const coverage = values.coverage === true ? { coverage: (values.format ?? 'text') as 'text' | 'md' } : {};
      return test({ rules, cases: values.cases ?? [], lang, json: values.json === true, ...coverage }, session);
    },
  },
  diff: {
    help: DIFF_HELP,
    async run(args, session) {
      const { values, positionals } = parse('diff', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        format: { type: 'string', short: 'f' },
        assessments: { type: 'string', short: 'a', multiple: true },
      });
      const lang = langOf(values.lang, 'diff');
      const [before, after, ...rest] = positionals;
      if (before === undefined || after === undefined) throw new UsageError('diff_missing_rules', {}, 'diff');
      // `--assessments a b c`: parseArgs gives the flag one value; the paths after it arrive as positionals.
      if (rest.length > 0 && values.assessments === undefined)
        throw new UsageError('diff_extra_arguments', { extra: rest.join(' ') }, 'diff');
      const assessments = [...(values.assessments ?? []), ...rest];
      if (assessments.some((a) => a === ''))
        throw new UsageError('option_needs_value', { option: '--assessments' }, 'diff');
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'md' && format !== 'json')
        throw new UsageError('diff_bad_format', { value: format }, 'diff');
      const { diff } = await import('./commands/diff.js');
      return diff({ before, after, assessments, format, lang }, session);
    },
  },
  docs: {
    help: DOCS_HELP,
    async run(args, session) {
      const { values, positionals } = parse('docs', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r' },
        format: { type: 'string', short: 'f' },
        assessment: { type: 'string', short: 'a' },
        out: { type: 'string', short: 'o' },
      });
      const lang = langOf(values.lang, 'docs');
      if (values.rules === undefined || values.rules === '') throw new UsageError('docs_missing_rules', {}, 'docs');
      if (positionals.length > 0) throw new UsageError('extra_arguments', { extra: positionals.join(' ') }, 'docs');
      for (const option of ['assessment', 'out'] as const) {
        if (values[option] === '') throw new UsageError('option_needs_value', { option: `--${option}` }, 'docs');
      }
      const format = values.format ?? (/\.html?$/i.test(values.out ?? '') ? 'html' : 'md');
      if (format !== 'md' && format !== 'html') throw new UsageError('docs_bad_format', { value: format }, 'docs');
      const { docs } = await import('./commands/docs.js');
      return docs(
        {
          rules: values.rules,
          format,
          lang,
          ...(values.assessment !== undefined ? { assessment: values.assessment } : {}),
          ...(values.out !== undefined ? { out: values.out } : {}),
        },
        session,
      );
    },
  },
  serve: {
    help: SERVE_HELP,
    async run(args, session) {
      const { values, positionals } = parse('serve', args, {
        ...LANG_OPTION,
        ...HELP_OPTION,
        rules: { type: 'string', short: 'r', multiple: true },
        port: { type: 'string' },
        host: { type: 'string' },
        'body-limit': { type: 'string' },
        'batch-limit': { type: 'string' },
        timeout: { type: 'string' },
        'allow-inline-rules': { type: 'boolean' },
        'log-level': { type: 'string' },
      });
      const lang = langOf(values.lang, 'serve');
      const rules = values.rules ?? [];
      if (rules.length === 0 || rules.some((r) => r === '')) throw new UsageError('serve_missing_rules', {}, 'serve');
      if (positionals.length > 0) throw new UsageError('bad_arguments', { detail: positionals.join(' ') }, 'serve');
      const logLevel = values['log-level'] ?? 'info';
      if (!LOG_LEVELS.includes(logLevel)) {
        throw new UsageError(
          'bad_arguments',
          { detail: `--log-level ${logLevel} (${LOG_LEVELS.join(', ')})` },
          'serve',
        );
      }
      const count = (option: string, value: string | undefined, min: number, max: number) =>
        value === undefined ? undefined : wholeNumber(option, value, min, max, 'serve');
      const { serve } = await import('./commands/serve.js');
      return serve(
        {
          rules,
          lang,
          port: count('--port', values.port, 0, 65_535) ?? 8080,
          host: values.host === undefined || values.host === '' ? '127.0.0.1' : values.host,
          bodyLimit: count('--body-limit', values['body-limit'], 1, 1024 ** 3),
          batchLimit: count('--batch-limit', values['batch-limit'], 1, 1_000_000),
          timeoutMs: count('--timeout', values.timeout, 1, 3_600_000),
          allowInlineRules: values['allow-inline-rules'] === true,
          logLevel,
        },
        session,
      );
    },
  },
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A whole number option in [min, max]: digits only, so "8080abc" or "1e3" is refused, not read as 8080 or 1000. */
function wholeNumber(option: string, value: string, min: number, max: number, command: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError('serve_bad_number', { option, value, min, max }, command);
  return n;
}

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
