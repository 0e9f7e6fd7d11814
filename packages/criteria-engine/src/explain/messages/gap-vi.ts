/**
 * Từ ngữ tiếng Việt của phần phân tích khoảng cách (explainGap). Khoá và `{tham_số}` phải trùng
 * với gap-en.ts (có bài kiểm tra). Các từ dùng chung (kết luận, có/không) lấy từ vi.ts.
 */
import type { GapMessages } from './gap-en.js';

export const gapVi: GapMessages = {
  heading: 'CẦN GÌ ĐỂ ĐƯỢC CÔNG NHẬN',
  heading_undetermined: 'CÒN THIẾU SỐ LIỆU GÌ VÀ SỐ LIỆU ĐÓ QUYẾT ĐỊNH GÌ',
  recognised: 'Không cần gì thêm: {assessed} đã được công nhận.',
  standard_more: '{title}: đạt {passed}/{applicable} tiêu chí, cần {required}: phải đạt thêm {more} tiêu chí.',
  standard_more_points:
    '{title}: đạt {points} điểm, cần {required}: thiếu {more_points} điểm, ít nhất {more} tiêu chí nữa phải đạt.',
  standard_excluded: '{excluded} tiêu chí không áp dụng, không tính vào tổng số (tính {applicable} tiêu chí).',
  standard_later: '{later} tiêu chí chỉ tính từ một mức cao hơn, chưa tính ở đây (tính {applicable} tiêu chí).',
  candidates: 'Các tiêu chí có thể đạt:',
  no_candidates: 'Không tiêu chí nào của tiêu chuẩn này có thể đạt bằng cách thay đổi số liệu.',
  threshold: 'Ngưỡng',
  facts: 'Số liệu',
  changes: 'Cần',
  change: '{label}: {current} → {suggested}',
  change_percent:
    '{label}: {current} → {suggested} ({required_part}/{whole_value} {unit} {op} {threshold}%{additional})',
  more_items: ', thêm {count}',
  fewer_items: ', bớt {count}',
  obstacle_context:
    'Không thể đạt với loại {assessed} này: tiêu chí phụ thuộc đặc điểm của {assessed}, không phụ thuộc số liệu.',
  obstacle_empty_whole: 'Không thể đạt: tổng số để tính tỷ lệ bằng 0 và quy tắc tính trường hợp này là không đạt.',
  obstacle_whole_unknown: 'Chưa có tổng số để tính tỷ lệ: cần nhập số liệu này để biết còn thiếu bao nhiêu.',
  obstacle_bounds: 'Không thể đạt: giá trị cần có nằm ngoài giới hạn bộ quy tắc khai báo cho số liệu này.',
  obstacle_unsupported: 'Không tự suy ngược được điều kiện này: cần xem xét trực tiếp.',
  mandatory_heading: 'Các tiêu chí bắt buộc phải đạt:',
  disqualifiers_heading: 'Các trường hợp không đảm bảo cần khắc phục:',
  total_more:
    'Tổng điểm: đạt {passed}, cần {required}: thiếu {more_points} điểm, ít nhất {more} tiêu chí nữa phải đạt.',
  undecided_heading: 'Số liệu còn thiếu sẽ quyết định kết luận:',
  undecided_standard: '{title} (tiêu chí {criteria})',
  undecided_mandatory: 'Tiêu chí bắt buộc {id}',
  undecided_disqualifier: 'Trường hợp không đảm bảo {id}',
  undecided_total: 'Tổng điểm (tiêu chí {criteria})',
  plan_heading: 'Một cách để được công nhận (đã kiểm tra bằng cách đánh giá lại với số liệu thay đổi):',
  plan_result: 'Kết luận với các thay đổi này: {decision}',
  plan_none: 'Không tìm được thay đổi số liệu nào giúp {assessed} được công nhận.',
  plan_partial: 'Đây là mức tối đa có thể đạt bằng thay đổi số liệu; kết luận vẫn là: {decision}.',
  plan_heading_missing:
    'Nếu số liệu còn thiếu có các giá trị sau, {assessed} được công nhận (đã kiểm tra bằng cách đánh giá lại):',
  plan_heading_missing_changed:
    'Nếu số liệu còn thiếu có các giá trị sau và các số liệu khác thay đổi như sau, {assessed} được công nhận (đã kiểm tra bằng cách đánh giá lại):',
  plan_heading_missing_partial:
    'Các giá trị sau của số liệu còn thiếu (và các thay đổi) đưa {assessed} đến gần nhất việc được công nhận (đã kiểm tra bằng cách đánh giá lại):',
  plan_result_missing: 'Khi có đủ các số liệu này, kết luận là: {decision}',
  plan_missing_partial: 'Với các số liệu này, kết luận sẽ là: {decision}.',
  plan_still_missing: 'Vẫn chưa đủ căn cứ để kết luận: còn thiếu {facts}.',
  plan_would_decide: 'Các số liệu đó sẽ quyết định: {parts}.',
  plan_none_missing: 'Không tìm được giá trị nào của số liệu còn thiếu giúp {assessed} được công nhận.',
  levels_heading: 'ĐIỀU CẦN CÓ ĐỂ ĐẠT MỨC CAO HƠN',
  level_head: 'Để đạt mức {label} ({id}):',
  level_more_points: 'Cần thêm {more_points} điểm.',
  lack_criteria: '{title}: cần {need} tiêu chí đạt, chắc chắn có {have}: cần thêm {more}.',
  lack_points: '{title}: cần {need} điểm, chắc chắn có {have}: cần thêm {more} điểm.',
  lack_mandatory: 'Tiêu chí bắt buộc {id} phải đạt.',
  lack_disqualifier: 'Phải khắc phục trường hợp không đảm bảo {id}.',
  lack_total: 'Toàn bộ tiêu chí',
  lack_list: 'Yêu cầu thứ {n} trong danh sách requirements:',
  level_way: 'Cách {n}, đã kiểm tra bằng cách đánh giá lại số liệu đã thay đổi (mức đạt được: {level}):',
  level_after: 'Tính từ số liệu sau Cách 1 của mức dưới:',
  level_no_way: 'Không tìm được thay đổi số liệu nào giúp đạt mức này.',
  level_already: 'Không cần thêm gì: Cách 1 của mức dưới đã đạt mức này.',
  derived_value: '{label}: {current}{needs}',
  derived_change: '{label}: {current} → {suggested}{needs}',
  derived_needs: ' (cần {op} {threshold})',
  alternative: 'Hoặc:',
};
