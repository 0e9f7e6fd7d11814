/**
 * The result of evaluating one assessment. Its JSON form is the stable, documented shape in
 * schemas/result.schema.json (the `--json` output of `lcz evaluate`).
 */
import type { LocalizedText } from '../validate/ruleset-document.js';

export type Decision = 'recognised' | 'not_recognised' | 'undetermined';
export type CriterionStatus = 'pass' | 'fail' | 'unknown' | 'not_applicable';
export type DisqualifierStatus = 'applies' | 'clear' | 'unknown';
export type GroupStatus = 'met' | 'not_met' | 'unknown';
export type FactValue = number | boolean | string;

/** A fact (or context attribute) a condition read, with the value it had (`null` = unknown). */
export interface FactReading {
  readonly id: string;
  readonly value: FactValue | null;
  /**
   * Set when the value was not given but follows from the rules: a part (`part_of`) of a whole
   * that is 0 can only be 0. The id of that whole.
   */
  readonly implied_by?: string;
}

export interface AreaIdentity {
  readonly code?: string;
  readonly name?: string;
  readonly unit?: string;
  readonly date?: string;
  /**
   * The year assessed, given alone when the date is not known (or beside it, then the date's
   * year): `year` and tables keyed by it are known, whatever needs the day only when the whole
   * year decides it.
   */
  readonly year?: number;
}

export interface CriterionResult {
  readonly id: string;
  readonly group: string;
  readonly status: CriterionStatus;
  /** The variant used, or null when the criterion has no variants or none applied. */
  readonly variant: string | null;
  /** Why a not-applicable criterion is not applicable: no variant fits, or `applicable_when` is false. */
  readonly reason?: 'no_variant' | 'not_applicable_when' | 'not_applicable_counts_as_fail';
  /** Whether this status counts towards the group as passed, failed, unknown or is excluded. */
  readonly counts_as: 'passed' | 'failed' | 'unknown' | 'excluded';
  readonly mandatory: boolean;
  readonly points: number;
  /** What it earns, as an interval over what is unknown (schemes with points rules, levels or count requirements). */
  readonly earned?: PointsInterval;
  readonly facts: readonly FactReading[];
}

/** Points as an interval: the least and the most that can be earned given what is unknown. */
export interface PointsInterval {
  readonly least: number;
  readonly most: number;
}

export interface GroupResult {
  readonly id: string;
  readonly status: GroupStatus;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
  readonly excluded: number;
  /** Criteria that count in the denominator: passed + failed + unknown. */
  readonly applicable: number;
  /** How many must pass for the requirement to hold given `applicable` (for points: points). */
  readonly required: number;
  readonly requirement: Requirement;
  /** passed × 100 / applicable, rounded down, for display only; null when nothing is applicable. */
  readonly percent: number | null;
  readonly points?: { readonly passed: number; readonly unknown: number };
  /** The standard's criteria's points added up (schemes with points rules, levels or count requirements). */
  readonly points_total?: PointsInterval;
}

export type Requirement =
  | { readonly at_least_percent: number }
  | { readonly at_least_count: number }
  | { readonly at_least_points: number };

export interface DisqualifierResult {
  readonly id: string;
  readonly status: DisqualifierStatus;
  readonly facts: readonly FactReading[];
}

export interface EvaluationResult {
  readonly decision: Decision;
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly area: AreaIdentity;
  readonly context: Readonly<Record<string, FactValue>>;
  readonly standards: readonly GroupResult[];
  readonly criteria: readonly CriterionResult[];
  readonly disqualifiers: readonly DisqualifierResult[];
  readonly mandatory: readonly { readonly id: string; readonly status: CriterionStatus }[];
  readonly total?: { readonly status: GroupStatus; readonly passed_points: number; readonly required: number };
  /** Every criterion's points added up (schemes with points rules, levels or count requirements). */
  readonly points_total?: PointsInterval;
  /**
   * For a scheme with levels: the highest level certainly reached and the highest still possible
   * (ids, or null), the unknown facts that can still move them, and each level's status.
   */
  readonly level?: {
    readonly reached: string | null;
    readonly possible: string | null;
    readonly needed: readonly string[];
    readonly levels: readonly { readonly id: string; readonly status: GroupStatus }[];
    /** What the next level above the one reached still lacks (absent at the top, or when nothing is lacking for certain). */
    readonly next?: NextLevel;
  };
  /** Facts (and context attributes) that are unknown and read by a criterion or disqualifier whose status is unknown. */
  readonly missing: readonly string[];
  /**
   * The part of `missing` that can still change the decision: facts of unknown criteria in
   * standards (or the total) still undecided, of unknown mandatory criteria and of unknown
   * disqualifiers. Empty whenever the decision is made.
   */
  readonly needed: readonly string[];
  /** Why the decision is what it is, as codes the explainers render. */
  readonly reasons: readonly DecisionReason[];
}

export type DecisionReason =
  | { readonly kind: 'disqualified'; readonly id: string }
  | { readonly kind: 'mandatory_failed'; readonly id: string }
  | { readonly kind: 'group_not_met'; readonly id: string; readonly level?: string }
  | { readonly kind: 'total_not_met'; readonly level?: string }
  /** A `requirements:` item (by index, of the level's list when `level` is set, else the recognition rule's). */
  | {
      readonly kind: 'requirement_not_met';
      readonly index: number;
      readonly level?: string;
      readonly requirement: { readonly at_least_count: number } | { readonly at_least_points: number };
      /** The criteria counted (those that count at the level judged). */
      readonly of: readonly string[];
    }
  | { readonly kind: 'unknown'; readonly ids: readonly string[] };

/** The decision-only fast path: no trace, no allocation per criterion. */
export interface DecisionSummary {
  readonly decision: Decision;
  /** Per group, in declaration order: passed counts. */
  readonly passed: readonly number[];
  /** For a scheme with levels: the highest level certainly reached and the highest still possible (ids). */
  readonly level?: { readonly reached: string | null; readonly possible: string | null };
}

export type { LocalizedText };

/**
 * What the next level above the one reached still lacks, part by part: a requirement with what
 * it needs and what the criteria certainly have now (criteria passed, or points), a mandatory
 * criterion not yet passed, a disqualifier that applies or may. "To reach gold: 3 more points".
 */
export interface NextLevel {
  readonly id: string;
  readonly lacking: readonly (
    | {
        readonly kind: 'group' | 'total' | 'requirements';
        readonly id?: string;
        readonly index?: number;
        readonly level?: string;
        readonly unit: 'criteria' | 'points';
        readonly need: number;
        readonly have: number;
      }
    | { readonly kind: 'mandatory' | 'disqualifier'; readonly id: string }
  )[];
}
