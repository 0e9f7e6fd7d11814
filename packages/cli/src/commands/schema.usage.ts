/**
 * How `lcz schema` is called: its options, their parsing and its help.
 */
import { parseCommandArgs, refuseEmptyValues, refuseExtraArguments } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError, type Lang } from '../session.js';

export interface SchemaOptions {
  readonly rules: string;
  readonly out?: string;
  readonly lang: Lang;
}

const HELP = `lcz schema: the JSON Schema of an assessment / JSON Schema của phiếu đánh giá

Usage / Cách dùng:
  lcz schema --rules <rules> [--out <file>]

  Prints the JSON Schema (2020-12) of one assessment file for this ruleset: the context and fact
  names, their types, bounds and allowed values. It is made from the same schema lcz validates
  with; the relations (a part never exceeds its whole) and the context rules are checked by lcz
  only. Use it in editors, forms and other tools.
  In JSON Schema của một phiếu đánh giá cho bộ quy tắc: tên, kiểu, giới hạn và giá trị cho phép
  của thuộc tính bối cảnh và dữ kiện; lấy từ chính lược đồ mà lcz dùng để kiểm tra.

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -o, --out <file>     write to a file instead of standard output / ghi ra tệp
  --lang vi|en         language of messages (default vi) / ngôn ngữ thông báo
  -h, --help           show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 printed / đã in   1 invalid rules / quy tắc lỗi   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz schema --rules rules/lai-chau-2020-2025 > assessment.schema.json
  lcz schema --rules rules/lai-chau-2020-2025 --out assessment.schema.json
`;

export const schemaCommand = defineCommand({
  name: 'schema',
  help: HELP,
  parse(args): SchemaOptions {
    const { values, positionals, lang } = parseCommandArgs('schema', args, {
      rules: { type: 'string', short: 'r' },
      out: { type: 'string', short: 'o' },
    });
    if (values.rules === undefined || values.rules === '') throw new UsageError('schema_missing_rules', {}, 'schema');
    refuseExtraArguments('schema', positionals);
    refuseEmptyValues('schema', values, ['out']);
    return { rules: values.rules, lang, ...(values.out !== undefined ? { out: values.out } : {}) };
  },
  async run(options, session) {
    const { schema } = await import('./schema.js');
    return schema(options, session);
  },
});
