/**
 * English words of the city report. Keys and `{placeholders}` match report-vi.ts exactly (a test
 * checks both), except the scheme's words: `{assessed}`, `{grouped_by}` and their plural and
 * capitalised forms come from the rule file's `words:` (withWords), and English needs the plural
 * where Vietnamese does not. Vietnamese is the default language of reports.
 */
export const reportEn = {
  title: 'City report: {title}',
  ruleset: 'Ruleset: {id}, version {version}',
  years: 'Years: {years}',
  targets_file: 'Targets: {title} ({file})',
  targets_source: 'Source of the targets: {source}',
  source_record: 'From the record: {record}',
  source_record_as_of: 'From the record: {record}, as it stood at the end of {year} (later years left out)',
  section_targets_by_year: 'Progress against the targets, year by year',
  targets_by_year_note:
    'Each cell: {assessed_many} achieved / {assessed_many} required, counting only the years up to that one; ✓ the target is met by then; — no year of its period yet.',
  detail_year: 'Detailed tables are for {year}, the latest year in the inputs.',
  registration_assumed:
    'No input says which {assessed_many} registered (no "registered" column or field): every {assessed} assessed is counted as registered.',
  registration_partial:
    '{count} {assessed_many} did not say whether they registered (empty "registered" cell or no field): they are counted as registered.',
  registration_record:
    "Registration is as the record holds it (lcz records register); recognition is the board's decision where the year has one, else the engine's; {assessed_many} registered but not yet decided are undetermined.",
  registration_stated: 'Registration comes from the "registered" column or field of the inputs.',
  left_out:
    '{count} input row(s) had errors and are not counted in any figure (see the messages printed with the report).',
  duplicates:
    '{count} row(s) repeated one {assessed} already counted for the same year and were left out (see the messages printed with the report).',
  rate_note:
    'Pass rate = {assessed_many} passing ÷ {assessed_many} where the criterion is decided and counts in its standard (passed or failed, including "not applicable, counted as failed"), rounded down. {Assessed_many} where it is unknown, or not applicable and left out, are not in the rate.',
  year_unknown: 'year not given',
  unit_unknown: '({grouped_by} not given)',
  city_total: 'Whole city',
  none: '—',

  section_summary: 'Summary by year',
  section_units: '{Assessed_many} by {grouped_by}, {year}',
  section_standards: 'Standards: {assessed_many} meeting each, {year}',
  section_criteria: 'Pass rate per criterion, {year}',
  section_most_failed: 'Criteria most often failed, {year}',
  section_targets: 'Progress against the programme targets',
  section_yoy_units: 'Recognised {assessed_many} per {grouped_by}, year on year',
  section_yoy_criteria: 'Pass rate per criterion, year on year',
  no_failures: 'No criterion was failed anywhere.',

  col_year: 'Year',
  col_unit: '{Grouped_by}',
  col_assessed: 'Assessed',
  col_registered: 'Registered',
  col_recognised: 'Recognised',
  col_not_recognised: 'Not recognised',
  col_undetermined: 'Undetermined',
  col_recognised_share: 'Recognised / assessed',
  col_change_recognised: 'Change in recognised',
  col_standard: 'Standard',
  col_met: '{Assessed_many} meeting it',
  col_not_met: 'Not meeting it',
  col_unknown: 'Undetermined',
  col_criterion: 'Criterion',
  col_text: 'Criterion text',
  col_pass: 'Pass',
  col_fail: 'Fail',
  col_criterion_unknown: 'Unknown',
  col_excluded: 'Not applicable (left out)',
  col_applicable: 'Decided',
  col_rate: 'Pass rate',
  col_rank: 'Rank',
  col_target: 'Target',
  col_period: 'Period',
  col_measure: 'Measure',
  col_goal: 'Goal',
  col_achieved: 'Achieved',
  col_required: 'Required',
  col_remaining: 'Still needed',
  col_status: 'Status',
  col_change: 'Change',
  col_rate_in: 'Pass rate {year}',
  col_change_points: 'Change (points)',

  measure_recognised: '{assessed_many} recognised',
  measure_newly_recognised: '{assessed_many} recognised for the first time',
  measure_fact: '{assessed_many} with “{fact}” {op} {value}',
  measure_fact_among: '{assessed_many} not recognised with “{fact}” {op} {value}',
  goal_at_least: 'at least {n}',
  goal_more_than: 'more than {n}',
  goal_at_least_percent: 'at least {p}% of {base} = {required}',
  goal_more_than_percent: 'more than {p}% of {base} = {required}',
  status_met: 'met',
  status_not_met: 'not met',
  status_no_data: 'no data for this period',
  target_no_data: 'The inputs cover no year of {from}–{to}.',
  target_years: 'Years with data: {years}.',
  target_without_data: '{count} {assessed_many} have no data for this target.',

  chart_criteria: 'Pass rate per criterion, {year}',
  chart_criteria_desc:
    'Horizontal bars, one per criterion: the percentage of {assessed_many} where the criterion is decided that pass it.',
  chart_units: 'Recognised {assessed_many} per {grouped_by}, {year}',
  chart_units_desc:
    'For each {grouped_by}, a light bar for the {assessed_many} assessed and a dark bar for those recognised.',
  chart_targets: 'Progress against the programme targets',
  chart_targets_desc:
    'One progress bar per target: {assessed_many} achieved out of the {assessed_many} the goal requires.',
  legend_assessed: 'assessed',
  legend_recognised: 'recognised',
  sheet_about: 'About',
  sheet_summary: 'Summary',
  sheet_units: 'By unit',
  sheet_standards: 'Standards',
  sheet_criteria: 'Criteria',
  sheet_most_failed: 'Most failed',
  sheet_targets: 'Targets',
  sheet_targets_by_year: 'Targets by year',
  sheet_yoy_units: 'Recognised by year',
  sheet_yoy_criteria: 'Pass rate by year',
  percent_unit: '(%)',
  show_full: 'Tap to show the full text',
  table_caption_hint: 'Figures are counts of {assessed_many}.',
} as const;

export type ReportMessageKey = keyof typeof reportEn;
export type ReportMessages = Readonly<Record<ReportMessageKey, string>>;
