/**
 * Thông báo tiếng Việt — Vietnamese messages, written for the policy staff who edit rule files:
 * what is wrong, what is valid, and an example of the fix. Params follow docs/errors.md.
 * Keys, value ids and expressions stay as written in the file (they are code, not prose).
 */
import { interpolate } from '../interpolate.js';
import { hasParam, lookup, param as s, typeList } from './catalog.js';
import type { MessageCatalog, MessageParams, RenderedMessage } from './catalog.js';
import { levelExample, rowExample, type SchemaTypeHint, schemaTypeHint, shapeProblem } from './hints.js';
import { analyzeVi } from './analyze-vi.js';

const TYPES: Readonly<Record<string, string>> = {
  string: 'văn bản',
  number: 'một số',
  integer: 'một số nguyên',
  int: 'một số nguyên',
  boolean: 'true hoặc false',
  null: 'giá trị trống',
  array: 'một danh sách',
  object: 'một bảng khóa: giá trị',
  assessment: 'một bảng khóa: giá trị có context: và facts:',
  non_finite_number: 'một số vô hạn hoặc không phải số (.inf, .nan)',
  percent: 'một tỷ lệ phần trăm',
  equality: 'phép so sánh == hoặc != (giá trị có/không và danh mục không có thứ tự)',
  same_type: 'hai vế cùng kiểu',
  fact_name: 'tên một dữ kiện',
  percent_0_100: 'một số từ 0 đến 100',
  enum: 'một giá trị trong danh mục',
  ordinal: 'một mức xếp loại',
  error: 'một biểu thức có lỗi',
};

/** What an expression's syntax error expected, and found at its end (codes from the lexer and parser). */
const EXPR_TOKENS: Readonly<Record<string, string>> = {
  token: 'một phép toán, một tên, một số hoặc một giá trị trong dấu nháy',
  operator: 'một phép toán như and, or, ==, >=',
  operand: 'một giá trị, một tên hoặc (',
  chain: 'and / or giữa hai phép so sánh (viết a >= 1 and a <= 5)',
  '': 'hết biểu thức',
};

const WHERE: Readonly<Record<string, string>> = {
  comparison: 'phép so sánh',
  percent_comparison: 'phép so sánh tỷ lệ phần trăm',
  condition: 'điều kiện',
};

const OUTSIDE_REASONS: Readonly<Record<string, string>> = {
  absolute: 'đây là đường dẫn tuyệt đối, nằm ngoài',
  outside: 'dấu .. đưa ra khỏi',
  link: 'một liên kết (symlink) dẫn ra khỏi',
};

const INCLUDE_REASONS: Readonly<Record<string, string>> = {
  not_found: 'không tìm thấy hoặc không đọc được tệp',
  not_fragment: 'tệp không khai báo kind: fragment',
  fragment_content: 'một fragment chỉ được có facts, parameters và definitions',
  nested: 'một fragment không được include tệp khác',
  no_reader: 'trình nạp quy tắc này không đọc tệp (hãy dùng loadRulesetFile hoặc truyền readInclude)',
  invalid: 'tệp có lỗi (xem các lỗi ghi trong chính tệp đó)',
};

const COMPILED_REASONS: Readonly<Record<string, string>> = {
  json: 'tệp không phải JSON hợp lệ',
  format: 'tệp không phải tệp quy tắc đã biên dịch, hoặc thiếu một phần',
  damaged: 'các văn bản quy tắc trong tệp bị hỏng (có ai sửa tay không?)',
};

const RELATION_REASONS: Readonly<Record<string, string>> = {
  not_counts: 'cả hai phải cùng là số nguyên, hoặc cùng là số',
  cycle: 'chuỗi part_of vòng trở lại chính nó',
};

/** "giá trị phải …" for each comparison; Vietnamese words these differently from English. */
const BOUNDS: Readonly<Record<string, (limit: string) => string>> = {
  '>=': (limit) => `từ ${limit} trở lên`,
  '<=': (limit) => `không vượt quá ${limit}`,
  '>': (limit) => `lớn hơn ${limit}`,
  '<': (limit) => `nhỏ hơn ${limit}`,
};

const COUNTS: Readonly<Record<string, string>> = {
  '>=': 'ít nhất',
  '<=': 'tối đa',
  '>': 'hơn',
  '<': 'ít hơn',
};

function bound(comparison: string, limit: string): string {
  const phrase = Object.hasOwn(BOUNDS, comparison) ? BOUNDS[comparison] : undefined;
  return phrase ? phrase(limit) : `${comparison} ${limit}`;
}

/** Ý nghĩa của từng mẫu (pattern) trong schema, bằng lời. */
const PATTERNS: Readonly<Record<string, string>> = {
  '^[a-z][a-z0-9_]*$': 'bắt đầu bằng một chữ thường, sau đó chỉ gồm chữ thường không dấu, chữ số hoặc dấu gạch dưới',
  '^[a-z0-9][a-z0-9-]*$': 'chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang',
  '^\\d{4}-\\d{2}-\\d{2}$': 'ngày viết theo dạng YYYY-MM-DD',
  '^[1-9][0-9]*$': 'số thứ tự tiêu chuẩn, trong dấu ngoặc kép, ví dụ "1"',
  '^[1-9][0-9]*\\.[1-9][0-9]*$': 'mã tiêu chí dạng "tiêu chuẩn.số thứ tự", trong dấu ngoặc kép, ví dụ "1.3"',
  '^D[1-9][0-9]*$': 'chữ D theo sau là một số, ví dụ D1',
  '^https?://\\S+$': 'địa chỉ web bắt đầu bằng http:// hoặc https://',
};

/** Ví dụ cho các khóa hay bị quên. */
const REQUIRED_EXAMPLES: Readonly<Record<string, string>> = {
  vi: 'vi: "Tiêu chuẩn 1"',
  en: 'en: "Standard 1"',
  if_whole_zero: 'if_whole_zero: fail   (hoặc pass: kết quả khi tổng bằng 0)',
  no_variant: 'no_variant: not_applicable   (hoặc fail: xử lý khi không phương án nào áp dụng)',
  not_applicable: 'not_applicable: exclude   (hoặc fail: cách tính tiêu chí không áp dụng)',
  format: 'format: 1',
  label: 'label: { vi: "Tổng số", en: "Total" }',
  group_requirement: 'group_requirement: { at_least_percent: 80 }',
  condition: 'condition: { fact: has_plan, is: true }',
  values: 'values:\n    - { id: large, label: { vi: "Lớn", en: "Large" } }',
};

const YAML_REASONS: Readonly<Record<string, string>> = {
  BAD_INDENT: 'thụt lề sai: các mục của cùng một bảng hoặc danh sách phải bắt đầu ở cùng một cột',
  TAB_AS_INDENT: 'dùng phím Tab để thụt lề; YAML chỉ cho phép dấu cách',
  MISSING_CHAR: 'thiếu một ký tự bắt buộc ở đây',
  MISSING_QUOTE: 'thiếu dấu nháy đóng',
  MISSING_DASH: 'mục của danh sách thiếu "- " ở đầu (hoặc dòng bị thụt lề quá sâu)',
  MISSING_COLON: 'sau khóa thiếu dấu hai chấm và giá trị',
  MISSING_COMMA: 'thiếu dấu phẩy giữa các mục trong [ ] hoặc { }',
  MISSING_SPACE: 'thiếu dấu cách sau dấu ":" trong { }',
  COMMENT_SPACE: 'ghi chú bắt đầu bằng # phải cách phần chữ phía trước một dấu cách',
  UNEXPECTED_TOKEN: 'có nội dung không mong đợi ở đây',
  MULTILINE_IMPLICIT_KEY: 'một khóa kéo dài qua nhiều dòng (có thể dòng trước thiếu dấu hai chấm)',
  BLOCK_AS_IMPLICIT_KEY: 'một khối thụt lề đang được dùng làm khóa',
  NON_STRING_KEY: 'khóa phải là văn bản, không được là danh sách hay bảng',
  BAD_ALIAS: 'bí danh (*tên) trỏ tới một neo (&tên) chưa được khai báo trước đó',
  BAD_DQ_ESCAPE: 'chuỗi thoát bằng dấu gạch chéo ngược trong ngoặc kép không hợp lệ (viết \\\\ cho một dấu \\)',
  BAD_SCALAR_START: 'giá trị không được bắt đầu bằng ký tự này nếu không đặt trong dấu nháy',
  KEY_OVER_1024_CHARS: 'khóa dài quá 1024 ký tự',
  MULTIPLE_ANCHORS: 'một giá trị có nhiều hơn một neo (&tên)',
  MULTIPLE_TAGS: 'một giá trị có nhiều hơn một thẻ',
  ALIAS_PROPS: 'bí danh (*tên) không được có neo hoặc thẻ',
  BAD_PROP_ORDER: 'neo hoặc thẻ đặt sai vị trí',
  BLOCK_IN_FLOW: 'có khối thụt lề nằm bên trong [ ] hoặc { }',
  BAD_DIRECTIVE: 'dòng bắt đầu bằng % không phải là chỉ thị hợp lệ',
  BAD_COLLECTION_TYPE: 'loại tập hợp không khớp với thẻ của nó',
  IMPOSSIBLE: 'không đọc được YAML ở đây',
};

const DUPLICATE_KINDS: Readonly<Record<string, string>> = {
  group: 'tiêu chuẩn',
  criterion: 'tiêu chí',
  disqualifier: 'trường hợp loại trừ',
  level: 'mức',
  variant: 'phương án',
  value: 'giá trị',
  name: 'tên',
  fact: 'dữ kiện',
  context: 'thuộc tính bối cảnh',
  parameter: 'tham số',
};

const EXPRESSION_LIMITS: Readonly<Record<string, string>> = {
  maxExpressionLength: 'quá dài: {value} ký tự (giới hạn {max})',
  maxExpressionDepth: 'lồng nhau quá sâu: {value} cấp (giới hạn {max})',
  maxExpressionNodes: 'có quá nhiều thành phần: {value} (giới hạn {max})',
};

function t(type: string): string {
  return typeList(TYPES, type, ' hoặc ');
}

function didYouMean(p: MessageParams, key = 'suggestion'): string {
  return hasParam(p, key) ? `Có phải ý bạn là "${s(p, key)}"? ` : '';
}

/** A template's `{name}`s filled; an absent param is left out, as `s` leaves it out. */
function fill(template: string, p: MessageParams): string {
  return interpolate(template, p, () => '');
}

/** The hint for each kind of wrong type (hints.ts decides which). */
const SCHEMA_TYPE_HINTS: Readonly<Record<SchemaTypeHint, (expected: string) => string>> = {
  quote_text: () => 'Đặt giá trị trong dấu ngoặc kép để được đọc là văn bản, ví dụ id: "1" hoặc version: "2020-2025".',
  mapping: () => 'Viết các dòng khóa: giá trị, thụt lề dưới khóa này, ví dụ\n  title:\n    vi: "…"\n    en: "…"',
  list: () => 'Viết một danh sách: mỗi mục một dòng, bắt đầu bằng "- ".',
  whole_number: () => 'Dùng số nguyên, không có phần thập phân, ví dụ 80.',
  boolean: () => 'Viết true hoặc false, không có dấu nháy.',
  empty: () => 'Viết một giá trị sau dấu hai chấm; ở đây không được để trống.',
  drop_percent: () => 'Bỏ dấu % và dấu ngoặc kép: tên khóa đã cho biết đây là tỉ lệ phần trăm, ví dụ at_least: 99.',
  name_as_number: () =>
    'Viết một số ở đây. Một tên (tham số) chỉ được đọc trong biểu thức hoặc làm ngưỡng của điều kiện dữ kiện, { fact: f, at_least: tên }; với tỉ lệ phần trăm, hãy viết điều kiện thành biểu thức, ví dụ condition: "percent(part, whole, 0) >= tên".',
  decimal_comma: () =>
    'Viết phần thập phân bằng dấu chấm, ví dụ 2.5: viết dấu phẩy (2,5) thì giá trị bị đọc là văn bản.',
  decimal_comma_whole: () =>
    'Ở đây cần một số nguyên, còn 2,5 là số thập phân (viết bằng dấu phẩy). Điểm là số nguyên: bộ tiêu chí có điểm lẻ nửa điểm thì tính mọi điểm và ngưỡng theo nửa điểm (2,5 điểm → 5).',
  change_type: (expected) => `Đổi giá trị thành ${t(expected)}.`,
};

function shapeMessage(p: MessageParams): RenderedMessage {
  const found = s(p, 'actual');
  switch (shapeProblem(p)) {
    case 'condition':
      return {
        message:
          'Một điều kiện cần có một trong các khóa: fact, percent, all, any, not, hoặc là một biểu thức (chuỗi).',
        hint:
          `${didYouMean(p)}Ví dụ:\n` +
          '  condition: { fact: has_plan, is: true }\n' +
          '  condition: { percent: { part: items_done, whole: total_items }, at_least: 98, if_whole_zero: fail }\n' +
          '  condition: "total_items >= 30"',
      };
    case 'fact_comparison':
      return {
        message: `Điều kiện theo dữ kiện cần đúng một trong các khóa: is, at_least, at_most, equals (đang có: ${found}).`,
        hint: 'Giữ "fact" và một phép so sánh, ví dụ { fact: total_items, at_least: 30 } hoặc { fact: has_plan, is: true }.',
      };
    case 'percent_comparison':
      return {
        message: `Điều kiện tỷ lệ phần trăm cần có at_least hoặc at_most (đang có: ${found}).`,
        hint: 'Ví dụ: { percent: { part: items_done, whole: total_items }, at_least: 98, if_whole_zero: fail }',
      };
    case 'requirement':
      return {
        message: `Yêu cầu cần đúng một trong các khóa: at_least_percent, at_least_count, at_least_points (đang có: ${found}).`,
        hint: 'Ví dụ: requirement: { at_least_percent: 80 }. "Tất cả phải đạt" là at_least_percent: 100.',
      };
    case 'criterion_both':
      return {
        message: 'Tiêu chí này có cả "condition" lẫn "variants"; chỉ được có đúng một trong hai.',
        hint: 'Dùng "condition" khi một quy tắc áp dụng cho mọi đơn vị, hoặc "variants" khi quy tắc tùy theo bối cảnh (mỗi phương án có when: và condition: riêng).',
      };
    case 'criterion_neither':
      return {
        message: 'Tiêu chí này không có "condition" cũng không có "variants"; cần đúng một trong hai.',
        hint: 'Dùng "condition" khi một quy tắc áp dụng cho mọi đơn vị, hoặc "variants" khi quy tắc tùy theo bối cảnh (mỗi phương án có when: và condition: riêng).',
      };
    default:
      return {
        message: `Giá trị này không đúng dạng cho phép; cần một trong: ${s(p, 'expected')}.`,
        hint: 'Xem các dạng hợp lệ trong docs/rule-format.md.',
      };
  }
}

/** 19949 → 19,949 (en) or 19.949 (vi): counts people read at a glance. */
function grouped(p: MessageParams, name: string, separator: string): string {
  return s(p, name).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A batch file's cell, as a hint names it: `ô G3, cột "<its header>"` (the batch package sets both). */
const inCell = (p: MessageParams): string =>
  `ô ${s(p, 'cell')}${hasParam(p, 'column_name') ? `, cột "${s(p, 'column_name')}"` : ''}`;

export const vi: MessageCatalog = {
  diagnostics_omitted: (p) => ({
    message: `… và ${grouped(p, 'count', '.')} vấn đề khác ${s(p, 'scope') === 'row' ? 'ở dòng này' : 'trong tệp này'} không được hiển thị (trong đó ${grouped(p, 'errors', '.')} lỗi).`,
    hint: 'Chỉ hiển thị các vấn đề đầu tiên để kết quả dễ đọc. Hãy sửa các vấn đề đó rồi chạy lại; thường cùng một nguyên nhân gây ra các vấn đề còn lại.',
  }),
  // analyze/: the static checks (lcz check), in analyze-vi.ts
  ...analyzeVi,
  // Đọc tệp
  file_not_found: (p) => ({
    message: `Không tìm thấy tệp: ${s(p, 'path')}.`,
    hint: 'Kiểm tra lại thư mục và tên tệp.',
  }),
  file_unreadable: (p) => ({
    message: `Không đọc được tệp ${s(p, 'path')} (${s(p, 'detail')}).`,
    hint: 'Kiểm tra tệp không bị chương trình khác khóa, bạn có quyền đọc, và tệp là văn bản lưu dạng UTF-8.',
  }),
  file_outside_root: (p) => ({
    message: `Không đọc tệp "${s(p, 'path')}": ${lookup(OUTSIDE_REASONS, s(p, 'reason'))} thư mục ${s(p, 'root')}. Tệp được nêu trong tệp quy tắc hoặc tệp kiểm thử phải nằm trong thư mục đó.`,
    hint: 'Ghi đường dẫn tính từ thư mục của tệp này, không đi ra ngoài, ví dụ include: ["shared/noi-dung.yaml"]. Để nhiều bộ quy tắc dùng chung tệp, đặt một tệp tên .lcz-root ở thư mục chứa tất cả (ví dụ rules/.lcz-root).',
  }),
  text_encoding: (p) => ({
    message: !hasParam(p, 'encoding')
      ? `Nội dung tệp ${s(p, 'path')} không phải UTF-8: byte thứ ${s(p, 'offset')} (0x${s(p, 'byte')}) không phải ký tự UTF-8, nên các chữ như "ệ" sẽ bị mất. Tệp đã được lưu bằng bảng mã khác (Latin-1, Windows-1258, TCVN3…).`
      : s(p, 'encoding') === 'replacement'
        ? `Ô này của tệp ${s(p, 'path')} chứa "\\uFFFD", dấu vết của các byte không phải UTF-8: nội dung gốc đã bị mất.`
        : `Tệp ${s(p, 'path')} được lưu bằng UTF-16 (${s(p, 'encoding')}, "Unicode" trong Notepad), không phải UTF-8.`,
    hint: hasParam(p, 'option')
      ? `Nếu tệp được lưu từ Windows hoặc Excel tiếng Việt ("CSV (Comma delimited)"), hãy đọc tệp như hiện có bằng ${s(p, 'option')} (bảng mã khác: ghi tên bảng mã, ví dụ --encoding windows-1252); hoặc lưu tệp dạng UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; LibreOffice: bộ ký tự "Unicode (UTF-8)") rồi chạy lại.`
      : 'Hãy lưu tệp dạng UTF-8 (Excel: "CSV UTF-8 (Comma delimited)"; Notepad: Save as… > Encoding: UTF-8) rồi chạy lại.',
  }),
  expr_division_outside_derived: () => ({
    message: 'Phép chia (/) chỉ được dùng trong giá trị của một đại lượng suy ra (derived:).',
    hint: 'Khai báo tỉ số trong derived: cùng if_zero (giá trị khi số chia bằng 0), ví dụ per_member: { value: "total / members", if_zero: unknown }, rồi so sánh theo tên đó; hoặc dùng percent(part, whole, if_zero).',
  }),
  derived_if_zero_missing: (p) => ({
    message: `Đại lượng suy ra "${s(p, 'name')}" có phép chia nhưng chưa nói giá trị của nó khi số chia bằng 0.`,
    hint: 'Thêm if_zero: unknown (các tiêu chí đọc nó sẽ chưa xác định) hoặc if_zero: <một số> (giá trị dùng khi đó). Đây là lựa chọn chính sách nên không bao giờ được tự giả định.',
  }),
  parameter_key_unknown: (p) => ({
    message: `Bảng "${s(p, 'parameter')}" lấy khóa theo "${s(p, 'name')}", nhưng đó không phải thuộc tính bối cảnh.`,
    hint: `Bảng chỉ lấy khóa theo thuộc tính bối cảnh (enum hoặc boolean): ${s(p, 'allowed') || 'hãy khai báo trong context:'}.`,
  }),
  parameter_key_value: (p) =>
    s(p, 'name') === 'value'
      ? {
          message: `Dòng ${s(p, 'row')} của bảng "${s(p, 'parameter')}": giá trị "${s(p, 'value')}" không phải là một số.`,
          hint: 'Chỉ viết con số, không dấu nháy, không dấu % hay đơn vị (đơn vị của tham số đã nói điều đó), phần thập phân sau dấu chấm: value: 3, value: 10.5.',
        }
      : {
          message: `Dòng ${s(p, 'row')} của bảng "${s(p, 'parameter')}": "${s(p, 'value')}" không phải giá trị của ${s(p, 'name')}.`,
          hint: `Các giá trị được phép: ${s(p, 'allowed')}.`,
        },
  parameter_row_keys: (p) => ({
    message: `Dòng ${s(p, 'row')} của bảng "${s(p, 'parameter')}" phải nêu giá trị của từng khóa (${s(p, 'keys')}) và value, không thêm gì khác; "${s(p, 'name')}" bị thiếu hoặc không phải khóa.`,
    hint: `Viết mỗi dòng như ${rowExample(p)}: mỗi khóa trong by: một mục, và value.`,
  }),
  expr_number_inexact: (p) => ({
    message: `Không giữ được chính xác số ${s(p, 'value')}: số nguyên tối đa là ${s(p, 'max')}, và một số có tối đa 15 chữ số có nghĩa. Số này sẽ bị làm tròn, nên không được chấp nhận.`,
    hint: 'Hãy ghi đúng con số quy định, trong giới hạn đó, ví dụ total_items >= 1000000.',
  }),
  file_too_large: (p) => ({
    message: `Tệp ${s(p, 'path')} có dung lượng ${s(p, 'size')} byte; giới hạn là ${s(p, 'max')} byte.`,
    hint:
      s(p, 'kind') === 'assessment'
        ? 'Một phiếu đánh giá là một tệp YAML hoặc JSON ngắn cho một đối tượng được đánh giá. Kiểm tra xem có mở nhầm tệp không; nhiều phiếu thì ghi vào tệp hàng loạt (CSV, XLSX, JSON Lines), được đọc từng dòng, không bị giới hạn này.'
        : 'Tệp quy tắc là văn bản ngắn. Kiểm tra xem có mở nhầm tệp không (ví dụ bảng tính hoặc PDF).',
  }),

  // parse/
  yaml_syntax: (p) => {
    const reason = s(p, 'reason');
    const known = Object.hasOwn(YAML_REASONS, reason);
    return {
      message: known
        ? `Không đọc được YAML: ${lookup(YAML_REASONS, reason)}.`
        : `Không đọc được YAML: ${s(p, 'detail')}.`,
      hint: 'Kiểm tra dòng này và dòng trước đó: thụt lề bằng dấu cách (không dùng Tab), sau mỗi khóa có dấu hai chấm và một dấu cách, các dấu nháy và dấu ngoặc phải đóng đủ.',
    };
  },
  yaml_indentation: (p) => {
    const block =
      s(p, 'last_line') === s(p, 'line') ? `dòng ${s(p, 'line')}` : `các dòng ${s(p, 'line')}–${s(p, 'last_line')}`;
    return {
      message: `Kiểm tra thụt lề của dòng ${s(p, 'line')}: dòng này lùi ra trái so với chỗ nó thuộc về, nên các khóa bên dưới bị xếp nhầm cấp (các lỗi "thiếu khóa", "không đọc được" ở khối này đều do đó).`,
      hint: `Thụt ${block} vào thêm ${s(p, 'spaces')} dấu cách (dòng ${s(p, 'line')} bắt đầu ở cột ${s(p, 'column')}, thẳng hàng với các khóa cùng cấp ở trên), rồi kiểm tra lại. Thụt lề bằng dấu cách, không dùng Tab.`,
    };
  },
  yaml_tab_indentation: (p) => ({
    message: `Dòng này thụt lề bằng Tab: YAML chỉ thụt lề bằng dấu cách, và một Tab làm các dòng xung quanh bị đọc sai (ở đây Tab được đọc như ${s(p, 'spaces')} dấu cách, thẳng hàng với các dòng xung quanh, để kiểm tra phần còn lại của tệp).`,
    hint: `Thay Tab (và các dấu cách trước chữ đầu tiên) bằng ${s(p, 'spaces')} dấu cách; đặt trình soạn thảo chèn dấu cách khi nhấn Tab.`,
  }),
  yaml_duplicate_key: (p) => ({
    message: hasParam(p, 'first_line')
      ? `Khóa "${s(p, 'key')}" xuất hiện hai lần trong cùng một bảng (lần đầu ở dòng ${s(p, 'first_line')}).`
      : `Khóa "${s(p, 'key')}" xuất hiện hai lần trong cùng một bảng.`,
    hint: 'Mỗi khóa chỉ được xuất hiện một lần ở mỗi cấp: gộp hai mục lại hoặc xóa bớt một mục.',
  }),
  yaml_version_directive: (p) => ({
    message: `Tệp khai báo "%YAML ${s(p, 'version')}"; tệp quy tắc phải là YAML 1.2.`,
    hint: `Xóa dòng "%YAML ${s(p, 'version')}" ở đầu tệp.`,
  }),
  yaml_unsupported_tag: (p) => ({
    message: `Không được dùng thẻ ${s(p, 'tag')}: tệp quy tắc chỉ chứa giá trị thông thường.`,
    hint: `Xóa "${s(p, 'tag')}" và viết giá trị dưới dạng văn bản, số, true/false, danh sách hoặc bảng. Ngày tháng viết dạng văn bản: from: "2020-01-01".`,
  }),
  yaml_self_alias: (p) => ({
    message: `Bí danh *${s(p, 'alias')} trỏ tới chính khối chứa nó, nên sẽ lặp lại vô hạn.`,
    hint: `Viết đầy đủ nội dung thay cho *${s(p, 'alias')}, hoặc trỏ bí danh tới một neo nằm ngoài khối này.`,
  }),
  yaml_alias_limit: (p) => ({
    message: `Các bí danh (*tên) trong tệp được mở rộng quá ${s(p, 'max')} lần.`,
    hint: 'Viết đầy đủ nội dung lặp lại, hoặc dùng ít bí danh hơn. Giới hạn này ngăn những tệp phình ra quá lớn khi đọc.',
  }),
  yaml_depth_limit: (p) => ({
    message: `Các giá trị ở đây lồng nhau quá ${s(p, 'max')} cấp.`,
    hint: 'Tệp quy tắc hay phiếu đánh giá chỉ cần vài cấp lồng nhau. Kiểm tra thụt lề và dấu ngoặc ở đây: thường do quên đóng [ hoặc {.',
  }),
  yaml_scalar_too_long: (p) => ({
    message: `Giá trị bắt đầu ở đây dài ${s(p, 'length')} ký tự, quá giới hạn ${s(p, 'max')} ký tự của một giá trị.`,
    hint: 'Tên, nhãn và ghi chú của tệp quy tắc chỉ cần vài câu. Kiểm tra xem có dán nhầm nội dung dài vào đây, hoặc thiếu dấu nháy đóng khiến phần sau của tệp bị đọc vào giá trị này không.',
  }),
  yaml_unsafe_key: (p) => ({
    message: `Không được dùng khóa "${s(p, 'key')}" (khóa này có ý nghĩa đặc biệt trong JavaScript).`,
    hint:
      s(p, 'kind') === 'assessment'
        ? 'Đổi tên khóa: phiếu đánh giá ghi các dữ kiện và bối cảnh của bộ quy tắc (docs/cli.md, mục "Assessment files"; lcz template tạo sẵn một phiếu để điền).'
        : 'Đổi tên khóa. Các khóa hợp lệ được mô tả trong docs/rule-format.md.',
  }),
  yaml_integer_too_large: (p) => ({
    message: `Số ${s(p, 'value')} quá lớn: số nguyên phải nằm trong khoảng từ -${s(p, 'max')} đến ${s(p, 'max')}.`,
    hint: `Kiểm tra xem có thừa chữ số không. Nếu đây là một mã chứ không phải số lượng, hãy đặt trong dấu ngoặc kép: "${s(p, 'value')}".`,
  }),
  yaml_number_inexact: (p) => ({
    message: `Số ${s(p, 'value')} có nhiều chữ số hơn mức đọc được chính xác: nó sẽ bị đọc thành ${s(p, 'read')}.`,
    hint: 'Viết số đúng như đã đếm hoặc đo, với các chữ số có nghĩa (ví dụ 212 hoặc 98.5). Không có gì được tự làm tròn.',
  }),
  yaml_number_not_decimal: (p) => ({
    message: hasParam(p, 'decimal')
      ? `${s(p, 'value')} là một số viết theo hệ khác hệ thập phân (sẽ bị đọc thành ${s(p, 'decimal')}).`
      : `${s(p, 'value')} không phải là một số đếm hoặc đo được (sẽ bị đọc thành ${s(p, 'value').toLowerCase().includes('nan') ? 'giá trị không phải số' : 'vô cực'}).`,
    hint: hasParam(p, 'decimal')
      ? `Viết số thập phân (${s(p, 'decimal')}) chỉ bằng các chữ số 0–9; nếu muốn giữ nguyên văn bản (một mã), đặt nó trong dấu ngoặc kép.`
      : 'Viết một số thập phân bằng các chữ số 0–9, hoặc bỏ giá trị đó nếu chưa biết.',
  }),
  yaml_nul_byte: () => ({
    message: 'Tệp chứa ký tự NUL (mã 0), là ký tự không bao giờ có trong tệp văn bản.',
    hint: 'Lưu lại tệp dưới dạng văn bản UTF-8. Có thể tệp đã được lưu dạng UTF-16, hoặc không phải là tệp văn bản.',
  }),
  yaml_cr_line_ends: () => ({
    message: 'Tệp xuống dòng chỉ bằng ký tự CR (kiểu máy Mac cũ), nên cả tệp bị đọc như một dòng.',
    hint: 'Lưu lại tệp với kiểu xuống dòng LF (hoặc CRLF): trong trình soạn thảo, chọn "End of Line: LF" rồi lưu.',
  }),
  yaml_control_character: (p) => ({
    message: `Văn bản chứa ký tự điều khiển ${s(p, 'char')}, là ký tự không hiển thị: nó có thể làm thay đổi cách màn hình hoặc tài liệu hiển thị phần văn bản sau nó.`,
    hint: 'Xóa ký tự đó và chỉ viết bằng các ký tự nhìn thấy được (trong dấu ngoặc kép, lối viết thoát như \\e hoặc \\x1b tạo ra ký tự này).',
  }),
  yaml_multiple_documents: (p) => ({
    message: `Tệp chứa ${s(p, 'count')} tài liệu YAML ngăn cách bởi "---"; một tệp quy tắc chỉ chứa đúng một tài liệu.`,
    hint: 'Xóa dòng "---" ở đây cùng phần phía sau, hoặc chuyển phần đó sang một tệp riêng.',
  }),
  yaml_empty_document: () => ({
    message: 'Tệp trống: không có quy tắc nào.',
    hint: 'Bắt đầu từ ví dụ trong docs/rule-format.md: format: 1, id, version, title, context, facts, groups và recognition.',
  }),

  // validate/
  schema_required: (p) => {
    const property = s(p, 'property');
    const example = Object.hasOwn(REQUIRED_EXAMPLES, property) ? REQUIRED_EXAMPLES[property] : undefined;
    return {
      message: hasParam(p, 'because')
        ? `Thiếu khóa "${property}": khóa này bắt buộc khi có "${s(p, 'because')}".`
        : `Thiếu khóa bắt buộc "${property}" ở đây.`,
      hint: example ? `Thêm khóa này vào bảng, ví dụ\n  ${example}` : `Thêm một dòng "${property}: …" vào bảng này.`,
    };
  },
  schema_unknown_property: (p) => ({
    message: `Không được dùng khóa "${s(p, 'property')}" ở đây.`,
    hint: hasParam(p, 'allowed')
      ? `${didYouMean(p)}Các khóa hợp lệ ở đây: ${s(p, 'allowed')}.`
      : `${didYouMean(p)}Ở đây không được có khóa nào.`,
  }),
  schema_type: (p) => ({
    message: `Cần ${t(s(p, 'expected'))}, nhưng đang là ${t(s(p, 'actual'))}.`,
    hint: SCHEMA_TYPE_HINTS[
      schemaTypeHint(s(p, 'expected'), s(p, 'actual'), hasParam(p, 'value') ? s(p, 'value') : '')
    ](s(p, 'expected')),
  }),
  schema_enum: (p) => ({
    message: `"${s(p, 'actual')}" không phải là giá trị được phép ở đây.`,
    hint: `${didYouMean(p)}Các giá trị được phép: ${s(p, 'allowed')}.`,
  }),
  schema_pattern: (p) => ({
    message: `"${s(p, 'actual')}" không đúng dạng yêu cầu: ${lookup(PATTERNS, s(p, 'pattern'))}.`,
    hint: hasParam(p, 'example')
      ? `Ví dụ giá trị hợp lệ: ${s(p, 'example')}.`
      : `Giá trị phải khớp với mẫu ${s(p, 'pattern')}.`,
  }),
  schema_range: (p) => ({
    message: `${s(p, 'actual')} nằm ngoài phạm vi cho phép: giá trị phải ${bound(s(p, 'comparison'), s(p, 'limit'))}.`,
    hint: 'Tỷ lệ phần trăm là số từ 0 đến 100 (được có phần thập phân, ví dụ 29.5); số lượng và số điểm không được âm.',
  }),
  schema_size: (p) => {
    const unit = s(p, 'unit');
    const noun = unit === 'characters' ? 'ký tự' : unit === 'properties' ? 'khóa' : 'mục';
    const what = unit === 'characters' ? 'Văn bản này' : unit === 'properties' ? 'Bảng này' : 'Danh sách này';
    return {
      message: `${what} phải có ${lookup(COUNTS, s(p, 'comparison'))} ${s(p, 'limit')} ${noun}; hiện có ${s(p, 'actual')}.`,
      hint:
        unit === 'characters'
          ? 'Viết nội dung vào giữa hai dấu nháy; không được để trống.'
          : unit === 'items'
            ? 'Thêm các mục còn thiếu, mỗi mục một dòng bắt đầu bằng "- ".'
            : 'Thêm hoặc bớt khóa theo mô tả trong docs/rule-format.md.',
    };
  },
  schema_shape: shapeMessage,
  date_invalid: (p) => ({
    message: `${s(p, 'key')} "${s(p, 'value')}" không phải là một ngày có thật.`,
    hint: 'Viết ngày dạng yyyy-mm-dd (năm, tháng 01–12, rồi ngày có trong tháng đó), ví dụ 2030-12-31.',
  }),
  effective_order: (p) => ({
    message: `effective.to ${s(p, 'to')} trước effective.from ${s(p, 'from')}: phiên bản sẽ không có hiệu lực ngày nào.`,
    hint: 'Đặt effective.to là ngày cuối cùng phiên bản có hiệu lực, cùng ngày hoặc sau effective.from (xem có nhầm thứ tự ngày và tháng không).',
  }),
  schema_other: (p) => ({
    message: `Giá trị này không đúng định dạng tệp quy tắc (${s(p, 'detail')}).`,
    hint: 'So sánh với các dạng được mô tả trong docs/rule-format.md.',
  }),
  text_language_missing: (p) => ({
    message: `Văn bản này thiếu bản "${s(p, 'language')}", trong khi tệp khai báo languages: [${s(p, 'languages')}].`,
    hint: `Thêm ${s(p, 'language')}: "…" vào văn bản, hoặc sửa languages: ở đầu tệp cho đúng các ngôn ngữ tệp được viết ([vi, en], [vi] hoặc [en]).`,
  }),
  text_language_undeclared: (p) => ({
    message: `Văn bản này có bản "${s(p, 'language')}", nhưng tệp chỉ khai báo languages: [${s(p, 'languages')}].`,
    hint: `Bỏ ${s(p, 'language')}: khỏi văn bản, hoặc thêm ${s(p, 'language')} vào languages: ở đầu tệp.`,
  }),

  // compile/: biểu thức
  expr_syntax: (p) => ({
    message: `Không đọc được biểu thức: cần ${lookup(EXPR_TOKENS, s(p, 'expected'))}, nhưng gặp ${lookup(EXPR_TOKENS, s(p, 'found'))}.`,
    hint: "Kiểm tra dấu ngoặc, dấu nháy và các phép toán (and, or, not, ==, !=, <, <=, >, >=, in). Ví dụ: size == 'large' and urban",
  }),
  expr_unknown_name: (p) => ({
    message: `"${s(p, 'name')}" không phải là dữ kiện, thuộc tính bối cảnh hay tham số của bộ quy tắc này.`,
    hint: `${didYouMean(p)}Tên phải được khai báo trong facts:, context: hoặc parameters: và phân biệt chữ hoa, chữ thường. Mã giá trị đặt trong dấu nháy: size == 'large'.`,
  }),
  expr_unknown_function: (p) => ({
    message: `"${s(p, 'name')}" không phải là hàm có sẵn.`,
    hint: `Các hàm có sẵn: ${s(p, 'known')}. Ví dụ: percent(items_done, total_items, 0) >= 98`,
  }),
  expr_arity: (p) => ({
    message: `${s(p, 'name')} nhận ${s(p, 'expected')} đối số, nhưng đang có ${s(p, 'actual')}.`,
    hint: 'Ngăn cách các đối số bằng dấu phẩy. Ví dụ: percent(items_done, total_items, 0) nhận ba đối số.',
  }),
  expr_type: (p) => ({
    message: `Sai kiểu trong ${lookup(WHERE, s(p, 'where'))}: cần ${t(s(p, 'expected'))}, nhưng đang là ${t(s(p, 'actual'))}.`,
    hint: "So sánh số với số, và giá trị trong danh sách với một mã giá trị trong dấu nháy (size == 'large'). Một điều kiện phải cho kết quả đúng hoặc sai.",
  }),
  expr_date_literal: (p) => ({
    message: `"${s(p, 'value')}" không phải là một ngày hợp lệ để so sánh với ngày đánh giá (date).`,
    hint: "Viết ngày theo dạng 'NNNN-TT-NN' và là ngày có thật, ví dụ: date >= '2024-07-01'.",
  }),
  expr_enum_value: (p) => ({
    message: `"${s(p, 'value')}" không phải là giá trị của ${s(p, 'of')}.`,
    hint: `Các giá trị được phép: ${s(p, 'allowed')}. Viết đúng mã giá trị, trong dấu nháy.`,
  }),
  expr_limit: (p) => ({
    message: `Biểu thức ${fill(lookup(EXPRESSION_LIMITS, s(p, 'limit')), p)}.`,
    hint: 'Tách thành các điều kiện nhỏ hơn, ví dụ dùng all: [ … ] hoặc any: [ … ], hoặc tách thành nhiều tiêu chí.',
  }),

  // compile/: toàn bộ bộ quy tắc
  duplicate_id: (p) => ({
    message: `Mã ${lookup(DUPLICATE_KINDS, s(p, 'kind'))} "${s(p, 'id')}" được dùng nhiều lần${
      hasParam(p, 'first_line') && s(p, 'first_line') !== '0' ? ` (lần đầu ở dòng ${s(p, 'first_line')})` : ''
    }.`,
    hint: 'Mỗi mã phải là duy nhất: đánh số lại hoặc đổi tên một trong số đó.',
  }),
  unknown_fact: (p) => ({
    message: `"${s(p, 'name')}" (trong ${s(p, 'where')}) không phải là dữ kiện đã khai báo.`,
    hint: `${didYouMean(p)}Khai báo dữ kiện này trong facts:, hoặc sửa lại chính tả.`,
  }),
  unknown_group: (p) => ({
    message: `Không có tiêu chuẩn "${s(p, 'id')}".`,
    hint: `Dùng mã của một tiêu chuẩn có trong groups: (${s(p, 'groups')}), đặt trong dấu ngoặc kép, ví dụ "2".`,
  }),
  owner_conflict: (p) => ({
    message: `${s(p, 'kind') === 'group' ? 'Tiêu chuẩn' : 'Dữ kiện'} "${s(p, 'id')}" được giao cho cả ${s(p, 'first')} và ${s(p, 'owner')}.`,
    hint: 'Mỗi tiêu chuẩn, mỗi dữ kiện do một cơ quan cung cấp: bỏ nó khỏi danh sách của một trong hai cơ quan.',
  }),
  unknown_criterion: (p) => ({
    message: `Không có tiêu chí "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}Dùng mã của một tiêu chí có trong groups:, đặt trong dấu ngoặc kép, ví dụ "4.1".`,
  }),
  unknown_level: (p) => ({
    message: `Không có mức "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}from_level phải nêu một mức đã khai báo trong levels: (${s(p, 'levels') || 'chưa khai báo mức nào'}), ví dụ from_level: ${levelExample(p, 'nang_cao')}.`,
  }),
  unknown_disqualifier: (p) => ({
    message: `Không có trường hợp loại trừ "${s(p, 'id')}".`,
    hint: `${didYouMean(p)}Dùng mã của một trường hợp loại trừ có trong disqualifiers: (${s(p, 'disqualifiers') || 'chưa khai báo'}), ví dụ D1.`,
  }),
  mandatory_below_level: (p) => ({
    message: `Tiêu chí "${s(p, 'criterion')}" là bắt buộc ở mức ${s(p, 'level')}, nhưng chỉ được tính từ mức ${s(p, 'from_level')}.`,
    hint: 'Tiêu chí không được tính ở một mức thì không thể bắt buộc ở mức đó: đặt nó vào mandatory: của mức from_level của nó, hoặc hạ from_level xuống.',
  }),
  points_bands_order: (p) => ({
    message: `Bậc at_least: ${s(p, 'value')} không lớn hơn bậc đứng trước (at_least: ${s(p, 'previous')}).`,
    hint: 'Liệt kê các bậc của bảng điểm theo at_least tăng dần, ví dụ 6, 10, 50.',
  }),
  threshold_range: (p) => ({
    message: `Ngưỡng ${s(p, 'value')} nằm ngoài phạm vi có thể có, từ ${s(p, 'min')} đến ${s(p, 'max')}.`,
    hint: 'Kiểm tra lại con số: tỷ lệ phần trăm nằm trong khoảng 0–100, và ngưỡng không được vượt giá trị max của dữ kiện hay số tiêu chí hiện có.',
  }),
  threshold_decimals: (p) => ({
    message: `Ngưỡng ${s(p, 'value')} có nhiều chữ số thập phân hơn mức "${s(p, 'fact')}" có thể có (${s(p, 'decimals')}): giá trị của dữ kiện không bao giờ đúng bằng ngưỡng.`,
    hint: `Viết ngưỡng với tối đa ${s(p, 'decimals')} chữ số thập phân, hoặc khai báo thêm chữ số thập phân cho dữ kiện (decimals: trong facts:).`,
  }),
  relation_invalid: (p) => ({
    message: `"${s(p, 'fact')}" không thể là part_of của "${s(p, 'whole')}": ${lookup(RELATION_REASONS, s(p, 'reason'))}.`,
    hint: 'part_of nối một số lượng với tổng mà nó thuộc về, ví dụ items_done part_of total_items. Cả hai phải là dữ kiện số nguyên (hoặc cùng là dữ kiện số) và các liên kết không được vòng lại.',
  }),
  selector_not_context: (p) => ({
    message: `"${s(p, 'name')}" không phải là thuộc tính bối cảnh: "when:" và "required_when:" chỉ được đọc các thuộc tính bối cảnh.`,
    hint: 'Chuyển phép kiểm tra này vào điều kiện (condition), hoặc khai báo thuộc tính trong context:.',
  }),
  variant_uncovered: (p) => ({
    message: `Không có phương án nào của tiêu chí ${s(p, 'criterion')} áp dụng khi ${s(p, 'context')}; khi đó tiêu chí được xử lý là "${s(p, 'policy')}".`,
    hint: 'Nếu đúng ý đồ thì không cần sửa gì. Nếu không, hãy thêm một phương án có when: bao trường hợp này, hoặc đổi no_variant:.',
  }),
  variant_overlap: (p) => ({
    message: `Hai phương án "${s(p, 'first')}" và "${s(p, 'second')}" của tiêu chí ${s(p, 'criterion')} cùng áp dụng khi ${s(p, 'context')}; chỉ "${s(p, 'first')}" được dùng.`,
    hint: 'Sửa các điều kiện when: để chúng loại trừ nhau, hoặc đặt phương án cần ưu tiên lên trước.',
  }),
  version_mismatch: (p) => ({
    message: `Cần bộ quy tắc phiên bản ${s(p, 'expected')}, nhưng đang là ${s(p, 'actual')}.`,
    hint: 'Dùng đúng bộ quy tắc mà bản đánh giá này được lập theo, hoặc đánh giá lại theo bộ quy tắc hiện hành.',
  }),
  version_overlap: (p) => ({
    message: `Thời gian hiệu lực của phiên bản ${s(p, 'version')} (${s(p, 'from')} đến ${s(p, 'to')}) chồng lên phiên bản ${s(p, 'other')} trong ${s(p, 'other_file')} (${s(p, 'other_from')} đến ${s(p, 'other_to')}).`,
    hint: 'Mỗi ngày chỉ được có một phiên bản có hiệu lực: sửa effective.from của phiên bản mới thành ngày sau effective.to của phiên bản cũ.',
  }),
  version_gap: (p) => ({
    message: `Giữa phiên bản ${s(p, 'other')} và ${s(p, 'version')} có khoảng trống từ ${s(p, 'from')} đến ${s(p, 'to')}: không phiên bản nào có hiệu lực.`,
    hint: 'Cho phiên bản mới bắt đầu ngay ngày sau khi phiên bản cũ hết hiệu lực, hoặc kéo dài effective.to của phiên bản cũ.',
  }),
  version_duplicate: (p) => ({
    message: `Bộ quy tắc ${s(p, 'id')} có hai tệp cùng phiên bản "${s(p, 'version')}" (tệp kia: ${s(p, 'first_file')}).`,
    hint: 'Đặt cho mỗi phiên bản một tên riêng trong version:, hoặc bỏ tệp trùng.',
  }),
  version_period_missing: (p) => ({
    message: `Phiên bản ${s(p, 'version')} của bộ quy tắc ${s(p, 'id')} không ghi thời gian hiệu lực, trong khi bộ quy tắc có nhiều phiên bản.`,
    hint: 'Thêm effective: { from: "YYYY-MM-DD", to: "YYYY-MM-DD" } để biết phiên bản nào áp dụng cho ngày đánh giá nào.',
  }),
  version_not_found: (p) => ({
    message: `Không có phiên bản nào của bộ quy tắc ${s(p, 'id')} ứng với "${s(p, 'wanted')}". Các phiên bản có: ${s(p, 'available')}.`,
    hint: 'Ghi ngày đánh giá (area.date) nằm trong thời gian hiệu lực của một phiên bản, hoặc chọn phiên bản bằng tên của nó.',
  }),
  version_year_ambiguous: (p) => ({
    message: `Phiếu đánh giá chỉ ghi năm ${s(p, 'year')}, không ghi ngày, mà trong năm đó có nhiều phiên bản của bộ quy tắc ${s(p, 'id')} có hiệu lực: ${s(p, 'available')}. Phiên bản nào được áp dụng tùy vào ngày đánh giá.`,
    hint: 'Ghi ngày đánh giá (area.date, dạng YYYY-MM-DD), hoặc chọn phiên bản bằng tên (--version): phiên bản không bao giờ được chọn bằng cách đoán ngày.',
  }),
  ruleset_not_in_folder: (p) => ({
    message:
      s(p, 'wanted') === ''
        ? `Thư mục ${s(p, 'path')} có nhiều bộ quy tắc, nhưng phiếu đánh giá không ghi là theo bộ quy tắc nào (ruleset:). Các bộ quy tắc có: ${s(p, 'available')}.`
        : `Phiếu đánh giá theo bộ quy tắc ${s(p, 'wanted')}, nhưng thư mục ${s(p, 'path')} không có bộ quy tắc này. Các bộ quy tắc có: ${s(p, 'available')}.`,
    hint: 'Ghi mã của một trong các bộ quy tắc trên vào phiếu (ruleset: …), hoặc chỉ --rules tới thư mục của riêng bộ quy tắc đó.',
  }),
  definition_cycle: (p) => ({
    message: `Định nghĩa "${s(p, 'name')}" dùng lại chính nó (trực tiếp hoặc qua định nghĩa khác).`,
    hint: 'Một định nghĩa chỉ được dùng dữ kiện, tham số và các định nghĩa khác không quay vòng về nó.',
  }),
  include_invalid: (p) => ({
    message: `Không đưa được tệp "${s(p, 'path')}" vào: ${lookup(INCLUDE_REASONS, s(p, 'reason'))}.`,
    hint: 'include: liệt kê các tệp dùng chung có kind: fragment, đường dẫn tính từ thư mục của tệp quy tắc này, ví dụ include: ["../shared/noi-dung-tu-quan.yaml"].',
  }),
  build_fragment: () => ({
    message: 'Tệp này là một phần dùng chung (kind: fragment); phần dùng chung không được biên dịch riêng.',
    hint: 'Hãy biên dịch bộ quy tắc có đưa tệp này vào: lcz build rules/<thư mục bộ quy tắc>. Phần dùng chung sẽ nằm trong tệp biên dịch đó.',
  }),
  compiled_unreadable: (p) => ({
    message: `Không đọc được tệp quy tắc đã biên dịch này: ${lookup(COMPILED_REASONS, s(p, 'reason'))} (${s(p, 'detail')}).`,
    hint: 'Đừng sửa tay tệp đã biên dịch: hãy biên dịch lại từ các tệp quy tắc YAML bằng lcz build rules/<thư mục bộ quy tắc> --out <tệp>.',
  }),
  compiled_stale: (p) => ({
    message: `Tệp quy tắc đã biên dịch này do bộ máy phiên bản ${s(p, 'built_with')} tạo ra; bộ máy đang chạy là phiên bản ${s(p, 'engine')}.`,
    hint: 'Hãy biên dịch lại bằng bộ máy này: lcz build rules/<thư mục bộ quy tắc> --out <tệp>. Tệp đã biên dịch chỉ được đọc bởi đúng phiên bản bộ máy đã tạo ra nó.',
  }),
  generated_mismatch: (p) => ({
    message: `Mô-đun decide được sinh ra nằm cạnh tệp quy tắc đã biên dịch này không khớp với tệp (${s(p, 'reason')}: ${s(p, 'found')}); decide() dùng các hàm đóng của bộ máy thay thế, cho cùng kết quả.`,
    hint: 'Hãy biên dịch lại cả hai bằng bộ máy này: lcz build rules/<thư mục bộ quy tắc> --out <tệp> ghi tệp đã biên dịch cùng tệp .decide.mjs của nó.',
  }),
  plan_module_stale: (p) => ({
    message: `Mô-đun kế hoạch (hoặc kịch bản kế hoạch) này không khớp (${s(p, 'reason')}: tệp ghi ${s(p, 'found')}, cần ${s(p, 'expected')}); tệp không được dùng.`,
    hint: 'Hãy tạo lại từ các tệp quy tắc bằng bộ máy này: lcz build rules/<thư mục bộ quy tắc> --out <tệp> ghi tệp đã biên dịch cùng các tệp .plan.mjs và .plan-script.js của nó. Đừng sửa tay mô-đun hay kịch bản được sinh ra.',
  }),
  policy_missing: (p) => ({
    message: `Tiêu chí ${s(p, 'criterion')} phải nêu rõ chính sách "${s(p, 'key')}", vì trường hợp mà khóa này quyết định có thể xảy ra.`,
    hint: `Thêm "${s(p, 'key')}:" với một trong các giá trị: ${s(p, 'allowed')}. Đây là lựa chọn chính sách nên quy tắc phải ghi rõ, ví dụ not_applicable: exclude (bỏ khỏi mẫu số) hoặc fail (tính là không đạt).`,
  }),

  // evaluate/: bản đánh giá
  input_shape: (p) => ({
    message: `Tại ${s(p, 'path') || 'đầu bản đánh giá'}: cần ${t(s(p, 'expected'))}.`,
    hint: 'So sánh bản đánh giá với các ví dụ trong examples/assessments/.',
  }),
  input_not_an_assessment: (p) => ({
    message:
      s(p, 'shape') === 'table'
        ? `Tệp này chứa một bảng giá trị cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc tab (dòng 1: ${s(p, 'line')}), không phải một phiếu đánh giá.`
        : `Tệp này chứa ${s(p, 'shape') === 'list' ? 'một danh sách' : 'một giá trị đơn lẻ'} (dòng 1: ${s(p, 'line')}), không phải một phiếu đánh giá.`,
    hint:
      s(p, 'shape') === 'table'
        ? 'Bảng có mỗi dòng một phiếu đánh giá là tệp hàng loạt: lưu với tên đuôi .csv (hoặc .tsv) để được đọc từng dòng. Một phiếu đánh giá riêng lẻ được viết bằng các dòng khóa: giá trị (ruleset, area, context, facts).'
        : 'Một phiếu đánh giá được viết bằng các dòng khóa: giá trị (ruleset, area, context, facts), như trong examples/assessments/; nhiều phiếu cùng lúc thì đặt trong tệp hàng loạt (CSV, XLSX, JSON Lines).',
  }),
  input_unknown_facts: (p) => ({
    message: `Từ đây còn ${grouped(p, 'count', '.')} mục khác trong ${s(p, 'section')}: cũng không có trong bộ quy tắc này (${s(p, 'examples')}, …).`,
    hint: 'Nhiều tên không khớp cùng lúc thường là do phiếu được viết cho một bộ quy tắc hoặc phiên bản khác: kiểm tra dòng ruleset: và --rules, rồi đối chiếu tên với mục facts: của tệp quy tắc.',
  }),
  input_unknown_fact: (p) => ({
    message: `"${s(p, 'name')}" không phải là dữ kiện của bộ quy tắc này.`,
    hint: `${didYouMean(p)}Xóa mục này hoặc sửa chính tả; danh sách dữ kiện nằm trong tệp quy tắc, mục facts:.`,
  }),
  // `actual` is one value (a quoted text, a number) or one type word, never a list of types:
  // read as a list, "1.234,5" was said as "1.234 or 5".
  input_type: (p) => ({
    message: `"${s(p, 'name')}" phải là ${t(s(p, 'expected'))}, nhưng đang là ${lookup(TYPES, s(p, 'actual'))}.`,
    hint: hasParam(p, 'cell')
      ? `Ghi vào ${inCell(p)} một giá trị đúng loại mà cột đó nhận (xem tệp mẫu trống do lcz template tạo ra), hoặc để trống ô nếu chưa có số liệu.`
      : 'Viết số không có dấu nháy (120), dữ kiện có/không là true hoặc false, và giá trị trong danh sách bằng mã của nó.',
  }),
  input_range: (p) => {
    const bounds = [
      hasParam(p, 'min') ? `ít nhất là ${s(p, 'min')}` : '',
      hasParam(p, 'max') ? `nhiều nhất là ${s(p, 'max')}` : '',
    ]
      .filter(Boolean)
      .join(' và ');
    return {
      message: `${s(p, 'name')} = ${s(p, 'value')} nằm ngoài phạm vi cho phép${bounds ? `: giá trị phải ${bounds}` : ''}.`,
      hint: 'Kiểm tra lại giá trị đã nhập.',
    };
  },
  input_date_out_of_range: (p) => ({
    message: `Ngày đánh giá ${s(p, 'date')} sớm hơn ngày đầu tiên bộ quy tắc có giá trị của "${s(p, 'parameter')}" (${s(p, 'from')}).`,
    hint: hasParam(p, 'cell')
      ? `Kiểm tra lại ngày hoặc năm đánh giá của dòng này (${inCell(p)}): bộ quy tắc này không đánh giá được đơn vị vào ngày đó.`
      : 'Kiểm tra lại ngày đánh giá (area.date): bộ quy tắc này không đánh giá được đơn vị vào ngày đó.',
  }),
  input_date_invalid: (p) => ({
    message: `Ngày đánh giá ${s(p, 'date')} không phải là một ngày có thật trong lịch (tháng từ 01 đến 12, ngày phải có trong tháng đó; ngày 29 tháng 2 chỉ có ở năm nhuận).`,
    hint: 'Viết ngày đánh giá (area.date) theo dạng YYYY-MM-DD, ví dụ 2024-10-10: ngày này quyết định quy tắc và giá trị tham số được áp dụng, nên không được đoán.',
  }),
  input_year_mismatch: (p) => ({
    message: `Năm đánh giá ${s(p, 'year')} (area.year) không phải là năm của ngày đánh giá ${s(p, 'date')} (area.date).`,
    hint: 'Sửa giá trị bị ghi sai, hoặc bỏ năm đi: khi đã có ngày thì năm là năm của ngày đó.',
  }),
  input_date_outside_period: (p) => ({
    message: `Ngày đánh giá ${s(p, 'date')} nằm ngoài thời gian hiệu lực của bộ quy tắc này (${s(p, 'from')} – ${s(p, 'to')}).`,
    hint: hasParam(p, 'cell')
      ? `Kiểm tra lại ngày hoặc năm đánh giá của dòng này (${inCell(p)}), hoặc đánh giá dòng này bằng bộ quy tắc có hiệu lực vào ngày đó.`
      : 'Kiểm tra lại ngày đánh giá (area.date), hoặc dùng bộ quy tắc có hiệu lực vào ngày đó.',
  }),
  input_decimals: (p) => ({
    message: `${s(p, 'name')} = ${s(p, 'value')} có nhiều chữ số thập phân hơn mức ${s(p, 'decimals')} mà bộ quy tắc cho phép.`,
    hint: `Ghi giá trị với tối đa ${s(p, 'decimals')} chữ số thập phân, đúng như số đo; hệ thống không tự làm tròn.`,
  }),
  input_part_exceeds_whole: (p) =>
    // Dòng của tệp hàng loạt: nêu ô và tiêu đề cột của tổng; tệp đánh giá: nêu mã số liệu.
    hasParam(p, 'whole_cell')
      ? {
          message: `${s(p, 'part_value')} lớn hơn tổng mà nó thuộc về: ${s(p, 'whole_value')} ở ô ${s(p, 'whole_cell')}${hasParam(p, 'whole_column') ? `, cột "${s(p, 'whole_column')}"` : ''}.`,
          hint: `Phần không thể lớn hơn tổng: kiểm tra lại cả hai ô (${hasParam(p, 'cell') ? `${s(p, 'cell')} và ` : ''}${s(p, 'whole_cell')}).`,
        }
      : {
          message: `"${s(p, 'part')}" (${s(p, 'part_value')}) lớn hơn "${s(p, 'whole')}" (${s(p, 'whole_value')}), là tổng mà nó thuộc về.`,
          hint: 'Phần không thể lớn hơn tổng: kiểm tra lại cả hai con số.',
        },
  input_enum_value: (p) => ({
    message: `"${s(p, 'value')}" không phải là giá trị của ${s(p, 'name')}.`,
    hint: `Các giá trị được phép: ${s(p, 'allowed')}.`,
  }),
  input_context_missing: (p) => ({
    message: `Thuộc tính bối cảnh "${s(p, 'name')}" là bắt buộc với đơn vị này nhưng đang thiếu.`,
    hint: hasParam(p, 'cell')
      ? `Ở dòng này, điền ${inCell(p)}: đơn vị loại này cần thông tin đó.`
      : `Thêm thuộc tính vào phần context của bản đánh giá, ví dụ ${s(p, 'name')}: …`,
  }),
  input_context_rule: (p) => ({
    message: `Bối cảnh vi phạm ràng buộc số ${s(p, 'rule')} trong context_rules: ${s(p, 'message_vi')}`,
    hint: 'Kiểm tra lại các thuộc tính bối cảnh của đơn vị được đánh giá; tổ hợp này không thể tồn tại.',
  }),
  input_identity: (p) => ({
    message: `Trường định danh "${s(p, 'field')}" của đơn vị được đánh giá không hợp lệ: ${s(p, 'reason')}.`,
    hint: 'Điền đầy đủ thông tin định danh của đơn vị (tên, mã, kỳ đánh giá) như các ví dụ trong examples/assessments/.',
  }),
};
