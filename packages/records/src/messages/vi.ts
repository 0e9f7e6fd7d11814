/** Lời tiếng Việt cho các lỗi của sổ ghi chép (problems.ts); bản tiếng Anh ở en.ts. */
import type { ProblemCatalog } from '../problems.js';

export const recordsMessagesVi: ProblemCatalog = {
  records_area_unknown: (p) => ({
    message: `Khu dân cư ${p.area} chưa có trong sổ.`,
    hint: 'Đăng ký khu dân cư trước (lcz records register), hoặc kiểm tra lại mã khu dân cư.',
  }),
  records_area_not_registered: (p) => ({
    message: `Khu dân cư ${p.area} chưa đăng ký năm ${p.year}.`,
    hint: `Đăng ký năm ${p.year} (lcz records register --year ${p.year}) trước khi nhập dữ kiện.`,
  }),
  records_area_change_needs_reason: (p) => ({
    message: `Khu dân cư ${p.area} đã được ghi với thông tin khác (${p.field}: "${p.old}" → "${p.new}").`,
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
    message: `Khu dân cư ${p.area}, dữ kiện "${p.fact}": ở đây là ${p.value}, nhưng tại ${p.other} là ${p.other_value}.`,
    hint: 'Hai phần số liệu cho hai giá trị khác nhau của cùng một dữ kiện; chưa nhập gì. Thống nhất giá trị rồi sửa một trong hai tệp.',
  }),
  records_conflict_stored: (p) => ({
    message: `Khu dân cư ${p.area}, dữ kiện "${p.fact}": ở đây là ${p.value}, nhưng sổ đang ghi ${p.other_value} do ${p.other_by} nhập (${p.other}).`,
    hint: `Chỉ người đã nhập giá trị mới được sửa; hãy thống nhất với ${p.other_by} trước. Chưa nhập gì.`,
  }),
  records_correction_needs_reason: (p) => ({
    message: `Khu dân cư ${p.area}, dữ kiện "${p.fact}": ${p.value} thay cho ${p.other_value} đã nhập ngày ${p.other_at}.`,
    hint: 'Việc sửa được lưu thành phiên bản mới bên cạnh bản cũ: ghi lý do bằng --reason "…".',
  }),
  records_not_evaluated: (p) => ({
    message: `Khu dân cư ${p.area} chưa có kết quả đánh giá của năm ${p.year}.`,
    hint: `Chạy lcz records decide --year ${p.year} trước; Hội đồng xét trên các khu dân cư đã được đánh giá.`,
  }),
  records_board_reason_required: (p) => ({
    message: `Hội đồng công nhận khu dân cư ${p.area}, nhưng kết quả đánh giá năm ${p.year} là "${p.decision}".`,
    hint: 'Công nhận khác với kết quả đánh giá cần lý do bằng văn bản: --reason MÃ="…".',
  }),
  records_board_exists: (p) => ({
    message: `Quyết định ${p.number} của Hội đồng đã được ghi (${p.date}).`,
    hint: 'Sửa quyết định của Hội đồng là một phiên bản mới: ghi lý do bằng --correct "…".',
  }),
  records_cycle_invalid: (p) => ({
    message: `Tệp chu kỳ: ${p.detail}.`,
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
};
