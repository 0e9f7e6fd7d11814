/**
 * @lcz/criteria-records — the record of the yearly cycle, for Node: areas and each year's
 * registration, fact values with who entered them and when (departments' parts, conflicts
 * located, never last-one-wins), the engine's decisions with the rules that made them, the
 * board's decisions, history and progress. Embedded SQLite by default, PostgreSQL by URL, both
 * through Kysely. Nothing here knows any particular scheme: departments, facts and deadlines
 * come from the rule file and the cycle file.
 */
export { openRecordsStore, openRecordsStoreWith, RecordsStore, canonicalJson, type StoreOptions } from './store.js';
export { STORE_FILE, isPostgresUrl, storeFile, type Flavour } from './db/open.js';
export { MIGRATIONS } from './db/migrations.js';
export {
  formatRecordsProblem,
  formatRecordsProblems,
  problemText,
  RECORD_FILE,
  RECORDS_PROBLEM_CODES,
  RecordsError,
  type RecordsProblem,
  type RecordsProblemCode,
} from './problems.js';
export type * from './types.js';
export { loadCycle, parseCycle, deadlineOf, daysUntil, type Cycle } from './cycle.js';
export { readParts, AREA_OWNER, type Part, type ReadParts } from './parts.js';
export { importParts, registerAreas, type ImportOptions, type ImportOutcome } from './import.js';
export { assessYear, decideYear, rulesOn, summaryOf, type AreaAssessment, type DecideOutcome } from './decide.js';
export { yearStatus, type StatusRow, type YearStatus } from './status.js';
export {
  areaHistory,
  recognisedAreas,
  recognitionChanges,
  type AreaYear,
  type RecognitionChanges,
} from './history.js';
export { backupStore } from './backup.js';
export {
  type Action,
  type ApiKey,
  areaInScope,
  areaScopeProblems,
  checkKeyOwners,
  factScopeProblems,
  findApiKey,
  keyDigest,
  loadApiKeys,
  MAX_KEYS,
  parseApiKeys,
  ROLES,
  type Role,
  roleMay,
} from './access.js';
export { recordEntries, type RecordEntriesOptions, type RecordEntry } from './report-entries.js';
