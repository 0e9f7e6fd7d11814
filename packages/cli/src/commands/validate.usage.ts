/**
 * How `lcz validate` is called: its options, their parsing and its help.
 */
import { parseCommandArgs } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface ValidateOptions {
  readonly paths: readonly string[];
  readonly lang: Lang;
}

const HELP = `lcz validate: check rule files / kiểm tra tệp quy tắc

Usage / Cách dùng:
  lcz validate [--lang vi|en] <rules>...

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file.
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc một tệp quy tắc.

  Valid rules print one line (id, version, counts) and any warnings or notes, exit code 0.
  Invalid rules print every error as file:line:column, exit code 1. The static checks of
  lcz check run too: an error they find makes the rules invalid.
  Quy tắc hợp lệ: in một dòng tóm tắt và các cảnh báo, mã kết thúc 0.
  Quy tắc có lỗi: in mọi lỗi dạng tệp:dòng:cột, mã kết thúc 1. Các phép kiểm tra của lcz check
  cũng được chạy: lỗi chúng tìm thấy làm bộ quy tắc không hợp lệ.

Options / Tuỳ chọn:
  --lang vi|en     language of messages (default vi) / ngôn ngữ thông báo (mặc định vi)
  -h, --help       show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz validate rules/lai-chau-2020-2025
  lcz validate --lang en rules/lai-chau-2020-2025/ruleset.yaml
`;

export const validateCommand = defineCommand({
  name: 'validate',
  help: HELP,
  parse(args): ValidateOptions {
    const { positionals, lang } = parseCommandArgs('validate', args, {});
    if (positionals.length === 0) throw new UsageError('missing_rules_path', {}, 'validate');
    return { paths: positionals, lang };
  },
  async run(options, session) {
    const { validate } = await import('./validate.js');
    return validate(options, session);
  },
});
