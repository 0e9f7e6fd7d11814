/**
 * How `lcz report` is called: its options, their parsing and its help.
 */
import { oneOf, parseCommandArgs, refuseEmptyValues, wholeNumber } from '../args.js';
import { defineCommand } from '../command.js';
import { ENCODING_ARG, encodingHelp } from './encoding.usage.js';
import { UsageError, type Lang } from '../session.js';

export interface ReportOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  /** A targets file (schemas/targets.schema.json); no targets section without it. */
  readonly targets?: string;
  /** Markdown, HTML, CSV or XLSX; when absent, from the extension of `out`, else Markdown. */
  readonly format?: 'md' | 'html' | 'csv' | 'xlsx';
  readonly out?: string;
  readonly lang: Lang;
  /** The record (lcz records) to report on instead of input files: a folder or a postgres:// URL. */
  readonly records?: string;
  /** Only the years up to this one: the report as it stood then (a mid-term review). */
  readonly asOf?: number;
  /** CSV files without a byte-order mark: the character encoding (default UTF-8), e.g. windows-1258. */
  readonly encoding?: string;
}

const HELP = `lcz report: the city report / báo cáo tổng hợp toàn thành phố

Usage / Cách dùng:
  lcz report --rules <rules> [--targets <file>] [--format md|html|csv|xlsx] [--out <file>]
             [--encoding <name>] [--lang vi|en] <input>...
  lcz report --rules <rules> --records <dir|url> [--as-of <year>] [--targets <file>] [options]

  <input> is a batch file (CSV, XLSX, JSON, JSON Lines, YAML; the layout of lcz template) or an
  assessment file, or a directory: all such files in it. Each row is one area in one year.
  <input> là tệp dữ liệu hàng loạt (CSV, XLSX, JSON, JSON Lines, YAML; theo mẫu của lcz template)
  hoặc phiếu đánh giá, hoặc thư mục chứa các tệp đó. Mỗi dòng là một đối tượng trong một năm.

  Every row is evaluated and counted: per year and per reporting unit (area.unit), areas assessed, registered
  and recognised; per standard, areas meeting it; per criterion, the pass rate (pass ÷ decided,
  rounded down); the 10 criteria most often failed; the change from year to year when several
  years are given; and, with --targets, progress against each programme target.
  Mỗi dòng được đánh giá và tổng hợp: theo năm và theo đơn vị tổng hợp (area.unit) (số đối tượng được đánh giá,
  đăng ký, được công nhận); theo tiêu chuẩn; tỷ lệ đạt của từng tiêu chí; 10 tiêu chí không đạt
  nhiều nhất; thay đổi qua các năm; và với --targets, tiến độ thực hiện từng mục tiêu.

  "Registered" is the input's registered column or field (yes/no); without it every assessed area
  counts as registered, and the report says so. / Cột hoặc trường "registered" (có/không) cho biết
  đối tượng đã đăng ký; nếu không có, mọi đối tượng được đánh giá đều tính là đã đăng ký và báo
  cáo ghi rõ điều này.

  Bad rows are listed at file:row:column on standard error and left out of the figures; the
  report is still written from the valid rows and the exit code is 1. / Dòng có lỗi được liệt kê
  (tệp:dòng:cột) và không được tính; báo cáo vẫn được ghi từ các dòng hợp lệ, mã kết thúc 1.

  With --records the figures come from the record of the yearly cycle (lcz records) instead:
  every area registered or decided each year, recognised as the board decided (else as the
  engine decided), and with --targets the progress against each target year by year. --as-of
  <year> is the report as it stood at the end of that year: a mid-term review (e.g. --as-of
  2023) or the final summary (--as-of 2025). / Với --records, số liệu lấy từ sổ theo dõi: mọi
  đối tượng đăng ký hoặc đã xét mỗi năm, công nhận theo quyết định của hội đồng (nếu không thì
  theo kết quả xét), và với --targets là tiến độ từng mục tiêu qua từng năm. --as-of <năm>: báo
  cáo tính đến hết năm đó, ví dụ sơ kết (--as-of 2023) hay tổng kết (--as-of 2025).

Options / Tuỳ chọn:
  -r, --rules <rules>    ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --records <dir|url>    report on the record instead of input files / báo cáo theo sổ theo dõi
  --as-of <year>         only the years up to this one (with --records) / chỉ tính đến năm này
  -t, --targets <file>   programme targets (schemas/targets.schema.json), e.g.
                         rules/lai-chau-2020-2025/targets.yaml / tệp mục tiêu của đề án
  -f, --format <f>       md (default), html (one self-contained page with charts), csv or xlsx;
                         when absent, taken from the extension of --out / định dạng báo cáo
  -o, --out <file>       write the report to this file (required for xlsx); otherwise standard
                         output / ghi báo cáo ra tệp (bắt buộc với xlsx)
${encodingHelp(25)}
  --lang vi|en           language of the report (default vi) / ngôn ngữ (mặc định vi)
  -h, --help             show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 every row valid, report written / mọi dòng hợp lệ, đã ghi báo cáo
  1 invalid rules or targets, rows left out, or nothing to report / quy tắc hoặc mục tiêu không
    hợp lệ, có dòng bị bỏ qua, hoặc không có gì để báo cáo
  2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz report --rules rules/lai-chau-2020-2025 examples/assessments
  lcz report --rules rules/lai-chau-2020-2025 --targets rules/lai-chau-2020-2025/targets.yaml \\
    examples/city-2024/assessments-2024.xlsx --out report.html
  lcz report --rules rules/lai-chau-2020-2025 --lang en --format xlsx --out report.xlsx 2023.csv 2024.csv
  lcz report --rules rules/lai-chau-2020-2025 --targets rules/lai-chau-2020-2025/targets.yaml \\
    --records so-theo-doi --as-of 2023
`;

export const reportCommand = defineCommand({
  name: 'report',
  help: HELP,
  parse(args): ReportOptions {
    const { values, positionals, lang } = parseCommandArgs('report', args, {
      rules: { type: 'string', short: 'r' },
      targets: { type: 'string', short: 't' },
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      records: { type: 'string' },
      'as-of': { type: 'string' },
      ...ENCODING_ARG,
    });
    if (values.rules === undefined || values.rules === '') throw new UsageError('report_missing_rules', {}, 'report');
    refuseEmptyValues('report', values, ['targets', 'out', 'records', 'as-of', 'encoding']);
    if (values.records === undefined && positionals.length === 0) {
      throw new UsageError('report_missing_inputs', {}, 'report');
    }
    if (values.records !== undefined && positionals.length > 0) {
      throw new UsageError('report_records_and_inputs', { inputs: positionals.join(' ') }, 'report');
    }
    if (values['as-of'] !== undefined && values.records === undefined) {
      throw new UsageError('bad_arguments', { detail: '--as-of needs --records' }, 'report');
    }
    const asOf =
      values['as-of'] === undefined ? undefined : wholeNumber('--as-of', values['as-of'], 1900, 2100, 'report');
    const format = oneOf(values.format, ['md', 'html', 'csv', 'xlsx']);
    if (values.format !== undefined && format === undefined) {
      throw new UsageError('report_bad_format', { value: values.format }, 'report');
    }
    const xlsx = format === 'xlsx' || (format === undefined && /\.xlsx$/i.test(values.out ?? ''));
    if (xlsx && values.out === undefined) throw new UsageError('report_xlsx_needs_out', {}, 'report');
    return {
      rules: values.rules,
      inputs: positionals,
      lang,
      ...(values.targets !== undefined ? { targets: values.targets } : {}),
      ...(format !== undefined ? { format } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.records !== undefined ? { records: values.records } : {}),
      ...(asOf !== undefined ? { asOf } : {}),
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    };
  },
  async run(options, session) {
    const { report } = await import('./report.js');
    return report(options, session);
  },
});
