/**
 * English words of the gap analysis (explainGap). Keys and `{placeholders}` match gap-vi.ts
 * exactly (a test checks both). Shared words (decisions, yes/no) come from en.ts.
 */
export const gapEn = {
  heading: 'WHAT IT WOULD TAKE TO BE RECOGNISED',
  heading_undetermined: 'WHAT IS STILL MISSING AND WHAT IT WOULD DECIDE',
  recognised: 'Nothing: the {assessed} is recognised.',
  standard_more:
    '{title}: {passed} of {applicable} {applicable|criterion|criteria} passed, {required} required: {more} more must pass.',
  standard_more_points:
    '{title}: {points} {points|point|points}, {required} required: {more_points} more {more_points|point|points}, from at least {more} more {more|criterion|criteria}.',
  standard_excluded:
    '{excluded} {excluded|criterion does|criteria do} not apply and {excluded|is|are} left out of the count ({applicable} counted).',
  standard_later:
    '{later} {later|criterion counts|criteria count} only from a higher level and {later|is|are} not counted here ({applicable} counted).',
  candidates: 'Criteria that could pass:',
  no_candidates: 'No criterion of this standard can pass by changing facts.',
  threshold: 'Threshold',
  facts: 'Data',
  changes: 'Needs',
  change: '{label}: {current} → {suggested}',
  change_percent:
    '{label}: {current} → {suggested} ({required_part} of {whole_value} {unit} {op} {threshold}%{additional})',
  more_items: ', {count} more',
  fewer_items: ', {count} fewer',
  obstacle_context:
    'Cannot pass for this kind of {assessed}: it depends on the characteristics of the {assessed}, not on facts.',
  obstacle_empty_whole:
    'Cannot pass: the whole of the percentage is 0 and the rule counts an empty whole as not reaching it.',
  obstacle_whole_unknown: 'The whole of the percentage is not known yet: supply it to see how many are needed.',
  obstacle_bounds: 'Cannot pass: the value needed lies outside the bounds the rule file declares for the fact.',
  obstacle_unsupported: 'The condition cannot be worked backwards automatically: check it by hand.',
  mandatory_heading: 'Mandatory criteria that must pass:',
  disqualifiers_heading: 'Disqualifying cases to clear:',
  total_more:
    'Total points: {passed}, {required} required: {more_points} more {more_points|point|points}, from at least {more} more {more|criterion|criteria}.',
  undecided_heading: 'Missing facts that would decide the result:',
  undecided_standard: '{title} (criteria {criteria})',
  undecided_mandatory: 'Mandatory criterion {id}',
  undecided_disqualifier: 'Disqualifying case {id}',
  undecided_total: 'Total points (criteria {criteria})',
  plan_heading: 'One way to be recognised (checked by evaluating the changed facts):',
  plan_result: 'Decision with these changes: {decision}',
  plan_none: 'No change of facts was found that makes the {assessed} recognised.',
  plan_partial: 'These changes are the most that changing facts can do; the decision stays: {decision}.',
  plan_heading_missing:
    'If the missing facts have these values, the {assessed} is recognised (checked by evaluating them):',
  plan_heading_missing_changed:
    'If the missing facts have these values and the other facts change as shown, the {assessed} is recognised (checked by evaluating them):',
  plan_heading_missing_partial:
    'These values of the missing facts (and changes) bring the {assessed} closest to recognition (checked by evaluating them):',
  plan_result_missing: 'Once these facts are known, the decision is: {decision}',
  plan_missing_partial: 'With these facts, the decision would be: {decision}.',
  plan_still_missing: 'Still not enough to decide: {facts} still missing.',
  plan_would_decide: 'Those facts would decide: {parts}.',
  plan_none_missing: 'No values of the missing facts were found that make the {assessed} recognised.',
  levels_heading: 'WHAT IT WOULD TAKE TO REACH A HIGHER LEVEL',
  level_head: 'To reach {label} ({id}):',
  level_more_points: '{more_points} more {more_points|point|points} needed.',
  lack_criteria: '{title}: {need} {need|criterion|criteria} must pass, {have} certain: {more} more.',
  lack_points: '{title}: {need} {need|point|points} needed, {have} certain: {more} more {more|point|points}.',
  lack_mandatory: 'Mandatory criterion {id} must pass.',
  lack_disqualifier: 'Disqualifying case {id} must be cleared.',
  lack_total: 'All criteria',
  lack_list: 'Requirement {n} of the requirements: list',
  level_way: 'Way {n}, checked by evaluating the changed facts (level reached: {level}):',
  level_after: 'From the facts as Way 1 to the level below leaves them:',
  level_no_way: 'No change of facts was found that reaches this level.',
  level_already: 'Nothing more: Way 1 to the level below already reaches this level.',
  derived_value: '{label}: {current}{needs}',
  derived_change: '{label}: {current} → {suggested}{needs}',
  derived_needs: ' (needs {op} {threshold})',
  alternative: 'Or:',
} as const;

export type GapMessageKey = keyof typeof gapEn;
export type GapMessages = Readonly<Record<GapMessageKey, string>>;
