/**
 * The shape of a test-case file once it has passed schemas/test-cases.schema.json. Kept by hand
 * beside the schema (as validate/ruleset-document.ts is for rule files).
 *
 *   # yaml-language-server: $schema=../../../schemas/test-cases.schema.json
 *   ruleset: my-scheme
 *   bases:
 *     tdp_dat_chuan: { context: { … }, facts: { … } }
 *   cases:
 *     - name: "1.3: 9799/10000 hộ (97,99%) thì không đạt"
 *       extends: tdp_dat_chuan
 *       facts: { total_items: 10000, items_done: 9799 }
 *       expect: { decision: not_recognised, criteria: { "1.3": fail } }
 */
import type {
  CriterionResult,
  CriterionStatus,
  Decision,
  DisqualifierStatus,
  FactValue,
  GroupStatus,
} from '../evaluate/result.js';

export interface TestCasesDocument {
  readonly ruleset?: string;
  readonly bases?: Readonly<Record<string, TestLayer>>;
  readonly cases: readonly TestCaseDocument[];
}

/** What a base and a case share: where they start from, and what they set. */
export interface TestLayer {
  readonly note?: string;
  /** A base, or a case written above, to start from. */
  readonly extends?: string;
  /** An assessment file (relative to the test file) to start from, after `extends`. */
  readonly assessment?: string;
  readonly area?: { readonly code?: string; readonly name?: string; readonly unit?: string; readonly date?: string };
  readonly context?: Readonly<Record<string, string | boolean | null>>;
  readonly facts?: Readonly<Record<string, FactValue | null>>;
}

export interface TestCaseDocument extends TestLayer {
  readonly name: string;
  readonly expect: Expectation;
}

/** Points expected: a number when certain, or the interval while facts are unknown. */
export type PointsExpectation = number | { readonly least: number; readonly most: number };

/** The level expected: the id certainly reached (null: none), or both ends. */
export type LevelExpectation = string | null | { readonly reached?: string | null; readonly possible?: string | null };

export interface Expectation {
  readonly decision: Decision;
  readonly level?: LevelExpectation;
  /** Every criterion's points added up. */
  readonly points?: PointsExpectation;
  readonly standards?: Readonly<Record<string, StandardExpectation>>;
  readonly criteria?: Readonly<Record<string, CriterionExpectation>>;
  readonly disqualifiers?: Readonly<Record<string, DisqualifierStatus>>;
  readonly missing?: readonly string[];
  readonly needed?: readonly string[];
}

export type StandardExpectation =
  | GroupStatus
  | {
      readonly passed?: number;
      readonly failed?: number;
      readonly unknown?: number;
      readonly excluded?: number;
      readonly applicable?: number;
      readonly required?: number;
      readonly status?: GroupStatus;
      readonly points?: PointsExpectation;
    };

export type CriterionExpectation =
  | CriterionStatus
  | {
      readonly status?: CriterionStatus;
      readonly variant?: string | null;
      readonly counts_as?: CriterionResult['counts_as'];
      readonly points?: PointsExpectation;
    };
