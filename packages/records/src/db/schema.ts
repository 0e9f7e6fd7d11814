/**
 * The tables of the record, as Kysely sees them. Every table is append-only: a row is never
 * updated or deleted; a correction is a new row with the next `version` and a `reason`, so every
 * earlier state stays readable. Values and contexts are stored as JSON text, which both SQLite
 * and PostgreSQL keep byte for byte (numbers stay exactly what was entered).
 */

export interface AreasTable {
  code: string;
  version: number;
  name: string;
  unit: string;
  /** JSON object: context attribute id → value. */
  context: string;
  recorded_at: string;
  recorded_by: string;
  reason: string | null;
  change_id: string;
}

export interface RegistrationsTable {
  year: number;
  area_code: string;
  recorded_at: string;
  recorded_by: string;
  change_id: string;
}

/** One change set: an import, an entry, a decision run, a board decision. Who, when, from what. */
export interface ChangesTable {
  id: string;
  kind: string;
  year: number | null;
  actor: string;
  source: string | null;
  recorded_at: string;
}

export interface FactValuesTable {
  year: number;
  area_code: string;
  fact: string;
  version: number;
  /** JSON value, or null when the fact was set back to unknown. */
  value: string | null;
  /** The department (owner id) the value came from, or null when entered by the area itself. */
  owner: string | null;
  entered_by: string;
  entered_at: string;
  /** Where the value was read: `file:row:column`, or a request. */
  source: string | null;
  reason: string | null;
  change_id: string;
}

export interface EvaluationsTable {
  year: number;
  area_code: string;
  version: number;
  decision: string;
  ruleset_id: string;
  ruleset_version: string;
  ruleset_hash: string;
  /** The date the rules in force were chosen for (YYYY-MM-DD). */
  assessed_on: string;
  /** JSON: the assessment evaluated (area, context, facts), so the decision can be re-checked. */
  assessment: string;
  /** JSON: per standard passed/required and the missing facts, for reports. */
  summary: string;
  evaluated_at: string;
  evaluated_by: string;
  reason: string | null;
  change_id: string;
}

export interface BoardDecisionsTable {
  number: string;
  version: number;
  year: number;
  date: string;
  recorded_at: string;
  recorded_by: string;
  reason: string | null;
  change_id: string;
}

export interface BoardAreasTable {
  number: string;
  version: number;
  area_code: string;
  /** The engine's decision the board saw (the evaluation version below). */
  engine_decision: string;
  evaluation_version: number;
  /** Required when the board recognises an area the engine did not. */
  reason: string | null;
}

export interface RecordsDatabase {
  areas: AreasTable;
  registrations: RegistrationsTable;
  changes: ChangesTable;
  fact_values: FactValuesTable;
  evaluations: EvaluationsTable;
  board_decisions: BoardDecisionsTable;
  board_areas: BoardAreasTable;
}
