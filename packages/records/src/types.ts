/** The record's data as programs see it (camelCase; the tables are in db/schema.ts). */

export type StoredValue = number | boolean | string;

/** Where an input came from: a file and, for spreadsheets, its row and column. */
export interface Where {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Who writes, from what, and why (a correction's reason). */
export interface WriteMeta {
  readonly by: string;
  readonly source?: string;
  readonly reason?: string;
}

export interface AreaInput {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  readonly context: Readonly<Record<string, string | boolean>>;
  readonly at?: Where;
}

export interface AreaRecord {
  readonly code: string;
  readonly version: number;
  readonly name: string;
  readonly unit: string;
  readonly context: Readonly<Record<string, string | boolean>>;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly reason: string | null;
}

/** One fact value to append; `value: null` sets a fact back to unknown. */
export interface FactEntry {
  readonly area: string;
  readonly fact: string;
  readonly value: StoredValue | null;
  /** The department the value comes from; null for the area's own (ward/commune) facts. */
  readonly owner: string | null;
  readonly at: Where;
}

export interface FactRecord {
  readonly area: string;
  readonly year: number;
  readonly fact: string;
  readonly version: number;
  readonly value: StoredValue | null;
  readonly owner: string | null;
  readonly enteredBy: string;
  readonly enteredAt: string;
  readonly source: string | null;
  readonly reason: string | null;
}

export type Decision = 'recognised' | 'not_recognised' | 'undetermined';

/** What reports need of one result without re-evaluating: per standard passed of applicable. */
export interface EvaluationSummary {
  readonly standards: readonly {
    readonly id: string;
    readonly status: string;
    readonly passed: number;
    readonly required: number;
    readonly applicable: number;
  }[];
  readonly failed: readonly string[];
  readonly missing: readonly string[];
}

export interface EvaluationInput {
  readonly area: string;
  readonly decision: Decision;
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly assessedOn: string;
  readonly assessment: unknown;
  readonly summary: EvaluationSummary;
}

export interface EvaluationRecord {
  readonly area: string;
  readonly year: number;
  readonly version: number;
  readonly decision: Decision;
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly assessedOn: string;
  readonly assessment: {
    readonly area?: Readonly<Record<string, string>>;
    readonly context: Readonly<Record<string, string | boolean>>;
    readonly facts: Readonly<Record<string, StoredValue>>;
  };
  readonly summary: EvaluationSummary;
  readonly evaluatedAt: string;
  readonly evaluatedBy: string;
  readonly reason: string | null;
}

export interface BoardDecisionInput {
  readonly number: string;
  readonly year: number;
  /** YYYY-MM-DD */
  readonly date: string;
  /** The areas the board recognises; `reason` is required where the engine did not recognise. */
  readonly areas: readonly { readonly code: string; readonly reason?: string }[];
}

export interface BoardDecisionRecord {
  readonly number: string;
  readonly version: number;
  readonly year: number;
  readonly date: string;
  readonly recordedAt: string;
  readonly recordedBy: string;
  readonly reason: string | null;
  readonly areas: readonly {
    readonly code: string;
    readonly engineDecision: string;
    readonly evaluationVersion: number;
    readonly reason: string | null;
  }[];
}
