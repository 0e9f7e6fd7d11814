/**
 * How `lcz lsp` is called: its options, their parsing and its help.
 */
import { parseCommandArgs, refuseExtraArguments } from '../args.js';
import { defineCommand } from '../command.js';
import type { Lang } from '../session.js';

export interface LspOptions {
  /** Only when --lang is given: otherwise the editor's initializationOptions or LANG decide. */
  readonly lang: Lang | undefined;
}

const HELP = `lcz lsp: the language server for rule files / máy chủ ngôn ngữ cho tệp quy tắc

Usage / Cách dùng:
  lcz lsp [--stdio] [--lang vi|en]

  Speaks the Language Server Protocol on standard input and output, for any editor (VS Code,
  Neovim…; docs/editors.md). For each open rule file: every problem lcz validate finds, located;
  completion of fact names, functions and value ids in expressions, in fact:/part:/whole: and in
  thresholds, in block and flow style; hover with labels and criterion texts in both languages;
  go to the declaration of a name, also in a file brought in by include:.
  Nói giao thức LSP qua đầu vào và đầu ra chuẩn, cho mọi trình soạn thảo: báo mọi lỗi của tệp quy
  tắc đang mở, gợi ý tên dữ kiện, hàm và giá trị, hiển thị nhãn và nội dung tiêu chí bằng hai ngôn
  ngữ, nhảy tới chỗ khai báo một tên (cả trong tệp được include:).

  The language of messages: --lang, else the editor's initializationOptions { "lang": "en" },
  else LC_ALL / LC_MESSAGES / LANG (vi_VN…, en_US…), else Vietnamese.
  Ngôn ngữ thông báo: --lang, nếu không thì initializationOptions của trình soạn thảo, rồi LANG.

Options / Tuỳ chọn:
  --stdio          accepted for editors that pass it (standard input and output is the only
                   transport) / chấp nhận cho trình soạn thảo truyền tham số này
  --lang vi|en     language of messages / ngôn ngữ thông báo
  -h, --help       show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz lsp --stdio
`;

export const lspCommand = defineCommand({
  name: 'lsp',
  help: HELP,
  parse(args): LspOptions {
    const { values, positionals, lang } = parseCommandArgs('lsp', args, { stdio: { type: 'boolean' } });
    refuseExtraArguments('lsp', positionals);
    const given: Readonly<Record<string, unknown>> = values;
    return { lang: given['lang'] === undefined ? undefined : lang };
  },
  async run(options, session) {
    const { lsp } = await import('./lsp.js');
    return lsp(options, session);
  },
});
