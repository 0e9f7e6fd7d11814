/**
 * What changed between two versions of a ruleset, as data: the JSON form of `lcz diff --format
 * json`, documented by schemas/diff.schema.json. Ids, statuses and thresholds only; the renderer
 * looks labels and units up in the two rulesets.
 */
import type {
  AreaIdentity,
  CriterionStatus,
  Decision,
  DecisionReason,
  DisqualifierStatus,
  GroupStatus,
  Requirement,
} from '../../evaluate/result.js';
import type { FunctionThresholdValue } from '../../compile/functions/threshold-kinds.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';

/** A run of words: the same in both versions, only in the old one, or only in the new one. */
export interface WordPart {
  readonly op: 'same' | 'removed' | 'added';
  readonly text: string;
}

/** A text that changed, with its word-level diff per language (empty when that language is unchanged). */
export interface TextChange {
  readonly before: LocalizedText;
  readonly after: LocalizedText;
  readonly words: { readonly vi: readonly WordPart[]; readonly en: readonly WordPart[] };
}

/** A threshold as the diff reports it (the compiled `Threshold`, with snake_case keys). */
export type ThresholdValue =
  // A function's threshold, as the function declares its diff value (compile/functions/).
  | FunctionThresholdValue
  | {
      readonly kind: 'compare';
      readonly fact: string;
      readonly op: ComparisonOp;
      readonly value: number | string | boolean;
    };

export type ComparisonOp = '>=' | '<=' | '>' | '<' | '==' | '!=';

/** How the condition of a criterion, variant or disqualifier changed. */
export type ConditionChange =
  /** Only threshold values (or the empty-whole policy) moved; the condition reads the same facts the same way. */
  | {
      readonly kind: 'thresholds';
      readonly changes: readonly { readonly before: ThresholdValue; readonly after: ThresholdValue }[];
    }
  /** Anything else: the canonical expressions, before and after. */
  | { readonly kind: 'expression'; readonly before: string; readonly after: string };

export interface VariantRef {
  readonly id: string;
  readonly when: string;
  readonly label?: LocalizedText;
  /** The variant's condition (canonical expression) and the thresholds in it, to word it. */
  readonly condition: string;
  readonly thresholds: readonly ThresholdValue[];
}

export type VariantChange =
  | { readonly kind: 'when'; readonly before: string; readonly after: string }
  /** The variant's own points (null: it earns the criterion's). */
  | {
      readonly kind: 'points';
      readonly before: PointsSpec | null;
      readonly after: PointsSpec | null;
      readonly parts: readonly PointsPartChange[];
    }
  | { readonly kind: 'condition'; readonly change: ConditionChange }
  | { readonly kind: 'text'; readonly change: TextChange | PresenceChange<LocalizedText> }
  | { readonly kind: 'label'; readonly change: TextChange | PresenceChange<LocalizedText> };

/** A value that appeared, disappeared or changed; `null` = absent in that version. */
export interface PresenceChange<T> {
  readonly before: T | null;
  readonly after: T | null;
}

export type CriterionChange =
  | { readonly kind: 'text'; readonly change: TextChange }
  | { readonly kind: 'note'; readonly change: TextChange | PresenceChange<LocalizedText> }
  | { readonly kind: 'group'; readonly before: string; readonly after: string }
  | { readonly kind: 'condition'; readonly change: ConditionChange }
  /** The criterion switched between one condition and variants: the condition it had or has (null for variants). */
  | { readonly kind: 'form'; readonly before: string | null; readonly after: string | null }
  | { readonly kind: 'applicable_when'; readonly before: string | null; readonly after: string | null }
  | {
      readonly kind: 'not_applicable';
      readonly before: 'exclude' | 'fail' | null;
      readonly after: 'exclude' | 'fail' | null;
    }
  | {
      readonly kind: 'no_variant';
      readonly before: 'not_applicable' | 'fail' | null;
      readonly after: 'not_applicable' | 'fail' | null;
    }
  | { readonly kind: 'points'; readonly before: number; readonly after: number }
  /** Points where either version has a step table or best_of (fixed → fixed stays `points`). */
  | {
      readonly kind: 'points_rule';
      readonly before: PointsSpec;
      readonly after: PointsSpec;
      readonly parts: readonly PointsPartChange[];
    }
  /** The level from which the criterion (or disqualifier) counts; null: every level. */
  | { readonly kind: 'from_level'; readonly before: string | null; readonly after: string | null }
  | { readonly kind: 'variant_added'; readonly variant: VariantRef }
  | { readonly kind: 'variant_removed'; readonly variant: VariantRef }
  | { readonly kind: 'variant_changed'; readonly id: string; readonly changes: readonly VariantChange[] }
  /** Variants are tried in order (the first whose selector holds is used), so their order matters. */
  | { readonly kind: 'variant_order'; readonly before: readonly string[]; readonly after: readonly string[] };

// ── points ──────────────────────────────────────────────────────────────────────────────────

export interface PointsBand {
  readonly at_least: number;
  readonly points: number;
}

/** One option of `best_of`: fixed points or a step table, under a condition (null: always). */
export interface PointsOptionSpec {
  readonly condition: string | null;
  readonly points: number | null;
  readonly steps: { readonly of: string; readonly bands: readonly PointsBand[] } | null;
  readonly cap: number | null;
}

/** What a criterion or variant earns, as compiled. */
export type PointsSpec =
  | { readonly kind: 'fixed'; readonly points: number }
  | { readonly kind: 'steps'; readonly of: string; readonly bands: readonly PointsBand[]; readonly cap: number | null }
  | { readonly kind: 'best_of'; readonly options: readonly PointsOptionSpec[] };

/** One part of the points that changed. */
export type PointsPartChange =
  | { readonly part: 'form'; readonly before: PointsSpec['kind']; readonly after: PointsSpec['kind'] }
  | { readonly part: 'points'; readonly before: number; readonly after: number }
  /** The value a step table reads (an expression). */
  | { readonly part: 'of'; readonly before: string; readonly after: string }
  /** A band, by its threshold: its points before and after (null: no such band). */
  | { readonly part: 'band'; readonly at_least: number; readonly before: number | null; readonly after: number | null }
  | { readonly part: 'cap'; readonly before: number | null; readonly after: number | null }
  /** An option of best_of, by its position (1-based). */
  | {
      readonly part: 'option';
      readonly index: number;
      readonly before: PointsOptionSpec | null;
      readonly after: PointsOptionSpec | null;
    };

export interface ItemRef {
  readonly id: string;
  readonly text: LocalizedText;
  /** The group (standard) of a criterion; absent for disqualifiers. */
  readonly group?: string;
}

export interface ItemChanges {
  /** The id in the new version. */
  readonly id: string;
  /** The id in the old version, when the item was renumbered. */
  readonly before_id?: string;
  readonly changes: readonly CriterionChange[];
}

/** Criteria or disqualifiers: matched by id, or, when the id changed and the text did not, renumbered. */
export interface ItemDiff {
  readonly added: readonly ItemRef[];
  readonly removed: readonly ItemRef[];
  readonly renumbered: readonly { readonly before: string; readonly after: string }[];
  readonly changed: readonly ItemChanges[];
}

export type FieldValue = string | number | boolean | readonly string[] | LocalizedText | null;

export interface FieldChange {
  readonly field: string;
  readonly before: FieldValue;
  readonly after: FieldValue;
}

export interface NamedRef {
  readonly id: string;
  readonly type: string;
  readonly label: LocalizedText;
  /** A parameter's value: a constant's, or one row's of a table (what a reader of an added cell needs). */
  readonly value?: number;
}

/** Facts, context attributes, parameters: by name. */
export interface DeclarationDiff {
  readonly added: readonly NamedRef[];
  readonly removed: readonly NamedRef[];
  readonly changed: readonly { readonly id: string; readonly changes: readonly FieldChange[] }[];
}

/** How many criteria a group has, and how many must pass when all apply (null: a points requirement). */
export interface GroupSize {
  readonly criteria: number;
  readonly required: number | null;
}

export type GroupChange =
  | { readonly kind: 'title'; readonly change: TextChange }
  /** Criteria added to or removed from the group, or a requirement that now asks for another count. */
  | { readonly kind: 'size'; readonly before: GroupSize; readonly after: GroupSize }
  | { readonly kind: 'requirement'; readonly before: Requirement; readonly after: Requirement };

export interface GroupDiff {
  readonly added: readonly { readonly id: string; readonly title: LocalizedText }[];
  readonly removed: readonly { readonly id: string; readonly title: LocalizedText }[];
  readonly changed: readonly { readonly id: string; readonly changes: readonly GroupChange[] }[];
}

export type RecognitionChange =
  | { readonly kind: 'group_requirement'; readonly before: Requirement; readonly after: Requirement }
  | { readonly kind: 'mandatory_added'; readonly id: string }
  | { readonly kind: 'mandatory_removed'; readonly id: string }
  | { readonly kind: 'total_requirement'; readonly before: Requirement | null; readonly after: Requirement | null }
  | { readonly kind: 'disqualifiers'; readonly before: string | null; readonly after: string | null }
  | { readonly kind: 'note'; readonly change: TextChange | PresenceChange<LocalizedText> }
  | CountRequirementChange;

/** A requirement over named criteria (`requirements:` of the recognition rule or a level). */
export interface CountRequirement {
  readonly requirement: Requirement;
  readonly of: readonly string[];
}

/** `requirements:` items: matched by the criteria they name. */
export type CountRequirementChange =
  | { readonly kind: 'requirement_added'; readonly requirement: CountRequirement }
  | { readonly kind: 'requirement_removed'; readonly requirement: CountRequirement }
  | {
      readonly kind: 'requirement_changed';
      readonly of: readonly string[];
      readonly before: Requirement;
      readonly after: Requirement;
    };

// ── levels ──────────────────────────────────────────────────────────────────────────────────

export interface LevelRef {
  readonly id: string;
  readonly label: LocalizedText;
}

/** One change of a level's own requirements (each is added to the base rule and the levels below). */
export type LevelChange =
  | { readonly kind: 'label'; readonly change: TextChange }
  | { readonly kind: 'note'; readonly change: TextChange | PresenceChange<LocalizedText> }
  | { readonly kind: 'group_requirement'; readonly before: Requirement | null; readonly after: Requirement | null }
  /** A standard's requirement at this level (`groups:`). */
  | {
      readonly kind: 'group';
      readonly group: string;
      readonly before: Requirement | null;
      readonly after: Requirement | null;
    }
  | { readonly kind: 'total_requirement'; readonly before: Requirement | null; readonly after: Requirement | null }
  | { readonly kind: 'mandatory_added'; readonly id: string }
  | { readonly kind: 'mandatory_removed'; readonly id: string }
  | { readonly kind: 'disqualifier_added'; readonly id: string }
  | { readonly kind: 'disqualifier_removed'; readonly id: string }
  | CountRequirementChange;

export interface LevelDiff {
  readonly added: readonly LevelRef[];
  readonly removed: readonly LevelRef[];
  /** The order of the levels both versions have, when it changed (lowest first). */
  readonly order: { readonly before: readonly string[]; readonly after: readonly string[] } | null;
  readonly changed: readonly { readonly id: string; readonly changes: readonly LevelChange[] }[];
}

export interface RulesetRef {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  readonly title: LocalizedText;
  readonly effective: { readonly from: string; readonly to?: string } | null;
}

export interface RulesetDiff {
  readonly before: RulesetRef;
  readonly after: RulesetRef;
  /** True when nothing below changed (the files may still differ in comments or layout). */
  readonly identical: boolean;
  /** id, version, title, effective period, source. */
  readonly ruleset: readonly FieldChange[];
  readonly context: DeclarationDiff;
  readonly context_rules: {
    readonly added: readonly { readonly when: string; readonly require: string }[];
    readonly removed: readonly { readonly when: string; readonly require: string }[];
  };
  readonly facts: DeclarationDiff;
  readonly parameters: DeclarationDiff;
  readonly groups: GroupDiff;
  readonly criteria: ItemDiff;
  readonly disqualifiers: ItemDiff;
  readonly recognition: readonly RecognitionChange[];
  /** Recognition levels (`levels:`). */
  readonly levels: LevelDiff;
  /** Derived quantities (`derived:`): value (the formula), if_zero, decimals, unit, label. */
  readonly derived: DeclarationDiff;
}

// ── decisions: what the change does to assessed areas ────────────────────────────────────────

export interface StatusChange<S> {
  readonly id: string;
  /** `null`: the item does not exist in that version. */
  readonly before: S | null;
  readonly after: S | null;
}

export interface AreaSource {
  readonly file: string;
  /** The row of a batch file (CSV, XLSX, JSON Lines, list); absent for a one-assessment file. */
  readonly row?: number;
}

/** One assessment evaluated under both versions. */
export interface AreaDecision {
  readonly source: AreaSource;
  readonly area: AreaIdentity;
  readonly before: Decision;
  readonly after: Decision;
  /** The decision or the level (reached or possible) differs. */
  readonly changed: boolean;
  /** Criteria whose status differs (added and removed criteria included). */
  readonly criteria: readonly StatusChange<CriterionStatus>[];
  readonly disqualifiers: readonly StatusChange<DisqualifierStatus>[];
  readonly standards: readonly (StatusChange<GroupStatus> & {
    readonly passed_before: number | null;
    readonly passed_after: number | null;
    /** Criteria counted (passed, failed or unknown; excluded ones left out). */
    readonly applicable_before: number | null;
    readonly applicable_after: number | null;
    readonly required_before: number | null;
    readonly required_after: number | null;
  })[];
  /** Reasons of the decision that only one version gives (e.g. a criterion that became mandatory). */
  readonly reasons: { readonly added: readonly DecisionReason[]; readonly removed: readonly DecisionReason[] };
  /** Names the assessment gives that the new version does not declare: not read by it. */
  readonly ignored: readonly string[];
  /**
   * Facts the new version reads that the old one does not declare, and so no assessment written
   * for the old one gives: the new result misses them.
   */
  readonly missing_new: readonly string[];
  /**
   * Why the decision changed: the new rules, or only facts of the new version that the old data
   * cannot have (the new decision is undetermined and misses nothing else). Absent when unchanged.
   */
  readonly cause?: 'rules' | 'missing_new_facts';
  /**
   * For schemes with levels (either version): the level reached for certain and the highest still
   * possible, before and after (null: the version has no levels). A change of level counts as a
   * change of the area even when the decision stays.
   */
  readonly level?: { readonly before: LevelOutcome | null; readonly after: LevelOutcome | null };
  /** The total points (least and most given what is unknown), when either version computes them. */
  readonly points_total?: { readonly before: PointsRange | null; readonly after: PointsRange | null };
  /**
   * Other files (or rows) holding the same area (same code, name, unit and date) with the same
   * decisions: the area is counted once, here.
   */
  readonly also_in?: readonly AreaSource[];
}

export interface LevelOutcome {
  readonly reached: string | null;
  readonly possible: string | null;
}

export interface PointsRange {
  readonly least: number;
  readonly most: number;
}

export interface DecisionImpact {
  readonly assessed: number;
  readonly changed: number;
  /** Of `changed`: decisions the new rules change. */
  readonly changed_by_rules: number;
  /** Of `changed`: decisions that change only because the old data lack the new version's facts. */
  readonly changed_by_missing_data: number;
  /** Assessments left out of the counts because they repeat an area of another file (see also_in). */
  readonly duplicates: number;
  readonly areas: readonly AreaDecision[];
}
