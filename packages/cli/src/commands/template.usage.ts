/**
 * How `lcz template` is called: its options, their parsing and its help.
 */
import { oneOf, parseCommandArgs, refuseEmptyValues, refuseExtraArguments } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface TemplateOptions {
  readonly rules: string;
  readonly format: 'csv' | 'xlsx';
  readonly headers: 'labels' | 'ids';
  readonly out?: string;
  /** One department's workbook (an id of the rule file's owners), or 'area' for the area's own facts. */
  readonly owner?: string;
  readonly lang: Lang;
}

const HELP = `lcz template: a blank input file for a batch / tệp mẫu để nhập số liệu hàng loạt

Usage / Cách dùng:
  lcz template --rules <rules> [--format xlsx|csv] [--headers labels|ids] [--owner <id>] [--out <file>]

  One column per identity field (code, name, unit, year, date), context attribute and fact, in
  the rule file's order. Row 1 holds the Vietnamese labels (or the ids with --headers ids), row 2
  the English labels; fill in from row 3. An XLSX file adds data validation on every column
  (whole numbers within bounds, yes/no and value lists), frozen header rows, a note on each
  header and a second sheet of instructions in Vietnamese and English.
  Mỗi cột là một trường định danh, thuộc tính bối cảnh hoặc dữ kiện, theo thứ tự trong tệp quy
  tắc. Dòng 1: nhãn tiếng Việt (hoặc mã với --headers ids); dòng 2: nhãn tiếng Anh; điền số liệu
  từ dòng 3. Tệp XLSX có kiểm tra dữ liệu từng cột, cố định dòng tiêu đề, ghi chú ở tiêu đề và
  trang hướng dẫn song ngữ.

  Without --out, a CSV is printed on standard output; an XLSX needs --out.
  Không có --out thì CSV được in ra màn hình; XLSX cần --out.

Options / Tuỳ chọn:
  -r, --rules <rules>     ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --format xlsx|csv       the kind of file (default: from the --out extension) / loại tệp
  --headers labels|ids    row 1: Vietnamese labels (default) or ids / dòng 1: nhãn hoặc mã
  --owner <id>            one department's part: identity, context and only its facts (the rule
                          file's owners:); 'area' for the facts the area reports itself
                          phần của một cơ quan: chỉ các dữ kiện cơ quan đó cung cấp
  -o, --out <file>        the file to write / tệp cần ghi
  --lang vi|en            language of messages (default vi) / ngôn ngữ thông báo
  -h, --help              show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written / đã ghi   1 invalid rules / quy tắc lỗi   2 wrong usage, or the file cannot be written

Examples / Ví dụ:
  lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out assessments-2025.xlsx
  lcz template --rules rules/lai-chau-2020-2025 --format csv --headers ids > assessments.csv
`;

export const templateCommand = defineCommand({
  name: 'template',
  help: HELP,
  parse(args): TemplateOptions {
    const { values, positionals, lang } = parseCommandArgs('template', args, {
      rules: { type: 'string', short: 'r' },
      format: { type: 'string' },
      headers: { type: 'string' },
      out: { type: 'string', short: 'o' },
      owner: { type: 'string' },
    });
    if (values.rules === undefined || values.rules === '')
      throw new UsageError('template_missing_rules', {}, 'template');
    refuseExtraArguments('template', positionals);
    refuseEmptyValues('template', values, ['out', 'owner']);
    const named = values.format ?? /\.(xlsx|csv)$/i.exec(values.out ?? '')?.[1]?.toLowerCase();
    if (named === undefined) throw new UsageError('template_needs_format', {}, 'template');
    const format = oneOf(named, ['xlsx', 'csv']);
    if (format === undefined) throw new UsageError('template_bad_format', { value: named }, 'template');
    if (format === 'xlsx' && values.out === undefined) throw new UsageError('template_xlsx_needs_out', {}, 'template');
    const headers = oneOf(values.headers ?? 'labels', ['labels', 'ids']);
    if (headers === undefined)
      throw new UsageError('template_bad_headers', { value: values.headers ?? '' }, 'template');
    return {
      rules: values.rules,
      format,
      headers,
      lang,
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.owner !== undefined ? { owner: values.owner } : {}),
    };
  },
  async run(options, session) {
    const { template } = await import('./template.js');
    return template(options, session);
  },
});
