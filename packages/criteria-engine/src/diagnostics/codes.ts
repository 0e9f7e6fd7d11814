/**
 * The closed list of diagnostic codes. Each code has a row in docs/errors.md, a message in
 * messages/vi.ts and messages/en.ts (a test checks both), and a fixture under
 * test/fixtures/invalid-rules/ or test/fixtures/invalid-assessments/.
 */
export const DIAGNOSTIC_CODES = [
  // Any stage: the rest of a file's (or a row's) problems, past the cap on what is shown
  'diagnostics_omitted',
  // Reading files (node entry point)
  'file_not_found',
  'file_unreadable',
  'file_too_large',
  // parse/: YAML as plain YAML 1.2 core data
  'yaml_syntax',
  'yaml_duplicate_key',
  'yaml_version_directive',
  'yaml_unsupported_tag',
  'yaml_self_alias',
  'yaml_alias_limit',
  'yaml_depth_limit',
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
  // compile/: the condition language
  'expr_syntax',
  'expr_unknown_name',
  'expr_unknown_function',
  'expr_arity',
  'expr_type',
  'expr_enum_value',
  'expr_limit',
  // compile/: the ruleset as a whole
  'duplicate_id',
  'unknown_fact',
  'unknown_criterion',
  'threshold_range',
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
  'policy_missing',
  'definition_cycle',
  'include_invalid',
  // compiled rules files (lcz build, loadCompiledRuleset)
  'build_fragment',
  'compiled_unreadable',
  'compiled_stale',
  // analyze/: static checks of a loaded ruleset (lcz check, docs/rule-checks.md)
  'criterion_never_passes',
  'criterion_never_fails',
  'disqualifier_always_applies',
  'disqualifier_never_applies',
  'requirement_unreachable',
  'mandatory_not_applicable',
  'criterion_no_effect',
  'threshold_conflict',
  'check_limit',
  // evaluate/: assessments
  'input_shape',
  'input_unknown_fact',
  'input_type',
  'input_range',
  'input_part_exceeds_whole',
  'input_enum_value',
  'input_context_missing',
  'input_context_rule',
  'input_identity',
  // @lcz/criteria-batch: assessments in bulk (CSV, XLSX, JSON Lines, …), located at row and column
  'batch_unreadable',
  'batch_no_header',
  'batch_header_unknown',
  'batch_header_duplicate',
  'batch_header_missing',
  'batch_cell_type',
  'batch_cell_unheaded',
  'batch_identity_missing',
  'batch_year_mismatch',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
