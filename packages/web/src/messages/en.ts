/**
 * English words of the component and the playground. Keys and `{placeholders}` match vi.ts
 * exactly (a test checks both); Vietnamese is the default language.
 */
export const en = {
  lang_switch: 'Tiếng Việt',
  lang_switch_label: 'Hiển thị bằng tiếng Việt (switch to Vietnamese)',

  loading: 'Loading the ruleset…',
  rules_none: 'No ruleset yet: set the rules-src attribute to the URL of a rule file, or the ruleset property.',
  rules_fetch_failed: 'Could not load the ruleset from {url}: {reason}.',
  rules_fetch_hint:
    'Check the address in rules-src; the file must be served from the same site or allow cross-origin requests.',
  rules_invalid: 'The ruleset {file} has {count} error(s); the form cannot be built until they are fixed:',

  form_heading: 'Assessment data',
  form_intro:
    'Fields left empty are unknown, never “no” or zero. Only the data the criteria read for this kind of {assessed} is asked for.',
  context_legend: 'About the {assessed}',
  disqualifiers_legend: 'Disqualifying cases',
  other_legend: 'Other data',
  choose: '— choose —',
  no_data: '— no data —',
  yes: 'Yes',
  no: 'No',
  used_by: 'Used by: {ids}',
  bounds_between: 'from {min} to {max}',
  bounds_min: '{min} or more',
  bounds_max: 'at most {max}',
  fields_hidden:
    '{count} field(s) do not apply to this kind of {assessed} and are hidden; their values are kept but not used.',

  field_not_number: 'Not a number: enter digits only, for example 120.',
  field_not_integer: 'Must be a whole number (no decimals), for example 120.',
  field_wrong_type: 'This value has the wrong type: {detail}',
  field_below_min: 'Must be {min} or more; {value} was entered.',
  field_above_max: 'Must be at most {max}; {value} was entered.',
  field_part_exceeds_whole:
    'Cannot be larger than “{whole}” ({whole_value}), of which it is a part; {value} was entered. Check both numbers.',
  field_bad_value: '“{value}” is not one of the choices.',
  context_missing: 'Choose “{label}” to see the result.',
  context_rule: 'This combination cannot exist: {message}',

  result_heading: 'Result',
  decision_label: 'Decision',
  decision_recognised: 'RECOGNISED',
  decision_not_recognised: 'NOT RECOGNISED',
  decision_undetermined: 'NOT ENOUGH DATA TO DECIDE',
  decision_waiting: 'Choose the characteristics of the {assessed} to see the result.',
  decision_invalid_fields: '{count} field(s) with errors are not counted (treated as no data) until corrected.',
  see_result: 'See the result',
  filled: '{filled} of {total} data fields filled',

  reasons_heading: 'Why',
  reason_disqualified: 'Disqualifying case {id} applies: {text}',
  reason_mandatory_failed: 'Mandatory criterion {id} is not passed: {text}',
  reason_group_not_met: '{title}: {passed} of {applicable} passed, {required} required',
  reason_total_not_met: 'Total points not reached',
  reason_requirement_count: 'Fewer than {value} of the criteria {of} pass',
  reason_requirement_points: 'The criteria {of} earn fewer than {value} points',
  reason_unknown: 'Not enough data yet to decide on:',
  ref_criterion: 'criterion {id}',
  ref_disqualifier: 'disqualifying case {id}',
  ref_total: 'the total points',
  reason_recognised:
    'Every standard meets its requirement, no disqualifying case applies and every mandatory criterion is passed.',

  standards_heading: 'Standards',
  group_count: '{passed}/{applicable} passed · {required} required',
  group_count_points: '{points} points · {required} required',
  group_unknown_count: '{count} unknown',
  group_excluded_count: '{count} not counted',
  group_met: 'Met',
  group_not_met: 'Not met',
  group_unknown: 'Undecided',

  status_pass: 'Pass',
  status_fail: 'Fail',
  status_unknown: 'Unknown',
  status_not_applicable: 'N/A',
  mandatory: 'mandatory',
  na_no_variant: 'No variant applies to this {assessed}.',
  na_not_applicable_when: 'Does not apply to this {assessed}.',
  na_counts_as_fail: 'Not applicable, counted as not passed.',

  disqualifiers_heading: 'Disqualifying cases',
  dq_applies: 'Applies',
  dq_clear: 'Does not apply',
  dq_unknown: 'Unknown',

  needed_heading: 'Data still needed for a decision',
  needed_none: 'None.',

  gap_heading: 'What is missing for recognition',
  gap_none: 'Nothing: the {assessed} is recognised.',
  gap_standard_more: '{title}: {more} more must pass.',
  gap_standard_more_points: '{title}: {points} more point(s) needed.',
  gap_mandatory: 'Mandatory criterion {id} must pass.',
  gap_disqualifier: 'Disqualifying case {id} must not apply.',
  gap_total: 'Total points: {points} more needed.',
  gap_could_pass: 'Could pass:',
  gap_cannot: 'Cannot pass by changing data: {reason}',
  obstacle_context: 'it depends on the kind of {assessed}',
  obstacle_empty_whole: 'its total is 0, which the rule counts as not passed',
  obstacle_whole_unknown: 'its total is not entered yet',
  obstacle_bounds: 'the value needed is outside the allowed range',
  obstacle_unsupported: 'the condition has to be checked by hand',
  gap_change: '{label}: {current} → {suggested}',
  gap_change_percent: '({part}/{whole} {op} {threshold}%)',
  gap_plan: 'One way to be recognised (checked by evaluating it):',
  gap_plan_partial: 'Changes found so far (not yet enough):',
  gap_plan_decision: 'Decision after these changes: {decision}',
  gap_undetermined: 'Enter the data still needed first; the gap can then be worked out exactly.',

  playground_title: 'Rule file playground',
  playground_intro:
    'Edit the rule file on the left: it is checked as you type and the form on the right is rebuilt from it.',
  editor_label: 'Rule file (YAML)',
  editor_ok: 'The rule file is valid.',
  editor_ok_with_notes: 'The rule file is valid ({count} note(s) below).',
  editor_errors: '{count} error(s): the form keeps the last valid version.',
  editor_checking: 'Checking…',
  diagnostics_heading: 'Problems',
  go_to: 'Go to line {line}, column {column}',
  playground_lang: 'Language',
  playground_load_failed: 'Could not load the default rule file {url}: {reason}.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;
