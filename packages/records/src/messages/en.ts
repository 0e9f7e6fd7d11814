/** English text of the record's problems (problems.ts); the Vietnamese catalogue is vi.ts. */
import type { ProblemCatalog, ProblemParams } from '../problems.js';

export const recordsMessagesEn: ProblemCatalog = {
  records_area_unknown: (p) => ({
    message: `{Assessed} ${p.area} is not in the record.`,
    hint: 'Register the {assessed} first (lcz records register), or check its code against the register.',
  }),
  records_area_not_registered: (p) => ({
    message: `{Assessed} ${p.area} is not registered for ${p.year}.`,
    hint: `Register it for ${p.year} (lcz records register --year ${p.year}) before entering its facts.`,
  }),
  records_area_change_needs_reason: (p) => ({
    message: `{Assessed} ${p.area} is already recorded with other details (${p.field}: "${p.old}" → "${p.new}").`,
    hint: 'A change is kept as a new version beside the old one: give the reason with --reason.',
  }),
  records_fact_unknown: (p) => ({
    message: `"${p.fact}" is not a fact of ruleset ${p.ruleset}.`,
    hint: 'Use the column names of the template made from the same rule file (lcz template).',
  }),
  records_fact_not_owned: (p) => ({
    message: `Fact "${p.fact}" is answered by ${p.owners}, not by ${p.owner} (${p.rows} ${String(p.rows) === '1' ? 'row' : 'rows'} from here on).`,
    hint: `Leave the column empty in ${p.owner}'s part; the template made with --owner ${p.owner} has only its own facts.`,
  }),
  records_owner_unknown: (p) => ({
    message: `"${p.owner}" is not a department of ruleset ${p.ruleset}.`,
    hint: `The departments are declared under owners: in the rule file: ${p.known}.`,
  }),
  records_conflict: (p) => ({
    message: `{Assessed} ${p.area}, fact "${p.fact}": ${p.value} here, but ${p.other_value} at ${p.other}.`,
    hint: 'Two parts give different values for one fact; nothing was imported. Agree on the value and correct one of the files.',
  }),
  records_conflict_stored: (p) => ({
    message: `{Assessed} ${p.area}, fact "${p.fact}": ${p.value} here, but the record holds ${p.other_value}, entered by ${p.other_by} (${p.other}).`,
    hint: `Only whoever entered the value can correct it; agree with ${p.other_by} first. Nothing was imported.`,
  }),
  records_correction_needs_reason: (p) => ({
    message: `{Assessed} ${p.area}, fact "${p.fact}": ${p.value} replaces ${p.other_value} entered on ${p.other_at}.`,
    hint: 'A correction is kept as a new version beside the old one: give the reason with --reason "…".',
  }),
  records_not_evaluated: (p) => ({
    message: `${p.area} has no decision of the engine for ${p.year}.`,
    hint: `Run lcz records decide --year ${p.year} first; the board decides on evaluated {assessed_many}.`,
  }),
  records_board_reason_required: (p) => ({
    message: `The board recognises ${p.area}, but the engine's result for ${p.year} is "${p.decision}".`,
    hint: 'Recognising against the engine\'s result needs a written reason: --reason CODE="…".',
  }),
  records_board_exists: (p) => ({
    message: `Board decision ${p.number} is already recorded (${p.date}).`,
    hint: 'A correction of a board decision is a new version: give the reason with --correct "…".',
  }),
  records_cycle_invalid: (p) => ({
    message: cycleProblemEn(p),
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
  records_report_invalid: (p) => ({
    message: `{Assessed} ${p.area}, ${p.year}: its stored assessment is not valid for ruleset ${p.ruleset}; it is left out of the report.`,
    hint: 'Report with the rules it was decided with (lcz records history shows them), or decide the year again (lcz records decide).',
  }),
  records_store_damaged: (p) => ({
    message: `The record holds the decision '${p.value}' for ${p.area} in ${p.year}, which lcz never writes: the database was changed outside lcz.`,
    hint: 'Nothing was read from it. Restore the record from its last backup (lcz records backup), or find out who changed the database and how.',
  }),
  records_store_missing: (p) => ({
    message: `No record here: ${p.path} does not exist.`,
    hint: 'Check the folder given for the record: it must be the folder the record was created in. A new record is created by lcz records register, the first step of the year.',
  }),
  records_report_other_rules: (p) => ({
    message: `${p.year}: decisions stored with ${p.stored} are counted again with ${p.given}.`,
    hint: 'Who is recognised stays as stored; the per-criterion figures follow the rules given. Give the rules of that year for its exact figures.',
  }),
  records_keys_invalid: (p) => ({
    message: `The key file: ${KEYS_WHAT_EN[String(p.what)] ?? String(p.what)}.`,
    hint: 'Each key needs name, role (area, department, board or reader) and sha256 (the key\'s SHA-256 in hex, e.g. printf %s "$KEY" | sha256sum); a key of role area needs unit: or areas:, a department key owner:.',
  }),
  records_key_missing: () => ({
    message: 'This request needs an API key, and none was sent.',
    hint: 'Send the key the operator gave you: Authorization: Bearer <key>.',
  }),
  records_key_unknown: () => ({
    message: "The API key sent is not one of this server's keys.",
    hint: 'Check the key (no spaces or line breaks around it), or ask the operator for yours.',
  }),
  records_forbidden_role: (p) => ({
    message: `Key ${p.key} (role ${p.role}) may not ${ACTION_EN[String(p.action)] ?? String(p.action)}.`,
    hint: `Only a key of role ${p.roles} may; use yours for what it is for. Nothing was written.`,
  }),
  records_forbidden_area: (p) => ({
    message: `Key ${p.key} writes for ${p.scope}; {assessed} ${p.area} belongs to ${p.unit}.`,
    hint: 'Each {grouped_by} writes only its own {assessed_many}; this one is entered by its own {grouped_by}. Nothing was written.',
  }),
  records_forbidden_fact: (p) => ({
    message: `Fact "${p.fact}" is answered by ${p.owners}, not by ${p.owner} (key ${p.key}).`,
    hint: `Send only ${p.owner}'s own facts; the rule file's owners: block says who answers for each. Nothing was written.`,
  }),
};

const KEYS_WHAT_EN: Readonly<Record<string, string>> = {
  unreadable: 'it cannot be read',
  too_large: 'it is larger than 1 MiB',
  yaml: 'it is not valid YAML here',
  not_mapping: 'it is not a mapping (format:, keys:)',
  format: 'format: must be 1',
  keys_list: 'keys: must be a non-empty list',
  too_many: 'keys: has more than 10000 keys',
  key_mapping: 'each item of keys: must be a mapping (name:, role:, sha256: …)',
  name: 'name: is missing or empty',
  duplicate_name: 'this name is already used by another key',
  role: 'role: must be area, department, board or reader',
  sha256: 'sha256: must be 64 hexadecimal digits (the SHA-256 of the key)',
  duplicate_key: "this sha256 is already another key's: every key must be different",
  areas: 'areas: must be a list of {assessed} codes',
  unit_or_areas: 'a key of role area needs unit: (its {grouped_by}) or areas: ({assessed} codes)',
  owner: 'a department key needs owner: (an owner id of the rule file)',
};

const ACTION_EN: Readonly<Record<string, string>> = {
  write_facts: 'enter facts',
  register: 'register {assessed_many}',
  record_board: "record the board's decisions",
  read_details: 'read the facts and history of one {assessed} (summaries only)',
};

/** What is wrong with the cycle file, by the reason cycle.ts gives. */
function cycleProblemEn(p: ProblemParams): string {
  const key = String(p.key ?? '');
  switch (p.reason) {
    case 'missing':
      return 'The cycle file does not exist: put cycle.yaml beside the rules, or name the file with --cycle.';
    case 'unreadable':
      return 'The cycle file cannot be read.';
    case 'yaml':
      return `The cycle file is not valid YAML (${String(p.detail ?? '')}).`;
    case 'not_mapping':
      return 'The cycle file must hold keys and values (format, ruleset, report_by).';
    case 'missing_key':
      return `The cycle file has no ${key}:.`;
    default:
      return key === 'format'
        ? 'format: must be 1.'
        : key === 'ruleset'
          ? 'ruleset: must be the id of the rules (id: in the rule file).'
          : 'report_by: must be a day of the year written "MM-DD", e.g. "10-15".';
  }
}
