/**
 * Từ ngữ tiếng Việt của biểu tiêu chí in ra (`lcz docs`). Khoá và `{tham_số}` phải trùng với
 * messages/en.ts (có bài kiểm tra). Nội dung các tiêu chí lấy từ bộ quy tắc.
 */
import type { TableMessages } from './en.js';

export const tableVi: TableMessages = {
  column_number: 'Số TT',
  column_content: 'Nội dung',
  column_result: 'Kết quả đánh giá',
  column_pass: 'Đạt',
  column_fail: 'Không đạt',
  column_remark: 'Ghi chú',
  column_dq_clear: 'Không thuộc trường hợp này',
  column_dq_applies: 'Thuộc trường hợp này',
  section_criteria: 'Tiêu chí đánh giá',
  section_disqualifiers: 'Các trường hợp không đảm bảo',
  note_label: 'Ghi chú:',
  ruleset_line: '{title} (phiên bản {version})',
  effective: 'hiệu lực từ ngày {from} đến ngày {to}',
  effective_open: 'hiệu lực từ ngày {from}',

  area: '{Assessed}',
  area_code: 'mã',
  unit: '{Grouped_by}',
  date: 'Ngày đánh giá',
  blank_line: '……………………………………',
  choice: '☐ {label}',
  yes: 'có',
  no: 'không',

  remark_unknown: 'Chưa rõ',
  remark_not_applicable: 'Không áp dụng',
  remark_not_applicable_fail: 'Không áp dụng (tính là không đạt)',
  remark_variant: 'Áp dụng: {variant}',
  remark_group: 'Đạt {passed}/{applicable}, cần {required}',
  remark_group_points: '{points} điểm, cần {required}',
  remark_group_unknown: 'Chưa rõ: đạt {passed}/{applicable}, cần {required}',
  remark_dq_applies: 'Thuộc trường hợp này',
  remark_dq_clear: 'Không thuộc trường hợp này',
  remark_dq_unknown: 'Chưa rõ',

  decision_label: 'Kết luận',
  decision_blank: '☐ Được công nhận    ☐ Không được công nhận',
  reason_disqualified: 'thuộc trường hợp số {number}: {text}',
  reason_mandatory_failed: 'không đạt tiêu chí bắt buộc {id}: {text}',
  reason_group_not_met: '{title}: đạt {passed}/{applicable}, cần {required}',
  reason_total_not_met: 'tổng điểm: {passed}, cần {required}',
  reason_requirement_count: 'chưa đủ {value} trong các tiêu chí {of} đạt',
  reason_requirement_points: 'các tiêu chí {of} chưa đủ {value} điểm',
  reason_unknown: 'còn thiếu số liệu để kết luận về: {ids}',
  mandatory_marker: '(Tiêu chí bắt buộc: phải đạt thì mới được công nhận)',
  undecided_criterion: 'tiêu chí {id}',
  undecided_disqualifier: 'trường hợp số {number}',
  undecided_total: 'tổng điểm',
  assessor: 'Người đánh giá (ký, ghi rõ họ tên)',
};
