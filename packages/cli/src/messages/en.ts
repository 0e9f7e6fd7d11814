/**
 * English words of the CLI. Keys and `{placeholders}` match messages/vi.ts (a test checks both).
 * Errors meant for people are printed in both languages, Vietnamese first.
 */
export const en = {
  unknown_command: "unknown command '{command}'.",
  unknown_option: "unknown option '{option}'.",
  rules_positional: 'lcz {command} takes the rules as an argument, not as --rules: lcz {command} {rules}.',
  option_needs_value: "option '{option}' needs a value.",
  option_takes_no_value: "option '{option}' does not take a value.",
  bad_arguments: 'invalid arguments: {detail}',
  bad_lang: "--lang must be 'vi' or 'en', not '{value}'.",
  missing_rules_path: 'name the rule file or directory to check, e.g. lcz validate rules/lai-chau-2020-2025.',
  missing_rules_option:
    'name the rules with --rules, e.g. lcz evaluate --rules rules/lai-chau-2020-2025 examples/assessments.',
  missing_assessments: 'name at least one assessment file or directory to evaluate.',
  no_assessment_files: "'{path}' holds no .yaml, .yml or .json files.",
  unreadable_directory: "cannot read the directory '{path}'.",
  see_help: "see 'lcz {command}--help'.",
  rules_invalid: "the rules in '{path}' have {count} {count|error|errors}.",
  rules_invalid_nothing_evaluated: "the rules in '{path}' have {count} {count|error|errors}; nothing was evaluated.",
  rules_several_versions:
    "'{path}' holds several versions of {id} ({versions}) and this command needs one: give its folder, e.g. --rules {example}.",
  assessments_failed: '{count} assessment {count|file|files} could not be evaluated.',
  internal_error:
    'internal error: this is a bug in lcz, not in your files. Please report it with the command you ran. Set LCZ_DEBUG=1 to see the details.',
  validate_ok:
    'OK {file}: {id} version {version}: {groups} {groups|standard|standards}, {criteria} {criteria|criterion|criteria}, {disqualifiers} {disqualifiers|disqualifier|disqualifiers}',
  validate_notes: '{warnings} {warnings|warning|warnings}, {infos} {infos|note|notes}:',
  missing_test_rules: 'name the rules whose test cases to run, e.g. lcz test rules/lai-chau-2020-2025.',
  rules_invalid_nothing_tested: "the rules in '{path}' have {count} {count|error|errors}; no test case was run.",
  no_test_files:
    "no test case files (.yaml, .yml) found in '{path}': the ruleset has no test cases yet. To add some, create that folder and write .yaml files in it as docs/test-cases.md describes (each case: its input and the expected result), e.g. copy another ruleset's tests folder and adapt it; or name test files or folders with --cases.",
  test_files_invalid: '{count} test {count|file has|files have} errors; their cases did not run.',
  test_one_rules_path:
    "lcz test takes one rules path; '{extra}' is extra. Name test files or folders with --cases, e.g. lcz test rules/lai-chau-2020-2025 --cases examples/survey-2020/tests.",
  test_summary: '{passed} passed, {failed} failed',
  test_accept_conflict: 'use --accept <case> or --accept-all, not both.',
  test_accept_unknown:
    "no failed case is named '{name}'. Run lcz test --propose to see the failed cases and their names.",
  test_accept_lacking:
    "case '{name}' fails only because its base lacks facts ({facts}): add them to {file}; there is no expectation to accept.",
  test_accept_failed:
    '{file}: the expectation {path} could not be rewritten in place; nothing was written. Edit the file by hand.',
  test_accepted: '{file}: {changes} {changes|expectation|expectations} of {cases} {cases|case|cases} rewritten.',
  version_action:
    "lcz version takes an action: new (got '{action}'). E.g. lcz version new rules/old rules/new --from 2031-01-01 --to 2035-12-31.",
  version_missing_folders:
    'name the old version folder and the new folder, e.g. lcz version new rules/lai-chau-2020-2025 rules/lai-chau-2031-2035 --from 2031-01-01 --to 2035-12-31.',
  version_missing_date: '{option} is required: the date as yyyy-mm-dd, e.g. {option} 2031-01-01.',
  version_bad_date: "{option} '{value}' is not a date: write yyyy-mm-dd (year, month, day), e.g. 2030-12-31.",
  version_dates_order: '--to {to} is before --from {from}: a version ends on or after the day it starts.',
  version_bad_name: "--version '{value}': use letters, digits, '.', '_' or '-' (at most 64), e.g. 2031-2035.",
  version_not_a_ruleset: "'{path}' is not a ruleset folder (a folder holding ruleset.yaml).",
  version_target_exists: "'{path}' already exists: name a new folder; nothing was written.",
  version_target_inside: "'{path}' is inside the old version's folder: put the new version beside it.",
  version_old_invalid:
    "the rules in '{path}' have errors; fix them before making a new version from them. Nothing was written.",
  version_fields_not_found:
    "'{path}/ruleset.yaml' has no plain version, effective.from and effective.to to set; add them, then try again.",
  version_created: 'created {path} from {old} ({old_version}): version {version}, in force from {from} to {to}.',
  version_review_heading: 'Still to look at ({count}): the tool cannot decide these.',
  version_review_source: 'source.document: does it still name the document of this period?',
  version_review_targets: 'the targets of the old period: set the new period’s years and figures.',
  version_review_comment: 'a comment cites {years}, a year of the old period.',
  version_review_dated:
    'a parameter row dated {years}, in the old period: check the value that holds in the new period.',
  version_review_text: 'a text cites {years}, a year of the old period.',
  version_review_more: '… and {count} more lines citing the old period in this file.',
  version_review_test_names:
    '{count} case names cite a count or share (lines {lines}): check they still match the rules.',
  version_new_invalid:
    "the new version '{path}' was created but has errors beside the other versions in '{parent}': fix them (e.g. the dates).",
  version_new_check_errors:
    "the new version '{path}' was created, but lcz check finds {count} {count|error|errors} in it (above): the period changed, so a parameter table keyed by year, or with dated rows, needs rows for the new period.",
  missing_check_rules: 'name the rule file or directory to check, e.g. lcz check rules/lai-chau-2020-2025.',
  rules_invalid_nothing_checked:
    "the rules in '{path}' have {count} {count|error|errors} (above); once they are fixed, lcz check runs its static checks (criteria that can never pass or always pass, …), which may find more.",
  check_summary:
    '{file}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes} from the checks.',
  coverage_bad_format: "--format must be text or md, not '{value}'.",
  coverage_format_needs_coverage: '--format chooses how the coverage table is printed: add --coverage.',
  explain_missing_rules:
    'name the rules with --rules, e.g. lcz explain --rules rules/lai-chau-2020-2025 examples/assessments/not-recognised-ban.yaml.',
  explain_missing_assessment: 'name at least one assessment file or directory to explain.',
  explain_row: 'row {row}',
  explain_rows_failed: '{count} {count|row|rows} could not be read; their problems are listed above.',
  explain_no_such_code: 'no valid {assessed} with the code {codes} was found in the inputs.',
  report_missing_rules:
    'name the rules with --rules, e.g. lcz report --rules rules/lai-chau-2020-2025 examples/city-2024/assessments-2024.xlsx.',
  report_missing_inputs: 'name at least one input file (CSV, XLSX, JSON, JSON Lines, YAML) or directory to report on.',
  report_bad_format: "--format must be md, html, csv or xlsx, not '{value}'.",
  report_xlsx_needs_out: 'an XLSX report is a file: name it with --out, e.g. --out report.xlsx.',
  report_targets_invalid: "the targets file '{path}' has {count} {count|error|errors}; no report was written.",
  report_records_and_inputs: 'report either on the record (--records) or on input files, not both: {inputs}.',
  report_written: 'Report written to {path}: {assessed_many} counted: {areas}; {bad} {bad|row|rows} left out.',
  report_rows_left_out:
    '{count} {count|row|rows} could not be read and {count|is|are} left out of the report (their problems are listed above).',
  report_more_problems: '… and {count} more {count|problem|problems}.',
  serve_missing_rules:
    'name the rules to serve with --rules, e.g. lcz serve --rules rules/lai-chau-2020-2025 --port 8080.',
  serve_bad_number: "{option} must be a whole number from {min} to {max}, not '{value}'.",
  serve_listening:
    'serving the criteria API at {url} (rulesets: {rulesets}). Endpoints: {url}/v1/openapi.json. Stop with Ctrl+C.',
  serve_inline_rules_on: 'evaluating rules sent in requests is ALLOWED (--allow-inline-rules).',
  serve_listen_failed: 'cannot listen on {address}: {reason}. Choose another --port or --host.',
  serve_stopped: 'stopped.',
  serve_records_on:
    'the record {store} is served under /v1/records; writes need one of the {keys} API {keys|key|keys} of --keys.',
  serve_records_read_only:
    'the record {store} is served under /v1/records, read only (no --keys: every write is refused).',
  serve_keys_invalid: "the key file '{path}' has {count} {count|problem|problems}; nothing was served.",
  rules_invalid_nothing_served: "the rules in '{path}' have {count} {count|error|errors}; the server was not started.",
  batch_needs_one_ruleset:
    "'{path}' holds several rulesets ({ids}): for a batch file, give --rules the folder of one of them.",
  batch_needs_version:
    "'{path}' holds several versions ({versions}): name one for a batch file with --version or --date.",
  batch_one_file: "'{path}' is a batch file: evaluate it on its own, one batch file per run.",
  batch_outputs_need_batch:
    "--out, --summary, --sheet, --format and --decisions-only are for a batch file (CSV, XLSX, JSON Lines, a JSON array or a YAML list); '{path}' holds one assessment.",
  batch_format_mismatch:
    "--format {format} expects {expected} assessments, but '{path}' looks like {found} (line 1: {line}): give --format {found_format}, or leave --format out if the file's name ends in its format.",
  bad_batch_format: "--format must be csv, xlsx, json, jsonl or yaml, not '{value}'.",
  bad_summary_path: "--summary must name a .csv or .xlsx file, not '{path}'.",
  threads_without_decisions_only:
    '--threads goes with --decisions-only (the threads compute decisions only); add --decisions-only or leave --threads out.',
  bad_threads: "--threads must be a whole number from 0 to 64 (0: read on one thread), not '{value}'.",
  rules_cache_changed:
    "note: the cached compiled rules '{entry}' were built from an older '{detail}'; loaded from the rule files and cached again.",
  rules_cache_damaged:
    "note: the cached compiled rules '{entry}' are damaged ({detail}) and were ignored; loaded from the rule files and cached again. Nothing to do; LCZ_CACHE=0 turns the cache off.",
  rules_cache_decide_damaged:
    "note: the generated decide module cached as '{entry}' was ignored ({detail}); this run decides without it, and it is written again. Nothing to do; LCZ_CACHE=0 turns the cache off.",
  rules_cache_unwritable:
    "note: could not write the compiled-rules cache '{entry}' ({detail}); the rules were loaded all the same, only the next start is slower. Set LCZ_CACHE_DIR to a folder you can write, or LCZ_CACHE=0 to turn the cache off.",
  code_cache_damaged:
    "note: the cached compiled code '{entry}' is damaged and was ignored; this run compiled the code again and wrote it again. Nothing to do; LCZ_CACHE=0 turns the cache off.",
  shipped_code_cache_damaged:
    "note: the compiled code shipped with lcz '{entry}' is damaged and was ignored; this run compiled the code itself (slower, the same results). Reinstalling lcz restores it.",
  output_is_input:
    "{option} '{path}' is also an input of this command ('{input}'): writing it would destroy the input. Write the output to another file.",
  cannot_write: "cannot write '{path}' ({reason}): check that the folder exists and can be written.",
  batch_counts: '{file}: {rows} {rows|row|rows} read, {evaluated} evaluated, {bad} with errors.',
  batch_decisions: 'recognised: {recognised} · not recognised: {not_recognised} · undetermined: {undetermined}',
  batch_file_problems: 'Problems of the file or its header row:',
  batch_row_problems: 'Rows with errors ({count}):',
  batch_more_problems: '… and {count} more {count|problem|problems}, not shown.',
  batch_all_in_results: 'Every bad row is listed in {path}.',
  batch_write_all: 'Write every row, bad rows included, with --out results.jsonl.',
  batch_results_written: 'Results, one line per row: {path}',
  batch_summary_written: 'Summary table: {path}',
  batch_output_kept:
    'Nothing written to {path}: the file could not be read (see above), so an earlier {path}, if any, is left as it was.',
  batch_progress: '{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}',
  template_missing_rules:
    'name the rules with --rules, e.g. lcz template --rules rules/lai-chau-2020-2025 --format xlsx --out assessments.xlsx.',
  template_bad_format: "--format must be xlsx or csv, not '{value}'.",
  template_needs_format:
    'say which file to write with --format xlsx or --format csv (or an --out file ending .xlsx or .csv).',
  template_xlsx_needs_out: 'an XLSX file is not text: name the file to write with --out, e.g. --out assessments.xlsx.',
  template_bad_headers: "--headers must be labels or ids, not '{value}'.",
  template_written:
    'wrote {path}: {columns} columns ({facts} facts), headers in row 1, English labels in row 2; fill in from row 3.',
  build_missing_rules: 'name the rule file or directory to build, e.g. lcz build rules/lai-chau-2020-2025.',
  build_written:
    'wrote {path}: {id} {version} ({sources} source {sources|file|files}, {kb} kB, {hash}…). Load it with loadCompiledRuleset from @lcz/criteria-engine/runtime, or pass it as --rules.',
  build_generated_written:
    'wrote {path}: the generated decide() and evaluate() of {id} ({inlined} {inlined|condition|conditions} inlined, {closures} calling their compiled closure). Loading {compiled} uses it when it sits beside it.',
  build_generated_refused:
    'note: no generated decide() for {id} ({reason}); loading {compiled} uses the compiled closures, with the same results.',
  build_plan_written:
    'wrote {path}: the plan module of {id} ({kb} kB): import it and load it with loadPlanModule from @lcz/criteria-engine/plan, which compiles nothing at start-up.',
  build_plan_refused:
    'note: no plan module for {id} ({reason}); load {compiled} with @lcz/criteria-engine/runtime instead.',
  build_plan_script_written:
    'wrote {path} and {cache}: the plan script of {id} ({kb} kB) and its V8 code cache ({cacheKb} kB): load them with loadPlanFile from @lcz/criteria-engine/plan-file, the fastest start (a Node that cannot use the cache compiles the script again, with the same results).',
  build_plan_script_refused: 'note: no plan script for {id} ({reason}); the plan module serves as before.',
  build_reason_not_loaded: 'not a ruleset the engine loaded',
  build_reason_compiled_mismatch: 'the compiled rules file is not this ruleset’s',
  build_reason_compiled_unloadable: 'the compiled rules file does not load back',
  build_reason_not_json: 'part of the plan does not read back the same from JSON',
  build_reason_not_data: 'part of the plan is not data',
  build_reason_closure_kept: 'a condition keeps its compiled closure',
  build_reason_points_rule: 'criterion {criterion} has a points rule, which keeps its compiled closure',
  build_reason_derived: 'derived quantities (derived:) keep their compiled closures',
  build_reason_no_tree: '{part} has no checked expression tree',
  build_reason_construct: '{part} uses {construct}, which the generated code leaves to its compiled closure',
  build_reason_not_finite: 'a number that is not finite: {value}',
  build_reason_not_index: 'an index that is not a whole number from 0: {value}',
  build_reason_engine_unbuilt: 'the engine is not built (@lcz/criteria-engine has no dist/plan.cjs)',
  build_part_criterion: 'the condition of criterion {id}',
  build_part_applicable: 'the applicable_when: of criterion {id}',
  build_part_variant: 'the condition of variant {variant} of criterion {id}',
  build_part_variant_when: 'the when: of variant {variant} of criterion {id}',
  build_part_disqualifier: 'disqualifier {id}',
  build_part_context_when: 'the when: of context rule {rule}',
  build_part_context_require: 'the require: of context rule {rule}',
  build_part_required_when: 'the required_when: of fact {id}',
  build_construct_function: 'the function {fn}(…)',
  build_construct_arithmetic: 'arithmetic',
  build_construct_comparison: 'a comparison',
  build_construct_parameter_table:
    'the parameter table {parameter} (by {by}) compared with a value the generated code does not write beside a table (it writes a fact, a number, another table or a percentage of two whole-number facts; not a derived quantity or arithmetic)',
  // A table keyed by nothing but its from: dates has no keys to name.
  build_construct_parameter_table_dated:
    'the parameter table {parameter} (by date only) compared with a value the generated code does not write beside a table (it writes a fact, a number, another table or a percentage of two whole-number facts; not a derived quantity or arithmetic)',
  build_at: 'at {place}',
  build_up_to_date: '{path} is up to date: {id} {version} ({hash}…).',
  build_check_stale:
    '{path} is not what the rules build now (they changed since it was built, or another engine version built it): run lcz build {rules}.',
  build_check_missing: '{path} does not exist: run lcz build {rules}.',
  schema_missing_rules: 'name the rules with --rules, e.g. lcz schema --rules rules/lai-chau-2020-2025.',
  extra_arguments: 'not expected here: {extra}.',
  schema_written: 'wrote {path}: the JSON Schema of an assessment for {id} {version}.',
  diff_missing_rules:
    'name the old and the new rules, e.g. lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft.',
  diff_extra_arguments:
    "lcz diff compares two rulesets; '{extra}' is extra. Name assessments after --assessments, e.g. lcz diff rules/lai-chau-2020-2025 rules/lai-chau-2026-2030-draft --assessments examples/assessments.",
  diff_bad_format: "--format must be text, md or json, not '{value}'.",
  diff_rules_invalid: "the rules in '{path}' have {count} {count|error|errors}; nothing was compared.",
  diff_rejected_by_new:
    "'{where}' is read by the old rules but not by the new ones (problems above): it is left out of the comparison.",
  diff_assessments_failed:
    '{count} {count|assessment|assessments} could not be compared (their problems are listed above).',
  docs_missing_rules:
    'name the rules with --rules, e.g. lcz docs --rules rules/lai-chau-2020-2025 --out bieu-tieu-chi.html.',
  docs_bad_format: "--format must be md or html, not '{value}'.",
  docs_assessment_invalid: "the assessment '{path}' has {count} {count|error|errors}; no table was written.",
  docs_written_blank: 'wrote {path}: the table of criteria ({format}), blank, to print and fill in.',
  docs_written_filled: 'wrote {path}: the table of criteria ({format}) filled in from the assessment: {decision}.',
  rules_invalid_nothing_written: "the rules in '{path}' have {count} {count|error|errors}; nothing was written.",
  table_file_unreadable: "cannot read '{path}' ({reason}).",
  table_file_yaml: '{where}: the file is not valid YAML: {detail}',
  table_file_shape: '{where}: the file must be a mapping of headings: format: 1, then title, criteria, disqualifiers.',
  table_file_format: '{where}: format must be 1.',
  table_file_key: "{where}: '{name}' is not a heading of the table; use title, criteria or disqualifiers.",
  table_file_text:
    '{where}: {name} must be a text in both languages, e.g. {name}: { vi: "Tiêu chí đánh giá", en: "Assessment criteria" }.',
  table_file_invalid: "the table headings file '{path}' has {count} {count|error|errors}; nothing was written.",
  template_unknown_owner: "'{value}' is not a department of these rules; --owner takes one of {list}.",
  records_bad_subcommand: "say what to do with the record: one of {list} (not '{value}').",
  records_missing_option: '{option} is needed here; see the examples in docs/records.md.',
  records_missing_files: 'name one or more workbooks to {sub}.',
  records_bad_year: "{option} must be a year in four digits, e.g. 2024 (not '{value}').",
  records_bad_date: "{option} must be a date YYYY-MM-DD, e.g. 2024-10-15 (not '{value}').",
  records_bad_reason: "--reason for the board is <area code>=<text>, e.g. --reason 'BAN-07=…' (not '{value}').",
  records_registered:
    'new {assessed_many}: {added}, changed: {changed}; {assessed_many} newly registered for {year}: {registered}.',
  records_imported:
    '{written} {written|value|values} imported from {owner} ({assessed_many}: {areas}); {unchanged} already recorded.',
  records_status_head:
    '{year}: report by {deadline} ({days} {days|day|days} left); {assessed_many} complete: {complete} of {registered} registered.',
  records_missing: '{count} {count|fact|facts} missing:',
  records_decided:
    '{year}: rules {id} {version} (in force on {date}); {assessed_many} decided: {decided} ({recognised} recognised, {not_recognised} not recognised), not complete: {incomplete}; {stored} {stored|result|results} stored.',
  records_incomplete: 'not complete (see lcz records status): {areas}',
  records_board:
    'board decision {number} of {date} recorded (version {version}): {count} recognised, {against} against the engine’s result with a written reason.',
  records_history_head: 'code {area}: {years} {years|year|years} in the record',
  records_versions: '({count} versions)',
  records_changes: 'from {from} to {to}: {kept} kept recognition, {lost} lost it, {gained} gained it.',
  records_exported: 'wrote {path}: {rows} {rows|decision|decisions}.',
  records_key_new: 'the API key of {name} (give it to them; it is shown only now and kept nowhere):',
  records_key_entry: 'add this entry under keys: in the key file (lcz serve --keys):',
  records_backed_up: 'wrote {path}: a consistent copy of the record, its integrity checked.',
  records_nothing_written: '{count} {count|problem|problems}; nothing was written.',
  records_empty: 'the record holds no year yet.',
  records_word_area: 'the {assessed} itself',
  records_word_registered: 'registered',
  records_word_engine: 'engine: {decision}',
  records_decision_recognised: 'recognised',
  records_decision_not_recognised: 'not recognised',
  records_decision_undetermined: 'undetermined',
  records_word_board: 'board',
  records_word_recognised: '→ recognised',
  records_word_not_recognised: '→ not recognised',
  records_word_kept: 'kept',
  records_word_lost: 'lost',
  records_word_gained: 'gained',
} as const;

export type CliMessageKey = keyof typeof en;
export type CliMessages = Readonly<Record<CliMessageKey, string>>;
