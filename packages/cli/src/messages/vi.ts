/**
 * Từ ngữ tiếng Việt của lcz. Khoá và `{tham_số}` trùng với messages/en.ts (có bài kiểm tra).
 */
import type { CliMessages } from './en.js';

export const vi: CliMessages = {
  unknown_command: "không có lệnh '{command}'.",
  unknown_option: "không có tuỳ chọn '{option}'.",
  option_needs_value: "tuỳ chọn '{option}' cần một giá trị.",
  option_takes_no_value: "tuỳ chọn '{option}' không nhận giá trị.",
  bad_arguments: 'tham số không hợp lệ: {detail}',
  bad_lang: "--lang phải là 'vi' hoặc 'en', không phải '{value}'.",
  missing_rules_path: 'hãy nêu tệp hoặc thư mục quy tắc cần kiểm tra, ví dụ lcz validate rules/lai-chau-2020-2025.',
  missing_rules_option:
    'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments.',
  missing_assessments: 'hãy nêu ít nhất một tệp hoặc thư mục phiếu đánh giá.',
  no_assessment_files: "thư mục '{path}' không có tệp .yaml, .yml hay .json nào.",
  unreadable_directory: "không đọc được thư mục '{path}'.",
  see_help: "xem 'lcz {command}--help'.",
  rules_invalid: "bộ quy tắc '{path}' có {count} lỗi.",
  rules_invalid_nothing_evaluated: "bộ quy tắc '{path}' có {count} lỗi; chưa đánh giá phiếu nào.",
  assessments_failed: '{count} tệp phiếu đánh giá không đánh giá được.',
  internal_error:
    'lỗi nội bộ: đây là lỗi của lcz, không phải của tệp dữ liệu. Vui lòng báo lỗi kèm câu lệnh đã chạy. Đặt LCZ_DEBUG=1 để xem chi tiết.',
  validate_ok:
    'Hợp lệ {file}: {id} phiên bản {version}: {groups} tiêu chuẩn, {criteria} tiêu chí, {disqualifiers} trường hợp không đảm bảo',
  validate_notes: '{warnings} cảnh báo, {infos} ghi chú:',
};
