/**
 * How `lcz records` is called: its subcommands, their options and its help. The record itself
 * is @lcz/criteria-records; records.ts runs each subcommand.
 */
import { oneOf, parseCommandArgs, refuseEmptyValues } from '../args.js';
import { defineCommand } from '../command.js';
import { type Lang, UsageError } from '../session.js';
import { ENCODING_ARG, encodingHelp } from './encoding.usage.js';

export const RECORDS_SUBCOMMANDS = [
  'register',
  'import',
  'status',
  'decide',
  'board',
  'history',
  'export',
  'backup',
  'key',
] as const;
export type RecordsSubcommand = (typeof RECORDS_SUBCOMMANDS)[number];

export interface RecordsOptions {
  readonly sub: RecordsSubcommand;
  readonly store: string;
  readonly rules?: string;
  readonly cycle?: string;
  readonly year?: number;
  readonly owner?: string;
  readonly by: string;
  readonly reason?: string;
  readonly date?: string;
  readonly today?: string;
  readonly number?: string;
  readonly recognise: readonly string[];
  /** CODE=reason, for areas the board recognises against the engine's result. */
  readonly reasons: ReadonlyMap<string, string>;
  readonly from?: number;
  readonly to?: number;
  readonly out?: string;
  readonly files: readonly string[];
  /** register and import, CSV files without a byte-order mark: the encoding (default UTF-8). */
  readonly encoding?: string;
  readonly lang: Lang;
  /** key: the key's name, role and scope (unit or areas for area, owner for department). */
  readonly name?: string;
  readonly role?: string;
  readonly unit?: string;
  readonly areas: readonly string[];
}

const HELP = `lcz records: the record of the yearly cycle / sổ theo dõi chu kỳ hằng năm

Usage / Cách dùng:
  lcz records register --store <dir|url> --rules <rules> --year <y> [--encoding <name>] <workbook>
  lcz records import   --store <dir|url> --rules <rules> --year <y> [--owner <id>] [--reason <text>]
                       [--encoding <name>] <workbook>…
  lcz records status   --store <dir|url> --rules <rules> --year <y> [--today <date>]
  lcz records decide   --store <dir|url> --rules <rules> --year <y> [--date <date>]
  lcz records board    --store <dir|url> --year <y> --number <no> --date <date> --recognise <code>…
                       [--reason <code>=<text>]… [--correct <text>]
  lcz records history  --store <dir|url> [<code>] [--from <y> --to <y>]
  lcz records export   --store <dir|url> [--year <y>] --out <file.csv|file.xlsx>
  lcz records backup   --store <dir> --out <file>
  lcz records key      --name <name> --role area|department|board|reader [--unit <ward> | --area <code>…
                       | --owner <id>]

  The store is a folder (the file records.sqlite in it, created by register) or a PostgreSQL
  URL (postgres://…). Nothing is ever overwritten: a correction is a new version with --reason.
  Sổ là một thư mục (tệp records.sqlite, do register tạo) hoặc một URL PostgreSQL. Không gì bị
  ghi đè: sửa là một phiên bản mới kèm --reason.

  register  the areas a workbook lists (code, name, unit, context) registered for the year
  import    a part: the area's own facts, or with --owner one department's (lcz template --owner)
  status    per area and department, the facts still missing before the deadline (cycle file)
  decide    every complete area decided with the rules in force on the year's date, stored
  board     the appraisal board's decision; recognising against the engine needs --reason
  history   an area across the years, or who kept, lost or gained recognition (--from/--to)
  export    the decisions of the record as CSV or XLSX
  backup    a consistent copy of the embedded store, also while others write
  key       a new API key for lcz serve --records: the key, shown once, and the entry of the key
            file (only its SHA-256) / khoá API mới: khoá (chỉ hiện một lần) và dòng cho tệp khoá

Options / Tuỳ chọn:
  --store <dir|url>       the record (required) / sổ (bắt buộc)
  -r, --rules <rules>     ruleset directory / bộ quy tắc
  --cycle <file>          the cycle file (default: cycle.yaml beside the rules) / tệp chu kỳ
  --year <y>              the year / năm
  --owner <id>            the department handing in its part / cơ quan nộp phần số liệu
  --by <name>             who writes (default: $LCZ_USER or $USER) / người ghi
  --reason <text>         why a value is corrected; for board: <code>=<text> / lý do sửa
  --correct <text>        why a board decision is recorded again / lý do ghi lại quyết định
  --date, --today <date>  YYYY-MM-DD
  -o, --out <file>        the file to write / tệp cần ghi
${encodingHelp(26)}
  --lang vi|en            language of messages (default vi) / ngôn ngữ thông báo
  -h, --help              show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 done / xong   1 problems in the input (nothing written) / dữ liệu có lỗi (không ghi gì)   2 wrong usage

Walk-through / Hướng dẫn từng bước: docs/records.md
`;

/** The options as parseArgs gives them (strings, and lists for the repeatable ones). */
interface RecordsValues {
  readonly [option: string]: string | string[] | boolean | undefined;
  readonly rules?: string | undefined;
  readonly year?: string | undefined;
  readonly number?: string | undefined;
  readonly date?: string | undefined;
  readonly recognise?: string[] | undefined;
  readonly out?: string | undefined;
  readonly name?: string | undefined;
  readonly role?: string | undefined;
  readonly unit?: string | undefined;
  readonly owner?: string | undefined;
  readonly reason?: string[] | undefined;
  readonly correct?: string | undefined;
}

function need(option: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError('records_missing_option', { option }, 'records');
  return value;
}

function yearOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError('records_bad_year', { option, value }, 'records');
  return Number(value);
}

function dateOption(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Date.parse takes 2024-02-30 as 1 March: only a date that reads back the same is a date.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value)
    throw new UsageError('records_bad_date', { option, value }, 'records');
  return value;
}

/** What each subcommand cannot do without: a usage error naming the first option missing. */
function requireOptions(
  sub: RecordsSubcommand,
  values: RecordsValues,
  areas: readonly string[],
  files: readonly string[],
): void {
  if (['register', 'import', 'status', 'decide'].includes(sub)) need('--rules', values.rules);
  if (['register', 'import', 'status', 'decide', 'board'].includes(sub)) need('--year', values.year);
  if (sub === 'board') {
    need('--number', values.number);
    need('--date', values.date);
    need('--recognise', values.recognise?.[0]);
  }
  if (sub === 'export' || sub === 'backup') need('--out', values.out);
  if (sub === 'key') {
    need('--name', values.name);
    const role = oneOf(need('--role', values.role), ['area', 'department', 'board', 'reader'] as const);
    if (role === undefined)
      throw new UsageError(
        'bad_arguments',
        { detail: `--role ${values.role} (area, department, board, reader)` },
        'records',
      );
    if (role === 'area' && values.unit === undefined && areas.length === 0) need('--unit', undefined);
    if (role === 'department') need('--owner', values.owner);
  }
  if ((sub === 'register' || sub === 'import') && files.length === 0)
    throw new UsageError('records_missing_files', { sub }, 'records');
}

/**
 * `--reason`: for the board, one `CODE=why` per area recognised against the engine (and
 * `--correct` the reason for correcting a decision); for the other subcommands, one reason.
 */
function readReasons(
  sub: RecordsSubcommand,
  values: RecordsValues,
): { reasons: Map<string, string>; reason: string | undefined } {
  const reasons = new Map<string, string>();
  let reason: string | undefined;
  for (const r of values.reason ?? []) {
    const m = /^([^=\s]+)=(.+)$/s.exec(r);
    if (sub === 'board') {
      if (!m?.[1] || m[2] === undefined) throw new UsageError('records_bad_reason', { value: r }, 'records');
      reasons.set(m[1], m[2].trim());
    } else reason = r;
  }
  if (sub === 'board' && values.correct !== undefined) reason = values.correct;
  return { reasons, reason };
}

export const recordsCommand = defineCommand({
  name: 'records',
  help: HELP,
  parse(args): RecordsOptions {
    const { values, positionals, lang } = parseCommandArgs('records', args, {
      store: { type: 'string' },
      rules: { type: 'string', short: 'r' },
      cycle: { type: 'string' },
      year: { type: 'string' },
      owner: { type: 'string' },
      by: { type: 'string' },
      reason: { type: 'string', multiple: true },
      correct: { type: 'string' },
      date: { type: 'string' },
      today: { type: 'string' },
      number: { type: 'string' },
      recognise: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      area: { type: 'string', multiple: true },
      ...ENCODING_ARG,
    });
    const [name, ...files] = positionals;
    const sub = oneOf(name, RECORDS_SUBCOMMANDS);
    if (sub === undefined)
      throw new UsageError(
        'records_bad_subcommand',
        { value: name ?? '', list: RECORDS_SUBCOMMANDS.join(', ') },
        'records',
      );
    refuseEmptyValues('records', values, [
      'store',
      'rules',
      'cycle',
      'owner',
      'by',
      'number',
      'out',
      'name',
      'unit',
      'encoding',
    ]);
    if (values.encoding !== undefined && sub !== 'register' && sub !== 'import')
      throw new UsageError('bad_arguments', { detail: `--encoding (records ${sub} reads no CSV)` }, 'records');
    if (values.store === undefined && sub !== 'key')
      throw new UsageError('records_missing_option', { option: '--store' }, 'records');
    const areas = (values.area ?? []).flatMap((v) => v.split(',')).filter((v) => v !== '');
    requireOptions(sub, values, areas, files);
    const { reasons, reason } = readReasons(sub, values);
    const by = values.by ?? process.env['LCZ_USER'] ?? process.env['USER'] ?? 'lcz';
    const opt = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => {
      const given: Partial<Record<K, V>> = {};
      if (value !== undefined) given[key] = value;
      return given;
    };
    return {
      sub,
      store: values.store ?? '',
      areas,
      ...opt('name', values.name),
      ...opt('role', values.role),
      ...opt('unit', values.unit),
      by,
      lang,
      files,
      recognise: (values.recognise ?? []).flatMap((v) => v.split(',')).filter((v) => v !== ''),
      reasons,
      ...opt('rules', values.rules),
      ...opt('cycle', values.cycle),
      ...opt('year', yearOption('--year', values.year)),
      ...opt('owner', values.owner),
      ...opt('reason', reason),
      ...opt('date', dateOption('--date', values.date)),
      ...opt('today', dateOption('--today', values.today)),
      ...opt('number', values.number),
      ...opt('from', yearOption('--from', values.from)),
      ...opt('to', yearOption('--to', values.to)),
      ...opt('out', values.out),
      ...opt('encoding', values.encoding),
    };
  },
  async run(options, session) {
    const { records } = await import('./records.js');
    return records(options, session);
  },
});
