/**
 * How `lcz evaluate` is called: its options, their parsing and its help.
 */
import type { BatchFormat } from '@lcz/criteria-batch';
import { oneOf, parseCommandArgs, refuseEmptyValues } from '../args.js';
import { defineCommand } from '../command.js';
import { ENCODING_ARG, encodingHelp } from './encoding.usage.js';
import { UsageError, type Lang } from '../session.js';

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
  /** CSV files without a byte-order mark: the character encoding (default UTF-8), e.g. windows-1258. */
  readonly encoding?: string;
  /** Batch files: result lines with the decision and passed counts only (the engine's fast path). */
  readonly decisionsOnly?: boolean;
  /** Batch files with --decisions-only: worker threads (default: worker-count.ts in @lcz/criteria-batch: by file size and free cores). */
  readonly threads?: number;
  /** A rules folder with several versions: the one named, or the one in force on a date. */
  readonly version?: string;
  readonly date?: string;
}

const BATCH_FORMATS: readonly BatchFormat[] = ['csv', 'xlsx', 'json', 'jsonl', 'yaml'];

const HELP = `lcz evaluate: evaluate assessments / đánh giá các đối tượng

Usage / Cách dùng:
  lcz evaluate --rules <rules> [--lang vi|en] [--json] [--full] <assessment>...
  lcz evaluate --rules <rules> [--out <file.jsonl>] [--summary <file.csv|xlsx>] [--sheet <name|n>]
               [--format csv|xlsx|json|jsonl|yaml] [--encoding <name>] [--decisions-only [--threads <n>]] [--lang vi|en] [--json]
               <batch file>

  <assessment> is a .yaml, .yml or .json file, or a directory: all such files in it, sorted.
  <assessment> là tệp .yaml, .yml, .json hoặc thư mục: mọi tệp như vậy trong đó, theo thứ tự tên.

  Prints a report per assessment: the decision (recognised, not recognised, undetermined), its
  reasons, each standard and criterion, disqualifiers and the facts still needed.
  In báo cáo cho từng phiếu: kết luận (được công nhận, không được công nhận, chưa đủ căn cứ),
  lý do, từng tiêu chuẩn và tiêu chí, các trường hợp không đảm bảo và số liệu còn thiếu.

  A file with errors prints them as file:line:column and makes the exit code 1; the other files
  are still evaluated. / Tệp có lỗi được báo lỗi (tệp:dòng:cột), mã kết thúc 1; các tệp khác vẫn
  được đánh giá.

  A batch file holds many areas, one per row: CSV or XLSX (columns as written by lcz template),
  JSON Lines, a JSON array or a YAML list; told by extension and content. It is read and
  evaluated streaming (any number of rows) and prints a short summary: rows read and evaluated,
  the decisions, and the bad rows with their problems at file:row:column (the first 20).
  Tệp hàng loạt: mỗi dòng một đối tượng (CSV, XLSX theo mẫu lcz template, JSON Lines, mảng JSON,
  danh sách YAML). In bản tóm tắt: số dòng đã đọc, đã đánh giá, các kết luận, các dòng lỗi kèm
  vị trí tệp:dòng:cột (tối đa 20 lỗi).

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --lang vi|en         language of the report (default vi) / ngôn ngữ báo cáo (mặc định vi)
  --json               print the results as JSON (schemas/result.schema.json): one object for one
                       file argument, an array otherwise; for a batch, the summary as JSON
                       / in kết quả dạng JSON: một đối tượng cho một tệp, một mảng cho nhiều tệp;
                       với tệp hàng loạt: bản tóm tắt dạng JSON
  --full               full criterion texts and notes / in đầy đủ nội dung tiêu chí và ghi chú
  --version <v>        a rules folder with several versions (rules/): use version <v>; without it
                       each assessment uses the version in force on its area.date
                       / thư mục có nhiều phiên bản: dùng phiên bản <v>; nếu không, mỗi phiếu dùng
                       phiên bản có hiệu lực vào ngày đánh giá (area.date) của phiếu
  --date <YYYY-MM-DD>  use the version in force on that date / dùng phiên bản có hiệu lực vào ngày đó
Batch files / Tệp hàng loạt:
  -o, --out <file>     write every row's result as JSON Lines, bad rows included
                       / ghi kết quả từng dòng (JSON Lines), kể cả dòng lỗi
  --summary <file>     write a table, one row per area (.csv or .xlsx) / ghi bảng tổng hợp
  --sheet <name|n>     XLSX: the worksheet (default the first) / trang tính cần đọc (mặc định trang đầu)
  --format <format>    csv, xlsx, json, jsonl or yaml, when the extension does not tell
                       / định dạng tệp khi đuôi tệp không cho biết
${encodingHelp(23)}
  --decisions-only     result lines carry the decision and passed counts only (fastest)
                       / mỗi dòng kết quả chỉ có kết luận và số tiêu chí đạt (nhanh nhất)
  --threads <n>        with --decisions-only, read a CSV file with n worker threads (default: one
                       per free CPU core for files of 32 MiB or more, none on a busy machine;
                       0: one thread); same results
                       / với --decisions-only, đọc tệp CSV bằng n luồng (mặc định: mỗi nhân CPU
                       rảnh một luồng với tệp từ 32 MiB, không dùng khi máy bận; 0: một luồng);
                       kết quả như nhau
  -h, --help           show this help / xem hướng dẫn

  A progress bar is drawn on standard error when it is a terminal.
  Thanh tiến độ hiện trên stderr khi stderr là màn hình.

Exit codes / Mã kết thúc:
  0 every assessment (every row) valid / mọi phiếu (mọi dòng) hợp lệ
  1 some were invalid, or the rules are / có phiếu (dòng) lỗi, hoặc bộ quy tắc lỗi
  2 wrong usage, or an output file cannot be written / sai cú pháp lệnh, hoặc không ghi được tệp

Examples / Ví dụ:
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments
  lcz evaluate --rules rules/lai-chau-2020-2025 --full examples/assessments/<file>.yaml
  lcz evaluate --rules rules/lai-chau-2020-2025 --json --lang en examples/assessments > results.json
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/city-2024/assessments-2024.xlsx \\
      --out results.jsonl --summary summary.xlsx
  lcz evaluate --rules rules/lai-chau-2020-2025 --lang en examples/city-2024/assessments-2024.csv
`;

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  help: HELP,
  parse: parseEvaluateArgs,
  async run(options, session) {
    const { evaluate } = await import('./evaluate.js');
    return evaluate(options, session);
  },
});

/** `lcz evaluate`'s arguments (after its name) as its options; a UsageError for anything wrong. */
export function parseEvaluateArgs(args: string[]): EvaluateOptions {
  const { values, positionals, lang } = parseCommandArgs('evaluate', args, {
    rules: { type: 'string', short: 'r' },
    json: { type: 'boolean' },
    full: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    summary: { type: 'string' },
    sheet: { type: 'string' },
    format: { type: 'string' },
    ...ENCODING_ARG,
    'decisions-only': { type: 'boolean' },
    threads: { type: 'string' },
    version: { type: 'string' },
    date: { type: 'string' },
  });
  if (values.rules === undefined || values.rules === '') throw new UsageError('missing_rules_option', {}, 'evaluate');
  if (positionals.length === 0) throw new UsageError('missing_assessments', {}, 'evaluate');
  refuseEmptyValues('evaluate', values, ['out', 'summary', 'sheet', 'format', 'encoding']);
  const format = oneOf(values.format, BATCH_FORMATS);
  if (values.format !== undefined && format === undefined) {
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
  return {
    rules: values.rules,
    inputs: positionals,
    lang,
    json: values.json === true,
    full: values.full === true,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.summary !== undefined ? { summary: values.summary } : {}),
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    decisionsOnly: values['decisions-only'] === true,
    ...(values.threads !== undefined ? { threads: Number(values.threads) } : {}),
    ...(values.version !== undefined ? { version: values.version } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
  };
}
