/**
 * How `lcz test` is called: its options, their parsing and its help.
 */
import { oneOf, parseCommandArgs } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface TestOptions {
  readonly rules: string;
  /** Test files or folders to run instead of `<rules>/tests`. */
  readonly cases: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
  /** Also report what the cases cover (a table as text or Markdown; in the JSON with --json). */
  readonly coverage?: 'text' | 'md';
  /** Show, per failed case, the outcome under the current rules beside the old expectation. */
  readonly propose: boolean;
  /** Rewrite the expectations of these failed cases (by name) to the current outcome. */
  readonly accept: readonly string[];
  /** Rewrite the expectations of every failed case (after review). */
  readonly acceptAll: boolean;
}

const HELP = `lcz test: run the test cases of a ruleset / chạy các ca kiểm thử của bộ quy tắc

Usage / Cách dùng:
  lcz test [--lang vi|en] [--json] [--cases <path>]... <rules>

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file. Its test cases are the
  files <rules>/tests/*.yaml, run in name order (format: docs/test-cases.md).
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc tệp quy tắc. Các ca kiểm thử là các tệp
  <rules>/tests/*.yaml, chạy theo thứ tự tên (định dạng: docs/test-cases.md).

  Prints a line per case, ✓ (passed) or ✗ (failed). Under a failed case, each expectation that
  did not hold, at file:line:column of the test file, with the expected and the actual value.
  Then "N ca đạt, M ca không đạt" and "N passed, M failed". Exit code 0 when every case passes,
  1 when a case fails or a file cannot be run.
  In một dòng cho mỗi ca, ✓ (đạt) hoặc ✗ (không đạt). Dưới ca không đạt là từng điều mong đợi
  không đúng, kèm tệp:dòng:cột trong tệp kiểm thử, giá trị mong đợi và giá trị thực tế. Mã kết
  thúc 0 khi mọi ca đều đạt, 1 khi có ca không đạt hoặc có tệp không chạy được.

Options / Tuỳ chọn:
  -c, --cases <path>   test files or folders to run instead of <rules>/tests (repeatable), e.g.
                       the 2020 survey cases kept with the examples / tệp hoặc thư mục ca kiểm
                       thử thay cho <rules>/tests (có thể lặp lại)
  --coverage           then the coverage table: for every criterion, variant and disqualifier,
                       whether a case made it pass, fail, unknown, not applicable; for every
                       threshold, a case exactly at it and one just beyond; then the gaps
                       / sau đó in bảng độ phủ: mỗi tiêu chí, phương án, trường hợp không đảm
                       bảo đã có ca đạt, không đạt, chưa rõ, không áp dụng chưa; mỗi ngưỡng đã
                       có ca đúng bằng ngưỡng và ngay bên kia ngưỡng chưa; rồi các chỗ còn thiếu
  -f, --format text|md the coverage table as text (default) or Markdown / dạng bảng độ phủ
  --propose            after a rule change: for each failed case, the outcome under the current
                       rules beside the old expectation, and why (which standard or criterion
                       moved); a fact that a base file lacks is named once, with the file to add
                       it to / sau khi đổi quy tắc: với mỗi ca không đạt, kết quả theo quy tắc
                       hiện tại cạnh điều mong đợi cũ, và lý do; dữ kiện mà tệp nền còn thiếu
                       được nêu một lần, kèm tệp cần thêm
  --accept <case>      rewrite that failed case's expectations to the current outcome, in place,
                       keeping comments and layout (repeatable) / ghi lại điều mong đợi của ca đó
                       theo kết quả hiện tại, giữ nguyên chú thích và bố cục (có thể lặp lại)
  --accept-all         the same for every failed case, after review; cases that fail only for a
                       fact their base lacks are never rewritten / như trên cho mọi ca không đạt,
                       sau khi đã xem; ca chỉ thiếu dữ kiện ở tệp nền không bao giờ bị ghi lại
  --lang vi|en         language of the report (default vi) / ngôn ngữ (mặc định vi)
  --json               print the results as JSON (with --coverage, a "coverage" key)
                       / in kết quả dạng JSON (với --coverage, thêm khóa "coverage")
  -h, --help           show this help / xem hướng dẫn

  Gaps in coverage do not change the exit code. / Độ phủ chưa đủ không làm đổi mã kết thúc.

Examples / Ví dụ:
  lcz test rules/lai-chau-2020-2025
  lcz test --coverage rules/lai-chau-2020-2025
  lcz test --coverage --format md --lang en rules/lai-chau-2020-2025 > coverage.md
  lcz test rules/lai-chau-2020-2025 --cases examples/survey-2020/tests
  lcz test --lang en rules/lai-chau-2020-2025 --cases rules/lai-chau-2020-2025/tests/04-boundaries.yaml
  lcz test --propose rules/lai-chau-2026-2030-draft
  lcz test rules/lai-chau-2026-2030-draft --accept "1.3: 98/100 hộ chấp hành thì đạt"
`;

export const testCommand = defineCommand({
  name: 'test',
  help: HELP,
  parse(args): TestOptions {
    const { values, positionals, lang } = parseCommandArgs('test', args, {
      cases: { type: 'string', short: 'c', multiple: true },
      json: { type: 'boolean' },
      coverage: { type: 'boolean' },
      format: { type: 'string', short: 'f' },
      propose: { type: 'boolean' },
      accept: { type: 'string', multiple: true },
      'accept-all': { type: 'boolean' },
    });
    const format = oneOf(values.format ?? 'text', ['text', 'md']);
    if (format === undefined) throw new UsageError('coverage_bad_format', { value: values.format ?? '' }, 'test');
    if (values.format !== undefined && values.coverage !== true)
      throw new UsageError('coverage_format_needs_coverage', {}, 'test');
    const [rules, ...extra] = positionals;
    if (rules === undefined) throw new UsageError('missing_test_rules', {}, 'test');
    if (extra.length > 0) throw new UsageError('test_one_rules_path', { extra: extra.join(' ') }, 'test');
    const cases = values.cases ?? [];
    if (cases.some((c) => c === '')) throw new UsageError('option_needs_value', { option: '--cases' }, 'test');
    const coverage = values.coverage === true ? { coverage: format } : {};
    const accept = values.accept ?? [];
    if (accept.some((c) => c === '')) throw new UsageError('option_needs_value', { option: '--accept' }, 'test');
    const acceptAll = values['accept-all'] === true;
    if (acceptAll && accept.length > 0) throw new UsageError('test_accept_conflict', {}, 'test');
    return {
      rules,
      cases,
      lang,
      json: values.json === true,
      ...coverage,
      propose: values.propose === true,
      accept,
      acceptAll,
    };
  },
  async run(options, session) {
    const { test } = await import('./test.js');
    return test(options, session);
  },
});
