/**
 * Lời văn tiếng Việt cho các lỗi của báo cáo: sai ở đâu, sửa thế nào, có ví dụ. Khoá trùng với
 * problems-en.ts (trình biên dịch kiểm tra theo danh sách mã).
 */
import type { ProblemCatalog, ProblemParams } from '../problems.js';

const v = (p: ProblemParams, key: string): string => (p[key] === undefined ? '' : String(p[key]));

export const problemMessagesVi: ProblemCatalog = {
  targets_unreadable: (p) => ({
    message: `không đọc được tệp mục tiêu: ${v(p, 'reason')}.`,
    hint: 'Kiểm tra đường dẫn sau --targets, ví dụ --targets rules/lai-chau-2020-2025/targets.yaml.',
  }),
  targets_yaml: (p) => ({
    message: `đây không phải YAML hợp lệ: ${v(p, 'detail')}.`,
    hint: 'Kiểm tra thụt lề và dấu nháy ở dòng này; giá trị có dấu ":" phải đặt trong dấu nháy.',
  }),
  targets_missing_key: (p) => ({
    message: `thiếu "${v(p, 'key')}"${v(p, 'where') ? ` trong ${v(p, 'where')}` : ''}.`,
    hint: `Hãy thêm vào, ví dụ ${v(p, 'example')}.`,
  }),
  targets_unknown_key: (p) => ({
    message: `"${v(p, 'key')}" không phải là khoá của tệp mục tiêu${v(p, 'where') ? ` trong ${v(p, 'where')}` : ''}.`,
    hint: v(p, 'suggestion')
      ? `Có phải ý bạn là "${v(p, 'suggestion')}"? Các khoá được phép ở đây: ${v(p, 'allowed')}.`
      : `Các khoá được phép ở đây: ${v(p, 'allowed')}.`,
  }),
  targets_wrong_type: (p) => ({
    message: `${v(p, 'where')} phải là ${v(p, 'expected_vi')}, không phải ${v(p, 'actual')}.`,
    hint: `Hãy viết ${v(p, 'expected_vi')}, ví dụ ${v(p, 'example')}.`,
  }),
  targets_bad_value: (p) => ({
    message: `${v(p, 'where')}: giá trị "${v(p, 'value')}" không được phép.`,
    hint: v(p, 'suggestion')
      ? `Có phải ý bạn là "${v(p, 'suggestion')}"? Được phép: ${v(p, 'allowed')}.`
      : `Được phép: ${v(p, 'allowed')}.`,
  }),
  targets_out_of_range: (p) => ({
    message: `${v(p, 'where')}: ${v(p, 'value')} nằm ngoài giới hạn.`,
    hint: `Hãy nhập một số ${v(p, 'range_vi')}.`,
  }),
  targets_bad_form: (p) => ({
    message: `${v(p, 'where')} không được viết theo dạng nào mà tệp cho phép.`,
    hint: `Hãy viết theo một trong các dạng: ${v(p, 'forms')}.`,
  }),
  targets_bad_pattern: (p) => ({
    message: `${v(p, 'where')}: "${v(p, 'value')}" không đúng dạng.`,
    hint: `Dùng chữ thường không dấu, chữ số và "-" (với mã số liệu là "_"), ví dụ ${v(p, 'example')}.`,
  }),
  targets_ruleset_mismatch: (p) => ({
    message: `các mục tiêu này dành cho bộ tiêu chí "${v(p, 'actual')}", nhưng bộ quy tắc đưa vào là "${v(p, 'expected')}".`,
    hint: 'Hãy dùng tệp mục tiêu của đúng bộ quy tắc này, hoặc sửa "ruleset:".',
  }),
  targets_unknown_fact: (p) => ({
    message: `"${v(p, 'fact')}" không phải là số liệu của bộ tiêu chí "${v(p, 'ruleset')}".`,
    hint: v(p, 'suggestion')
      ? `Có phải ý bạn là "${v(p, 'suggestion')}"? Dùng đúng mã số liệu như khai báo trong facts: của tệp quy tắc.`
      : 'Dùng đúng mã số liệu như khai báo trong facts: của tệp quy tắc.',
  }),
  targets_fact_type: (p) => ({
    message: `số liệu "${v(p, 'fact')}" có kiểu ${v(p, 'type')}: không so sánh bằng "${v(p, 'key')}" được.`,
    hint: 'Dùng at_least / at_most / equals với một số cho số đếm, is: true|false cho số liệu có/không, equals: với mã giá trị cho danh sách.',
  }),
  targets_period_order: (p) => ({
    message: `giai đoạn bắt đầu năm ${v(p, 'from')} nhưng kết thúc năm ${v(p, 'to')}.`,
    hint: 'Ghi năm trước ở from:, ví dụ period: { from: 2020, to: 2023 }.',
  }),
  targets_duplicate_id: (p) => ({
    message: `mã mục tiêu "${v(p, 'id')}" bị dùng hai lần (lần đầu ở dòng ${v(p, 'first_line')}).`,
    hint: 'Mỗi mục tiêu cần một mã riêng.',
  }),
  report_registered_value: (p) => ({
    message: `"${v(p, 'value')}" ở cột đăng ký không phải là có hoặc không.`,
    hint: `Hãy ghi ${v(p, 'allowed')}, hoặc để trống khi chưa biết (dòng đó khi đó được tính là đã đăng ký và báo cáo ghi rõ điều này).`,
  }),
  report_registered_duplicate_column: (p) => ({
    message: `cột đăng ký xuất hiện hai lần (lần đầu ở cột ${v(p, 'first_column')}).`,
    hint: 'Chỉ giữ một cột đăng ký.',
  }),
  report_duplicate_area: (p) => ({
    message: `mã ${v(p, 'area')} đã được tính cho năm ${v(p, 'year')} (${v(p, 'first')}); dòng này không được đưa vào báo cáo.`,
    hint: 'Mỗi mã chỉ có một dòng cho mỗi năm; hoặc sửa mã hay năm của dòng.',
  }),
  report_no_areas: () => ({
    message: 'không đọc được phiếu đánh giá nào từ dữ liệu đầu vào: không có gì để báo cáo.',
    hint: 'Hãy sửa các lỗi ở trên, hoặc đưa vào tệp có phiếu đánh giá (CSV, XLSX, JSON, JSON Lines, YAML).',
  }),
};
