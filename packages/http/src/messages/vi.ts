/**
 * Lời tiếng Việt của API HTTP (bản gốc; messages/en.ts là bản tiếng Anh đặt cạnh). Khoá và các
 * `{tham_số}` trùng với en.ts; một bài kiểm thử đối chiếu hai tệp.
 */
import type { Messages } from './en.js';

export const vi: Messages = {
  title_bad_request: { message: 'Không đọc được yêu cầu' },
  title_malformed_json: { message: 'Nội dung yêu cầu không phải JSON hợp lệ' },
  title_unsupported_media_type: { message: 'Kiểu nội dung không được hỗ trợ' },
  title_payload_too_large: { message: 'Nội dung yêu cầu quá lớn' },
  title_not_found: { message: 'Không có điểm truy cập này' },
  title_unknown_ruleset: { message: 'Không có bộ tiêu chí này' },
  title_invalid_request: { message: 'Yêu cầu có lỗi' },
  title_inline_rules_disabled: { message: 'Máy chủ không đánh giá theo quy tắc gửi kèm' },
  title_timeout: { message: 'Yêu cầu xử lý quá lâu' },
  title_not_ready: { message: 'Chưa sẵn sàng' },
  title_internal_error: { message: 'Lỗi nội bộ' },
  title_busy: { message: 'Máy chủ đang bận' },
  title_unauthorized: { message: 'Cần khoá API' },
  title_forbidden: { message: 'Khoá API này không được phép' },

  detail_count: { message: 'Yêu cầu có {count} lỗi; từng lỗi được liệt kê trong "errors".' },

  json_syntax: {
    message: 'JSON bị lỗi ở dòng {line}, cột {column}: {reason}.',
    hint: 'Kiểm tra dấu nháy, dấu phẩy và dấu ngoặc ở chỗ đó. JSON cần dấu nháy kép quanh tên và chữ, và không có dấu phẩy sau phần tử cuối.',
  },
  body_not_utf8: {
    message: 'Nội dung yêu cầu không phải UTF-8: ở dòng {line}, cột {column} (byte {offset}) có {found}.',
    hint: 'Hãy gửi nội dung dạng văn bản UTF-8 (và ghi rõ: Content-Type: application/json; charset=utf-8). Tệp lưu bằng bảng mã khác (Latin-1, Windows-1258, UTF-16) cần được lưu lại dạng UTF-8 trước.',
  },
  json_empty: {
    message: 'Nội dung trống, nhưng Content-Type lại ghi là JSON.',
    hint: 'Gửi một đối tượng JSON, ví dụ {"ruleset": "…", "assessment": {…}}.',
  },
  json_unsafe_key: {
    message: 'JSON dùng tên dành riêng "{key}" ở dòng {line}, cột {column} (dù viết cách nào, ví dụ bằng mã \\u).',
    hint: 'Bỏ khoá đó đi: không yêu cầu nào cần đến nó.',
  },
  json_duplicate_key: {
    message: 'Khoá "{key}" ở dòng {line}, cột {column} đã có trong cùng đối tượng (dòng {first_line}).',
    hint: 'Giữ lại một trong hai: các trình đọc JSON chọn khác nhau, nên dịch vụ không nhận cả hai.',
  },
  json_too_many_keys: {
    message: 'Một đối tượng trong nội dung có hơn {max} khoá (khoá vượt giới hạn ở dòng {line}, cột {column}).',
    hint: 'Một bản đánh giá chỉ cần các dữ kiện mà bộ quy tắc khai báo. Bỏ các khoá khác, hoặc đề nghị người vận hành nâng giới hạn (limits.objectKeys).',
  },
  json_number_inexact: {
    message:
      'Số {value} ở dòng {line}, cột {column} có nhiều chữ số hơn mức đọc được chính xác: nó sẽ bị đọc thành {read}.',
    hint: 'Viết số đúng như đã đếm hoặc đo; không có gì được tự làm tròn. Nếu đó là mã hay số hiệu, gửi nó dạng văn bản trong dấu ngoặc kép.',
  },
  media_type: {
    message: 'Điểm truy cập này không nhận kiểu nội dung "{type}".',
    hint: 'Gửi nội dung dạng {accepted}, kèm tiêu đề Content-Type tương ứng, ví dụ Content-Type: application/json.',
  },
  media_type_missing: {
    message: 'Yêu cầu có nội dung nhưng thiếu tiêu đề Content-Type.',
    hint: 'Thêm tiêu đề: Content-Type: {accepted}.',
  },
  too_large: {
    message: 'Nội dung yêu cầu vượt giới hạn {limit} byte.',
    hint: 'Gửi ít hơn, ví dụ chia lô thành các lô nhỏ hơn, hoặc đề nghị người vận hành nâng giới hạn (limits.bodyBytes, lcz serve --body-limit).',
  },
  route_not_found: {
    message: 'Không có điểm truy cập {method} {path}.',
    hint: 'Danh sách điểm truy cập và phương thức có trong {openapi}.',
  },
  ruleset_unknown: {
    message: 'Máy chủ không có bộ tiêu chí "{id}".',
    hint: 'Dùng một trong: {available}. GET {list} liệt kê các bộ tiêu chí và phiên bản.',
  },
  ruleset_version_unknown: {
    message: 'Bộ tiêu chí "{id}" không có phiên bản "{version}" trên máy chủ này.',
    hint: 'Các phiên bản hiện có: {versions}.',
  },
  ruleset_version_required: {
    message: 'Máy chủ có nhiều phiên bản của bộ tiêu chí "{id}", cần ghi rõ phiên bản.',
    hint: 'Thêm "version" là một trong: {versions}.',
  },
  ruleset_version_or_date_required: {
    message: 'Máy chủ có nhiều phiên bản của bộ tiêu chí "{id}", và phiếu đánh giá không có ngày để chọn phiên bản.',
    hint: 'Thêm "version" là một trong: {versions}; hoặc ghi ngày đánh giá (area.date, YYYY-MM-DD) để dùng phiên bản có hiệu lực vào ngày đó.',
  },
  ruleset_version_not_in_force: {
    message: 'Bộ tiêu chí "{id}" không có phiên bản nào có hiệu lực vào ngày đánh giá {date}.',
    hint: 'Các phiên bản hiện có và thời gian hiệu lực: {periods}. Sửa area.date, hoặc thêm "version" để chọn một phiên bản.',
  },
  ruleset_missing: {
    message: 'Yêu cầu chưa cho biết dùng bộ tiêu chí nào, trong khi máy chủ có nhiều bộ: {available}.',
    hint: 'Thêm "ruleset" là một trong số đó (GET {list} liệt kê các bộ tiêu chí), hoặc ghi ruleset: trong phiếu đánh giá.',
  },
  ruleset_and_rules: {
    message: 'Yêu cầu có cả "ruleset" (bộ tiêu chí của máy chủ) lẫn "rules" (nội dung quy tắc): chỉ được dùng một.',
    hint: 'Giữ "ruleset" để dùng quy tắc của máy chủ, hoặc "rules" để dùng quy tắc của bạn.',
  },
  version_without_ruleset: {
    message:
      'Có "version" nhưng quy tắc lại gửi kèm trong "rules": phiên bản của quy tắc gửi kèm là phiên bản ghi trong đó.',
    hint: 'Bỏ "version" đi.',
  },
  inline_rules_disabled: {
    message: 'Máy chủ này không đánh giá theo quy tắc gửi kèm yêu cầu.',
    hint: 'Ghi tên một bộ tiêu chí của máy chủ trong "ruleset" (GET {list}), hoặc kiểm tra tệp quy tắc bằng POST {validate}. Người vận hành có thể cho phép (allowUploadedRulesetEvaluation, lcz serve --allow-inline-rules).',
  },
  inline_rules_invalid: {
    message: 'Quy tắc gửi kèm trong "rules" có {count} lỗi; chưa đánh giá gì.',
    hint: 'Mỗi lỗi được liệt kê kèm dòng và cột trong nội dung quy tắc.',
  },
  body_missing: {
    message: 'Yêu cầu không có nội dung.',
    hint: 'Gửi một đối tượng JSON, ví dụ {example}.',
  },
  field_missing: {
    message: 'Thiếu "{name}".',
    hint: 'Thêm vào: {expected}.',
  },
  field_type: {
    message: '"{name}" phải là {expected}, không phải {actual}.',
    hint: 'Viết lại thành {expected}.',
  },
  field_unknown: {
    message: '"{name}" không phải là trường của yêu cầu này.',
    hint: 'Các trường được phép: {fields}.',
  },
  field_unknown_suggest: {
    message: '"{name}" không phải là trường của yêu cầu này.',
    hint: 'Có phải ý bạn là "{suggestion}"? Các trường được phép: {fields}.',
  },
  field_value: {
    message: '"{name}" phải là một trong {values}, không phải {actual}.',
    hint: 'Viết một trong {values}.',
  },
  field_empty: {
    message: '"{name}" đang trống.',
    hint: 'Ghi {expected}.',
  },
  batch_empty: {
    message: 'Danh sách "assessments" đang trống.',
    hint: 'Đưa vào ít nhất một phiếu đánh giá.',
  },
  batch_too_long: {
    message: 'Lô có {count} phiếu đánh giá; mỗi yêu cầu chỉ được tối đa {max} phiếu.',
    hint: 'Chia thành các yêu cầu từ {max} phiếu trở xuống (người vận hành đặt giới hạn: limits.batchLength, lcz serve --batch-limit).',
  },
  query_unknown: {
    message: 'Điểm truy cập này không dùng tham số "{name}".',
    hint: 'Các tham số hợp lệ: {fields}.',
  },
  transport_content_length: {
    message: 'Không đọc được yêu cầu: tiêu đề Content-Length không phải một số nguyên (hoặc có hai lần).',
    hint: 'Gửi một tiêu đề Content-Length với kích thước nội dung tính bằng byte, hoặc để thư viện HTTP tự đặt.',
  },
  transport_content_length_and_chunked: {
    message:
      'Không đọc được yêu cầu: có cả Content-Length lẫn Transfer-Encoding (hoặc Transfer-Encoding không phải chunked).',
    hint: 'Chỉ gửi một trong hai, không bao giờ cả hai; thư viện HTTP làm việc này giúp bạn.',
  },
  transport_request_line: {
    message: 'Không đọc được yêu cầu: dòng đầu tiên không phải dòng yêu cầu HTTP.',
    hint: 'Gửi PHƯƠNG_THỨC /đường_dẫn HTTP/1.1, ví dụ POST /v1/evaluate HTTP/1.1, bằng một thư viện HTTP.',
  },
  transport_unreadable: {
    message: 'Không đọc được yêu cầu: yêu cầu không đúng dạng HTTP/1.1.',
    hint: 'Gửi yêu cầu bằng một thư viện HTTP, thư viện sẽ viết dòng yêu cầu, tiêu đề và nội dung đúng như HTTP/1.1 cần.',
  },
  transport_timeout: {
    message: 'Máy chủ không nhận được trọn yêu cầu trong {ms} ms: máy chủ đã thôi chờ phần còn lại.',
    hint: 'Gửi trọn yêu cầu một lần (tiêu đề và nội dung); nội dung lớn trên đường truyền chậm có thể cần người vận hành nâng requestTimeoutMs.',
  },
  transport_headers: {
    message: 'Không đọc được yêu cầu: các tiêu đề lớn hơn mức máy chủ đọc.',
    hint: 'Gửi tiêu đề ngắn hơn (tối đa vài kilobyte); đặt dữ liệu vào nội dung.',
  },
  url_escape: {
    message:
      'Đường dẫn của yêu cầu có dấu "%" không theo sau bởi hai chữ số thập lục phân, hoặc giải mã ra các byte không phải UTF-8.',
    hint: 'Mã hóa từng đoạn đường dẫn bằng encodeURIComponent (chính dấu "%" viết là %25), ví dụ /v1/rulesets/<ruleset-id>.',
  },
  path_param_too_long: {
    message: 'Một tham số đường dẫn dài hơn {max} ký tự.',
    hint: 'Mã bộ tiêu chí rất ngắn, ví dụ /v1/rulesets/<ruleset-id>; GET /v1/rulesets liệt kê chúng.',
  },
  problems_omitted: {
    message: '… và còn {count} vấn đề khác trong yêu cầu này: chỉ liệt kê {max} vấn đề đầu tiên.',
    hint: 'Sửa các vấn đề đã liệt kê rồi gửi lại; một lô có cùng một lỗi ở mọi phiếu thường chỉ có một nguyên nhân.',
  },
  bad_request: {
    message: 'Không đọc được yêu cầu: {reason}.',
    hint: 'Kiểm tra dòng yêu cầu, các tiêu đề và nội dung mà chương trình của bạn gửi.',
  },
  timeout: {
    message: 'Yêu cầu xử lý quá {ms} ms nên đã bị dừng.',
    hint: 'Gửi lô nhỏ hơn, hoặc đề nghị người vận hành nâng giới hạn (limits.handlerTimeoutMs, lcz serve --timeout).',
  },
  rules_check_timeout: {
    message: 'Việc kiểm tra tệp quy tắc này quá {ms} ms nên đã bị dừng.',
    hint: 'Tách tệp thành các tệp nhỏ hơn nối bằng include:, kiểm tra trên máy của bạn bằng lcz validate, hoặc đề nghị người vận hành nâng giới hạn (limits.rulesCheckMs).',
  },
  rules_check_closing: {
    message: 'Máy chủ đang dừng: tệp quy tắc này chưa được kiểm tra.',
    hint: 'Gửi lại sau ít phút; máy chủ (hoặc máy chủ kế tiếp) sẽ kiểm tra tệp.',
  },
  busy: {
    message: 'Máy chủ đang có {queued} yêu cầu chờ xử lý, mức tối đa được giữ chờ: yêu cầu này chưa được xử lý.',
    hint: 'Gửi lại sau thời gian ghi trong Retry-After ({seconds} giây); máy chủ không giữ lại gì của yêu cầu này.',
  },
  server_closing: {
    message: 'Máy chủ đang dừng: yêu cầu này chưa được xử lý.',
    hint: 'Gửi lại sau ít phút; máy chủ (hoặc máy chủ kế tiếp) sẽ trả lời.',
  },
  rules_check_memory: {
    message: 'Việc kiểm tra tệp quy tắc này cần nhiều bộ nhớ hơn mức máy chủ dành cho một lần kiểm tra nên đã bị dừng.',
    hint: 'Tách tệp thành các tệp nhỏ hơn nối bằng include:, hoặc kiểm tra trên máy của bạn bằng lcz validate.',
  },
  too_many_facts: {
    message: 'Phiếu đánh giá này có {count} dữ kiện; mỗi phiếu chỉ được đọc tối đa {max} dữ kiện.',
    hint: 'Chỉ ghi các dữ kiện bộ tiêu chí khai báo (GET {schema} liệt kê chúng), hoặc đề nghị người vận hành nâng giới hạn (limits.facts).',
  },
  not_ready: {
    message: 'Chưa nạp bộ tiêu chí nào.',
    hint: 'Người vận hành cần chỉ ra ít nhất một thư mục quy tắc (lcz serve --rules <thư-mục>).',
  },
  internal_error: {
    message: 'Máy chủ gặp lỗi bên trong. Đây là lỗi phần mềm, không phải lỗi của yêu cầu.',
    hint: 'Vui lòng báo lỗi kèm mã yêu cầu {request_id}.',
  },

  json_reason_InvalidSymbol: {
    message: 'có ký tự JSON không cho phép ở đây (chữ phải trong dấu nháy kép, không phải nháy đơn)',
  },
  json_reason_InvalidNumberFormat: { message: 'số viết sai' },
  json_reason_PropertyNameExpected: {
    message: 'cần một tên trong dấu nháy kép (hoặc có dấu phẩy thừa sau phần tử cuối)',
  },
  json_reason_ValueExpected: { message: 'cần một giá trị (hoặc có dấu phẩy thừa sau phần tử cuối)' },
  json_reason_ColonExpected: { message: 'thiếu dấu hai chấm ":" sau tên' },
  json_reason_CommaExpected: { message: 'thiếu dấu phẩy giữa hai phần tử' },
  json_reason_CloseBraceExpected: { message: 'thiếu dấu đóng "}"' },
  json_reason_CloseBracketExpected: { message: 'thiếu dấu đóng "]"' },
  json_reason_EndOfFileExpected: { message: 'còn chữ thừa sau khi giá trị JSON đã kết thúc' },
  json_reason_InvalidCommentToken: { message: 'JSON không cho phép chú thích' },
  json_reason_UnexpectedEndOfComment: { message: 'JSON không cho phép chú thích' },
  json_reason_UnexpectedEndOfString: { message: 'thiếu dấu nháy kép đóng' },
  json_reason_UnexpectedEndOfNumber: { message: 'số bị cắt cụt' },
  json_reason_InvalidUnicode: { message: 'mã \\u không đủ bốn chữ số hệ mười sáu' },
  json_reason_InvalidEscapeCharacter: {
    message: 'dấu gạch chéo ngược không hợp lệ (viết \\\\ cho một dấu gạch chéo ngược)',
  },
  json_reason_InvalidCharacter: { message: 'có ký tự điều khiển (như xuống dòng hay tab) nằm trong chữ' },
  json_reason_Unknown: { message: 'nội dung không phải JSON' },

  type_object: { message: 'một đối tượng JSON { … }' },
  type_array: { message: 'một danh sách [ … ]' },
  type_string: { message: 'chữ trong dấu nháy kép' },
  type_number: { message: 'một số' },
  type_integer: { message: 'một số nguyên' },
  type_boolean: { message: 'true hoặc false' },
  type_null: { message: 'null' },
  type_missing: { message: 'không có gì' },
  type_unknown: { message: 'một giá trị kiểu khác' },
  list_or: { message: 'hoặc' },
  none: { message: '(không có)' },
};
