/**
 * How `lcz explain` is called: its options, their parsing and its help.
 */
import { parseCommandArgs, refuseEmptyValues } from '../args.js';
import { defineCommand } from '../command.js';
import { ENCODING_ARG, encodingHelp } from './encoding.usage.js';
import { UsageError, type Lang } from '../session.js';

export interface ExplainOptions {
  readonly rules: string;
  readonly inputs: readonly string[];
  /** Keep only the areas with these codes (for batch inputs); all areas when empty. */
  readonly codes: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  readonly full: boolean;
  /** CSV files without a byte-order mark: the character encoding (default UTF-8), e.g. windows-1258. */
  readonly encoding?: string;
}

const HELP = `lcz explain: why an area is or is not recognised, and what it would take
lcz explain: giải thích kết luận và điều cần có để được công nhận

Usage / Cách dùng:
  lcz explain --rules <rules> [--code <area>]... [--encoding <name>] [--lang vi|en] [--json] [--full]
              <input>...

  <input> is an assessment file (.yaml, .yml, .json), a batch file whose rows are areas (CSV,
  XLSX, JSON Lines, a JSON array, a YAML list), or a directory of them. --code keeps the areas
  with that code. / <input> là phiếu đánh giá, tệp dữ liệu hàng loạt (mỗi dòng một đối tượng)
  hoặc thư mục chứa các tệp đó. --code chỉ giải thích đối tượng có mã đó.

  Prints, per assessment, the full report of lcz evaluate (decision, reasons, every standard and
  criterion with the facts it read), then the gap analysis: for each standard short of its
  requirement how many more criteria must pass and which failed or unknown ones could, with the
  exact values needed (for a percentage, how many more of the counted items); the mandatory
  criteria to pass; the disqualifying cases to clear; for an undetermined result the missing
  facts grouped by what they decide; and one set of changes, checked by evaluating it, that makes
  the area recognised.
  In cho mỗi phiếu báo cáo đầy đủ như lcz evaluate, sau đó là phân tích khoảng cách: với mỗi tiêu
  chuẩn chưa đạt, cần đạt thêm bao nhiêu tiêu chí và tiêu chí nào có thể đạt, với giá trị cần có
  (với tỷ lệ: cần thêm bao nhiêu đơn vị được đếm); các tiêu chí bắt buộc; các trường hợp không đảm bảo cần khắc
  phục; với kết quả chưa đủ căn cứ, các số liệu còn thiếu theo phần mà chúng quyết định; và một
  tập thay đổi (đã kiểm tra bằng cách đánh giá lại) giúp đối tượng được công nhận.

  A file with errors prints them as file:line:column and makes the exit code 1; the other files
  are still explained. / Tệp có lỗi được báo lỗi (tệp:dòng:cột), mã kết thúc 1; các tệp khác vẫn
  được giải thích.

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -c, --code <area>    only the area with this code (repeatable) / chỉ đối tượng có mã này
  --lang vi|en         language of the report (default vi) / ngôn ngữ báo cáo (mặc định vi)
  --json               print {"result": …, "gap": …} (schemas/result.schema.json and
                       schemas/gap.schema.json): one object for one file argument, an array
                       otherwise / in dạng JSON: một đối tượng cho một tệp, một mảng cho nhiều tệp
  --full               full criterion texts and notes / in đầy đủ nội dung tiêu chí và ghi chú
${encodingHelp(23)}
  -h, --help           show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml
  lcz explain --rules rules/lai-chau-2020-2025 --lang en examples/assessments/undetermined-ban.yaml
  lcz explain --rules rules/lai-chau-2020-2025 --json examples/assessments > explanations.json
  lcz explain --rules rules/lai-chau-2020-2025 --code TP-03 examples/city-2024/assessments-2024.xlsx
`;

export const explainCommand = defineCommand({
  name: 'explain',
  help: HELP,
  parse(args): ExplainOptions {
    const { values, positionals, lang } = parseCommandArgs('explain', args, {
      rules: { type: 'string', short: 'r' },
      code: { type: 'string', short: 'c', multiple: true },
      json: { type: 'boolean' },
      full: { type: 'boolean' },
      ...ENCODING_ARG,
    });
    if (values.rules === undefined || values.rules === '') throw new UsageError('explain_missing_rules', {}, 'explain');
    if (positionals.length === 0) throw new UsageError('explain_missing_assessment', {}, 'explain');
    refuseEmptyValues('explain', values, ['encoding']);
    const codes = values.code ?? [];
    if (codes.some((c) => c === '')) throw new UsageError('option_needs_value', { option: '--code' }, 'explain');
    return {
      rules: values.rules,
      inputs: positionals,
      codes,
      lang,
      json: values.json === true,
      full: values.full === true,
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    };
  },
  async run(options, session) {
    const { explain } = await import('./explain.js');
    return explain(options, session);
  },
});
