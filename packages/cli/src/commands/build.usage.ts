/**
 * How `lcz build` is called: its options, their parsing and its help.
 */
import { parseCommandArgs, refuseEmptyValues, refuseExtraArguments } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface BuildOptions {
  readonly rules: string;
  readonly out?: string;
  /** Write nothing; fail when the compiled file on disk differs from what the rules build now. */
  readonly check: boolean;
  readonly lang: Lang;
}

const HELP = `lcz build: the compiled rules file / biên dịch bộ quy tắc

Usage / Cách dùng:
  lcz build <rules> [--out <file>] [--check]

  Checks the rules as lcz validate does and writes them, parsed and validated, as one JSON file
  (with the included shared files and the position of every rule in its YAML). A program loads
  it with loadCompiledRuleset from @lcz/criteria-engine/runtime, with no YAML parser and no
  schema validation: it starts in milliseconds. Any lcz command also takes it as --rules.
  Never edit the compiled file: change the YAML and build again. Only the engine version that
  wrote it reads it.
  Kiểm tra bộ quy tắc như lcz validate rồi ghi thành một tệp JSON đã biên dịch, để chương trình
  nạp nhanh (vài mili giây). Đừng sửa tay tệp này: hãy sửa YAML rồi biên dịch lại.

Options / Tuỳ chọn:
  -o, --out <file>     where to write (default: beside the rule file, ruleset.compiled.json)
                       nơi ghi (mặc định: cạnh tệp quy tắc, ruleset.compiled.json)
  --check              write nothing; exit 1 when the file is missing or differs from what the
                       rules build now (for CI) / không ghi; báo lỗi nếu tệp đã cũ (dùng trong CI)
  --lang vi|en         language of messages (default vi) / ngôn ngữ thông báo
  -h, --help           show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written or up to date / đã ghi hoặc đã khớp   1 invalid rules, or --check found it stale
  / quy tắc lỗi hoặc tệp đã cũ   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz build rules/lai-chau-2020-2025
  lcz build rules/lai-chau-2020-2025 --out dist/lai-chau.compiled.json
  lcz build rules/lai-chau-2020-2025 --out dist/lai-chau.compiled.json --check
  lcz evaluate --rules dist/lai-chau.compiled.json examples/assessments
`;

export const buildCommand = defineCommand({
  name: 'build',
  help: HELP,
  parse(args): BuildOptions {
    const { values, positionals, lang } = parseCommandArgs('build', args, {
      out: { type: 'string', short: 'o' },
      check: { type: 'boolean' },
    });
    const [rules, ...extra] = positionals;
    if (rules === undefined) throw new UsageError('build_missing_rules', {}, 'build');
    refuseExtraArguments('build', extra);
    refuseEmptyValues('build', values, ['out']);
    return { rules, lang, check: values.check === true, ...(values.out !== undefined ? { out: values.out } : {}) };
  },
  async run(options, session) {
    const { build } = await import('./build.js');
    return build(options, session);
  },
});
