/**
 * English words of the text report. Keys and `{placeholders}` match messages/vi.ts exactly
 * (a test checks both). Vietnamese is the default language of reports.
 */
export const en = {
  report_heading: 'ASSESSMENT REPORT',
  area: '{Assessed}',
  area_unnamed: '(unnamed)',
  area_code: 'Code',
  unit: '{Grouped_by}',
  date: 'Assessment date',
  year_only: 'Year assessed (no date given: what needs the day is decided only where the whole year agrees)',
  ruleset: 'Ruleset',
  ruleset_line: '{id}, version {version} ({hash})',
  context: 'Characteristics',
  language_fallback: 'The rule file is written in {language} only: its texts are shown in that language.',
  language_en: 'English',
  language_vi: 'Vietnamese',

  decision_heading: 'DECISION',
  decision_recognised: 'RECOGNISED',
  decision_not_recognised: 'NOT RECOGNISED',
  decision_undetermined: 'UNDETERMINED',

  reasons_heading: 'Reasons',
  reason_disqualified: 'Falls under disqualifying case {id}: {text}',
  reason_mandatory_failed: 'Mandatory criterion {id} is not passed: {text}',
  reason_mandatory_not_applicable: 'Mandatory criterion {id} does not apply: {text}',
  reason_group_not_met: '{title}: {passed} of {applicable} {applicable|criterion|criteria} passed, {required} required',
  reason_group_not_met_points: '{title}: {points} {points|point|points}, {required} required',
  reason_total_not_met: 'Total points: {passed}, {required} required',
  reason_requirement_count: 'fewer than {value} of the criteria {of} pass',
  reason_requirement_points: 'the criteria {of} earn fewer than {value} {value|point|points}',
  reason_unknown: 'Not enough data yet to decide on:',
  unknown_criterion: 'criterion {id}: {text}',
  unknown_disqualifier: 'disqualifying case {id}: {text}',
  reason_recognised:
    'Every standard meets its requirement, no disqualifying case applies and every mandatory criterion is passed.',

  standards_heading: 'STANDARDS',
  group_summary: '{passed}/{applicable} passed = {percent} (required {required})',
  group_summary_points: '{points} {points|point|points} (required {required})',
  group_unknown_count: '{count} unknown',
  group_excluded_count: '{count} not counted',
  group_later_count: '{count} {count|counts|count} only from a higher level',
  group_points_with_later: 'Points with {count|it|them}: {points}',
  group_met: 'MET',
  group_not_met: 'NOT MET',
  group_unknown: 'UNDETERMINED',

  status_pass: 'pass',
  status_fail: 'fail',
  status_unknown: 'unknown',
  status_not_applicable: 'not applicable',
  mandatory_tag: 'mandatory',
  from_level_tag: 'counts from {level}',

  na_no_variant: 'No variant applies to this {assessed}.',
  na_not_applicable_when: 'Does not apply to this {assessed}.',
  na_counts_as_fail: 'Not applicable, counted as not passed.',
  variant: 'Variant',
  facts: 'Data',
  note: 'Note',

  disqualifiers_heading: 'DISQUALIFYING CASES',
  disqualifiers_none: 'The ruleset has no disqualifying cases.',
  dq_applies: 'applies',
  dq_clear: 'does not apply',
  dq_unknown: 'unknown',

  mandatory_heading: 'MANDATORY CRITERIA',
  mandatory_none: 'The ruleset has no mandatory criteria.',
  mandatory_from_level: 'mandatory from level {level}',

  total_heading: 'TOTAL POINTS',
  level_reached: 'Level reached: {level}',
  level_possible: 'Highest level still possible: {level}',
  level_none: 'none',
  level_line: '{mark} {label} ({id}): {status}',
  points_line: 'Points: {points}',
  points_total_line: 'All criteria: {points} {points|point|points}',
  missing_level: 'What can still change the level reached:',
  next_heading: 'To reach {level}:',
  next_points: '{what}: {need} {need|point|points} needed, {have} certain, {more} more',
  next_criteria: '{what}: {need} {need|criterion|criteria} must pass, {have} certain, {more} more',
  next_total: 'all criteria',
  next_requirement: 'requirement {n} over named criteria',
  next_mandatory: 'mandatory criterion {id} must pass',
  next_disqualifier: 'disqualifying case {id} must not apply',
  total_line: '{passed} {passed|point|points} (required {required})',

  missing_heading: 'FACTS STILL NEEDED',
  missing_none: 'None: every fact needed for a decision was supplied.',
  missing_none_undetermined:
    'None is missing, yet the decision stays undetermined: a value the rules compute has none here (a division by 0 that the rule file leaves unknown, if_zero: unknown, or a parameter table with no value for this case), so the criteria marked ? stay unknown whatever is added. Check the facts they read (a 0 where a count was meant?), or decide them by hand.',
  missing_other: 'Also missing, but no longer able to change the decision:',

  value_true: 'yes',
  value_false: 'no',
  value_null: 'no data',
  derived_value: '{value} → needs {op} {threshold}',
  derived_zero_unknown:
    'cannot be computed: {expression} divides by 0, which the rule file leaves unknown (if_zero: unknown) → needs {op} {threshold}',
  share_label: 'Share of "{part}" in "{whole}"',
  value_implied_zero: '{value} (not given: it is part of “{whole}”, which is 0, so it can only be 0)',
  percent_none: 'nothing applicable',
} as const;

/** The keys every locale must define. */
export type ExplainMessageKey = keyof typeof en;
export type ExplainMessages = Readonly<Record<ExplainMessageKey, string>>;
