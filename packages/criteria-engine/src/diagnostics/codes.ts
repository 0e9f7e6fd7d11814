/**
 * The closed list of the engine's diagnostic codes. Each code has a row in docs/errors.md, a
 * message in messages/vi.ts and messages/en.ts (a test checks both), and a fixture under
 * test/fixtures/invalid-rules/ or test/fixtures/invalid-assessments/. Other packages add their
 * own codes (the batch package's `batch_*`) through registered.ts.
 */
import type { RegisteredDiagnosticParams } from './registered.js';

export const DIAGNOSTIC_CODES = [
  // Any stage: the rest of a file's (or a row's) problems, past the cap on what is shown
  'diagnostics_omitted',
  // Reading files (node entry point)
  'file_not_found',
  'file_unreadable',
  'file_too_large',
  'file_outside_root',
  'text_encoding',
  // parse/: YAML as plain YAML 1.2 core data
  'yaml_syntax',
  'yaml_indentation',
  'yaml_tab_indentation',
  'yaml_duplicate_key',
  'yaml_version_directive',
  'yaml_unsupported_tag',
  'yaml_self_alias',
  'yaml_alias_limit',
  'yaml_depth_limit',
  'yaml_scalar_too_long',
  'yaml_unsafe_key',
  'yaml_integer_too_large',
  'yaml_nul_byte',
  'yaml_multiple_documents',
  'yaml_empty_document',
  // validate/: the JSON Schema of rule files
  'schema_required',
  'schema_unknown_property',
  'schema_type',
  'schema_enum',
  'schema_pattern',
  'schema_range',
  'schema_size',
  'schema_shape',
  'schema_other',
  'date_invalid',
  'effective_order',
  // validate/: texts in the languages the file declares
  'text_language_missing',
  'text_language_undeclared',
  // compile/: the condition language
  'expr_syntax',
  'expr_unknown_name',
  'expr_unknown_function',
  'expr_arity',
  'expr_type',
  'expr_enum_value',
  'expr_date_literal',
  'expr_limit',
  'expr_number_inexact',
  'expr_division_outside_derived',
  'derived_if_zero_missing',
  'parameter_key_unknown',
  'parameter_key_value',
  'parameter_row_keys',
  // compile/: the ruleset as a whole
  'duplicate_id',
  'unknown_fact',
  'unknown_criterion',
  'unknown_group',
  'unknown_level',
  'unknown_disqualifier',
  'mandatory_below_level',
  'points_bands_order',
  'owner_conflict',
  'threshold_range',
  'threshold_decimals',
  'relation_invalid',
  'selector_not_context',
  'variant_uncovered',
  'variant_overlap',
  'version_mismatch',
  'version_overlap',
  'version_gap',
  'version_duplicate',
  'version_period_missing',
  'version_not_found',
  'ruleset_not_in_folder',
  'policy_missing',
  'definition_cycle',
  'include_invalid',
  // compiled rules files (lcz build, loadCompiledRuleset)
  'build_fragment',
  'compiled_unreadable',
  'compiled_stale',
  'generated_mismatch',
  'plan_module_stale',
  // analyze/: static checks of a loaded ruleset (lcz check, docs/rule-checks.md)
  'criterion_never_passes',
  'criterion_never_fails',
  'disqualifier_always_applies',
  'disqualifier_never_applies',
  'requirement_unreachable',
  'mandatory_not_applicable',
  'parameter_cell_missing',
  'criterion_no_effect',
  'threshold_conflict',
  'text_threshold_mismatch',
  'equals_reads_at_least',
  'mandatory_not_in_note',
  'check_limit',
  'id_numbering',
  'level_points',
  'level_unreachable',
  'level_requirement_weaker',
  // evaluate/: assessments
  'input_shape',
  'input_unknown_fact',
  'input_unknown_facts',
  'input_type',
  'input_range',
  'input_decimals',
  'input_date_out_of_range',
  'input_date_outside_period',
  'input_part_exceeds_whole',
  'input_enum_value',
  'input_context_missing',
  'input_context_rule',
  'input_identity',
] as const;

/** A code of the engine's own (its catalogues hold exactly these). */
export type EngineDiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Any diagnostic's code: the engine's, or one a package registered (registered.ts). */
export type DiagnosticCode = EngineDiagnosticCode | keyof RegisteredDiagnosticParams;
