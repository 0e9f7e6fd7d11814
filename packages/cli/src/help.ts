/**
 * The help of lcz as a whole: English and Vietnamese side by side, with runnable examples. Each
 * command's own help is beside it, in commands/<command>.usage.ts.
 */
export const MAIN_HELP = `lcz: rules-as-data for recognition criteria
lcz: công cụ đánh giá theo bộ tiêu chí (quy tắc là dữ liệu)

Usage / Cách dùng:
  lcz validate <rules>...                         check rule files
                                                  kiểm tra tệp quy tắc
  lcz check <rules>...                            find what no assessment can change (never passes…)
                                                  tìm điều không số liệu nào thay đổi được
  lcz evaluate --rules <rules> <assessment>...    evaluate assessments
                                                  đánh giá các đối tượng
  lcz evaluate --rules <rules> <batch file>       evaluate a CSV/XLSX/JSON Lines batch
             [--out results.jsonl] [--summary summary.xlsx]   đánh giá hàng loạt
  lcz template --rules <rules> --format xlsx|csv  a blank input file for a batch
                                                  tệp mẫu để nhập số liệu hàng loạt
  lcz schema --rules <rules>                      the JSON Schema of an assessment
                                                  JSON Schema của phiếu đánh giá
  lcz build <rules> [--out <file>] [--check]      the compiled rules file (fast start)
                                                  biên dịch bộ quy tắc (khởi động nhanh)
  lcz explain --rules <rules> <assessment>...     why (not) recognised, and what it would take
                                                  giải thích kết luận và điều cần có để được công nhận
  lcz report --rules <rules> <inputs>...          the city report (md, html, csv, xlsx)
             [--targets <file>] [--out <file>]    báo cáo tổng hợp toàn thành phố
  lcz diff <old rules> <new rules>                what changed between two versions of the rules
             [--assessments <paths>...]           so sánh hai phiên bản bộ tiêu chí
  lcz docs --rules <rules> [--out <file>]         the official table of criteria (md, html)
             [--assessment <file>]                biểu tiêu chí (để trống hoặc đã điền)
  lcz test <rules> [--cases <path>]...            run the YAML test cases of the rules
             [--coverage]                         chạy các ca kiểm thử của bộ quy tắc (và độ phủ)
  lcz version new <old> <new> --from <d> --to <d> a new version of the rules, in one step
                                                  tạo phiên bản mới của bộ quy tắc
  lcz serve --rules <rules>... [--port <n>]       serve the HTTP API (docs/http.md)
                                                  chạy máy chủ API HTTP
  lcz lsp [--stdio]                               the language server for editors (docs/editors.md)
                                                  máy chủ ngôn ngữ cho trình soạn thảo
  lcz help [command]                              help for a command / hướng dẫn một lệnh

Options / Tuỳ chọn:
  -h, --help       show this help / xem hướng dẫn
  -V, --version    show the version / xem phiên bản

Examples / Ví dụ:
  lcz validate rules/lai-chau-2020-2025
  lcz check rules/lai-chau-2020-2025
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments
  lcz evaluate --rules rules/lai-chau-2020-2025 --lang en --json area.yaml
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/city-2024/assessments-2024.xlsx --summary summary.xlsx
  lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out assessments.xlsx
  lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml
  lcz report --rules rules/lai-chau-2020-2025 --targets rules/lai-chau-2020-2025/targets.yaml examples/city-2024/assessments-2024.xlsx --out report.html
  lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft --assessments examples/assessments
  lcz docs --rules rules/lai-chau-2020-2025 --out bieu-tieu-chi.html
  lcz test rules/lai-chau-2020-2025
  lcz test --coverage rules/lai-chau-2020-2025
  lcz serve --rules rules/lai-chau-2020-2025 --port 8080

Exit codes / Mã kết thúc:
  0 success / thành công     1 invalid rules or assessments / quy tắc hoặc phiếu không hợp lệ
  2 wrong usage / sai cú pháp lệnh     70 internal error / lỗi nội bộ
  Every command and its flags: docs/cli.md / Mọi lệnh và tuỳ chọn: docs/cli.md

Colour is used on a terminal unless NO_COLOR is set. LCZ_DEBUG=1 shows details of internal errors.
Có màu khi in ra màn hình, trừ khi đặt NO_COLOR. LCZ_DEBUG=1 hiện chi tiết lỗi nội bộ.
`;
