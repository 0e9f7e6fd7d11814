/**
 * How `lcz version new` is called: its options, their parsing and its help.
 */
import { parseCommandArgs } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface VersionNewOptions {
  /** The old version's folder. */
  readonly old: string;
  /** The new folder. */
  readonly target: string;
  readonly start: string;
  readonly end: string;
  /** The new version's name; by default the years, e.g. "2026-2030" ("2026" for a period within one year). */
  readonly version?: string;
  readonly lang: Lang;
}

const HELP = `lcz version new: a new version of a ruleset, in one step / tạo phiên bản mới của bộ quy tắc

Usage / Cách dùng:
  lcz version new <old rules> <new folder> --from <yyyy-mm-dd> --to <yyyy-mm-dd> [--version <name>]

  Copies the old version's folder (rule file, tests, targets, table) to a new folder beside it,
  sets the new version's name and effective dates in its rule file (nothing else changes:
  comments and layout stay), checks that it loads beside the other versions, and lists what a
  person must still look at: the source document, the targets file, comments and texts that cite
  the old period, and test cases whose names cite counts. The old folder is not touched; the new
  folder appears whole or not at all.
  Chép thư mục phiên bản cũ (tệp quy tắc, ca kiểm thử, chỉ tiêu, biểu) sang thư mục mới bên cạnh,
  đặt tên phiên bản và thời gian hiệu lực mới trong tệp quy tắc (giữ nguyên chú thích, bố cục),
  kiểm tra phiên bản mới nạp được cùng các phiên bản khác, rồi liệt kê những chỗ người soạn còn
  phải xem lại: văn bản nguồn, tệp chỉ tiêu, chú thích và nội dung còn nhắc giai đoạn cũ, ca
  kiểm thử có tên nêu số lượng. Thư mục cũ không bị sửa; thư mục mới tạo trọn vẹn hoặc không tạo.

Options / Tuỳ chọn:
  --from <date>        first day the new version is in force, yyyy-mm-dd (required)
                       / ngày bắt đầu có hiệu lực (bắt buộc)
  --to <date>          last day it is in force, yyyy-mm-dd (required) / ngày hết hiệu lực
  --version <name>     the version's name (default: the years, e.g. 2026-2030, or 2026 for one year)
                       / tên phiên bản (mặc định: các năm, ví dụ 2026-2030, hoặc 2026 cho một năm)
  --lang vi|en         language of messages (default vi) / ngôn ngữ thông báo
  -h, --help           show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 created and loads / đã tạo và nạp được   1 created, but the new version has errors to fix
  / đã tạo nhưng còn lỗi cần sửa, or the old rules do not load   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz version new rules/lai-chau-2020-2025 rules/lai-chau-2031-2035 --from 2031-01-01 --to 2035-12-31
`;

export const versionCommand = defineCommand({
  name: 'version',
  help: HELP,
  parse(args): VersionNewOptions {
    const { values, positionals, lang } = parseCommandArgs('version', args, {
      from: { type: 'string' },
      to: { type: 'string' },
      version: { type: 'string' },
    });
    const [action, old, target, ...extra] = positionals;
    if (action !== 'new') throw new UsageError('version_action', { action: action ?? '' }, 'version');
    if (old === undefined || target === undefined || old === '' || target === '')
      throw new UsageError('version_missing_folders', {}, 'version');
    if (extra.length > 0) throw new UsageError('extra_arguments', { extra: extra.join(' ') }, 'version');
    const start = date('--from', values.from);
    const end = date('--to', values.to);
    if (end < start) throw new UsageError('version_dates_order', { from: start, to: end }, 'version');
    if (values.version !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u.test(values.version))
      throw new UsageError('version_bad_name', { value: values.version }, 'version');
    return {
      old,
      target,
      start,
      end,
      lang,
      ...(values.version !== undefined ? { version: values.version } : {}),
    };
  },
  async run(options, session) {
    const { versionNew } = await import('./version.js');
    return versionNew(options, session);
  },
});

/** A real calendar day as yyyy-mm-dd: "2030-31-12" and "2030-02-30" are refused, with the form to use. */
function date(option: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError('version_missing_date', { option }, 'version');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || day === undefined || day.toISOString().slice(0, 10) !== value)
    throw new UsageError('version_bad_date', { option, value }, 'version');
  return value;
}
