/**
 * How `lcz diff` is called: its options, their parsing and its help.
 */
import { oneOf, parseCommandArgs, refuseEmptyValues } from '../args.js';
import { defineCommand } from '../command.js';
import { ENCODING_ARG, encodingHelp } from './encoding.usage.js';
import { UsageError, type Lang } from '../session.js';

export interface DiffOptions {
  /** The old and the new rules (directories or files). */
  readonly before: string;
  readonly after: string;
  /** Assessment files, batch files or directories to evaluate under both. */
  readonly assessments: readonly string[];
  readonly format: 'text' | 'md' | 'json';
  readonly lang: Lang;
  /** CSV files without a byte-order mark: the character encoding (default UTF-8), e.g. windows-1258. */
  readonly encoding?: string;
}

const HELP = `lcz diff: what changed between two versions of the rules
lcz diff: so sánh hai phiên bản bộ tiêu chí

Usage / Cách dùng:
  lcz diff <old rules> <new rules> [--lang vi|en] [--format text|md|json]
           [--assessments <file or directory>...] [--encoding <name>]

  <old rules> and <new rules> are ruleset directories (holding ruleset.yaml) or rule files; name
  them first. / Hai bộ quy tắc (thư mục chứa ruleset.yaml hoặc tệp quy tắc), nêu trước tiên.

  Lists, for a policy officer: criteria added, removed, renumbered (same text, new number) and
  changed: reworded (word by word), thresholds ("1.3: ≥ 98% → ≥ 95% số hộ"), other conditions
  (before and after), variants (by their label, conditions in words), the not-applicable and
  no-variant policies; standards (criteria count, how many must pass); the disqualifying cases;
  the recognition rule (requirements, mandatory criteria, the note); facts, context attributes
  and parameters added, removed or changed.
  Liệt kê: tiêu chí thêm, bỏ, đổi số thứ tự, thay đổi (nội dung từng từ, ngưỡng, điều kiện, phương
  án, cách tính khi không áp dụng); tiêu chuẩn; trường hợp không đảm bảo; quy tắc công nhận; dữ
  kiện, thuộc tính bối cảnh và tham số.

  With --assessments, every assessment (YAML/JSON files, and batch files: CSV, XLSX, JSON Lines,
  a JSON array, a YAML list; a directory: all such files in it) is read with the old rules and
  evaluated under both; the areas whose decision changes are listed with the standards,
  criteria and disqualifying cases whose status moved. Facts the new rules no longer declare are
  not read by them, and the report says so. An area found in several files (a CSV and the
  workbook saved from it) is counted once, with a note.
  Với --assessments, mọi phiếu đánh giá được đọc theo bộ quy tắc cũ và đánh giá theo cả hai; các
  đối tượng đổi kết luận được liệt kê cùng các tiêu chuẩn, tiêu chí, trường hợp đổi trạng thái;
  một đối tượng có trong nhiều tệp chỉ tính một lần.

Options / Tuỳ chọn:
  -a, --assessments <path>...  assessments to evaluate under both versions (after the two rules)
                               / phiếu đánh giá cần so sánh kết luận
  -f, --format text|md|json    text (default), Markdown, or JSON (schemas/diff.schema.json)
                               / định dạng: văn bản (mặc định), Markdown, JSON
${encodingHelp(31)}
  --lang vi|en                 language (default vi) / ngôn ngữ (mặc định vi)
  -h, --help                   show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 compared / đã so sánh   1 invalid rules, or assessments that could not be compared
  / quy tắc lỗi hoặc có phiếu không so sánh được   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft
  lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft --assessments examples/assessments examples/survey-2020
  lcz diff --lang en --format md rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft > changes.md
  lcz diff --format json rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft -a examples/assessments > diff.json
`;

export const diffCommand = defineCommand({
  name: 'diff',
  help: HELP,
  parse(args): DiffOptions {
    const { values, positionals, lang } = parseCommandArgs('diff', args, {
      format: { type: 'string', short: 'f' },
      assessments: { type: 'string', short: 'a', multiple: true },
      ...ENCODING_ARG,
    });
    refuseEmptyValues('diff', values, ['encoding']);
    const [before, after, ...rest] = positionals;
    if (before === undefined || after === undefined) throw new UsageError('diff_missing_rules', {}, 'diff');
    // `--assessments a b c`: parseArgs gives the flag one value; the paths after it arrive as positionals.
    if (rest.length > 0 && values.assessments === undefined)
      throw new UsageError('diff_extra_arguments', { extra: rest.join(' ') }, 'diff');
    const assessments = [...(values.assessments ?? []), ...rest];
    if (assessments.some((a) => a === ''))
      throw new UsageError('option_needs_value', { option: '--assessments' }, 'diff');
    const format = oneOf(values.format ?? 'text', ['text', 'md', 'json']);
    if (format === undefined) throw new UsageError('diff_bad_format', { value: values.format ?? '' }, 'diff');
    return {
      before,
      after,
      assessments,
      format,
      lang,
      ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
    };
  },
  async run(options, session) {
    const { diff } = await import('./diff.js');
    return diff(options, session);
  },
});
