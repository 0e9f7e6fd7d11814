/** Lời tiếng Việt cho các lỗi của sổ ghi chép (problems.ts); bản tiếng Anh ở en.ts. */
import type { ProblemCatalog, ProblemParams } from '../problems.js';

export const recordsMessagesVi: ProblemCatalog = {
  records_area_unknown: (p) => ({
    message: `{Assessed} ${p.area} chưa có trong sổ.`,
    hint: 'Đăng ký {assessed} trước (lcz records register), hoặc kiểm tra lại mã {assessed}.',
  }),
  records_area_not_registered: (p) => ({
    message: `{Assessed} ${p.area} chưa đăng ký năm ${p.year}.`,
    hint: `Đăng ký năm ${p.year} (lcz records register --year ${p.year}) trước khi nhập dữ kiện.`,
  }),
  records_area_change_needs_reason: (p) => ({
    message: `{Assessed} ${p.area} đã được ghi với thông tin khác (${p.field}: "${p.old}" → "${p.new}").`,
    hint: 'Thay đổi được lưu thành phiên bản mới bên cạnh bản cũ: ghi lý do bằng --reason.',
  }),
  records_fact_unknown: (p) => ({
    message: `"${p.fact}" không phải là dữ kiện của bộ quy tắc ${p.ruleset}.`,
    hint: 'Dùng tên cột của biểu mẫu lập từ cùng bộ quy tắc (lcz template).',
  }),
  records_fact_not_owned: (p) => ({
    message: `Dữ kiện "${p.fact}" do ${p.owners} cung cấp, không phải ${p.owner} (${p.rows} dòng, kể từ dòng này).`,
    hint: `Để trống cột này trong phần của ${p.owner}; biểu mẫu lập với --owner ${p.owner} chỉ có các dữ kiện của đơn vị đó.`,
  }),
  records_owner_unknown: (p) => ({
    message: `"${p.owner}" không phải là cơ quan được khai báo trong bộ quy tắc ${p.ruleset}.`,
    hint: `Các cơ quan được khai báo ở mục owners: của tệp quy tắc: ${p.known}.`,
  }),
  records_conflict: (p) => ({
    message: `{Assessed} ${p.area}, dữ kiện "${p.fact}": ở đây là ${p.value}, nhưng tại ${p.other} là ${p.other_value}.`,
    hint: 'Hai phần số liệu cho hai giá trị khác nhau của cùng một dữ kiện; chưa nhập gì. Thống nhất giá trị rồi sửa một trong hai tệp.',
  }),
  records_conflict_stored: (p) => ({
    message: `{Assessed} ${p.area}, dữ kiện "${p.fact}": ở đây là ${p.value}, nhưng sổ đang ghi ${p.other_value} do ${p.other_by} nhập (${p.other}).`,
    hint: `Chỉ người đã nhập giá trị mới được sửa; hãy thống nhất với ${p.other_by} trước. Chưa nhập gì.`,
  }),
  records_correction_needs_reason: (p) => ({
    message: `{Assessed} ${p.area}, dữ kiện "${p.fact}": ${p.value} thay cho ${p.other_value} đã nhập ngày ${p.other_at}.`,
    hint: 'Việc sửa được lưu thành phiên bản mới bên cạnh bản cũ: ghi lý do bằng --reason "…".',
  }),
  records_not_evaluated: (p) => ({
    message: `${p.area} chưa có kết quả đánh giá của năm ${p.year}.`,
    hint: `Chạy lcz records decide --year ${p.year} trước; Hội đồng xét trên các {assessed} đã được đánh giá.`,
  }),
  records_board_reason_required: (p) => ({
    message: `Hội đồng công nhận ${p.area}, nhưng kết quả đánh giá năm ${p.year} là "${p.decision}".`,
    hint: 'Công nhận khác với kết quả đánh giá cần lý do bằng văn bản: --reason MÃ="…".',
  }),
  records_board_exists: (p) => ({
    message: `Quyết định ${p.number} của Hội đồng đã được ghi (${p.date}).`,
    hint: 'Sửa quyết định của Hội đồng là một phiên bản mới: ghi lý do bằng --correct "…".',
  }),
  records_cycle_invalid: (p) => ({
    message: cycleProblemVi(p),
    hint: 'Tệp cần format: 1, ruleset: <mã> và report_by: "MM-DD" (hạn báo cáo hằng năm), ví dụ report_by: "10-15".',
  }),
  records_backup_unsupported: () => ({
    message: 'Sổ lưu trên PostgreSQL được sao lưu bằng máy chủ cơ sở dữ liệu (pg_dump), không bằng lcz.',
    hint: 'lcz records backup sao lưu sổ SQLite nhúng.',
  }),
  records_year_invalid: (p) => ({
    message: `"${p.value}" không phải là một năm.`,
    hint: 'Viết năm bằng bốn chữ số, ví dụ --year 2024.',
  }),
  records_report_invalid: (p) => ({
    message: `{Assessed} ${p.area}, năm ${p.year}: phiếu đánh giá đã lưu không hợp lệ với bộ tiêu chí ${p.ruleset}; không đưa vào báo cáo.`,
    hint: 'Lập báo cáo bằng bộ tiêu chí đã dùng để xét (xem bằng lcz records history), hoặc xét lại năm đó (lcz records decide).',
  }),
  records_store_damaged: (p) => ({
    message: `Sổ lưu kết quả '${p.value}' cho ${p.area} năm ${p.year}, giá trị mà lcz không bao giờ ghi: cơ sở dữ liệu đã bị sửa ngoài lcz.`,
    hint: 'Không đọc gì từ đó. Khôi phục sổ từ bản sao lưu gần nhất (lcz records backup), hoặc tìm xem ai đã sửa cơ sở dữ liệu và sửa thế nào.',
  }),
  records_store_missing: (p) => ({
    message: `Không có sổ lưu ở đây: không có tệp ${p.path}.`,
    hint: 'Kiểm tra thư mục của sổ lưu: phải là thư mục đã tạo sổ lưu. Sổ lưu mới được tạo bằng lcz records register, bước đầu tiên của năm.',
  }),
  records_report_other_rules: (p) => ({
    message: `Năm ${p.year}: kết quả đã lưu theo ${p.stored} được tính lại theo ${p.given}.`,
    hint: '{Assessed} được công nhận vẫn giữ như đã lưu; số liệu từng tiêu chí theo bộ tiêu chí đưa vào. Muốn số liệu chính xác, dùng bộ tiêu chí của năm đó.',
  }),
  records_keys_invalid: (p) => ({
    message: `Tệp khoá: ${KEYS_WHAT_VI[String(p.what)] ?? String(p.what)}.`,
    hint: 'Mỗi khoá cần name, role (area, department, board hoặc reader) và sha256 (mã SHA-256 của khoá, hệ 16, ví dụ printf %s "$KEY" | sha256sum); khoá vai trò area cần unit: hoặc areas:, khoá của cơ quan cần owner:.',
  }),
  records_key_missing: () => ({
    message: 'Yêu cầu này cần khoá API nhưng không có khoá nào được gửi.',
    hint: 'Gửi khoá do người quản trị cấp: Authorization: Bearer <khoá>.',
  }),
  records_key_unknown: () => ({
    message: 'Khoá API đã gửi không phải là khoá của máy chủ này.',
    hint: 'Kiểm tra lại khoá (không có dấu cách hay xuống dòng thừa), hoặc xin người quản trị cấp khoá.',
  }),
  records_forbidden_role: (p) => ({
    message: `Khoá ${p.key} (vai trò ${p.role}) không được ${ACTION_VI[String(p.action)] ?? String(p.action)}.`,
    hint: `Chỉ khoá có vai trò ${p.roles} mới được làm việc này. Không có gì được ghi.`,
  }),
  records_forbidden_area: (p) => ({
    message: `Khoá ${p.key} ghi cho ${p.scope}; {assessed} ${p.area} thuộc ${p.unit}.`,
    hint: 'Mỗi {grouped_by} chỉ ghi số liệu {assessed} của mình; số liệu này do {grouped_by} của nó nhập. Không có gì được ghi.',
  }),
  records_forbidden_fact: (p) => ({
    message: `Số liệu "${p.fact}" do ${p.owners} cung cấp, không phải ${p.owner} (khoá ${p.key}).`,
    hint: `Chỉ gửi số liệu của ${p.owner}; mục owners: trong tệp quy tắc ghi rõ cơ quan nào cung cấp số liệu nào. Không có gì được ghi.`,
  }),
};

const KEYS_WHAT_VI: Readonly<Record<string, string>> = {
  unreadable: 'không đọc được tệp',
  too_large: 'tệp lớn hơn 1 MiB',
  yaml: 'YAML không hợp lệ tại đây',
  not_mapping: 'tệp không phải là ánh xạ (format:, keys:)',
  format: 'format: phải là 1',
  keys_list: 'keys: phải là danh sách không rỗng',
  too_many: 'keys: có hơn 10000 khoá',
  key_mapping: 'mỗi mục của keys: phải là ánh xạ (name:, role:, sha256: …)',
  name: 'thiếu name: hoặc name: rỗng',
  duplicate_name: 'tên này đã được dùng cho khoá khác',
  role: 'role: phải là area, department, board hoặc reader',
  sha256: 'sha256: phải gồm 64 chữ số hệ 16 (mã SHA-256 của khoá)',
  duplicate_key: 'sha256 này trùng với khoá khác: mỗi khoá phải khác nhau',
  areas: 'areas: phải là danh sách mã {assessed}',
  unit_or_areas: 'khoá vai trò area cần unit: ({grouped_by}) hoặc areas: (mã {assessed})',
  owner: 'khoá của cơ quan cần owner: (mã cơ quan trong tệp quy tắc)',
};

const ACTION_VI: Readonly<Record<string, string>> = {
  write_facts: 'nhập số liệu',
  register: 'đăng ký {assessed}',
  record_board: 'ghi quyết định của hội đồng',
  read_details: 'xem số liệu và lịch sử của {assessed} (chỉ xem số liệu tổng hợp)',
};

/** Tệp chu kỳ sai ở đâu, theo lý do cycle.ts đưa ra. */
function cycleProblemVi(p: ProblemParams): string {
  const key = String(p.key ?? '');
  switch (p.reason) {
    case 'missing':
      return 'Không có tệp chu kỳ: đặt tệp cycle.yaml cạnh bộ quy tắc, hoặc chỉ tệp bằng --cycle.';
    case 'unreadable':
      return 'Không đọc được tệp chu kỳ.';
    case 'yaml':
      return `Tệp chu kỳ không phải YAML hợp lệ (${String(p.detail ?? '')}).`;
    case 'not_mapping':
      return 'Tệp chu kỳ phải gồm các khóa và giá trị (format, ruleset, report_by).';
    case 'missing_key':
      return `Tệp chu kỳ thiếu khóa ${key}:.`;
    default:
      return key === 'format'
        ? 'format: phải là 1.'
        : key === 'ruleset'
          ? 'ruleset: phải là mã của bộ quy tắc (id: trong tệp quy tắc).'
          : 'report_by: phải là một ngày trong năm dạng "MM-DD", ví dụ "10-15".';
  }
}
