/**
 * English texts of the report's problems: what is wrong, then how to fix it, with an example.
 * Keys match problems-vi.ts (the compiler checks both against the code list).
 */
import type { ProblemCatalog, ProblemParams } from '../problems.js';

const v = (p: ProblemParams, key: string): string => (p[key] === undefined ? '' : String(p[key]));

export const problemMessagesEn: ProblemCatalog = {
  targets_unreadable: (p) => ({
    message: `cannot read the targets file: ${v(p, 'reason')}.`,
    hint: 'Check the path given to --targets, e.g. --targets rules/lai-chau-2020-2025/targets.yaml.',
  }),
  targets_yaml: (p) => ({
    message: `this is not valid YAML: ${v(p, 'detail')}.`,
    hint: 'Check the indentation and the quotes on this line; a value with ":" must be quoted.',
  }),
  targets_missing_key: (p) => ({
    message: `"${v(p, 'key')}" is missing${v(p, 'where') ? ` in ${v(p, 'where')}` : ''}.`,
    hint: `Add it, e.g. ${v(p, 'example')}.`,
  }),
  targets_unknown_key: (p) => ({
    message: `"${v(p, 'key')}" is not a key the targets file knows${v(p, 'where') ? ` in ${v(p, 'where')}` : ''}.`,
    hint: v(p, 'suggestion')
      ? `Did you mean "${v(p, 'suggestion')}"? Allowed here: ${v(p, 'allowed')}.`
      : `Allowed here: ${v(p, 'allowed')}.`,
  }),
  targets_wrong_type: (p) => ({
    message: `${v(p, 'where')} must be ${v(p, 'expected_en')}, not ${v(p, 'actual')}.`,
    hint: `Write ${v(p, 'expected_en')}, e.g. ${v(p, 'example')}.`,
  }),
  targets_bad_value: (p) => ({
    message: `${v(p, 'where')}: "${v(p, 'value')}" is not allowed.`,
    hint: v(p, 'suggestion')
      ? `Did you mean "${v(p, 'suggestion')}"? Allowed: ${v(p, 'allowed')}.`
      : `Allowed: ${v(p, 'allowed')}.`,
  }),
  targets_out_of_range: (p) => ({
    message: `${v(p, 'where')}: ${v(p, 'value')} is out of range.`,
    hint: `Give a number ${v(p, 'range_en')}.`,
  }),
  targets_bad_form: (p) => ({
    message: `${v(p, 'where')} is not written in one of the forms the file allows.`,
    hint: `Write one of: ${v(p, 'forms')}.`,
  }),
  targets_bad_pattern: (p) => ({
    message: `${v(p, 'where')}: "${v(p, 'value')}" is not written in the expected form.`,
    hint: `Use lower-case letters, digits and "-" (for facts "_"), e.g. ${v(p, 'example')}.`,
  }),
  targets_ruleset_mismatch: (p) => ({
    message: `these targets are for the ruleset "${v(p, 'actual')}", but the rules given are "${v(p, 'expected')}".`,
    hint: 'Give the targets file that belongs to these rules, or correct "ruleset:".',
  }),
  targets_unknown_fact: (p) => ({
    message: `"${v(p, 'fact')}" is not a fact of the ruleset "${v(p, 'ruleset')}".`,
    hint: v(p, 'suggestion')
      ? `Did you mean "${v(p, 'suggestion')}"? Use a fact id exactly as the rule file declares it under facts:.`
      : 'Use a fact id exactly as the rule file declares it under facts:.',
  }),
  targets_fact_type: (p) => ({
    message: `the fact "${v(p, 'fact')}" is ${v(p, 'type')}: "${v(p, 'key')}" cannot compare it.`,
    hint: 'Use at_least / at_most / equals with a number for a count, is: true|false for a yes/no fact, equals: with a value id for a list.',
  }),
  targets_period_order: (p) => ({
    message: `the period starts in ${v(p, 'from')} but ends in ${v(p, 'to')}.`,
    hint: 'Write the earlier year in from:, e.g. period: { from: 2020, to: 2023 }.',
  }),
  targets_duplicate_id: (p) => ({
    message: `the target id "${v(p, 'id')}" is used twice (first at line ${v(p, 'first_line')}).`,
    hint: 'Give every target its own id.',
  }),
  report_registered_value: (p) => ({
    message: `"${v(p, 'value')}" in the registered column is not yes or no.`,
    hint: `Write ${v(p, 'allowed')}, or leave the cell empty when it is not known (the row then counts as registered, and the report says so).`,
  }),
  report_registered_duplicate_column: (p) => ({
    message: `the registered column appears twice (first in column ${v(p, 'first_column')}).`,
    hint: 'Keep one registered column.',
  }),
  report_duplicate_area: (p) => ({
    message: `the code ${v(p, 'area')} is already counted for ${v(p, 'year')} (${v(p, 'first')}); this row is left out of the report.`,
    hint: 'Give each code one row per year, or correct its code or year.',
  }),
  report_no_areas: () => ({
    message: 'no assessment could be read from the inputs: there is nothing to report.',
    hint: 'Correct the errors above, or give files that hold assessments (CSV, XLSX, JSON, JSON Lines, YAML).',
  }),
};
