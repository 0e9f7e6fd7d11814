/**
 * Từ ngữ tiếng Việt của lcz. Khoá và `{tham_số}` trùng với messages/en.ts (có bài kiểm tra).
 */
import type { CliMessages } from './en.js';

export const vi: CliMessages = {
  unknown_command: "không có lệnh '{command}'.",
  unknown_option: "không có tuỳ chọn '{option}'.",
  rules_positional: 'lcz {command} nhận bộ quy tắc là đối số, không dùng --rules: lcz {command} {rules}.',
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
  rules_several_versions:
    "'{path}' chứa nhiều phiên bản của {id} ({versions}), còn lệnh này cần một phiên bản: hãy chỉ thư mục của phiên bản đó, ví dụ --rules {example}.",
  assessments_failed: '{count} tệp phiếu đánh giá không đánh giá được.',
  internal_error:
    'lỗi nội bộ: đây là lỗi của lcz, không phải của tệp dữ liệu. Vui lòng báo lỗi kèm câu lệnh đã chạy. Đặt LCZ_DEBUG=1 để xem chi tiết.',
  validate_ok:
    'Hợp lệ {file}: {id} phiên bản {version}: {groups} tiêu chuẩn, {criteria} tiêu chí, {disqualifiers} trường hợp không đảm bảo',
  validate_notes: '{warnings} cảnh báo, {infos} ghi chú:',
  missing_test_rules: 'hãy nêu bộ quy tắc cần chạy các ca kiểm thử, ví dụ lcz test rules/lai-chau-2020-2025.',
  rules_invalid_nothing_tested: "bộ quy tắc '{path}' có {count} lỗi; chưa chạy ca kiểm thử nào.",
  no_test_files:
    "không tìm thấy tệp ca kiểm thử (.yaml, .yml) nào trong '{path}': bộ quy tắc chưa có ca kiểm thử. Để thêm: tạo thư mục đó và viết vào đó các tệp .yaml theo docs/test-cases.md (mỗi ca: dữ liệu đầu vào và kết quả mong đợi), ví dụ chép thư mục tests của một bộ quy tắc khác rồi sửa lại; hoặc nêu tệp, thư mục ca kiểm thử bằng --cases.",
  test_files_invalid: '{count} tệp ca kiểm thử có lỗi; các ca trong đó chưa được chạy.',
  test_one_rules_path:
    "lcz test chỉ nhận một đường dẫn bộ quy tắc; '{extra}' là thừa. Nêu tệp hoặc thư mục ca kiểm thử bằng --cases, ví dụ lcz test rules/lai-chau-2020-2025 --cases examples/survey-2020/tests.",
  test_summary: '{passed} ca đạt, {failed} ca không đạt',
  test_accept_conflict: 'dùng --accept <tên ca> hoặc --accept-all, không dùng cả hai.',
  test_accept_unknown:
    "không có ca không đạt nào tên '{name}'. Chạy lcz test --propose để xem các ca không đạt và tên của chúng.",
  test_accept_lacking:
    "ca '{name}' không đạt chỉ vì tệp nền thiếu dữ kiện ({facts}): hãy thêm vào {file}; không có điều mong đợi nào để chấp nhận.",
  test_accept_failed: '{file}: không ghi lại được điều mong đợi {path} tại chỗ; chưa ghi gì cả. Hãy sửa tệp bằng tay.',
  test_accepted: '{file}: đã ghi lại {changes} điều mong đợi của {cases} ca.',
  version_action:
    "lcz version cần một việc: new (nhận được '{action}'). Ví dụ: lcz version new rules/cu rules/moi --from 2031-01-01 --to 2035-12-31.",
  version_missing_folders:
    'hãy nêu thư mục phiên bản cũ và thư mục mới, ví dụ: lcz version new rules/lai-chau-2020-2025 rules/lai-chau-2031-2035 --from 2031-01-01 --to 2035-12-31.',
  version_missing_date: 'cần {option}: ngày dạng yyyy-mm-dd, ví dụ {option} 2031-01-01.',
  version_bad_date: "{option} '{value}' không phải là ngày: viết yyyy-mm-dd (năm-tháng-ngày), ví dụ 2030-12-31.",
  version_dates_order: '--to {to} trước --from {from}: phiên bản phải kết thúc cùng ngày hoặc sau ngày bắt đầu.',
  version_bad_name: "--version '{value}': chỉ dùng chữ, số, '.', '_' hoặc '-' (tối đa 64 ký tự), ví dụ 2031-2035.",
  version_not_a_ruleset: "'{path}' không phải thư mục bộ quy tắc (thư mục chứa ruleset.yaml).",
  version_target_exists: "'{path}' đã có: hãy đặt tên thư mục mới; chưa ghi gì cả.",
  version_target_inside: "'{path}' nằm trong thư mục phiên bản cũ: hãy đặt phiên bản mới bên cạnh.",
  version_old_invalid: "bộ quy tắc trong '{path}' có lỗi; hãy sửa trước khi tạo phiên bản mới từ nó. Chưa ghi gì cả.",
  version_fields_not_found:
    "'{path}/ruleset.yaml' chưa có version, effective.from và effective.to dạng giá trị đơn để đặt; hãy thêm rồi chạy lại.",
  version_created: 'đã tạo {path} từ {old} ({old_version}): phiên bản {version}, hiệu lực từ {from} đến {to}.',
  version_review_heading: 'Còn phải xem lại ({count} chỗ): công cụ không tự quyết được những điều này.',
  version_review_source: 'source.document: có còn đúng văn bản của giai đoạn này không?',
  version_review_targets: 'chỉ tiêu của giai đoạn cũ: đặt năm và số liệu của giai đoạn mới.',
  version_review_comment: 'chú thích nhắc {years}, năm của giai đoạn cũ.',
  version_review_dated: 'dòng tham số ghi năm {years} của giai đoạn cũ: kiểm tra giá trị áp dụng cho giai đoạn mới.',
  version_review_text: 'nội dung nhắc {years}, năm của giai đoạn cũ.',
  version_review_more: '… và {count} dòng nữa trong tệp này nhắc giai đoạn cũ.',
  version_review_test_names:
    '{count} tên ca nêu số lượng hoặc tỉ lệ (dòng {lines}): kiểm tra còn khớp với quy tắc không.',
  version_new_invalid:
    "phiên bản mới '{path}' đã được tạo nhưng có lỗi khi đặt cạnh các phiên bản khác trong '{parent}': hãy sửa (ví dụ ngày hiệu lực).",
  version_new_check_errors:
    "phiên bản mới '{path}' đã được tạo, nhưng lcz check thấy {count} lỗi trong đó (ở trên): thời kỳ đã đổi, nên bảng tham số theo năm, hoặc có các dòng theo ngày, cần thêm dòng cho thời kỳ mới.",
  missing_check_rules: 'hãy nêu tệp hoặc thư mục quy tắc cần kiểm tra, ví dụ lcz check rules/lai-chau-2020-2025.',
  rules_invalid_nothing_checked:
    "bộ quy tắc '{path}' có {count} lỗi (ở trên); sửa xong, lcz check mới chạy được các phép kiểm tra tĩnh (tiêu chí không bao giờ đạt hoặc luôn đạt, …), có thể tìm thêm lỗi.",
  check_summary: '{file}: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú từ các phép kiểm tra.',
  coverage_bad_format: "--format phải là text hoặc md, không phải '{value}'.",
  coverage_format_needs_coverage: '--format chọn cách in bảng độ phủ: hãy thêm --coverage.',
  explain_missing_rules:
    'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml.',
  explain_missing_assessment: 'hãy nêu ít nhất một tệp hoặc thư mục phiếu đánh giá cần giải thích.',
  explain_row: 'dòng {row}',
  explain_rows_failed: '{count} dòng không đọc được; các lỗi đã liệt kê ở trên.',
  explain_no_such_code: 'không tìm thấy {assessed} hợp lệ nào có mã {codes} trong dữ liệu.',
  report_missing_rules:
    'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz report --rules rules/lai-chau-2020-2025 examples/city-2024/assessments-2024.xlsx.',
  report_missing_inputs:
    'hãy nêu ít nhất một tệp dữ liệu (CSV, XLSX, JSON, JSON Lines, YAML) hoặc thư mục cần lập báo cáo.',
  report_bad_format: "--format phải là md, html, csv hoặc xlsx, không phải '{value}'.",
  report_xlsx_needs_out: 'báo cáo XLSX là một tệp: hãy đặt tên bằng --out, ví dụ --out bao-cao.xlsx.',
  report_targets_invalid: "tệp mục tiêu '{path}' có {count} lỗi; chưa ghi báo cáo.",
  report_records_and_inputs: 'chỉ báo cáo theo sổ theo dõi (--records) hoặc theo tệp dữ liệu, không cả hai: {inputs}.',
  report_written: 'Đã ghi báo cáo vào {path}: tính {areas} {assessed}, bỏ qua {bad} dòng.',
  report_rows_left_out: '{count} dòng không đọc được nên không được tính vào báo cáo (các lỗi đã liệt kê ở trên).',
  report_more_problems: '… và {count} lỗi khác.',
  serve_missing_rules:
    'hãy nêu bộ quy tắc cần phục vụ bằng --rules, ví dụ lcz serve --rules rules/lai-chau-2020-2025 --port 8080.',
  serve_bad_number: "{option} phải là số nguyên từ {min} đến {max}, không phải '{value}'.",
  serve_listening:
    'đang phục vụ API đánh giá tại {url} (bộ tiêu chí: {rulesets}). Danh sách điểm truy cập: {url}/v1/openapi.json. Dừng bằng Ctrl+C.',
  serve_inline_rules_on: 'ĐANG CHO PHÉP đánh giá theo quy tắc gửi kèm yêu cầu (--allow-inline-rules).',
  serve_listen_failed: 'không mở được cổng {address}: {reason}. Chọn --port hoặc --host khác.',
  serve_stopped: 'đã dừng.',
  serve_records_on:
    'sổ theo dõi {store} được phục vụ tại /v1/records; muốn ghi cần một trong {keys} khoá API của --keys.',
  serve_records_read_only:
    'sổ theo dõi {store} được phục vụ tại /v1/records, chỉ đọc (không có --keys: mọi yêu cầu ghi bị từ chối).',
  serve_keys_invalid: "tệp khoá '{path}' có {count} lỗi; máy chủ không khởi động.",
  rules_invalid_nothing_served: "bộ quy tắc '{path}' có {count} lỗi; máy chủ chưa được khởi động.",
  batch_needs_one_ruleset:
    "'{path}' có nhiều bộ quy tắc ({ids}): với tệp hàng loạt, hãy chỉ --rules tới thư mục của một bộ quy tắc.",
  batch_needs_version:
    "'{path}' có nhiều phiên bản ({versions}): với tệp hàng loạt, hãy chọn một phiên bản bằng --version hoặc --date.",
  batch_one_file: "'{path}' là tệp dữ liệu hàng loạt: hãy đánh giá riêng tệp này, mỗi lần chạy một tệp.",
  batch_outputs_need_batch:
    "--out, --summary, --sheet, --format và --decisions-only dùng cho tệp dữ liệu hàng loạt (CSV, XLSX, JSON Lines, mảng JSON hoặc danh sách YAML); '{path}' chỉ chứa một phiếu đánh giá.",
  batch_format_mismatch:
    "--format {format} cần các phiếu đánh giá dạng {expected}, nhưng '{path}' trông như tệp {found} (dòng 1: {line}): hãy cho --format {found_format}, hoặc bỏ --format nếu tên tệp đã có đuôi đúng định dạng.",
  bad_batch_format: "--format phải là csv, xlsx, json, jsonl hoặc yaml, không phải '{value}'.",
  bad_summary_path: "--summary phải là tệp .csv hoặc .xlsx, không phải '{path}'.",
  threads_without_decisions_only:
    '--threads chỉ dùng cùng --decisions-only (các luồng chỉ tính kết luận); thêm --decisions-only hoặc bỏ --threads.',
  bad_threads: "--threads phải là một số nguyên từ 0 đến 64 (0: đọc trên một luồng), không phải '{value}'.",
  rules_cache_changed:
    "lưu ý: bản quy tắc đã biên dịch lưu tạm '{entry}' được tạo từ phiên bản cũ của '{detail}'; đã nạp lại từ tệp quy tắc và lưu tạm lại.",
  rules_cache_damaged:
    "lưu ý: bản quy tắc đã biên dịch lưu tạm '{entry}' bị hỏng ({detail}) nên bị bỏ qua; đã nạp lại từ tệp quy tắc và lưu tạm lại. Không cần làm gì; đặt LCZ_CACHE=0 để tắt bộ nhớ tạm.",
  rules_cache_decide_damaged:
    "lưu ý: mô-đun decide sinh sẵn lưu tạm '{entry}' bị bỏ qua ({detail}); lần chạy này kết luận không dùng nó, và nó được ghi lại. Không cần làm gì; đặt LCZ_CACHE=0 để tắt bộ nhớ tạm.",
  rules_cache_unwritable:
    "lưu ý: không ghi được bộ nhớ tạm quy tắc đã biên dịch '{entry}' ({detail}); quy tắc vẫn được nạp, chỉ lần chạy sau chậm hơn. Đặt LCZ_CACHE_DIR tới một thư mục ghi được, hoặc LCZ_CACHE=0 để tắt bộ nhớ tạm.",
  code_cache_damaged:
    "lưu ý: mã đã biên dịch lưu tạm '{entry}' bị hỏng nên bị bỏ qua; lần chạy này biên dịch lại mã và ghi lại. Không cần làm gì; đặt LCZ_CACHE=0 để tắt bộ nhớ tạm.",
  shipped_code_cache_damaged:
    "lưu ý: mã đã biên dịch đi kèm lcz '{entry}' bị hỏng nên bị bỏ qua; lần chạy này tự biên dịch mã (chậm hơn, kết quả không đổi). Cài lại lcz để khôi phục tệp đó.",
  output_is_input:
    "{option} '{path}' cũng là tệp đầu vào của lệnh này ('{input}'): ghi vào đó sẽ xoá mất dữ liệu đầu vào. Hãy ghi kết quả ra một tệp khác.",
  cannot_write: "không ghi được '{path}' ({reason}): kiểm tra thư mục có tồn tại và được phép ghi.",
  batch_counts: '{file}: đã đọc {rows} dòng, đánh giá {evaluated} dòng, {bad} dòng có lỗi.',
  batch_decisions:
    'được công nhận: {recognised} · không được công nhận: {not_recognised} · chưa đủ căn cứ để kết luận: {undetermined}',
  batch_file_problems: 'Lỗi của tệp hoặc dòng tiêu đề:',
  batch_row_problems: 'Các dòng có lỗi ({count}):',
  batch_more_problems: '… và {count} lỗi khác, không in ra đây.',
  batch_all_in_results: 'Mọi dòng lỗi đều có trong {path}.',
  batch_write_all: 'Ghi kết quả mọi dòng, kể cả dòng lỗi, bằng --out results.jsonl.',
  batch_results_written: 'Kết quả từng dòng: {path}',
  batch_summary_written: 'Bảng tổng hợp: {path}',
  batch_output_kept:
    'Không ghi gì vào {path}: không đọc được tệp (xem ở trên), nên tệp {path} có từ trước (nếu có) được giữ nguyên.',
  batch_progress: '{bar} {percentage}% | {rows} dòng | {rate} dòng/giây | còn {eta_formatted}',
  template_missing_rules:
    'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out phieu.xlsx.',
  template_bad_format: "--format phải là xlsx hoặc csv, không phải '{value}'.",
  template_needs_format:
    'hãy nêu loại tệp cần tạo bằng --format xlsx hoặc --format csv (hoặc tệp --out có đuôi .xlsx hay .csv).',
  template_xlsx_needs_out: 'tệp XLSX không phải văn bản: hãy nêu tệp cần ghi bằng --out, ví dụ --out phieu.xlsx.',
  template_bad_headers: "--headers phải là labels hoặc ids, không phải '{value}'.",
  template_written:
    'đã ghi {path}: {columns} cột ({facts} dữ kiện), tiêu đề ở dòng 1, nhãn tiếng Anh ở dòng 2; điền số liệu từ dòng 3.',
  build_missing_rules: 'hãy nêu tệp hoặc thư mục quy tắc cần biên dịch, ví dụ lcz build rules/lai-chau-2020-2025.',
  build_written:
    'đã ghi {path}: {id} {version} ({sources} tệp nguồn, {kb} kB, {hash}…). Nạp tệp này bằng loadCompiledRuleset của @lcz/criteria-engine/runtime, hoặc dùng làm --rules.',
  build_generated_written:
    'đã ghi {path}: decide() và evaluate() được sinh ra của {id} ({inlined} điều kiện viết thẳng vào mã, {closures} điều kiện gọi hàm đóng đã biên dịch). Khi nạp {compiled}, tệp này được dùng nếu nằm cạnh nó.',
  build_generated_refused:
    'lưu ý: không sinh được decide() cho {id} ({reason}); khi nạp {compiled}, các hàm đóng đã biên dịch được dùng, cho cùng kết quả.',
  build_plan_written:
    'đã ghi {path}: mô-đun kế hoạch của {id} ({kb} kB): import tệp này rồi nạp bằng loadPlanModule của @lcz/criteria-engine/plan, không phải biên dịch gì khi khởi động.',
  build_plan_refused:
    'lưu ý: không có mô-đun kế hoạch cho {id} ({reason}); hãy nạp {compiled} bằng @lcz/criteria-engine/runtime.',
  build_plan_script_written:
    'đã ghi {path} và {cache}: kịch bản kế hoạch của {id} ({kb} kB) cùng bộ đệm mã V8 của nó ({cacheKb} kB): nạp bằng loadPlanFile của @lcz/criteria-engine/plan-file, khởi động nhanh nhất (Node mà không dùng được bộ đệm thì biên dịch lại, cùng kết quả).',
  build_plan_script_refused: 'lưu ý: không có kịch bản kế hoạch cho {id} ({reason}); mô-đun kế hoạch vẫn dùng được.',
  build_reason_not_loaded: 'bộ quy tắc không do bộ máy này nạp',
  build_reason_compiled_mismatch: 'tệp quy tắc đã biên dịch không phải của bộ quy tắc này',
  build_reason_compiled_unloadable: 'tệp quy tắc đã biên dịch không nạp lại được',
  build_reason_not_json: 'một phần của kế hoạch không đọc lại y nguyên được từ JSON',
  build_reason_not_data: 'một phần của kế hoạch không phải là dữ liệu',
  build_reason_closure_kept: 'có điều kiện vẫn phải dùng hàm đóng đã biên dịch',
  build_reason_points_rule: 'tiêu chí {criterion} có quy tắc tính điểm, phần này vẫn dùng hàm đóng đã biên dịch',
  build_reason_derived: 'các đại lượng suy ra (derived:) vẫn dùng hàm đóng đã biên dịch',
  build_reason_no_tree: '{part} không có cây biểu thức đã kiểm tra',
  build_reason_construct:
    '{part} dùng {construct}; mã sinh ra chưa viết được phần này nên vẫn dùng hàm đóng đã biên dịch',
  build_reason_not_finite: 'có số không hữu hạn: {value}',
  build_reason_not_index: 'có chỉ số không phải số nguyên từ 0 trở lên: {value}',
  build_reason_engine_unbuilt: 'bộ máy chưa được dựng (chưa chạy pnpm build cho gói bộ máy)',
  build_part_criterion: 'điều kiện của tiêu chí {id}',
  build_part_applicable: 'phần applicable_when: của tiêu chí {id}',
  build_part_variant: 'điều kiện của phương án {variant} thuộc tiêu chí {id}',
  build_part_variant_when: 'phần when: của phương án {variant} thuộc tiêu chí {id}',
  build_part_disqualifier: 'điều kiện loại trừ {id}',
  build_part_context_when: 'phần when: của quy tắc bối cảnh thứ {rule}',
  build_part_context_require: 'phần require: của quy tắc bối cảnh thứ {rule}',
  build_part_required_when: 'phần required_when: của dữ kiện {id}',
  build_construct_function: 'hàm {fn}(…)',
  build_construct_arithmetic: 'phép tính số học',
  build_construct_comparison: 'một phép so sánh',
  build_construct_parameter_table:
    'bảng tham số {parameter} (theo {by}) được so sánh với một giá trị mà mã sinh ra chưa viết được bên cạnh bảng (mã sinh ra viết được dữ kiện, số, bảng khác hoặc tỉ lệ phần trăm của hai dữ kiện số nguyên; chưa viết được đại lượng dẫn xuất hay phép tính số học)',
  // A table keyed by nothing but its from: dates has no keys to name.
  build_construct_parameter_table_dated:
    'bảng tham số {parameter} (chỉ theo ngày) được so sánh với một giá trị mà mã sinh ra chưa viết được bên cạnh bảng (mã sinh ra viết được dữ kiện, số, bảng khác hoặc tỉ lệ phần trăm của hai dữ kiện số nguyên; chưa viết được đại lượng dẫn xuất hay phép tính số học)',
  build_at: 'tại {place}',
  build_up_to_date: '{path} đã khớp với bộ quy tắc: {id} {version} ({hash}…).',
  build_check_stale:
    '{path} không còn khớp với bộ quy tắc (quy tắc đã đổi sau lần biên dịch, hoặc do phiên bản bộ máy khác tạo ra): hãy chạy lcz build {rules}.',
  build_check_missing: '{path} chưa có: hãy chạy lcz build {rules}.',
  schema_missing_rules: 'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz schema --rules rules/lai-chau-2020-2025.',
  extra_arguments: 'thừa tham số: {extra}.',
  schema_written: 'đã ghi {path}: JSON Schema của phiếu đánh giá cho {id} {version}.',
  diff_missing_rules:
    'hãy nêu bộ quy tắc cũ và mới, ví dụ lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft.',
  diff_extra_arguments:
    "lcz diff so sánh hai bộ quy tắc; '{extra}' là thừa. Nêu các phiếu đánh giá sau --assessments, ví dụ lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft --assessments examples/assessments.",
  diff_bad_format: "--format phải là text, md hoặc json, không phải '{value}'.",
  diff_rules_invalid: "bộ quy tắc '{path}' có {count} lỗi; chưa so sánh gì.",
  diff_rejected_by_new:
    "'{where}' đọc được theo bộ quy tắc cũ nhưng không theo bộ quy tắc mới (lỗi ở trên): không đưa vào so sánh.",
  diff_assessments_failed: '{count} phiếu đánh giá không so sánh được (lỗi được liệt kê ở trên).',
  docs_missing_rules:
    'hãy nêu bộ quy tắc bằng --rules, ví dụ lcz docs --rules rules/lai-chau-2020-2025 --out bieu-tieu-chi.html.',
  docs_bad_format: "--format phải là md hoặc html, không phải '{value}'.",
  docs_assessment_invalid: "phiếu đánh giá '{path}' có {count} lỗi; chưa ghi biểu.",
  docs_written_blank: 'đã ghi {path}: biểu tiêu chí ({format}) để trống, để in và điền.',
  docs_written_filled: 'đã ghi {path}: biểu tiêu chí ({format}) đã điền theo phiếu đánh giá: {decision}.',
  rules_invalid_nothing_written: "bộ quy tắc '{path}' có {count} lỗi; chưa ghi gì.",
  table_file_unreadable: "không đọc được '{path}' ({reason}).",
  table_file_yaml: '{where}: tệp không phải YAML hợp lệ: {detail}',
  table_file_shape: '{where}: tệp phải là một bảng các tiêu đề: format: 1, rồi title, criteria, disqualifiers.',
  table_file_format: '{where}: format phải là 1.',
  table_file_key: "{where}: '{name}' không phải là tiêu đề của biểu; dùng title, criteria hoặc disqualifiers.",
  table_file_text:
    '{where}: {name} phải là văn bản bằng hai thứ tiếng, ví dụ {name}: { vi: "Tiêu chí đánh giá", en: "Assessment criteria" }.',
  table_file_invalid: "tệp tiêu đề biểu '{path}' có {count} lỗi; chưa ghi gì.",
  template_unknown_owner: "'{value}' không phải là cơ quan trong bộ quy tắc này; --owner nhận một trong {list}.",
  records_bad_subcommand: "cho biết cần làm gì với sổ: một trong {list} (không phải '{value}').",
  records_missing_option: 'cần có {option}; xem các ví dụ trong docs/records.md.',
  records_missing_files: 'nêu (các) tệp số liệu để {sub}.',
  records_bad_year: "{option} phải là năm bốn chữ số, ví dụ 2024 (không phải '{value}').",
  records_bad_date: "{option} phải là ngày YYYY-MM-DD, ví dụ 2024-10-15 (không phải '{value}').",
  records_bad_reason: "--reason cho Hội đồng có dạng <mã>=<lý do>, ví dụ --reason 'BAN-07=…' (không phải '{value}').",
  records_registered: '{added} {assessed} mới, {changed} thay đổi; {registered} {assessed} mới đăng ký năm {year}.',
  records_imported: 'đã nhập {written} giá trị của {areas} {assessed} từ {owner}; {unchanged} giá trị đã có.',
  records_status_head:
    '{year}: hạn báo cáo {deadline} (còn {days} ngày); {complete}/{registered} {assessed} đã đăng ký có đủ số liệu.',
  records_missing: 'thiếu {count} dữ kiện:',
  records_decided:
    '{year}: bộ quy tắc {id} {version} (có hiệu lực ngày {date}); đã đánh giá {decided} {assessed}: {recognised} được công nhận, {not_recognised} không được công nhận; {incomplete} chưa đủ số liệu; đã lưu {stored} kết quả.',
  records_incomplete: 'chưa đủ số liệu (xem lcz records status): {areas}',
  records_board:
    'đã ghi quyết định {number} ngày {date} của Hội đồng (phiên bản {version}): công nhận {count} đối tượng, {against} khác với kết quả đánh giá, có lý do bằng văn bản.',
  records_history_head: 'mã {area}: {years} năm trong sổ',
  records_versions: '({count} phiên bản)',
  records_changes: 'từ {from} đến {to}: {kept} giữ được công nhận, {lost} mất công nhận, {gained} mới được công nhận.',
  records_exported: 'đã ghi {path}: {rows} kết quả.',
  records_key_new: 'khoá API của {name} (trao cho người dùng; khoá chỉ hiện lần này và không được lưu ở đâu):',
  records_key_entry: 'thêm mục này vào keys: trong tệp khoá (lcz serve --keys):',
  records_backed_up: 'đã ghi {path}: bản sao nhất quán của sổ, đã kiểm tra toàn vẹn.',
  records_nothing_written: '{count} lỗi; chưa ghi gì.',
  records_empty: 'sổ chưa có năm nào.',
  records_word_area: '{assessed} tự báo cáo',
  records_word_registered: 'đã đăng ký',
  records_word_engine: 'kết quả tính: {decision}',
  records_decision_recognised: 'được công nhận',
  records_decision_not_recognised: 'không được công nhận',
  records_decision_undetermined: 'chưa đủ căn cứ để kết luận',
  records_word_board: 'Hội đồng',
  records_word_recognised: '→ được công nhận',
  records_word_not_recognised: '→ không được công nhận',
  records_word_kept: 'giữ được',
  records_word_lost: 'mất',
  records_word_gained: 'mới được',
};
