/**
 * What the compile stage hands to the evaluator: the read-only descriptions (infos) plus the
 * closures, indexed so evaluation walks arrays, never looks names up.
 */
import type { DerivedInfo } from './derived.js';
import type { ParameterTableInfo } from './parameter-table.js';
import type { Requirement } from '../evaluate/result.js';
import type { ContextRule, RulesetDocument } from '../validate/ruleset-document.js';
import type {
  ConditionInfo,
  ContextAttributeInfo,
  CriterionInfo,
  DefinitionInfo,
  DisqualifierInfo,
  FactInfo,
  OwnerInfo,
  GroupInfo,
} from './compiled-ruleset.js';
import type { LevelPlan, TierPlan } from './levels.js';
import type { PointsClosure, PointsRuleInfo, PointsShape } from './points.js';
import type { Expr } from './expression/ast.js';
import type { Closure } from './types.js';

export interface CompiledCondition {
  readonly fn: Closure;
  readonly info: ConditionInfo;
  /** The checked expression tree, for the code generator (generate/); absent for a broken condition. */
  readonly expr?: Expr;
}

export interface VariantPlan {
  readonly id: string;
  readonly when: Closure;
  /** The selector's checked tree, for the code generator (generate/). */
  readonly whenExpr?: Expr;
  readonly whenReads: readonly string[];
  readonly condition: CompiledCondition;
  /** The variant's own points (they win over the criterion's): fixed, or the most a rule earns. */
  readonly points?: number;
  readonly pointsRule?: PointsClosure;
  readonly pointsInfo?: PointsRuleInfo;
  /** The points rule's parts, for the code generator. */
  readonly pointsShape?: PointsShape;
}

export interface CriterionPlan {
  readonly info: CriterionInfo;
  readonly groupIndex: number;
  readonly applicable?: CompiledCondition;
  readonly condition?: CompiledCondition;
  readonly variants?: readonly VariantPlan[];
  readonly noVariant: 'not_applicable' | 'fail';
  readonly notApplicable: 'exclude' | 'fail';
  readonly points: number;
  readonly mandatory: boolean;
  /** A step table or best_of (compile/points.ts): the points as an interval, packed. */
  readonly pointsRule?: PointsClosure;
  readonly pointsInfo?: PointsRuleInfo;
  /** The points rule's parts, for the code generator (generate/). */
  readonly pointsShape?: PointsShape;
  /** Whether this criterion or a variant has a points rule: its outcome then depends on points. */
  readonly ruled?: boolean;
  /** The most it can earn under any variant. */
  readonly maxPoints?: number;
  /** Index of the level from which it counts (`from_level`); absent: every level. */
  readonly fromLevel?: number;
}

export interface GroupPlan {
  readonly info: GroupInfo;
  readonly requirement: Requirement;
  /** Indexes into RulesetPlan.criteria. */
  readonly criteria: readonly number[];
}

export interface DisqualifierPlan {
  readonly info: DisqualifierInfo;
  readonly condition: CompiledCondition;
  /** Index of the level from which it blocks (`from_level`). */
  readonly fromLevel?: number;
}

export interface ContextRulePlan {
  readonly rule: ContextRule;
  readonly index: number;
  readonly when: Closure;
  readonly require: Closure;
  /** The selectors' checked trees, for the code generator (generate/). */
  readonly whenExpr?: Expr;
  readonly requireExpr?: Expr;
}

export interface RulesetPlan {
  readonly document: RulesetDocument;
  readonly context: readonly ContextAttributeInfo[];
  readonly facts: readonly FactInfo[];
  readonly owners: readonly OwnerInfo[];
  readonly groups: readonly GroupPlan[];
  readonly criteria: readonly CriterionPlan[];
  readonly disqualifiers: readonly DisqualifierPlan[];
  readonly definitions: readonly DefinitionInfo[];
  /** The named conditions' checked trees, for the code generator (generate/), which inlines them. */
  readonly definitionExprs?: ReadonlyMap<string, Expr>;
  /** Derived quantities (derived:), each with the closure of its exact value. */
  readonly derived: readonly DerivedPlan[];
  /** Parameter tables keyed by context attributes. */
  readonly parameterTables: readonly ParameterTableInfo[];
  readonly mandatory: readonly string[];
  readonly totalRequirement?: Requirement;
  readonly contextRules: readonly ContextRulePlan[];
  /** Context attributes with a `required_when` selector. */
  readonly requiredWhen: ReadonlyMap<string, Closure>;
  /** Their checked trees, for the code generator (generate/); absent in a plan that was not compiled here. */
  readonly requiredWhenExprs?: ReadonlyMap<string, Expr>;
  /** Slot layout: the context attributes, then the facts, in declaration order. */
  readonly contextSlots: readonly string[];
  /** The slot of the assessment's date (`area.date`, YYYY-MM-DD), after the facts: dated parameters read it. */
  readonly dateSlot: number;
  /** Whether any condition reads the date: decide() fills the date slot only then (its speed). */
  readonly readsDate: boolean;
  readonly factSlots: readonly string[];
  /**
   * Present when the scheme has levels, count requirements or points beyond fixed numbers
   * (compile/levels.ts): what each level (or the one base rule) checks, lowest first. Without it
   * the decision is the recognition rule's, as it always was.
   */
  readonly tiers?: readonly TierPlan[];
  /** The levels, lowest first, one per tier; absent for a scheme without levels. */
  readonly levels?: readonly LevelPlan[];
  /** Whether results carry points intervals (a step table, best_of or variant points). */
  readonly scored?: boolean;
}

/** A derived quantity: what tools read, and its value over an assessment's slots (exact). */
export interface DerivedPlan {
  readonly info: DerivedInfo;
  readonly fn: Closure;
}
