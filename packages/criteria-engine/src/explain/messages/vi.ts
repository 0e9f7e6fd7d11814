/**
 * Từ ngữ tiếng Việt của báo cáo. Khoá và `{tham_số}` phải trùng với messages/en.ts
 * (có bài kiểm tra). Tiếng Việt là ngôn ngữ mặc định của báo cáo.
 */
import type { ExplainMessages } from './en.js';

export const vi: ExplainMessages = {
  report_heading: 'BÁO CÁO KẾT QUẢ ĐÁNH GIÁ',
  area: '{Assessed}',
  area_unnamed: '(chưa có tên)',
  area_code: 'Mã',
  unit: '{Grouped_by}',
  date: 'Ngày đánh giá',
  year_only: 'Năm đánh giá (không ghi ngày: điều gì cần ngày chỉ được quyết định khi cả năm cho cùng một kết quả)',
  ruleset: 'Bộ tiêu chí',
  ruleset_line: '{id}, phiên bản {version} ({hash})',
  context: 'Đặc điểm',
  language_fallback: 'Tệp quy tắc chỉ viết bằng {language}: các nội dung của nó được giữ nguyên ngôn ngữ đó.',
  language_en: 'tiếng Anh',
  language_vi: 'tiếng Việt',

  decision_heading: 'KẾT LUẬN',
  decision_recognised: 'ĐƯỢC CÔNG NHẬN',
  decision_not_recognised: 'KHÔNG ĐƯỢC CÔNG NHẬN',
  decision_undetermined: 'CHƯA ĐỦ CĂN CỨ ĐỂ KẾT LUẬN',

  reasons_heading: 'Lý do',
  reason_disqualified: 'Thuộc trường hợp không đảm bảo {id}: {text}',
  reason_mandatory_failed: 'Không đạt tiêu chí bắt buộc {id}: {text}',
  reason_mandatory_not_applicable: 'Tiêu chí bắt buộc {id} không áp dụng: {text}',
  reason_group_not_met: '{title}: đạt {passed}/{applicable} tiêu chí, cần {required}',
  reason_group_not_met_points: '{title}: đạt {points} điểm, cần {required}',
  reason_total_not_met: 'Tổng điểm: đạt {passed}, cần {required}',
  reason_requirement_count: 'chưa đủ {value} trong các tiêu chí {of} đạt',
  reason_requirement_points: 'các tiêu chí {of} chưa đủ {value} điểm',
  reason_unknown: 'Chưa đủ số liệu để kết luận về:',
  unknown_criterion: 'tiêu chí {id}: {text}',
  unknown_disqualifier: 'trường hợp không đảm bảo {id}: {text}',
  reason_recognised:
    'Tất cả các tiêu chuẩn đạt yêu cầu, không thuộc trường hợp không đảm bảo nào và đạt các tiêu chí bắt buộc.',

  standards_heading: 'CÁC TIÊU CHUẨN',
  group_summary: 'đạt {passed}/{applicable} = {percent} (cần {required})',
  group_summary_points: 'đạt {points} điểm (cần {required})',
  group_unknown_count: '{count} chưa rõ',
  group_excluded_count: '{count} không tính',
  group_later_count: '{count} chỉ tính từ mức cao hơn',
  group_points_with_later: 'Điểm tính cả {count} tiêu chí đó: {points}',
  group_met: 'ĐẠT',
  group_not_met: 'KHÔNG ĐẠT',
  group_unknown: 'CHƯA RÕ',

  status_pass: 'đạt',
  status_fail: 'không đạt',
  status_unknown: 'chưa rõ',
  status_not_applicable: 'không áp dụng',
  mandatory_tag: 'bắt buộc',
  from_level_tag: 'tính từ mức {level}',

  na_no_variant: 'Không có phương án nào áp dụng cho {assessed} này.',
  na_not_applicable_when: 'Không áp dụng đối với {assessed} này.',
  na_counts_as_fail: 'Không áp dụng, được tính là không đạt.',
  variant: 'Phương án',
  facts: 'Số liệu',
  note: 'Ghi chú',

  disqualifiers_heading: 'CÁC TRƯỜNG HỢP KHÔNG ĐẢM BẢO',
  disqualifiers_none: 'Bộ tiêu chí không có trường hợp không đảm bảo nào.',
  dq_applies: 'thuộc trường hợp này',
  dq_clear: 'không thuộc',
  dq_unknown: 'chưa rõ',

  mandatory_heading: 'TIÊU CHÍ BẮT BUỘC',
  mandatory_none: 'Bộ tiêu chí không có tiêu chí bắt buộc.',
  mandatory_from_level: 'bắt buộc từ mức {level}',

  level_reached: 'Mức đạt được: {level}',
  level_possible: 'Mức cao nhất còn có thể đạt: {level}',
  level_none: 'không mức nào',
  level_line: '{mark} {label} ({id}): {status}',
  points_line: 'Điểm: {points}',
  points_total_line: 'Mọi tiêu chí: {points} điểm',
  missing_level: 'Các dữ kiện còn có thể làm thay đổi mức đạt được:',
  next_heading: 'Để đạt mức {level}:',
  next_points: '{what}: cần {need} điểm, chắc chắn có {have}, còn thiếu {more}',
  next_criteria: '{what}: cần {need} tiêu chí đạt, chắc chắn có {have}, còn thiếu {more}',
  next_total: 'mọi tiêu chí',
  next_requirement: 'yêu cầu {n} trên các tiêu chí được nêu tên',
  next_mandatory: 'tiêu chí bắt buộc {id} phải đạt',
  next_disqualifier: 'không được thuộc trường hợp {id}',
  total_heading: 'TỔNG ĐIỂM',
  total_line: 'đạt {passed} điểm (cần {required})',

  missing_heading: 'SỐ LIỆU CÒN THIẾU',
  missing_none: 'Không: đã có đủ số liệu cần cho kết luận.',
  missing_none_undetermined:
    'Không thiếu số liệu nào, nhưng vẫn chưa đủ căn cứ để kết luận: một giá trị do bộ quy tắc tính ra không có giá trị ở đây (phép chia cho 0 mà tệp quy tắc để là chưa biết, if_zero: unknown, hoặc bảng tham số không có giá trị cho trường hợp này), nên các tiêu chí đánh dấu ? vẫn chưa xác định dù bổ sung gì. Kiểm tra lại các số liệu mà chúng dùng (ghi 0 thay cho số thật?), hoặc xét các tiêu chí đó thủ công.',
  missing_other: 'Còn thiếu, nhưng không còn làm thay đổi kết luận:',

  value_true: 'có',
  value_false: 'không',
  value_null: 'chưa có số liệu',
  derived_value: '{value} → cần {op} {threshold}',
  derived_zero_unknown:
    'không tính được: {expression} có phép chia cho 0, mà tệp quy tắc để là chưa biết (if_zero: unknown) → cần {op} {threshold}',
  share_label: 'Tỷ lệ "{part}" trên "{whole}"',
  value_implied_zero: '{value} (không nhập: là một phần của “{whole}” bằng 0 nên chỉ có thể bằng 0)',
  percent_none: 'không có tiêu chí áp dụng',
};
