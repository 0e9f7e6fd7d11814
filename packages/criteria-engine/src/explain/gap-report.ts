/**
 * The gap analysis of one result: what it would take for the area to be recognised. This is
 * also its JSON form (schemas/gap.schema.json), so field names are snake_case like the result's.
 */
import type { Threshold } from '../compile/compiled-ruleset.js';
import type {
  AreaIdentity,
  CriterionStatus,
  Decision,
  DisqualifierStatus,
  FactReading,
  FactValue,
  GroupStatus,
  NextLevel,
  Requirement,
} from '../evaluate/result.js';
import type { LocalizedText } from '../validate/ruleset-document.js';

/** Why no change of facts can make a criterion pass (or a disqualifier clear). */
export type GapObstacle =
  /** It depends on the kind of area (context), which facts do not change. */
  | 'context'
  /** A percentage over an empty whole (0) that the rule declares as not holding. */
  | 'empty_whole'
  /** A percentage whose whole is not known yet: the number needed cannot be worked out. */
  | 'whole_unknown'
  /** The value needed lies outside the fact's declared bounds (or above its whole). */
  | 'bounds'
  /** A condition form the analysis cannot invert (e.g. `known()`, `min()`); evaluate by hand. */
  | 'unsupported';

/** For a percentage threshold: the exact count needed, worked out in integers. */
export interface GapPercent {
  readonly whole: string;
  readonly whole_value: number;
  readonly op: Threshold['op'];
  /** The threshold in percent, as declared. */
  readonly threshold: number;
  /** The part the threshold needs: for `>=`, the smallest part with part × 100 ≥ threshold × whole. */
  readonly required_part: number;
  /** required_part − current part (negative: fewer are needed); null when the part is unknown. */
  readonly additional: number | null;
}

/** Set `fact` to `suggested` (it is `current` now; null = unknown). */
export interface GapChange {
  readonly fact: string;
  readonly current: FactValue | null;
  readonly suggested: FactValue;
  readonly percent?: GapPercent;
}

/** A criterion that is not passed and what would make it pass. */
export interface GapCriterion {
  readonly id: string;
  readonly group: string;
  readonly text: LocalizedText;
  readonly status: CriterionStatus;
  readonly mandatory: boolean;
  readonly points: number;
  readonly variant: string | null;
  /** The thresholds of its condition (of the variant used), as the rule file declares them. */
  readonly thresholds: readonly Threshold[];
  /** The value for this unit of each parameter those thresholds compare with (gap-values.ts, thresholdParameters). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** The facts it read, with their values (null = unknown). */
  readonly facts: readonly FactReading[];
  /** Whether `changes` make it pass: checked by evaluating the changed facts. */
  readonly achievable: boolean;
  readonly obstacle?: GapObstacle;
  /** The fewest fact changes found that make it pass (empty when not achievable). */
  readonly changes: readonly GapChange[];
  /** Other ways found (each checked by evaluating), cheapest first: fewer facts, then smaller moves. */
  readonly alternatives?: readonly (readonly GapChange[])[];
  /** The derived quantities it reads: their value now, after `changes`, and the threshold for this unit. */
  readonly derived?: readonly GapDerived[];
}

/** A derived quantity as shown: "income per person 57.2 → 58 (needs ≥ 58)". Values are decimal text at its shown decimals. */
export interface GapDerived {
  readonly id: string;
  readonly current: string | null;
  /** Its value once `changes` are made, when they move it. */
  readonly suggested?: string;
  /** The threshold it is compared with: a number, or a parameter's value (a table's cell) for this unit. */
  readonly op?: Threshold['op'];
  readonly threshold?: number;
}

/** A way to reach a level: changes that, evaluated, reach it. */
export interface GapWay {
  /** Criteria made to pass (or earn more points), in the order chosen. */
  readonly criteria: readonly string[];
  readonly disqualifiers: readonly string[];
  readonly changes: readonly GapChange[];
  /** The level reached with these changes (evaluated, not assumed). */
  readonly reached: string | null;
}

/** A level above the one reached: what it lacks and the cheapest ways found to reach it. */
export interface GapLevel {
  readonly id: string;
  readonly label: LocalizedText;
  /** What it lacks now (for the next level above the one reached, as the result says; for higher levels, after the ways to the one below). */
  readonly lacking: NextLevel['lacking'];
  /** For a points requirement: how many more points it needs, at least. */
  readonly more_points?: number;
  /** Up to three ways, cheapest first (fewest changed facts, then smallest moves), each reaching the level when evaluated. */
  readonly ways: readonly GapWay[];
}

/** A standard (group) short of its requirement. */
export interface GapStandard {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: GroupStatus;
  readonly requirement: Requirement;
  readonly passed: number;
  readonly failed: number;
  readonly unknown: number;
  readonly excluded: number;
  /** passed + failed + unknown: excluded criteria are not in the denominator. */
  readonly applicable: number;
  /** How many must pass (for points: points), from the requirement as declared. */
  readonly required: number;
  /** How many more criteria must pass: for a points requirement, the fewest criteria whose points cover `more_points`. */
  readonly more: number;
  /** For a points requirement: the points of the passed criteria, and how many more are needed. */
  readonly passed_points?: number;
  readonly more_points?: number;
  /** The criteria not passed (failed or unknown), those that can pass first, fewest changes first. */
  readonly candidates: readonly GapCriterion[];
}

/** A disqualifier that applies (or may apply) and what would clear it. */
export interface GapDisqualifier {
  readonly id: string;
  readonly text: LocalizedText;
  readonly status: Exclude<DisqualifierStatus, 'clear'>;
  readonly thresholds: readonly Threshold[];
  readonly parameters?: Readonly<Record<string, number>>;
  readonly facts: readonly FactReading[];
  readonly achievable: boolean;
  readonly obstacle?: GapObstacle;
  readonly changes: readonly GapChange[];
}

/** The ruleset's total points requirement, when it is not met. */
export interface GapTotal {
  readonly status: GroupStatus;
  readonly passed_points: number;
  readonly required: number;
  readonly more_points: number;
  /** The fewest criteria whose points cover `more_points`. */
  readonly more: number;
  readonly candidates: readonly GapCriterion[];
}

/** An undecided part of an undetermined result and the missing facts that would decide it. */
export interface GapUndecided {
  readonly kind: 'standard' | 'mandatory' | 'disqualifier' | 'total';
  readonly id: string;
  /** For a standard or the total: its criteria whose status is unknown. */
  readonly criteria: readonly string[];
  readonly facts: readonly string[];
}

/** One set of changes that, together, makes the area recognised (when `decision` says so). */
export interface GapPlan {
  /** Criteria the plan makes pass, in the order they were chosen. */
  readonly criteria: readonly string[];
  /** Disqualifiers the plan clears. */
  readonly disqualifiers: readonly string[];
  readonly changes: readonly GapChange[];
  /** The decision after applying `changes` to the facts of the result (evaluated, not assumed). */
  readonly decision: Decision;
  /** When `decision` is still undetermined: the facts still missing that can change it (result.needed after the changes). */
  readonly still_needed?: readonly string[];
}

export interface GapReport {
  readonly decision: Decision;
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  readonly area: AreaIdentity;
  /** Standards whose requirement is not met (not met or undetermined), in declaration order. */
  readonly standards: readonly GapStandard[];
  /** Mandatory criteria not passed. */
  readonly mandatory: readonly GapCriterion[];
  /** Disqualifiers that apply or are unknown. */
  readonly disqualifiers: readonly GapDisqualifier[];
  readonly total?: GapTotal;
  /** For an undetermined result: the parts still undecided and the facts that would decide each. */
  readonly undecided: readonly GapUndecided[];
  /** result.needed: every missing fact that can still change the decision. */
  readonly needed: readonly string[];
  readonly plan: GapPlan;
  /** For a scheme with levels: each level above the one reached, lowest first. */
  readonly levels?: readonly GapLevel[];
}
