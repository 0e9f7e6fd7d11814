/**
 * English words of the printed table of criteria (`lcz docs`). Keys and `{placeholders}` match
 * messages/vi.ts exactly (a test checks both). The texts of the criteria come from the ruleset.
 */
export const tableEn = {
  column_number: 'No.',
  column_content: 'Content',
  column_result: 'Assessment result',
  column_pass: 'Passed',
  column_fail: 'Not passed',
  column_remark: 'Remarks',
  column_dq_clear: 'Does not apply',
  column_dq_applies: 'Applies',
  section_criteria: 'Assessment criteria',
  section_disqualifiers: 'Cases that block recognition',
  note_label: 'Note:',
  ruleset_line: '{title} (version {version})',
  effective: 'in force from {from} to {to}',
  effective_open: 'in force from {from}',

  area: '{Assessed}',
  area_code: 'code',
  unit: '{Grouped_by}',
  date: 'Date of assessment',
  blank_line: '……………………………………',
  choice: '☐ {label}',
  yes: 'yes',
  no: 'no',

  remark_unknown: 'Unknown',
  remark_not_applicable: 'Not applicable',
  remark_not_applicable_fail: 'Not applicable (counts as not passed)',
  remark_variant: 'Applies: {variant}',
  remark_group: '{passed}/{applicable} passed, needs {required}',
  remark_group_points: '{points} points, needs {required}',
  remark_group_unknown: 'Unknown: {passed}/{applicable} passed, needs {required}',
  remark_dq_applies: 'Applies',
  remark_dq_clear: 'Does not apply',
  remark_dq_unknown: 'Unknown',

  decision_label: 'Decision',
  decision_blank: '☐ Recognised    ☐ Not recognised',
  reason_disqualified: 'falls under case {number}: {text}',
  reason_mandatory_failed: 'did not pass mandatory criterion {id}: {text}',
  reason_group_not_met: '{title}: {passed}/{applicable} passed, needs {required}',
  reason_total_not_met: 'total points: {passed}, needs {required}',
  reason_requirement_count: 'fewer than {value} of the criteria {of} pass',
  reason_requirement_points: 'the criteria {of} earn fewer than {value} points',
  reason_unknown: 'facts still missing for: {ids}',
  mandatory_marker: '(Mandatory: must pass for recognition)',
  undecided_criterion: 'criterion {id}',
  undecided_disqualifier: 'case {number}',
  undecided_total: 'total points',
  assessor: 'Assessed by (signature, full name)',
} as const;

export type TableMessageKey = keyof typeof tableEn;
export type TableMessages = Readonly<Record<TableMessageKey, string>>;
