/**
 * Help texts: English and Vietnamese side by side, with runnable examples.
 */
export const MAIN_HELP = `lcz: rules-as-data for recognition criteria
lcz: công cụ đánh giá khu dân cư theo bộ tiêu chí

Usage / Cách dùng:
  lcz validate <rules>...                         check rule files
                                                  kiểm tra tệp quy tắc
  lcz evaluate --rules <rules> <assessment>...    evaluate assessments
                                                  đánh giá các khu dân cư
  lcz help [command]                              help for a command / hướng dẫn một lệnh

Options / Tuỳ chọn:
  -h, --help       show this help / xem hướng dẫn
  -V, --version    show the version / xem phiên bản

Examples / Ví dụ:
  lcz validate rules/lai-chau-2020-2025
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments
  lcz evaluate --rules rules/lai-chau-2020-2025 --lang en --json area.yaml

Exit codes / Mã kết thúc:
  0 success / thành công     1 invalid rules or assessments / quy tắc hoặc phiếu không hợp lệ
  2 wrong usage / sai cú pháp lệnh     70 internal error / lỗi nội bộ

Colour is used on a terminal unless NO_COLOR is set. LCZ_DEBUG=1 shows details of internal errors.
Có màu khi in ra màn hình, trừ khi đặt NO_COLOR. LCZ_DEBUG=1 hiện chi tiết lỗi nội bộ.
`;

export const VALIDATE_HELP = `lcz validate: check rule files / kiểm tra tệp quy tắc

Usage / Cách dùng:
  lcz validate [--lang vi|en] <rules>...

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file.
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc một tệp quy tắc.

  Valid rules print one line (id, version, counts) and any warnings or notes, exit code 0.
  Invalid rules print every error as file:line:column, exit code 1.
  Quy tắc hợp lệ: in một dòng tóm tắt và các cảnh báo, mã kết thúc 0.
  Quy tắc có lỗi: in mọi lỗi dạng tệp:dòng:cột, mã kết thúc 1.

Options / Tuỳ chọn:
  --lang vi|en     language of messages (default vi) / ngôn ngữ thông báo (mặc định vi)
  -h, --help       show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz validate rules/lai-chau-2020-2025
  lcz validate --lang en rules/lai-chau-2020-2025/ruleset.yaml
`;

export const EVALUATE_HELP = `lcz evaluate: evaluate assessments / đánh giá các khu dân cư

Usage / Cách dùng:
  lcz evaluate --rules <rules> [--lang vi|en] [--json] [--full] <assessment>...

  <assessment> is a .yaml, .yml or .json file, or a directory: all such files in it, sorted.
  <assessment> là tệp .yaml, .yml, .json hoặc thư mục: mọi tệp như vậy trong đó, theo thứ tự tên.

  Prints a report per assessment: the decision (recognised, not recognised, undetermined), its
  reasons, each standard and criterion, disqualifiers and the facts still needed.
  In báo cáo cho từng phiếu: kết luận (được công nhận, không được công nhận, chưa đủ căn cứ),
  lý do, từng tiêu chuẩn và tiêu chí, các trường hợp không đảm bảo và số liệu còn thiếu.

  A file with errors prints them as file:line:column and makes the exit code 1; the other files
  are still evaluated. / Tệp có lỗi được báo lỗi (tệp:dòng:cột), mã kết thúc 1; các tệp khác vẫn
  được đánh giá.

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --lang vi|en         language of the report (default vi) / ngôn ngữ báo cáo (mặc định vi)
  --json               print the results as JSON (schemas/result.schema.json): one object for one
                       file argument, an array otherwise / in kết quả dạng JSON: một đối tượng cho
                       một tệp, một mảng cho nhiều tệp hoặc một thư mục
  --full               full criterion texts and notes / in đầy đủ nội dung tiêu chí và ghi chú
  -h, --help           show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments
  lcz evaluate --rules rules/lai-chau-2020-2025 --full examples/assessments/<file>.yaml
  lcz evaluate --rules rules/lai-chau-2020-2025 --json --lang en examples/assessments > results.json
`;
