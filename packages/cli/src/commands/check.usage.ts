/**
 * How `lcz check` is called: its options, their parsing and its help.
 */
import { parseCommandArgs } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly lang: Lang;
  readonly json: boolean;
}

const HELP = `lcz check: what no assessment can change / tìm điều không số liệu nào thay đổi được

Usage / Cách dùng:
  lcz check [--lang vi|en] [--json] <rules>...

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file.
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc một tệp quy tắc.

  Checks a ruleset that loads, beyond its format (docs/rule-checks.md says exactly how):
  criteria (and variants) that can never pass or never fail given the facts' min, max and
  part_of; disqualifiers that always or never apply; standards whose minimum no unit of some
  kind can reach; mandatory criteria that can be not applicable; criteria whose outcome never
  changes the decision; thresholds of two criteria that contradict each other; and, per kind of
  unit, the criteria no variant covers. Each finding as file:line:column with its code and a
  hint, then a count of errors, warnings and notes.
  Kiểm tra bộ quy tắc đã nạp được, sâu hơn định dạng: tiêu chí (phương án) không bao giờ đạt
  hoặc luôn đạt; trường hợp không đảm bảo luôn xảy ra hoặc không bao giờ xảy ra; tiêu chuẩn
  không thể đạt yêu cầu với một loại đối tượng; tiêu chí bắt buộc có thể không áp dụng; tiêu
  chí không bao giờ làm thay đổi kết luận; ngưỡng của hai tiêu chí mâu thuẫn nhau; và các tiêu
  chí không có phương án cho một loại đối tượng. Mỗi điều tìm thấy in dạng tệp:dòng:cột, kèm
  mã và gợi ý cách sửa, rồi số lỗi, cảnh báo, ghi chú.

Options / Tuỳ chọn:
  --lang vi|en     language of messages (default vi) / ngôn ngữ (mặc định vi)
  --json           the findings as JSON, each with its message and hint / dạng JSON
  -h, --help       show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 no error (warnings and notes allowed) / không có lỗi (có thể có cảnh báo, ghi chú)
  1 an error found, or the rules do not load / có lỗi, hoặc bộ quy tắc không nạp được
  2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz check rules/lai-chau-2020-2025
  lcz check --lang en --json rules/lai-chau-2026-2030-draft
`;

export const checkCommand = defineCommand({
  name: 'check',
  help: HELP,
  parse(args): CheckOptions {
    const { values, positionals, lang } = parseCommandArgs('check', args, { json: { type: 'boolean' } });
    if (positionals.length === 0) throw new UsageError('missing_check_rules', {}, 'check');
    return { paths: positionals, lang, json: values.json === true };
  },
  async run(options, session) {
    const { check } = await import('./check.js');
    return check(options, session);
  },
});
