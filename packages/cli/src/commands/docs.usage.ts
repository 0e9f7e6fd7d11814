/**
 * How `lcz docs` is called: its options, their parsing and its help.
 */
import { oneOf, parseCommandArgs, refuseEmptyValues, refuseExtraArguments } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface DocsOptions {
  readonly rules: string;
  readonly format: 'md' | 'html';
  /** One assessment to fill the table in with; a blank form without it. */
  readonly assessment?: string;
  readonly out?: string;
  readonly lang: Lang;
}

const HELP = `lcz docs: the official table of criteria / biểu các tiêu chí đánh giá

Usage / Cách dùng:
  lcz docs --rules <rules> [--lang vi|en] [--format md|html] [--assessment <file>] [--out <file>]

  Generates from the rule file the table as the source document prints it: "Số TT | Nội dung |
  Kết quả đánh giá (Đạt | Không đạt) | Ghi chú", section I with the numbered standards and
  criteria, section II with the disqualifying cases, and the note on recognition. HTML is one
  self-contained page for A4 printing (header rows repeated on each page). Without --assessment
  the result cells are blank, to print and fill in on paper; with it, the table is filled in from
  the evaluation (✓ Đạt or Không đạt, "Chưa rõ" / "Không áp dụng" in Ghi chú), with the area at
  the top and the decision at the bottom.
  Tạo từ tệp quy tắc biểu tiêu chí như văn bản gốc. HTML là một trang in khổ A4. Không có
  --assessment: biểu để trống để in và điền tay; có --assessment: biểu đã điền theo kết quả đánh giá.

  Headings the rule file has no place for (section II's wording, say) are read from table.yaml
  beside ruleset.yaml, if there is one (docs/diff-and-docs.md).
  Các tiêu đề không có trong tệp quy tắc (ví dụ tên mục II) lấy từ table.yaml cạnh ruleset.yaml.

Options / Tuỳ chọn:
  -r, --rules <rules>        ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -f, --format md|html       Markdown (default) or HTML; when absent, from the --out extension
                             / định dạng; mặc định theo đuôi tệp --out
  -a, --assessment <file>    fill the table in from this assessment / điền biểu theo phiếu này
  -o, --out <file>           write to a file instead of standard output / ghi ra tệp
  --lang vi|en               language of the table (default vi) / ngôn ngữ (mặc định vi)
  -h, --help                 show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written / đã ghi   1 invalid rules, table.yaml or assessment / quy tắc, table.yaml hoặc phiếu
  lỗi   2 wrong usage, or the file cannot be written / sai cú pháp lệnh, hoặc không ghi được tệp

Examples / Ví dụ:
  lcz docs --rules rules/lai-chau-2020-2025 > bieu-tieu-chi.md
  lcz docs --rules rules/lai-chau-2020-2025 --out bieu-tieu-chi.html
  lcz docs --rules rules/lai-chau-2020-2025 --assessment examples/assessments/not-recognised-ban.yaml --out ban-a.html
  lcz docs --rules rules/lai-chau-2020-2025 --lang en --format html > criteria-table.html
`;

export const docsCommand = defineCommand({
  name: 'docs',
  help: HELP,
  parse(args): DocsOptions {
    const { values, positionals, lang } = parseCommandArgs('docs', args, {
      rules: { type: 'string', short: 'r' },
      format: { type: 'string', short: 'f' },
      assessment: { type: 'string', short: 'a' },
      out: { type: 'string', short: 'o' },
    });
    if (values.rules === undefined || values.rules === '') throw new UsageError('docs_missing_rules', {}, 'docs');
    refuseExtraArguments('docs', positionals);
    refuseEmptyValues('docs', values, ['assessment', 'out']);
    const named = values.format ?? (/\.html?$/i.test(values.out ?? '') ? 'html' : 'md');
    const format = oneOf(named, ['md', 'html']);
    if (format === undefined) throw new UsageError('docs_bad_format', { value: named }, 'docs');
    return {
      rules: values.rules,
      format,
      lang,
      ...(values.assessment !== undefined ? { assessment: values.assessment } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
    };
  },
  async run(options, session) {
    const { docs } = await import('./docs.js');
    return docs(options, session);
  },
});
