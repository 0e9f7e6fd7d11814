/**
 * English words of the CLI. Keys and `{placeholders}` match messages/vi.ts (a test checks both).
 * Errors meant for people are printed in both languages, Vietnamese first.
 */
export const en = {
  unknown_command: "unknown command '{command}'.",
  unknown_option: "unknown option '{option}'.",
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
  rules_invalid: "the rules in '{path}' have {count} error(s).",
  rules_invalid_nothing_evaluated: "the rules in '{path}' have {count} error(s); nothing was evaluated.",
  assessments_failed: '{count} assessment file(s) could not be evaluated.',
  internal_error:
    'internal error: this is a bug in lcz, not in your files. Please report it with the command you ran. Set LCZ_DEBUG=1 to see the details.',
  validate_ok: 'OK {file}: {id} version {version}: {groups} standards, {criteria} criteria, {disqualifiers} disqualifiers',
  validate_notes: '{warnings} warning(s), {infos} note(s):',
} as const;

export type CliMessageKey = keyof typeof en;
export type CliMessages = Readonly<Record<CliMessageKey, string>>;
