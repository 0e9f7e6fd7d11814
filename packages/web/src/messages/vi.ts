/**
 * Vietnamese words of the component and the playground (the default language). Keys and
 * `{placeholders}` match en.ts exactly; the compiler refuses a missing key.
 */
import type { Messages } from './en.js';

export const vi: Messages = {
  lang_switch: 'English',
  lang_switch_label: 'Display in English (chuyển sang tiếng Anh)',

  loading: 'Đang tải bộ quy tắc…',
  rules_none: 'Chưa có bộ quy tắc: đặt thuộc tính rules-src là địa chỉ của tệp quy tắc, hoặc gán thuộc tính ruleset.',
  rules_fetch_failed: 'Không tải được bộ quy tắc từ {url}: {reason}.',
  rules_fetch_hint:
    'Kiểm tra địa chỉ trong rules-src; tệp phải nằm trên cùng trang web hoặc cho phép truy cập từ nguồn khác (CORS).',
  rules_invalid: 'Bộ quy tắc {file} có {count} lỗi; chưa thể dựng biểu mẫu cho đến khi sửa xong:',

  form_heading: 'Dữ liệu đánh giá',
  form_intro:
    'Ô để trống là chưa có dữ liệu, không phải “không” hay số 0. Chỉ hỏi những dữ liệu mà các tiêu chí dùng cho loại {assessed} này.',
  context_legend: 'Đặc điểm {assessed}',
  disqualifiers_legend: 'Các trường hợp không đảm bảo',
  other_legend: 'Dữ liệu khác',
  choose: '— chọn —',
  no_data: '— chưa có dữ liệu —',
  yes: 'Có',
  no: 'Không',
  used_by: 'Dùng cho: {ids}',
  bounds_between: 'từ {min} đến {max}',
  bounds_min: 'từ {min} trở lên',
  bounds_max: 'tối đa {max}',
  fields_hidden:
    '{count} ô không áp dụng cho loại {assessed} này nên được ẩn; giá trị đã nhập vẫn được giữ nhưng không dùng.',

  field_not_number: 'Không phải là số: chỉ nhập chữ số, ví dụ 120.',
  field_not_integer: 'Phải là số nguyên (không có phần thập phân), ví dụ 120.',
  field_wrong_type: 'Giá trị sai kiểu: {detail}',
  field_below_min: 'Phải từ {min} trở lên; đã nhập {value}.',
  field_above_max: 'Tối đa là {max}; đã nhập {value}.',
  field_part_exceeds_whole:
    'Không được lớn hơn “{whole}” ({whole_value}) vì là một phần của số đó; đã nhập {value}. Kiểm tra lại cả hai số.',
  field_bad_value: '“{value}” không phải là một lựa chọn hợp lệ.',
  context_missing: 'Chọn “{label}” để xem kết quả.',
  context_rule: 'Không có trường hợp này: {message}',

  result_heading: 'Kết quả',
  decision_label: 'Kết luận',
  decision_recognised: 'ĐƯỢC CÔNG NHẬN',
  decision_not_recognised: 'KHÔNG ĐƯỢC CÔNG NHẬN',
  decision_undetermined: 'CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN',
  decision_waiting: 'Chọn đặc điểm {assessed} để xem kết quả.',
  decision_invalid_fields: '{count} ô có lỗi chưa được tính (coi như chưa có dữ liệu) cho đến khi sửa.',
  see_result: 'Xem kết quả',
  filled: 'Đã nhập {filled}/{total} ô dữ liệu',

  reasons_heading: 'Lý do',
  reason_disqualified: 'Thuộc trường hợp không đảm bảo {id}: {text}',
  reason_mandatory_failed: 'Tiêu chí bắt buộc {id} không đạt: {text}',
  reason_group_not_met: '{title}: đạt {passed}/{applicable}, cần {required}',
  reason_total_not_met: 'Chưa đủ tổng số điểm',
  reason_requirement_count: 'Chưa đủ {value} trong các tiêu chí {of} đạt',
  reason_requirement_points: 'Các tiêu chí {of} chưa đủ {value} điểm',
  reason_unknown: 'Chưa đủ dữ liệu để kết luận về:',
  ref_criterion: 'tiêu chí {id}',
  ref_disqualifier: 'trường hợp không đảm bảo {id}',
  ref_total: 'tổng số điểm',
  reason_recognised:
    'Mọi tiêu chuẩn đều đạt yêu cầu, không thuộc trường hợp không đảm bảo nào và đạt mọi tiêu chí bắt buộc.',

  standards_heading: 'Các tiêu chuẩn',
  group_count: 'đạt {passed}/{applicable} · cần {required}',
  group_count_points: '{points} điểm · cần {required}',
  group_unknown_count: '{count} chưa biết',
  group_excluded_count: '{count} không tính',
  group_met: 'Đạt',
  group_not_met: 'Không đạt',
  group_unknown: 'Chưa xác định',

  status_pass: 'Đạt',
  status_fail: 'Không đạt',
  status_unknown: 'Chưa biết',
  status_not_applicable: 'Không áp dụng',
  mandatory: 'bắt buộc',
  na_no_variant: 'Không có trường hợp nào của tiêu chí áp dụng cho {assessed} này.',
  na_not_applicable_when: 'Không áp dụng cho {assessed} này.',
  na_counts_as_fail: 'Không áp dụng, được tính là không đạt.',

  disqualifiers_heading: 'Các trường hợp không đảm bảo',
  dq_applies: 'Có',
  dq_clear: 'Không',
  dq_unknown: 'Chưa biết',

  needed_heading: 'Dữ liệu còn cần để kết luận',
  needed_none: 'Không còn.',

  gap_heading: 'Còn thiếu gì để được công nhận',
  gap_none: 'Không thiếu gì: {assessed} được công nhận.',
  gap_standard_more: '{title}: cần thêm {more} tiêu chí đạt.',
  gap_standard_more_points: '{title}: cần thêm {points} điểm.',
  gap_mandatory: 'Tiêu chí bắt buộc {id} phải đạt.',
  gap_disqualifier: 'Không được thuộc trường hợp không đảm bảo {id}.',
  gap_total: 'Tổng điểm: cần thêm {points} điểm.',
  gap_could_pass: 'Có thể đạt:',
  gap_cannot: 'Không thể đạt bằng cách thay đổi dữ liệu: {reason}',
  obstacle_context: 'phụ thuộc loại {assessed}',
  obstacle_empty_whole: 'tổng số bằng 0, quy tắc tính là không đạt',
  obstacle_whole_unknown: 'chưa nhập tổng số',
  obstacle_bounds: 'giá trị cần có nằm ngoài giới hạn cho phép',
  obstacle_unsupported: 'điều kiện phải đánh giá thủ công',
  gap_change: '{label}: {current} → {suggested}',
  gap_change_percent: '({part}/{whole} {op} {threshold}%)',
  gap_plan: 'Một cách để được công nhận (đã kiểm tra bằng cách đánh giá lại):',
  gap_plan_partial: 'Các thay đổi tìm được (chưa đủ):',
  gap_plan_decision: 'Kết luận sau các thay đổi này: {decision}',
  gap_undetermined: 'Nhập trước các dữ liệu còn cần; khi đó mới tính được chính xác còn thiếu gì.',

  playground_title: 'Thử nghiệm tệp quy tắc',
  playground_intro:
    'Sửa tệp quy tắc bên trái: tệp được kiểm tra ngay khi gõ và biểu mẫu bên phải được dựng lại từ tệp.',
  editor_label: 'Tệp quy tắc (YAML)',
  editor_ok: 'Tệp quy tắc hợp lệ.',
  editor_ok_with_notes: 'Tệp quy tắc hợp lệ ({count} ghi chú bên dưới).',
  editor_errors: '{count} lỗi: biểu mẫu vẫn dùng bản hợp lệ gần nhất.',
  editor_checking: 'Đang kiểm tra…',
  diagnostics_heading: 'Các vấn đề',
  go_to: 'Đến dòng {line}, cột {column}',
  playground_lang: 'Ngôn ngữ',
  playground_load_failed: 'Không tải được tệp quy tắc mặc định {url}: {reason}.',
};
