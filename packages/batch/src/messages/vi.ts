/**
 * Vietnamese messages of the batch package's diagnostics (diagnostic-codes.ts), written for the
 * people who fill in the files: what is wrong, where, and how to fix it. Registered with the
 * engine's formatter by diagnostics.ts.
 */
import { hasMessageParam as hasParam, interpolate, messageParam as s, type MessageParams } from '@lcz/criteria-engine';
import type { BatchMessages } from './catalog.js';
import { cellRef as cellRefOf } from './cell-ref.js';

function didYouMean(p: MessageParams, key = 'suggestion'): string {
  return hasParam(p, key) ? `Có phải ý bạn là "${s(p, key)}"? ` : '';
}

/** A template's `{name}`s filled; an absent param is left out, as `s` leaves it out. */
function fill(template: string, p: MessageParams): string {
  return interpolate(template, p, () => '');
}

/** batch_cell_type: ô của từng kiểu cột phải chứa gì, và viết thế nào. */
const CELL_EXPECTED: Readonly<Record<string, { readonly what: string; readonly how: string }>> = {
  integer: {
    what: 'một số nguyên',
    how: 'Viết chữ số, ví dụ 1234 (cũng nhận dấu phân cách hàng nghìn: 1.234 hoặc 1,234): không phần thập phân, không đơn vị.',
  },
  number: {
    what: 'một số',
    how: 'Viết chữ số, ví dụ 1234 hoặc 1,5 hoặc 1.5; dấu phân cách hàng nghìn chỉ khi không thể nhầm với dấu thập phân: 1.234,5 hoặc 1,234.5 hoặc 1.234.567. Không ghi đơn vị.',
  },
  boolean: {
    what: 'có hoặc không',
    how: 'Viết có hoặc không (cũng nhận: x là có, yes/no, true/false, 1/0, đúng/sai).',
  },
  enum: { what: 'một giá trị trong danh sách', how: 'Chọn một trong: {allowed}.' },
  ordinal: { what: 'một mức xếp loại trong danh sách', how: 'Chọn một trong: {allowed}.' },
  year: { what: 'một năm', how: 'Viết năm bằng bốn chữ số, ví dụ 2024.' },
  date: { what: 'một ngày', how: 'Viết ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 2024-10-10 hoặc 10/10/2024.' },
  text: { what: 'văn bản', how: 'Viết nội dung vào ô.' },
};

const IDENTITY_WORDS: Readonly<Record<string, string>> = {
  code: 'mã (code)',
  year: 'năm đánh giá (hoặc ngày đánh giá)',
};

function cellRef(p: MessageParams): string {
  return cellRefOf(p, 'Ô');
}

/** Why a batch file cannot be read (batch_unreadable `reason`), said in Vietnamese: the library's own English `detail` is left to en. */
const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  not_xlsx: 'đây không phải sổ tính Excel (.xlsx), hoặc tệp đã bị hỏng',
  no_worksheet: 'sổ tính không có trang tính nào',
  no_such_sheet: 'không có trang tính "{sheet}" (các trang tính: {sheets})',
  unknown_type: 'không rõ loại tệp: hãy đặt tên tệp có đuôi .csv, .xlsx, .json, .jsonl, .yaml hoặc .yml',
  too_large:
    'tệp có {size} byte; tệp JSON hoặc YAML được đọc cả một lần, tối đa {max} byte: hãy dùng JSON Lines (.jsonl) hoặc CSV',
  quote_not_closed: 'trường đặt trong dấu nháy bắt đầu ở dòng này không có dấu nháy đóng',
  closing_quote: 'có ký tự ngay sau dấu nháy đóng của một trường',
  opening_quote: 'có dấu nháy nằm giữa một trường không đặt trong dấu nháy',
  csv_syntax: 'dòng này không đúng cú pháp CSV',
  json_syntax: 'nội dung không đúng cú pháp JSON tại vị trí này',
  yaml_syntax: 'nội dung không đúng cú pháp YAML tại vị trí này',
  xlsx_reader: 'trình đọc sổ tính báo lỗi khi đọc tệp',
  ods: 'đây là bảng tính OpenDocument (.ods), loại tệp này không được đọc: trong LibreOffice Calc hãy chọn Tệp > Lưu thành… > "Excel 2007-365 (.xlsx)", hoặc Tệp > Lưu thành… > "Văn bản CSV (.csv)" với bộ ký tự Unicode (UTF-8), rồi dùng tệp đó',
  xls: 'đây là sổ tính Excel 97–2003 (.xls), loại tệp này không được đọc: hãy mở tệp trong Excel hoặc LibreOffice và lưu thành "Excel Workbook (.xlsx)", rồi dùng tệp đó',
  unknown_encoding:
    '"{encoding}" không phải tên bảng mã mà trình đọc biết: hãy dùng một tên như windows-1258 (Windows tiếng Việt), windows-1252, utf-16le hoặc utf-8',
};

/** The words for the param `reason`, filled in; undefined for a reason without words here. */
function fillReason(p: MessageParams): string | undefined {
  const words = UNREADABLE_REASONS[s(p, 'reason')];
  return words === undefined ? undefined : fill(words, p);
}

/** The bounds of batch_too_large, each with what crossed it. */
const BATCH_LIMITS: Readonly<Record<string, string>> = {
  cell_chars: 'một ô có hơn {max} ký tự (giới hạn của một ô Excel)',
  shared_strings: 'sổ tính có hơn {max} chuỗi văn bản dùng chung',
  shared_strings_chars: 'phần chuỗi văn bản dùng chung của sổ tính dài hơn {max} ký tự',
  rows: 'trang tính có hơn {max} dòng (giới hạn của một trang tính Excel)',
  uncompressed_chars: 'sổ tính giải nén ra hơn {max} ký tự',
};

export const vi: BatchMessages = {
  batch_unreadable: (p) => ({
    message: `Không đọc được tệp dưới dạng ${s(p, 'format') || 'tệp dữ liệu hàng loạt'}: ${
      fillReason(p) ??
      (hasParam(p, 'detail') ? `nội dung không đúng định dạng (${s(p, 'detail')})` : 'nội dung không đúng định dạng')
    }.`,
    hint: 'Lưu lại tệp dạng CSV UTF-8, sổ tính Excel (.xlsx) hoặc JSON Lines; hoặc bắt đầu từ tệp mẫu trống do lcz template tạo ra.',
  }),
  batch_no_header: () => ({
    message: 'Tệp không có dòng tiêu đề: dòng 1 phải ghi tên các cột.',
    hint: 'Bắt đầu từ tệp mẫu trống do lcz template --rules <rules> --format xlsx tạo ra; tệp đó có đủ các cột và tên cột.',
  }),
  batch_header_unknown: (p) => ({
    message: hasParam(p, 'candidates')
      ? `${cellRef(p)}tiêu đề này khớp với nhiều cột: ${s(p, 'candidates')}.`
      : `${cellRef(p)}tiêu đề này không phải là dữ kiện, thuộc tính bối cảnh hay cột định danh của bộ quy tắc.`,
    hint: hasParam(p, 'candidates')
      ? 'Ghi mã (id) của cột muốn dùng thay cho nhãn.'
      : `${didYouMean(p)}Ghi mã hoặc nhãn như trong tệp quy tắc (lcz template ghi sẵn), hoặc bắt đầu tiêu đề bằng # để giữ một cột ghi chú.`,
  }),
  batch_header_duplicate: (p) => ({
    message: `${cellRef(p)}cột thứ hai cho "${s(p, 'name')}", đã có ở cột ${s(p, 'first_column')}.`,
    hint: 'Mỗi dữ kiện chỉ một cột: xóa một cột, hoặc đổi tên nếu cột đó dành cho dữ kiện khác.',
  }),
  batch_header_missing: (p) => ({
    message: `Thiếu cột bắt buộc "${s(p, 'label_vi') || s(p, 'name')}" (${s(p, 'name')}).`,
    hint: `Thêm một cột có tiêu đề ${s(p, 'name')}${hasParam(p, 'label_vi') ? ` hoặc "${s(p, 'label_vi')}"` : ''}${hasParam(p, 'label_en') ? ` hoặc "${s(p, 'label_en')}"` : ''}; lcz template ghi sẵn mọi cột.`,
  }),
  batch_cell_type: (p) => {
    const expected = CELL_EXPECTED[s(p, 'expected')] ?? { what: s(p, 'expected'), how: '' };
    return {
      message:
        s(p, 'reason') === 'ambiguous_separator'
          ? `${cellRef(p)}"${s(p, 'value')}" có thể là số hàng nghìn (dấu phân cách hàng nghìn) hoặc số có ba chữ số thập phân${hasParam(p, 'name') ? ` (${s(p, 'name')})` : ''}: không đọc để khỏi đoán.`
          : `${cellRef(p)}"${s(p, 'value')}" không phải là ${expected.what}${hasParam(p, 'name') ? ` (${s(p, 'name')})` : ''}.`,
      hint:
        s(p, 'reason') === 'ambiguous_separator'
          ? 'Nếu là số hàng nghìn, viết không có dấu phân cách, ví dụ 1234; nếu là số thập phân, thêm một chữ số 0, ví dụ 1,2340 hoặc 1.2340. Cũng nhận: 1.5, 1,5, 1.234,5, 1,234.5, 1.234.567.'
          : `${fill(expected.how, p)} Để trống ô nếu chưa có số liệu.`.trim(),
    };
  },
  batch_cell_formula: (p) => ({
    message:
      s(p, 'reason') === 'error'
        ? `${cellRef(p)}ô đang hiện lỗi bảng tính ${s(p, 'value')} (${s(p, 'name')}), không phải một giá trị.`
        : `${cellRef(p)}ô chứa công thức ${s(p, 'value')} chưa được lưu kết quả (${s(p, 'name')}), không phải một giá trị.`,
    hint:
      s(p, 'reason') === 'error'
        ? 'Sửa công thức, hoặc gõ thẳng giá trị vào ô. Để trống ô nếu chưa có số liệu.'
        : 'Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại (các chương trình như openpyxl, pandas ghi công thức mà không ghi kết quả), hoặc gõ thẳng giá trị vào ô.',
  }),
  batch_cell_unheaded: (p) => ({
    message: `Ô ${s(p, 'cell')} có giá trị "${s(p, 'value')}" nhưng cột của nó không có tiêu đề.`,
    hint: 'Ghi tên cột ở dòng tiêu đề, bắt đầu tiêu đề bằng # để giữ ghi chú, hoặc xóa ô.',
  }),
  batch_cell_merged: (p) => ({
    message: `Các ô ${s(p, 'range')} đang được gộp: chỉ ô ${s(p, 'cell')} có giá trị, các ô còn lại của vùng gộp là ô trống trong tệp, nên các dòng của chúng được đọc là thiếu giá trị đó (chưa biết), không phải giá trị của ô ${s(p, 'cell')}.`,
    hint: `Bỏ gộp ${s(p, 'range')} (Excel: Trang đầu > Gộp và Căn giữa > Bỏ gộp ô) và ghi giá trị vào ô của từng dòng.`,
  }),
  batch_other_sheet: (p) => ({
    message: `Trang tính đã đọc, "${s(p, 'sheet')}" (trang hiển thị đầu tiên), không có tiêu đề cột nào của bộ quy tắc này, nhưng trang "${s(p, 'suggestion')}"${s(p, 'hidden') === 'true' ? ' (đang bị ẩn)' : ''} có: dữ liệu nhiều khả năng nằm ở đó.`,
    hint: `Chỉ rõ trang cần đọc: lcz evaluate --sheet "${s(p, 'suggestion')}" (hoặc chuyển trang đó lên đầu${s(p, 'hidden') === 'true' ? ' và bỏ ẩn' : ''}).`,
  }),
  batch_row_short: (p) => ({
    message: `Dòng này có ${s(p, 'found')} trường, nhưng dòng tiêu đề có ${s(p, 'expected')}: dòng dừng trước ô ${s(p, 'cell')}, nên các giá trị có thể bị lệch cột.`,
    hint: 'Kiểm tra dòng có thiếu dấu phân cách hoặc giá trị không (ô trống vẫn cần dấu phẩy), hoặc có dấu phẩy trong văn bản cần đặt trong dấu nháy.',
  }),
  batch_identity_missing: (p) => ({
    message: `${cellRef(p)}dòng này không có ${IDENTITY_WORDS[s(p, 'name')] ?? 'giá trị'} (${s(p, 'name')}).`,
    hint: 'Mỗi dòng cần mã (code) và năm đánh giá (hoặc ngày đánh giá) để tra được kết quả.',
  }),
  batch_too_large: (p) => ({
    message: `${cellRef(p)}tệp ${s(p, 'format')} vượt giới hạn: ${fill(BATCH_LIMITS[s(p, 'limit')] ?? 'tệp quá lớn (giới hạn {max})', p)}. Việc đọc dừng ở đây để bảo vệ máy chủ.`,
    hint: 'Một ô chỉ nên chứa một giá trị ngắn; hãy xoá nội dung quá dài, hoặc chia dữ liệu thành nhiều tệp. Nếu tệp do một chương trình khác tạo ra, hãy mở và lưu lại bằng Excel hoặc LibreOffice.',
  }),
  batch_year_mismatch: (p) => ({
    message: `${cellRef(p)}năm ${s(p, 'year')} không khớp với ngày ${s(p, 'date')}.`,
    hint: 'Sửa một trong hai, hoặc để trống năm: khi đó năm được lấy từ ngày.',
  }),
  batch_year_outside_period: (p) => ({
    message: `${cellRef(p)}năm ${s(p, 'year')} nằm hoàn toàn ngoài thời gian hiệu lực của bộ quy tắc này (${s(p, 'from')} – ${s(p, 'to')}).`,
    hint: 'Kiểm tra năm đánh giá của dòng này, hoặc đánh giá dòng đó bằng bộ quy tắc có hiệu lực trong năm đó (--version hoặc --date).',
  }),
};
