/** English text of the record's problems (problems.ts); the Vietnamese catalogue is vi.ts. */
import type { ProblemCatalog } from '../problems.js';

export const recordsMessagesEn: ProblemCatalog = {
  records_area_unknown: (p) => ({
    message: `Area ${p.area} is not in the record.`,
    hint: 'Register the area first (lcz records register), or check the area code against the register.',
  }),
  records_area_not_registered: (p) => ({
    message: `Area ${p.area} is not registered for ${p.year}.`,
    hint: `Register it for ${p.year} (lcz records register --year ${p.year}) before entering its facts.`,
  }),
  records_area_change_needs_reason: (p) => ({
    message: `Area ${p.area} is already recorded with other details (${p.field}: "${p.old}" → "${p.new}").`,
    hint: 'A change is kept as a new version beside the old one: give the reason with --reason.',
  }),
  records_fact_unknown: (p) => ({
    message: `"${p.fact}" is not a fact of ruleset ${p.ruleset}.`,
    hint: 'Use the column names of the template made from the same rule file (lcz template).',
  }),
  records_fact_not_owned: (p) => ({
    message: `Fact "${p.fact}" is answered by ${p.owners}, not by ${p.owner} (${p.rows} row(s) from here on).`,
    hint: `Leave the column empty in ${p.owner}'s part; the template made with --owner ${p.owner} has only its own facts.`,
  }),
  records_owner_unknown: (p) => ({
    message: `"${p.owner}" is not a department of ruleset ${p.ruleset}.`,
    hint: `The departments are declared under owners: in the rule file: ${p.known}.`,
  }),
  records_conflict: (p) => ({
    message: `Area ${p.area}, fact "${p.fact}": ${p.value} here, but ${p.other_value} at ${p.other}.`,
    hint: 'Two parts give different values for one fact; nothing was imported. Agree on the value and correct one of the files.',
  }),
  records_conflict_stored: (p) => ({
    message: `Area ${p.area}, fact "${p.fact}": ${p.value} here, but the record holds ${p.other_value}, entered by ${p.other_by} (${p.other}).`,
    hint: `Only whoever entered the value can correct it; agree with ${p.other_by} first. Nothing was imported.`,
  }),
  records_correction_needs_reason: (p) => ({
    message: `Area ${p.area}, fact "${p.fact}": ${p.value} replaces ${p.other_value} entered on ${p.other_at}.`,
    hint: 'A correction is kept as a new version beside the old one: give the reason with --reason "…".',
  }),
  records_not_evaluated: (p) => ({
    message: `Area ${p.area} has no decision of the engine for ${p.year}.`,
    hint: `Run lcz records decide --year ${p.year} first; the board decides on evaluated areas.`,
  }),
  records_board_reason_required: (p) => ({
    message: `The board recognises area ${p.area}, but the engine's result for ${p.year} is "${p.decision}".`,
    hint: 'Recognising an area against the engine needs a written reason: --reason CODE="…".',
  }),
  records_board_exists: (p) => ({
    message: `Board decision ${p.number} is already recorded (${p.date}).`,
    hint: 'A correction of a board decision is a new version: give the reason with --correct "…".',
  }),
  records_cycle_invalid: (p) => ({
    message: `The cycle file: ${p.detail}.`,
    hint: 'It needs format: 1, ruleset: <id> and report_by: "MM-DD" (the yearly deadline), e.g. report_by: "10-15".',
  }),
  records_backup_unsupported: () => ({
    message: 'A PostgreSQL record is backed up by the database server (pg_dump), not by lcz.',
    hint: 'lcz records backup copies the embedded SQLite store.',
  }),
  records_year_invalid: (p) => ({
    message: `"${p.value}" is not a year.`,
    hint: 'Write the year in four digits, e.g. --year 2024.',
  }),
};
