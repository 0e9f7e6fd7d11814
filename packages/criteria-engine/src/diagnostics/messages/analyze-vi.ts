/**
 * Thông báo tiếng Việt của các kiểm tra tĩnh (analyze/, lcz check) — spread into vi.ts. Each
 * says what can never happen, for which kind of unit, and what to change in the rule file.
 */
import { hasParam, param as s } from './catalog.js';
import type { MessageCatalog, MessageParams } from './catalog.js';

type AnalyzeCode =
  | 'criterion_never_passes'
  | 'criterion_never_fails'
  | 'disqualifier_always_applies'
  | 'disqualifier_never_applies'
  | 'requirement_unreachable'
  | 'mandatory_not_applicable'
  | 'criterion_no_effect'
  | 'threshold_conflict'
  | 'text_threshold_mismatch'
  | 'equals_reads_at_least'
  | 'mandatory_not_in_note'
  | 'check_limit'
  | 'id_numbering'
  | 'level_points'
  | 'level_unreachable'
  | 'level_requirement_weaker'
  | 'level_disqualifier_redundant'
  | 'parameter_cell_missing';

const criterion = (p: MessageParams) =>
  `Tiêu chí ${s(p, 'criterion')}${hasParam(p, 'variant') ? ` (phương án "${s(p, 'variant')}")` : ''}`;
const condition = (p: MessageParams) => (hasParam(p, 'condition') ? ` Điều kiện: ${s(p, 'condition')}.` : '');
const when = (p: MessageParams, otherwise: string) => (hasParam(p, 'context') ? ` khi ${s(p, 'context')}` : otherwise);

const REQUIREMENTS: Readonly<Record<string, (v: string) => string>> = {
  at_least_percent: (v) => `ít nhất ${v}% số tiêu chí đạt`,
  at_least_count: (v) => `ít nhất ${v} tiêu chí đạt`,
  at_least_points: (v) => `ít nhất ${v} điểm`,
};

function best(p: MessageParams): string {
  if (s(p, 'kind') === 'at_least_points') return `nhiều nhất chỉ đạt được ${s(p, 'best')} điểm`;
  if (s(p, 'kind') === 'at_least_percent')
    return `nhiều nhất chỉ ${s(p, 'best')}/${s(p, 'applicable')} tiêu chí có thể đạt`;
  return `nhiều nhất chỉ ${s(p, 'best')} tiêu chí có thể đạt`;
}

const LEVEL_CAUSES_VI: Readonly<Record<string, (p: MessageParams) => string>> = {
  points: (p) => `mức này cần ${s(p, 'need')} điểm mà các tiêu chí chỉ đạt được nhiều nhất ${s(p, 'most')} điểm`,
  requirement: (p) =>
    `một yêu cầu áp dụng ở mức này không thể đạt kể cả khi mọi tiêu chí có thể đạt đều đạt${hasParam(p, 'detail') ? ` (${s(p, 'detail')})` : ''}`,
  mandatory: (p) => `tiêu chí bắt buộc ${s(p, 'detail')} không bao giờ đạt`,
  disqualifier: (p) => `trường hợp không đảm bảo ${s(p, 'detail')}, vốn chặn mức này, luôn xảy ra`,
};

export const analyzeVi: Pick<MessageCatalog, AnalyzeCode> = {
  criterion_never_passes: (p) => ({
    message: `${criterion(p)} không bao giờ đạt: không có số liệu hợp lệ nào (trong phạm vi min/max đã khai báo, phần không lớn hơn tổng) làm điều kiện đúng.${condition(p)}`,
    hint: 'So ngưỡng với min/max của dữ kiện (ví dụ at_least: 120 trong khi max: 100), tìm equals: với giá trị ngoài phạm vi, hoặc các điều kiện trong all: mâu thuẫn nhau; sửa ngưỡng hoặc phạm vi của dữ kiện.',
  }),
  criterion_never_fails: (p) => ({
    message: `${criterion(p)} luôn đạt khi được áp dụng: không có số liệu hợp lệ nào làm điều kiện sai, nên tiêu chí không phân biệt được đối tượng được đánh giá nào.${condition(p)}`,
    hint: 'Thường do ngưỡng bằng hoặc thấp hơn giá trị nhỏ nhất có thể (at_least: 0 với một số đếm, tỷ lệ at_least: 0). Nếu cố ý (tiêu chí tạm thời) thì giữ và ghi chú trong note:; nếu không, sửa ngưỡng.',
  }),
  disqualifier_always_applies: (p) => ({
    message: `Trường hợp không đảm bảo ${s(p, 'disqualifier')} xảy ra với mọi số liệu hợp lệ: không đối tượng được đánh giá nào có thể được công nhận.${condition(p)}`,
    hint: 'Điều kiện của trường hợp không đảm bảo mô tả trường hợp xấu. Kiểm tra ngưỡng (at_least: 0 luôn đúng) và is: true / is: false.',
  }),
  disqualifier_never_applies: (p) => ({
    message: `Trường hợp không đảm bảo ${s(p, 'disqualifier')} không bao giờ xảy ra với số liệu hợp lệ: nó không loại đối tượng được đánh giá nào.${condition(p)}`,
    hint: 'So ngưỡng với min/max của dữ kiện; nếu trường hợp này không còn dùng thì xóa nó khỏi disqualifiers:.',
  }),
  requirement_unreachable: (p) => ({
    message: `${hasParam(p, 'group') ? `Tiêu chuẩn ${s(p, 'group')}` : 'Yêu cầu chung (total_requirement)'} không bao giờ đạt yêu cầu "${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'value'))}"${when(p, ' với mọi loại đối tượng được đánh giá')}: ${best(p)}.`,
    hint: 'Giảm yêu cầu, sửa các tiêu chí không thể đạt (xem các thông báo khác), hoặc cho tiêu chí không áp dụng được bỏ khỏi mẫu số (not_applicable: exclude). Lưu ý at_least_count đếm số tiêu chí đạt: tiêu chí không áp dụng không được tính là đạt.',
  }),
  mandatory_not_applicable: (p) => ({
    message:
      s(p, 'reason') === 'never_applicable'
        ? `Tiêu chí bắt buộc ${s(p, 'criterion')} không bao giờ được áp dụng${when(p, '')}; tiêu chí bắt buộc phải đạt mà "không áp dụng" không phải là đạt, nên loại đối tượng được đánh giá này không bao giờ được công nhận.`
        : `Tiêu chí bắt buộc ${s(p, 'criterion')} có thể không được áp dụng${when(p, '')}; khi đó đối tượng được đánh giá không được công nhận, vì "không áp dụng" không phải là đạt.`,
    hint: 'Nếu tiêu chí chỉ dành cho một số loại đối tượng được đánh giá, bỏ nó khỏi recognition.mandatory hoặc thêm phương án (variants:) cho các loại còn lại. Nếu đúng ý đồ thì ghi rõ trong note:.',
  }),
  criterion_no_effect: (p) =>
    s(p, 'reason') === 'disqualifier'
      ? {
          message: `Kết quả của tiêu chí ${s(p, 'criterion')} không bao giờ làm thay đổi kết luận: mỗi khi tiêu chí không đạt thì trường hợp không đảm bảo ${s(p, 'disqualifier')} cũng xảy ra, nên đối tượng được đánh giá đã không được công nhận.`,
          hint: 'Thường là một yêu cầu được ghi hai lần (cùng dữ kiện, cùng ngưỡng). Nếu cố ý (văn bản gốc ghi ở cả hai nơi) thì ghi chú trong note:; nếu không, bỏ một trong hai hoặc sửa ngưỡng.',
        }
      : {
          message: `Kết quả của tiêu chí ${s(p, 'criterion')} không bao giờ làm thay đổi kết luận: tiêu chuẩn ${s(p, 'group')} vẫn đạt yêu cầu ngay cả khi tiêu chí này và mọi tiêu chí khác có thể không đạt đều không đạt.`,
          hint: 'Kiểm tra yêu cầu của tiêu chuẩn (at_least_count hay at_least_percent quá thấp?). Nếu tiêu chí phải có tác dụng, nâng yêu cầu hoặc đưa nó vào recognition.mandatory.',
        },
  threshold_conflict: (p) => ({
    message: `Ngưỡng "${s(p, 'first')}" của tiêu chí ${s(p, 'criterion')} mâu thuẫn với ngưỡng "${s(p, 'second')}" của tiêu chí ${s(p, 'other')} (dòng ${s(p, 'other_line')}): không có số liệu hợp lệ nào đáp ứng cả hai, nên hai tiêu chí không bao giờ cùng đạt.`,
    hint: 'Đọc hai ngưỡng cùng với min/max và part_of của các dữ kiện, ví dụ yêu cầu 100% số chức danh được bồi dưỡng trong khi tiêu chí khác giới hạn số đó thấp hơn số chức danh tối thiểu. Sửa một trong hai ngưỡng.',
  }),
  text_threshold_mismatch: (p) => ({
    message: `Nội dung tiêu chí ${s(p, 'criterion')} ghi ${s(p, 'text_values')}, nhưng ngưỡng trong điều kiện là ${s(p, 'threshold')}%.`,
    hint: 'Sửa cho nội dung và ngưỡng khớp nhau: công cụ quyết định theo ngưỡng, còn biểu in ra nội dung.',
  }),
  equals_reads_at_least: (p) => ({
    message: `Tiêu chí ${s(p, 'criterion')} yêu cầu ${s(p, 'fact')} bằng đúng ${s(p, 'value')}, nhưng lời văn ghi "${s(p, 'words')}".`,
    hint: `Nếu lớn hơn ${s(p, 'value')} cũng đạt, hãy viết at_least: ${s(p, 'value')} thay cho equals.`,
  }),
  mandatory_not_in_note: (p) => ({
    message: `Tiêu chí ${s(p, 'criterion')} là bắt buộc nhưng recognition.note không nêu nó (các tiêu chí bắt buộc: ${s(p, 'mandatory')}).`,
    hint: 'Ghi trong recognition.note những tiêu chí phải đạt, bằng số hiệu hoặc nội dung, để quy định in ra khớp với cách công cụ quyết định.',
  }),
  check_limit: (p) => {
    if (s(p, 'reason') === 'budget')
      return {
        message:
          s(p, 'kind') === 'thresholds'
            ? `Việc so sánh ngưỡng giữa các tiêu chí dừng sau ${s(p, 'max')} cặp: lcz check không kết luận gì về các cặp chưa so sánh.`
            : `Các phép kiểm tra dừng ở ${s(p, 'kind') === 'disqualifier' ? `trường hợp không đảm bảo ${s(p, 'id')}` : `tiêu chí ${s(p, 'id')}`}: đã dùng hết ngân sách ${s(p, 'max')} lần thử cho cả tệp quy tắc. lcz check không kết luận gì về phần này và các phần sau nó.`,
        hint: 'Đây không phải là lỗi của tệp quy tắc. Tách tệp quy tắc rất lớn thành nhiều tệp, hoặc tăng ngân sách (tùy chọn maxTotalProbes của checkRuleset), để mọi phần đều được kiểm tra.',
      };
    return {
      message:
        s(p, 'kind') === 'contexts'
          ? `Có hơn ${s(p, 'max')} tổ hợp bối cảnh: các kiểm tra theo từng loại đối tượng được đánh giá không được thực hiện.`
          : `${s(p, 'kind') === 'disqualifier' ? `Trường hợp không đảm bảo ${s(p, 'id')}` : `Tiêu chí ${s(p, 'id')}`} ${
              s(p, 'reason') === 'unknown_value'
                ? 'dùng một giá trị mà phép kiểm tra không đọc được (đại lượng tính toán, ô bảng tham số chọn theo bối cảnh hoặc ngày, hoặc ngày đánh giá)'
                : `đọc quá nhiều dữ kiện để thử mọi tổ hợp giá trị (hơn ${s(p, 'max')} tổ hợp)`
            }: lcz check không kết luận gì về nó.`,
      hint:
        s(p, 'reason') === 'unknown_value'
          ? 'Đây không phải là lỗi của tệp quy tắc. Các ca kiểm thử YAML kiểm tra điều kiện như vậy tại ngưỡng của nó và tại ngưỡng của từng ô bảng (lcz test --coverage).'
          : 'Đây không phải là lỗi của tệp quy tắc. Điều kiện đọc ít dữ kiện hơn (tách thành nhiều tiêu chí) thì được kiểm tra đầy đủ.',
    };
  },
  parameter_cell_missing: (p) => ({
    message: `Bảng tham số "${s(p, 'parameter')}" không có ô cho ${s(p, 'cell')}, dù đơn vị như vậy có thể được đánh giá: các điều kiện dùng tham số này sẽ luôn chưa xác định với đơn vị đó.`,
    hint: `Thêm một dòng cho ${s(p, 'cell')} vào values: của tham số, hoặc loại tổ hợp này bằng context_rules: nếu nó không thể tồn tại.`,
  }),
  id_numbering: (p) => ({
    message:
      s(p, 'kind') === 'disqualifier'
        ? `Mã "${s(p, 'id')}" không theo cách đánh số của các trường hợp không đảm bảo khác (${s(p, 'pattern')}, ví dụ "${s(p, 'example')}").`
        : `Mã "${s(p, 'id')}" không theo cách đánh số của các tiêu chí khác trong tiêu chuẩn ${s(p, 'group')} (${s(p, 'pattern')}, ví dụ "${s(p, 'example')}").`,
    hint: 'Mã là của bộ quy tắc, không có cách đánh số bắt buộc: nếu đúng ý đồ thì không cần sửa gì; nếu gõ nhầm, hãy sửa mã (và mọi chỗ nhắc đến nó).',
  }),
  level_points: (p) => ({
    message: `Mức ${s(p, 'level')} cần ${s(p, 'need')} điểm; các tiêu chí được tính ở mức này đạt được nhiều nhất ${s(p, 'most')} điểm${hasParam(p, 'per_context') ? ` (theo loại đối tượng được đánh giá: ${s(p, 'per_context')})` : ''}.`,
    hint: 'Ghi chú để đọc bộ quy tắc: khoảng cách giữa số điểm một mức cần và số điểm có thể đạt. Mức cần nhiều điểm hơn số có thể đạt được báo là cảnh báo (level_unreachable).',
  }),
  level_unreachable: (p) => ({
    message: `Mức ${s(p, 'level')} không bao giờ đạt được${when(p, ' với mọi loại đối tượng được đánh giá')}${hasParam(p, 'above') ? `, và mọi mức trên nó (${s(p, 'above')}) cũng vậy` : ''}: ${LEVEL_CAUSES_VI[s(p, 'reason')]?.(p) ?? s(p, 'reason')}.`,
    hint: 'Giảm yêu cầu của mức, sửa tiêu chí hoặc trường hợp không đảm bảo được nêu (xem các thông báo khác), hoặc thêm phương án riêng cho loại đối tượng đó. Mỗi mức cộng thêm yêu cầu của nó vào yêu cầu của các mức dưới.',
  }),
  level_requirement_weaker: (p) => ({
    message: `${hasParam(p, 'target') ? `Yêu cầu của tiêu chuẩn ${s(p, 'target')}` : 'Yêu cầu chung (total_requirement)'} ở mức ${s(p, 'level')} (${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'value'))}) không cao hơn ${s(p, 'lower') === 'recognition' ? 'quy tắc công nhận' : `mức ${s(p, 'lower')} bên dưới`} (${(REQUIREMENTS[s(p, 'kind')] ?? String)(s(p, 'lower_value'))}): yêu cầu của một mức được cộng thêm vào yêu cầu của các mức dưới, nên yêu cầu này không bao giờ quyết định điều gì.`,
    hint: 'Mức cao hơn phải yêu cầu nhiều hơn mức dưới. Kiểm tra lại con số (chép nhầm dòng?), hoặc bỏ yêu cầu này nếu yêu cầu ở mức dưới là đúng ý đồ.',
  }),
  level_disqualifier_redundant: (p) => ({
    message: `Trường hợp ${s(p, 'disqualifier')} được liệt kê ở mức ${s(p, 'level')}, nhưng recognition.disqualifiers: block đã làm nó chặn mọi mức: danh sách này không giới hạn nó vào mức ${s(p, 'level')} trở lên.`,
    hint: `Để trường hợp này chỉ chặn mức ${s(p, 'level')} và các mức trên, hãy ghi from_level: ${s(p, 'level')} ở trường hợp ${s(p, 'disqualifier')} và bỏ nó khỏi danh sách này. Nếu nó phải chặn mọi mức, hãy bỏ nó khỏi danh sách này.`,
  }),
};
