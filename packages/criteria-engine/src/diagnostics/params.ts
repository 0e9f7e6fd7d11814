/**
 * The parameters each diagnostic code carries, as docs/errors.md lists them (its Params column;
 * `name?` there is optional here): `makeDiagnostic` and `SourceText.diagnostic` check a call's
 * params against its code, so a message never reads a key nobody set. A code with no entry here
 * (one added since) takes any params until it gets one.
 */
import type { DiagnosticCode } from './codes.js';
import type { RegisteredDiagnosticParams } from './registered.js';

type Param = string | number | boolean;
type NoParams = { readonly [key: string]: never };

export interface DiagnosticParamsByCode {
  file_not_found: { readonly path: Param };
  file_unreadable: { readonly path: Param; readonly detail: Param };
  /** `kind: assessment`: the file was read as an assessment (the hint speaks of one, not of rules). */
  file_too_large: { readonly path: Param; readonly size: Param; readonly max: Param; readonly kind?: Param };
  yaml_syntax: { readonly reason: Param; readonly detail: Param };
  yaml_indentation: { readonly line: Param; readonly last_line: Param; readonly spaces: Param; readonly column: Param };
  yaml_tab_indentation: { readonly spaces: Param };
  yaml_duplicate_key: { readonly key: Param; readonly first_line?: Param };
  yaml_version_directive: { readonly version: Param };
  yaml_unsupported_tag: { readonly tag: Param };
  yaml_self_alias: { readonly alias: Param };
  yaml_alias_limit: { readonly max: Param };
  yaml_depth_limit: { readonly max: Param };
  yaml_scalar_too_long: { readonly length: Param; readonly max: Param };
  /** `kind: assessment`: in an assessment (the hint points to where assessments are documented). */
  yaml_unsafe_key: { readonly key: Param; readonly kind?: Param };
  yaml_integer_too_large: { readonly value: Param; readonly max: Param };
  yaml_number_inexact: { readonly value: Param; readonly read: Param };
  yaml_number_not_decimal: { readonly value: Param; readonly decimal?: Param };
  yaml_nul_byte: { readonly count: Param };
  yaml_cr_line_ends: NoParams;
  yaml_control_character: { readonly char: Param };
  yaml_multiple_documents: { readonly count: Param };
  yaml_empty_document: NoParams;
  schema_required: { readonly property: Param; readonly because?: Param };
  schema_unknown_property: { readonly property: Param; readonly allowed: Param; readonly suggestion?: Param };
  schema_type: { readonly expected: Param; readonly actual: Param; readonly value?: Param };
  schema_enum: { readonly allowed: Param; readonly actual: Param; readonly suggestion?: Param };
  schema_pattern: { readonly pattern: Param; readonly example: Param; readonly actual: Param };
  schema_range: { readonly limit: Param; readonly comparison: Param; readonly actual: Param };
  schema_size: { readonly limit: Param; readonly comparison: Param; readonly actual: Param; readonly unit: Param };
  schema_shape: {
    readonly shape: Param;
    readonly expected: Param;
    readonly actual: Param;
    readonly suggestion?: Param;
  };
  schema_other: { readonly keyword: Param; readonly detail: Param };
  date_invalid: { readonly key: Param; readonly value: Param };
  effective_order: { readonly from: Param; readonly to: Param };
  text_language_missing: { readonly language: Param; readonly languages: Param };
  text_language_undeclared: { readonly language: Param; readonly languages: Param };
  expr_syntax: { readonly expected: Param; readonly found: Param };
  expr_unknown_name: { readonly name: Param; readonly suggestion?: Param };
  expr_unknown_function: { readonly name: Param; readonly known: Param };
  expr_arity: { readonly name: Param; readonly expected: Param; readonly actual: Param };
  expr_type: { readonly expected: Param; readonly actual: Param; readonly where: Param };
  expr_enum_value: { readonly value: Param; readonly of: Param; readonly allowed: Param };
  expr_date_literal: { readonly value: Param };
  expr_limit: { readonly limit: Param; readonly value: Param; readonly max: Param };
  duplicate_id: { readonly kind: Param; readonly id: Param; readonly first_line: Param };
  unknown_fact: { readonly name: Param; readonly where: Param; readonly suggestion?: Param };
  unknown_criterion: { readonly id: Param; readonly suggestion?: Param };
  unknown_level: { readonly id: Param; readonly levels: Param; readonly suggestion?: Param };
  unknown_disqualifier: { readonly id: Param; readonly disqualifiers: Param; readonly suggestion?: Param };
  mandatory_below_level: { readonly criterion: Param; readonly level: Param; readonly from_level: Param };
  points_bands_order: { readonly value: Param; readonly previous: Param };
  threshold_range: { readonly value: Param; readonly min: Param; readonly max: Param };
  threshold_decimals: { readonly value: Param; readonly fact: Param; readonly decimals: Param };
  relation_invalid: { readonly fact: Param; readonly whole: Param; readonly reason: Param };
  selector_not_context: { readonly name: Param };
  variant_uncovered: { readonly criterion: Param; readonly context: Param; readonly policy: Param };
  variant_overlap: {
    readonly criterion: Param;
    readonly first: Param;
    readonly second: Param;
    readonly context: Param;
  };
  version_overlap: {
    readonly version: Param;
    readonly from: Param;
    readonly to: Param;
    readonly other: Param;
    readonly other_from: Param;
    readonly other_to: Param;
    readonly other_file: Param;
  };
  version_gap: { readonly version: Param; readonly other: Param; readonly from: Param; readonly to: Param };
  version_duplicate: { readonly id: Param; readonly version: Param; readonly first_file: Param };
  version_period_missing: { readonly id: Param; readonly version: Param };
  version_not_found: { readonly id: Param; readonly wanted: Param; readonly available: Param };
  version_year_ambiguous: { readonly id: Param; readonly year: Param; readonly available: Param };
  ruleset_not_in_folder: { readonly path: Param; readonly wanted: Param; readonly available: Param };
  definition_cycle: { readonly name: Param };
  include_invalid: { readonly path: Param; readonly reason: Param };
  build_fragment: NoParams;
  compiled_unreadable: { readonly reason: Param; readonly detail: Param };
  compiled_stale: { readonly built_with: Param; readonly engine: Param };
  generated_mismatch: { readonly reason: Param; readonly found: Param };
  plan_module_stale: { readonly reason: Param; readonly found: Param; readonly expected: Param };
  version_mismatch: { readonly expected: Param; readonly actual: Param };
  policy_missing: { readonly criterion: Param; readonly key: Param; readonly allowed: Param };
  criterion_never_passes: { readonly criterion: Param; readonly variant: Param; readonly condition: Param };
  criterion_never_fails: { readonly criterion: Param; readonly variant: Param; readonly condition: Param };
  disqualifier_always_applies: { readonly disqualifier: Param; readonly condition: Param };
  disqualifier_never_applies: { readonly disqualifier: Param; readonly condition: Param };
  requirement_unreachable: {
    readonly group: Param;
    readonly kind: Param;
    readonly value: Param;
    readonly best: Param;
    readonly applicable: Param;
    readonly context: Param;
  };
  mandatory_not_applicable: { readonly criterion: Param; readonly reason: Param; readonly context: Param };
  parameter_cell_missing: { readonly parameter: Param; readonly cell: Param };
  text_threshold_mismatch: { readonly criterion: Param; readonly text_values: Param; readonly threshold: Param };
  equals_reads_at_least: {
    readonly criterion: Param;
    readonly fact: Param;
    readonly value: Param;
    readonly words: Param;
  };
  mandatory_not_in_note: { readonly criterion: Param; readonly mandatory: Param };
  criterion_no_effect: {
    readonly criterion: Param;
    readonly group: Param;
    readonly reason: Param;
    readonly disqualifier: Param;
  };
  threshold_conflict: {
    readonly criterion: Param;
    readonly first: Param;
    readonly other: Param;
    readonly second: Param;
    readonly other_line: Param;
  };
  check_limit: { readonly kind: Param; readonly id: Param; readonly max: Param; readonly reason: Param };
  id_numbering: {
    readonly kind: Param;
    readonly id: Param;
    readonly group: Param;
    readonly pattern: Param;
    readonly example: Param;
  };
  level_points: { readonly level: Param; readonly need: Param; readonly most: Param; readonly per_context: Param };
  level_unreachable: {
    readonly level: Param;
    readonly reason: Param;
    readonly detail: Param;
    readonly need: Param;
    readonly most: Param;
    readonly above: Param;
    readonly context: Param;
  };
  level_requirement_weaker: {
    readonly level: Param;
    readonly target: Param;
    readonly kind: Param;
    readonly value: Param;
    readonly lower: Param;
    readonly lower_value: Param;
  };
  level_disqualifier_redundant: { readonly level: Param; readonly disqualifier: Param };
  file_outside_root: { readonly path: Param; readonly root: Param; readonly reason: Param };
  text_encoding: {
    readonly path: Param;
    readonly offset?: Param;
    readonly byte?: Param;
    readonly encoding?: Param;
    /** A batch CSV: the option that reads the file as it is (`--encoding windows-1258`). */
    readonly option?: Param;
  };
  expr_number_inexact: { readonly value: Param; readonly max: Param };
  expr_division_outside_derived: NoParams;
  derived_if_zero_missing: { readonly name: Param };
  parameter_key_unknown: { readonly parameter: Param; readonly name: Param; readonly allowed: Param };
  parameter_key_value: {
    readonly parameter: Param;
    readonly row: Param;
    readonly name: Param;
    readonly value: Param;
    readonly allowed: Param;
  };
  parameter_row_keys: { readonly parameter: Param; readonly row: Param; readonly keys: Param; readonly name: Param };
  unknown_group: { readonly id: Param; readonly groups: Param };
  owner_conflict: { readonly kind: Param; readonly id: Param; readonly owner: Param; readonly first: Param };
  diagnostics_omitted: { readonly count: Param; readonly errors: Param; readonly scope: Param };
  input_shape: { readonly expected: Param; readonly path: Param };
  input_not_an_assessment: { readonly shape: Param; readonly line: Param };
  input_unknown_fact: { readonly name: Param; readonly suggestion?: Param };
  input_unknown_facts: { readonly count: Param; readonly section: Param; readonly examples: Param };
  // `cell` and `column_name`: where a batch file holds the value (the batch package moves the
  // diagnostic to its cell), so the hint speaks of the column and the row, not of YAML keys.
  input_type: {
    readonly name: Param;
    readonly expected: Param;
    readonly actual: Param;
    readonly cell?: Param;
    readonly column_name?: Param;
  };
  input_range: { readonly name: Param; readonly value: Param; readonly min?: Param; readonly max?: Param };
  input_decimals: { readonly name: Param; readonly value: Param; readonly decimals: Param };
  input_date_out_of_range: {
    readonly date: Param;
    readonly parameter: Param;
    readonly from: Param;
    readonly cell?: Param;
    readonly column_name?: Param;
  };
  input_date_invalid: { readonly date: Param };
  input_year_mismatch: { readonly year: Param; readonly date: Param };
  input_date_outside_period: {
    readonly date: Param;
    readonly from: Param;
    readonly to: Param;
    readonly cell?: Param;
    readonly column_name?: Param;
  };
  input_part_exceeds_whole: {
    readonly part: Param;
    readonly whole: Param;
    readonly part_value: Param;
    readonly whole_value: Param;
    // In a batch file: the cell and column header of the whole (the part's are `cell`, `column_name`).
    readonly cell?: Param;
    readonly column_name?: Param;
    readonly whole_cell?: Param;
    readonly whole_column?: Param;
  };
  input_enum_value: { readonly name: Param; readonly value: Param; readonly allowed: Param };
  input_context_missing: { readonly name: Param; readonly cell?: Param; readonly column_name?: Param };
  input_context_rule: { readonly rule: Param; readonly message_vi: Param; readonly message_en: Param };
  input_identity: { readonly field: Param; readonly reason: Param };
}

/** The params of diagnostics of code `C`. */
export type DiagnosticParams<C extends DiagnosticCode> = C extends keyof DiagnosticParamsByCode
  ? DiagnosticParamsByCode[C]
  : C extends keyof RegisteredDiagnosticParams
    ? RegisteredDiagnosticParams[C]
    : Readonly<Record<string, Param>>;
