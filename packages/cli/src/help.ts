/**
 * Help texts: English and Vietnamese side by side, with runnable examples.
 */
export const MAIN_HELP = `lcz: rules-as-data for recognition criteria
lcz: công cụ đánh giá khu dân cư theo bộ tiêu chí

Usage / Cách dùng:
  lcz validate <rules>...                         check rule files
                                                  kiểm tra tệp quy tắc
  lcz check <rules>...                            find what no assessment can change (never passes…)
                                                  tìm điều không số liệu nào thay đổi được
  lcz evaluate --rules <rules> <assessment>...    evaluate assessments
                                                  đánh giá các khu dân cư
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
  lcz serve --rules <rules>... [--port <n>]       serve the HTTP API (docs/http.md)
                                                  chạy máy chủ API HTTP
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

export const VALIDATE_HELP = `lcz validate: check rule files / kiểm tra tệp quy tắc

Usage / Cách dùng:
  lcz validate [--lang vi|en] <rules>...

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file.
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc một tệp quy tắc.

  Valid rules print one line (id, version, counts) and any warnings or notes, exit code 0.
  Invalid rules print every error as file:line:column, exit code 1. The static checks of
  lcz check run too: an error they find makes the rules invalid.
  Quy tắc hợp lệ: in một dòng tóm tắt và các cảnh báo, mã kết thúc 0.
  Quy tắc có lỗi: in mọi lỗi dạng tệp:dòng:cột, mã kết thúc 1. Các phép kiểm tra của lcz check
  cũng được chạy: lỗi chúng tìm thấy làm bộ quy tắc không hợp lệ.

Options / Tuỳ chọn:
  --lang vi|en     language of messages (default vi) / ngôn ngữ thông báo (mặc định vi)
  -h, --help       show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz validate rules/lai-chau-2020-2025
  lcz validate --lang en rules/lai-chau-2020-2025/ruleset.yaml
`;

export const CHECK_HELP = `lcz check: what no assessment can change / tìm điều không số liệu nào thay đổi được

Usage / Cách dùng:
  lcz check [--lang vi|en] [--json] <rules>...

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file.
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc một tệp quy tắc.

  Checks a ruleset that loads, beyond its format (docs/rule-checks.md says exactly how):
  criteria (and variants) that can never pass or never fail given the facts' min, max and
  part_of; disqualifiers that always or never apply; standards whose minimum no unit of some
  kind can reach; mandatory criteria that can be not applicable; criteria whose outcome never
  changes the decision; thresholds of two criteria that contradict each other; and, per kind of
  unit, the criteria no variant covers. Each finding as file:line:column with its code and a
  hint, then a count of errors, warnings and notes.
  Kiểm tra bộ quy tắc đã nạp được, sâu hơn định dạng: tiêu chí (phương án) không bao giờ đạt
  hoặc luôn đạt; trường hợp không đảm bảo luôn xảy ra hoặc không bao giờ xảy ra; tiêu chuẩn
  không thể đạt yêu cầu với một loại khu dân cư; tiêu chí bắt buộc có thể không áp dụng; tiêu
  chí không bao giờ làm thay đổi kết luận; ngưỡng của hai tiêu chí mâu thuẫn nhau; và các tiêu
  chí không có phương án cho một loại khu dân cư. Mỗi điều tìm thấy in dạng tệp:dòng:cột, kèm
  mã và gợi ý cách sửa, rồi số lỗi, cảnh báo, ghi chú.

Options / Tuỳ chọn:
  --lang vi|en     language of messages (default vi) / ngôn ngữ (mặc định vi)
  --json           the findings as JSON, each with its message and hint / dạng JSON
  -h, --help       show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 no error (warnings and notes allowed) / không có lỗi (có thể có cảnh báo, ghi chú)
  1 an error found, or the rules do not load / có lỗi, hoặc bộ quy tắc không nạp được
  2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz check rules/lai-chau-2020-2025
  lcz check --lang en --json rules/lai-chau-2026-2030-draft
`;

export const EVALUATE_HELP = `lcz evaluate: evaluate assessments / đánh giá các khu dân cư

Usage / Cách dùng:
  lcz evaluate --rules <rules> [--lang vi|en] [--json] [--full] <assessment>...
  lcz evaluate --rules <rules> [--out <file.jsonl>] [--summary <file.csv|xlsx>] [--sheet <name|n>]
               [--format csv|xlsx|json|jsonl|yaml] [--decisions-only [--threads <n>]] [--lang vi|en] [--json]
               <batch file>

  <assessment> is a .yaml, .yml or .json file, or a directory: all such files in it, sorted.
  <assessment> là tệp .yaml, .yml, .json hoặc thư mục: mọi tệp như vậy trong đó, theo thứ tự tên.

  Prints a report per assessment: the decision (recognised, not recognised, undetermined), its
  reasons, each standard and criterion, disqualifiers and the facts still needed.
  In báo cáo cho từng phiếu: kết luận (được công nhận, không được công nhận, chưa đủ căn cứ),
  lý do, từng tiêu chuẩn và tiêu chí, các trường hợp không đảm bảo và số liệu còn thiếu.

  A file with errors prints them as file:line:column and makes the exit code 1; the other files
  are still evaluated. / Tệp có lỗi được báo lỗi (tệp:dòng:cột), mã kết thúc 1; các tệp khác vẫn
  được đánh giá.

  A batch file holds many areas, one per row: CSV or XLSX (columns as written by lcz template),
  JSON Lines, a JSON array or a YAML list; told by extension and content. It is read and
  evaluated streaming (any number of rows) and prints a short summary: rows read and evaluated,
  the decisions, and the bad rows with their problems at file:row:column (the first 20).
  Tệp hàng loạt: mỗi dòng một khu dân cư (CSV, XLSX theo mẫu lcz template, JSON Lines, mảng JSON,
  danh sách YAML). In bản tóm tắt: số dòng đã đọc, đã đánh giá, các kết luận, các dòng lỗi kèm
  vị trí tệp:dòng:cột (tối đa 20 lỗi).

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --lang vi|en         language of the report (default vi) / ngôn ngữ báo cáo (mặc định vi)
  --json               print the results as JSON (schemas/result.schema.json): one object for one
                       file argument, an array otherwise; for a batch, the summary as JSON
                       / in kết quả dạng JSON: một đối tượng cho một tệp, một mảng cho nhiều tệp;
                       với tệp hàng loạt: bản tóm tắt dạng JSON
  --full               full criterion texts and notes / in đầy đủ nội dung tiêu chí và ghi chú
  --version <v>        a rules folder with several versions (rules/): use version <v>; without it
                       each assessment uses the version in force on its area.date
                       / thư mục có nhiều phiên bản: dùng phiên bản <v>; nếu không, mỗi phiếu dùng
                       phiên bản có hiệu lực vào ngày đánh giá (area.date) của phiếu
  --date <YYYY-MM-DD>  use the version in force on that date / dùng phiên bản có hiệu lực vào ngày đó
Batch files / Tệp hàng loạt:
  -o, --out <file>     write every row's result as JSON Lines, bad rows included
                       / ghi kết quả từng dòng (JSON Lines), kể cả dòng lỗi
  --summary <file>     write a table, one row per area (.csv or .xlsx) / ghi bảng tổng hợp
  --sheet <name|n>     XLSX: the worksheet (default the first) / trang tính cần đọc (mặc định trang đầu)
  --format <format>    csv, xlsx, json, jsonl or yaml, when the extension does not tell
                       / định dạng tệp khi đuôi tệp không cho biết
  --decisions-only     result lines carry the decision and passed counts only (fastest)
                       / mỗi dòng kết quả chỉ có kết luận và số tiêu chí đạt (nhanh nhất)
  --threads <n>        with --decisions-only, read a CSV file with n worker threads (default: one
                       per CPU core for files of 32 MiB or more; 0: one thread); same results
                       / với --decisions-only, đọc tệp CSV bằng n luồng (mặc định: mỗi nhân CPU
                       một luồng với tệp từ 32 MiB; 0: một luồng); kết quả như nhau
  -h, --help           show this help / xem hướng dẫn

  A progress bar is drawn on standard error when it is a terminal.
  Thanh tiến độ hiện trên stderr khi stderr là màn hình.

Exit codes / Mã kết thúc:
  0 every assessment (every row) valid / mọi phiếu (mọi dòng) hợp lệ
  1 some were invalid, or the rules are / có phiếu (dòng) lỗi, hoặc bộ quy tắc lỗi
  2 wrong usage, or an output file cannot be written / sai cú pháp lệnh, hoặc không ghi được tệp

Examples / Ví dụ:
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments
  lcz evaluate --rules rules/lai-chau-2020-2025 --full examples/assessments/<file>.yaml
  lcz evaluate --rules rules/lai-chau-2020-2025 --json --lang en examples/assessments > results.json
  lcz evaluate --rules rules/lai-chau-2020-2025 examples/city-2024/assessments-2024.xlsx \\
      --out results.jsonl --summary summary.xlsx
  lcz evaluate --rules rules/lai-chau-2020-2025 --lang en examples/city-2024/assessments-2024.csv
`;

export const TEMPLATE_HELP = `lcz template: a blank input file for a batch / tệp mẫu để nhập số liệu hàng loạt

Usage / Cách dùng:
  lcz template --rules <rules> [--format xlsx|csv] [--headers labels|ids] [--out <file>]

  One column per identity field (code, name, unit, year, date), context attribute and fact, in
  the rule file's order. Row 1 holds the Vietnamese labels (or the ids with --headers ids), row 2
  the English labels; fill in from row 3. An XLSX file adds data validation on every column
  (whole numbers within bounds, yes/no and value lists), frozen header rows, a note on each
  header and a second sheet of instructions in Vietnamese and English.
  Mỗi cột là một trường định danh, thuộc tính bối cảnh hoặc dữ kiện, theo thứ tự trong tệp quy
  tắc. Dòng 1: nhãn tiếng Việt (hoặc mã với --headers ids); dòng 2: nhãn tiếng Anh; điền số liệu
  từ dòng 3. Tệp XLSX có kiểm tra dữ liệu từng cột, cố định dòng tiêu đề, ghi chú ở tiêu đề và
  trang hướng dẫn song ngữ.

  Without --out, a CSV is printed on standard output; an XLSX needs --out.
  Không có --out thì CSV được in ra màn hình; XLSX cần --out.

Options / Tuỳ chọn:
  -r, --rules <rules>     ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  --format xlsx|csv       the kind of file (default: from the --out extension) / loại tệp
  --headers labels|ids    row 1: Vietnamese labels (default) or ids / dòng 1: nhãn hoặc mã
  -o, --out <file>        the file to write / tệp cần ghi
  --lang vi|en            language of messages (default vi) / ngôn ngữ thông báo
  -h, --help              show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written / đã ghi   1 invalid rules / quy tắc lỗi   2 wrong usage, or the file cannot be written

Examples / Ví dụ:
  lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out assessments-2025.xlsx
  lcz template --rules rules/lai-chau-2020-2025 --format csv --headers ids > assessments.csv
`;

export const BUILD_HELP = `lcz build: the compiled rules file / biên dịch bộ quy tắc

Usage / Cách dùng:
  lcz build <rules> [--out <file>] [--check]

  Checks the rules as lcz validate does and writes them, parsed and validated, as one JSON file
  (with the included shared files and the position of every rule in its YAML). A program loads
  it with loadCompiledRuleset from @lcz/criteria-engine/runtime, with no YAML parser and no
  schema validation: it starts in milliseconds. Any lcz command also takes it as --rules.
  Never edit the compiled file: change the YAML and build again. Only the engine version that
  wrote it reads it.
  Kiểm tra bộ quy tắc như lcz validate rồi ghi thành một tệp JSON đã biên dịch, để chương trình
  nạp nhanh (vài mili giây). Đừng sửa tay tệp này: hãy sửa YAML rồi biên dịch lại.

Options / Tuỳ chọn:
  -o, --out <file>     where to write (default: beside the rule file, ruleset.compiled.json)
                       nơi ghi (mặc định: cạnh tệp quy tắc, ruleset.compiled.json)
  --check              write nothing; exit 1 when the file is missing or differs from what the
                       rules build now (for CI) / không ghi; báo lỗi nếu tệp đã cũ (dùng trong CI)
  --lang vi|en         language of messages (default vi) / ngôn ngữ thông báo
  -h, --help           show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written or up to date / đã ghi hoặc đã khớp   1 invalid rules, or --check found it stale
  / quy tắc lỗi hoặc tệp đã cũ   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz build rules/lai-chau-2020-2025
  lcz build rules/lai-chau-2020-2025 --out dist/lai-chau.compiled.json
  lcz build rules/lai-chau-2020-2025 --out dist/lai-chau.compiled.json --check
  lcz evaluate --rules dist/lai-chau.compiled.json examples/assessments
`;

export const SCHEMA_HELP = `lcz schema: the JSON Schema of an assessment / JSON Schema của phiếu đánh giá

Usage / Cách dùng:
  lcz schema --rules <rules> [--out <file>]

  Prints the JSON Schema (2020-12) of one assessment file for this ruleset: the context and fact
  names, their types, bounds and allowed values. It is made from the same schema lcz validates
  with; the relations (a part never exceeds its whole) and the context rules are checked by lcz
  only. Use it in editors, forms and other tools.
  In JSON Schema của một phiếu đánh giá cho bộ quy tắc: tên, kiểu, giới hạn và giá trị cho phép
  của thuộc tính bối cảnh và dữ kiện; lấy từ chính lược đồ mà lcz dùng để kiểm tra.

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -o, --out <file>     write to a file instead of standard output / ghi ra tệp
  --lang vi|en         language of messages (default vi) / ngôn ngữ thông báo
  -h, --help           show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 printed / đã in   1 invalid rules / quy tắc lỗi   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz schema --rules rules/lai-chau-2020-2025 > assessment.schema.json
  lcz schema --rules rules/lai-chau-2020-2025 --out assessment.schema.json
`;

export const TEST_HELP = `lcz test: run the test cases of a ruleset / chạy các ca kiểm thử của bộ quy tắc

Usage / Cách dùng:
  lcz test [--lang vi|en] [--json] [--cases <path>]... <rules>

  <rules> is a ruleset directory (holding ruleset.yaml) or a rule file. Its test cases are the
  files <rules>/tests/*.yaml, run in name order (format: docs/test-cases.md).
  <rules> là thư mục bộ quy tắc (chứa ruleset.yaml) hoặc tệp quy tắc. Các ca kiểm thử là các tệp
  <rules>/tests/*.yaml, chạy theo thứ tự tên (định dạng: docs/test-cases.md).

  Prints a line per case, ✓ (passed) or ✗ (failed). Under a failed case, each expectation that
  did not hold, at file:line:column of the test file, with the expected and the actual value.
  Then "N ca đạt, M ca không đạt" and "N passed, M failed". Exit code 0 when every case passes,
  1 when a case fails or a file cannot be run.
  In một dòng cho mỗi ca, ✓ (đạt) hoặc ✗ (không đạt). Dưới ca không đạt là từng điều mong đợi
  không đúng, kèm tệp:dòng:cột trong tệp kiểm thử, giá trị mong đợi và giá trị thực tế. Mã kết
  thúc 0 khi mọi ca đều đạt, 1 khi có ca không đạt hoặc có tệp không chạy được.

Options / Tuỳ chọn:
  -c, --cases <path>   test files or folders to run instead of <rules>/tests (repeatable), e.g.
                       the 2020 survey cases kept with the examples / tệp hoặc thư mục ca kiểm
                       thử thay cho <rules>/tests (có thể lặp lại)
  --coverage           then the coverage table: for every criterion, variant and disqualifier,
                       whether a case made it pass, fail, unknown, not applicable; for every
                       threshold, a case exactly at it and one just beyond; then the gaps
                       / sau đó in bảng độ phủ: mỗi tiêu chí, phương án, trường hợp không đảm
                       bảo đã có ca đạt, không đạt, chưa rõ, không áp dụng chưa; mỗi ngưỡng đã
                       có ca đúng bằng ngưỡng và ngay bên kia ngưỡng chưa; rồi các chỗ còn thiếu
  -f, --format text|md the coverage table as text (default) or Markdown / dạng bảng độ phủ
  --lang vi|en         language of the report (default vi) / ngôn ngữ (mặc định vi)
  --json               print the results as JSON (with --coverage, a "coverage" key)
                       / in kết quả dạng JSON (với --coverage, thêm khóa "coverage")
  -h, --help           show this help / xem hướng dẫn

  Gaps in coverage do not change the exit code. / Độ phủ chưa đủ không làm đổi mã kết thúc.

Examples / Ví dụ:
  lcz test rules/lai-chau-2020-2025
  lcz test --coverage rules/lai-chau-2020-2025
  lcz test --coverage --format md --lang en rules/lai-chau-2020-2025 > coverage.md
  lcz test rules/lai-chau-2020-2025 --cases examples/survey-2020/tests
  lcz test --lang en rules/lai-chau-2020-2025 --cases rules/lai-chau-2020-2025/tests/04-boundaries.yaml
`;

export const EXPLAIN_HELP = `lcz explain: why an area is or is not recognised, and what it would take
lcz explain: giải thích kết luận và điều cần có để được công nhận

Usage / Cách dùng:
  lcz explain --rules <rules> [--code <area>]... [--lang vi|en] [--json] [--full] <input>...

  <input> is an assessment file (.yaml, .yml, .json), a batch file whose rows are areas (CSV,
  XLSX, JSON Lines, a JSON array, a YAML list), or a directory of them. --code keeps the areas
  with that code. / <input> là phiếu đánh giá, tệp dữ liệu hàng loạt (mỗi dòng một khu dân cư)
  hoặc thư mục chứa các tệp đó. --code chỉ giải thích khu dân cư có mã đó.

  Prints, per assessment, the full report of lcz evaluate (decision, reasons, every standard and
  criterion with the facts it read), then the gap analysis: for each standard short of its
  requirement how many more criteria must pass and which failed or unknown ones could, with the
  exact values needed (for a percentage, how many more households or items); the mandatory
  criteria to pass; the disqualifying cases to clear; for an undetermined result the missing
  facts grouped by what they decide; and one set of changes, checked by evaluating it, that makes
  the area recognised.
  In cho mỗi phiếu báo cáo đầy đủ như lcz evaluate, sau đó là phân tích khoảng cách: với mỗi tiêu
  chuẩn chưa đạt, cần đạt thêm bao nhiêu tiêu chí và tiêu chí nào có thể đạt, với giá trị cần có
  (với tỷ lệ: cần thêm bao nhiêu hộ); các tiêu chí bắt buộc; các trường hợp không đảm bảo cần khắc
  phục; với kết quả chưa đủ căn cứ, các số liệu còn thiếu theo phần mà chúng quyết định; và một
  tập thay đổi (đã kiểm tra bằng cách đánh giá lại) giúp khu dân cư được công nhận.

  A file with errors prints them as file:line:column and makes the exit code 1; the other files
  are still explained. / Tệp có lỗi được báo lỗi (tệp:dòng:cột), mã kết thúc 1; các tệp khác vẫn
  được giải thích.

Options / Tuỳ chọn:
  -r, --rules <rules>  ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -c, --code <area>    only the area with this code (repeatable) / chỉ khu dân cư có mã này
  --lang vi|en         language of the report (default vi) / ngôn ngữ báo cáo (mặc định vi)
  --json               print {"result": …, "gap": …} (schemas/result.schema.json and
                       schemas/gap.schema.json): one object for one file argument, an array
                       otherwise / in dạng JSON: một đối tượng cho một tệp, một mảng cho nhiều tệp
  --full               full criterion texts and notes / in đầy đủ nội dung tiêu chí và ghi chú
  -h, --help           show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml
  lcz explain --rules rules/lai-chau-2020-2025 --lang en examples/assessments/undetermined-ban.yaml
  lcz explain --rules rules/lai-chau-2020-2025 --json examples/assessments > explanations.json
  lcz explain --rules rules/lai-chau-2020-2025 --code TP-03 examples/city-2024/assessments-2024.xlsx
`;

export const SERVE_HELP = `lcz serve: the HTTP API / máy chủ API HTTP

Usage / Cách dùng:
  lcz serve --rules <rules>... [--port <n>] [--host <address>] [options]

  Serves the rulesets over HTTP until Ctrl+C (SIGINT) or SIGTERM: /v1/rulesets, their input JSON
  Schema, /v1/evaluate, /v1/evaluate/batch, /v1/explain, /v1/rules/validate, /v1/openapi.json,
  /healthz and /readyz (docs/http.md). The rules are checked first; a file with errors is
  reported as file:line:column and the server does not start (exit code 1).
  Phục vụ các bộ tiêu chí qua HTTP đến khi nhấn Ctrl+C (SIGINT) hoặc nhận SIGTERM. Quy tắc được
  kiểm tra trước; tệp có lỗi được báo (tệp:dòng:cột) và máy chủ không khởi động (mã kết thúc 1).

  Logs are JSON lines on standard output; where it listens is printed on standard error.
  Nhật ký dạng dòng JSON ra đầu ra chuẩn; địa chỉ máy chủ in ra luồng lỗi chuẩn.

Options / Tuỳ chọn:
  -r, --rules <rules>      ruleset directory or file, repeatable (required) / bộ quy tắc, có thể
                           lặp lại (bắt buộc)
  --port <n>               port, 0 for any free one (default 8080) / cổng (mặc định 8080)
  --host <address>         address to listen on (default 127.0.0.1: this machine only) / địa chỉ
                           (mặc định 127.0.0.1: chỉ máy này)
  --body-limit <bytes>     largest request body (default 1048576) / nội dung yêu cầu tối đa
  --batch-limit <n>        most assessments per batch (default 200) / số phiếu tối đa mỗi lô
  --timeout <ms>           longest time per request (default 10000) / thời gian tối đa mỗi yêu cầu
  --allow-inline-rules     let requests evaluate rules they send (off by default: uploaded rules
                           are only validated) / cho phép đánh giá theo quy tắc gửi kèm (mặc định
                           tắt: quy tắc tải lên chỉ được kiểm tra)
  --log-level <level>      fatal, error, warn, info, debug or silent (default info) / mức nhật ký
  --lang vi|en             language of rule file errors (default vi) / ngôn ngữ báo lỗi quy tắc
  -h, --help               show this help / xem hướng dẫn

Examples / Ví dụ:
  lcz serve --rules rules/lai-chau-2020-2025
  lcz serve --rules rules/lai-chau-2020-2025 --port 0 --log-level warn
  curl -s http://127.0.0.1:8080/v1/rulesets
`;

export const REPORT_HELP = `lcz report: the city report / báo cáo tổng hợp toàn thành phố

Usage / Cách dùng:
  lcz report --rules <rules> [--targets <file>] [--format md|html|csv|xlsx] [--out <file>]
             [--lang vi|en] <input>...

  <input> is a batch file (CSV, XLSX, JSON, JSON Lines, YAML; the layout of lcz template) or an
  assessment file, or a directory: all such files in it. Each row is one area in one year.
  <input> là tệp dữ liệu hàng loạt (CSV, XLSX, JSON, JSON Lines, YAML; theo mẫu của lcz template)
  hoặc phiếu đánh giá, hoặc thư mục chứa các tệp đó. Mỗi dòng là một khu dân cư trong một năm.

  Every row is evaluated and counted: per year and per ward/commune, areas assessed, registered
  and recognised; per standard, areas meeting it; per criterion, the pass rate (pass ÷ decided,
  rounded down); the 10 criteria most often failed; the change from year to year when several
  years are given; and, with --targets, progress against each programme target.
  Mỗi dòng được đánh giá và tổng hợp: theo năm và theo xã, phường (số khu dân cư được đánh giá,
  đăng ký, được công nhận); theo tiêu chuẩn; tỷ lệ đạt của từng tiêu chí; 10 tiêu chí không đạt
  nhiều nhất; thay đổi qua các năm; và với --targets, tiến độ thực hiện từng mục tiêu.

  "Registered" is the input's registered column or field (yes/no); without it every assessed area
  counts as registered, and the report says so. / Cột hoặc trường "registered" (có/không) cho biết
  khu dân cư đã đăng ký; nếu không có, mọi khu dân cư được đánh giá đều tính là đã đăng ký và báo
  cáo ghi rõ điều này.

  Bad rows are listed at file:row:column on standard error and left out of the figures; the
  report is still written from the valid rows and the exit code is 1. / Dòng có lỗi được liệt kê
  (tệp:dòng:cột) và không được tính; báo cáo vẫn được ghi từ các dòng hợp lệ, mã kết thúc 1.

Options / Tuỳ chọn:
  -r, --rules <rules>    ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -t, --targets <file>   programme targets (schemas/targets.schema.json), e.g.
                         rules/lai-chau-2020-2025/targets.yaml / tệp mục tiêu của đề án
  -f, --format <f>       md (default), html (one self-contained page with charts), csv or xlsx;
                         when absent, taken from the extension of --out / định dạng báo cáo
  -o, --out <file>       write the report to this file (required for xlsx); otherwise standard
                         output / ghi báo cáo ra tệp (bắt buộc với xlsx)
  --lang vi|en           language of the report (default vi) / ngôn ngữ (mặc định vi)
  -h, --help             show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 every row valid, report written / mọi dòng hợp lệ, đã ghi báo cáo
  1 invalid rules or targets, rows left out, or nothing to report / quy tắc hoặc mục tiêu không
    hợp lệ, có dòng bị bỏ qua, hoặc không có gì để báo cáo
  2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz report --rules rules/lai-chau-2020-2025 examples/assessments
  lcz report --rules rules/lai-chau-2020-2025 --targets rules/lai-chau-2020-2025/targets.yaml \\
    examples/city-2024/assessments-2024.xlsx --out report.html
  lcz report --rules rules/lai-chau-2020-2025 --lang en --format xlsx --out report.xlsx 2023.csv 2024.csv
`;

export const DIFF_HELP = `lcz diff: what changed between two versions of the rules
lcz diff: so sánh hai phiên bản bộ tiêu chí

Usage / Cách dùng:
  lcz diff <old rules> <new rules> [--lang vi|en] [--format text|md|json]
           [--assessments <file or directory>...]

  <old rules> and <new rules> are ruleset directories (holding ruleset.yaml) or rule files; name
  them first. / Hai bộ quy tắc (thư mục chứa ruleset.yaml hoặc tệp quy tắc), nêu trước tiên.

  Lists, for a policy officer: criteria added, removed, renumbered (same text, new number) and
  changed: reworded (word by word), thresholds ("1.3: ≥ 98% → ≥ 95% số hộ"), other conditions
  (before and after), variants, the not-applicable and no-variant policies; standards; the
  disqualifying cases; the recognition rule (requirements, mandatory criteria, the note); facts,
  context attributes and parameters added, removed or changed.
  Liệt kê: tiêu chí thêm, bỏ, đổi số thứ tự, thay đổi (nội dung từng từ, ngưỡng, điều kiện, phương
  án, cách tính khi không áp dụng); tiêu chuẩn; trường hợp không đảm bảo; quy tắc công nhận; dữ
  kiện, thuộc tính bối cảnh và tham số.

  With --assessments, every assessment (YAML/JSON files, and batch files: CSV, XLSX, JSON Lines,
  a JSON array, a YAML list; a directory: all such files in it) is read with the old rules and
  evaluated under both; the areas whose decision changes are listed with the standards,
  criteria and disqualifying cases whose status moved. Facts the new rules no longer declare are
  not read by them, and the report says so.
  Với --assessments, mọi phiếu đánh giá được đọc theo bộ quy tắc cũ và đánh giá theo cả hai; các
  khu dân cư đổi kết luận được liệt kê cùng các tiêu chuẩn, tiêu chí, trường hợp đổi trạng thái.

Options / Tuỳ chọn:
  -a, --assessments <path>...  assessments to evaluate under both versions (after the two rules)
                               / phiếu đánh giá cần so sánh kết luận
  -f, --format text|md|json    text (default), Markdown, or JSON (schemas/diff.schema.json)
                               / định dạng: văn bản (mặc định), Markdown, JSON
  --lang vi|en                 language (default vi) / ngôn ngữ (mặc định vi)
  -h, --help                   show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 compared / đã so sánh   1 invalid rules, or assessments that could not be compared
  / quy tắc lỗi hoặc có phiếu không so sánh được   2 wrong usage / sai cú pháp lệnh

Examples / Ví dụ:
  lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft
  lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft --assessments examples/assessments examples/survey-2020
  lcz diff --lang en --format md rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft > changes.md
  lcz diff --format json rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft -a examples/assessments > diff.json
`;

export const DOCS_HELP = `lcz docs: the official table of criteria / biểu các tiêu chí đánh giá

Usage / Cách dùng:
  lcz docs --rules <rules> [--lang vi|en] [--format md|html] [--assessment <file>] [--out <file>]

  Generates from the rule file the table as the source document prints it: "Số TT | Nội dung |
  Kết quả đánh giá (Đạt | Không đạt) | Ghi chú", section I with the numbered standards and
  criteria, section II with the disqualifying cases, and the note on recognition. HTML is one
  self-contained page for A4 printing (header rows repeated on each page). Without --assessment
  the result cells are blank, to print and fill in on paper; with it, the table is filled in from
  the evaluation (✓ Đạt or Không đạt, "Chưa rõ" / "Không áp dụng" in Ghi chú), with the area at
  the top and the decision at the bottom.
  Tạo từ tệp quy tắc biểu tiêu chí như văn bản gốc. HTML là một trang in khổ A4. Không có
  --assessment: biểu để trống để in và điền tay; có --assessment: biểu đã điền theo kết quả đánh giá.

  Headings the rule file has no place for (section II's wording, say) are read from table.yaml
  beside ruleset.yaml, if there is one (docs/diff-and-docs.md).
  Các tiêu đề không có trong tệp quy tắc (ví dụ tên mục II) lấy từ table.yaml cạnh ruleset.yaml.

Options / Tuỳ chọn:
  -r, --rules <rules>        ruleset directory or file (required) / bộ quy tắc (bắt buộc)
  -f, --format md|html       Markdown (default) or HTML; when absent, from the --out extension
                             / định dạng; mặc định theo đuôi tệp --out
  -a, --assessment <file>    fill the table in from this assessment / điền biểu theo phiếu này
  -o, --out <file>           write to a file instead of standard output / ghi ra tệp
  --lang vi|en               language of the table (default vi) / ngôn ngữ (mặc định vi)
  -h, --help                 show this help / xem hướng dẫn

Exit codes / Mã kết thúc:
  0 written / đã ghi   1 invalid rules, table.yaml or assessment / quy tắc, table.yaml hoặc phiếu
  lỗi   2 wrong usage, or the file cannot be written / sai cú pháp lệnh, hoặc không ghi được tệp

Examples / Ví dụ:
  lcz docs --rules rules/lai-chau-2020-2025 > bieu-tieu-chi.md
  lcz docs --rules rules/lai-chau-2020-2025 --out bieu-tieu-chi.html
  lcz docs --rules rules/lai-chau-2020-2025 --assessment examples/assessments/not-recognised-ban.yaml --out ban-a.html
  lcz docs --rules rules/lai-chau-2020-2025 --lang en --format html > criteria-table.html
`;
