/**
 * What `compileRuleset` returns: a frozen, read-only description of the ruleset (for renderers,
 * docs, diffs and test generators) plus the compiled evaluation closures.
 */
import type { DerivedInfo } from './derived.js';
import type { FunctionThreshold } from './functions/threshold-kinds.js';
import type { Rational } from './exact/rational.js';
import type { LevelPlan } from './levels.js';
import type { PointsRuleInfo } from './points.js';
import type { ParameterTableInfo } from './parameter-table.js';
import type { Diagnostic, Range, StageResult } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import type { Assessment } from '../evaluate/assessment.js';
import type {
  CriterionResult,
  DecisionSummary,
  DisqualifierResult,
  EvaluationResult,
  Requirement,
} from '../evaluate/result.js';
import type { Language } from '../diagnostics/language.js';
import type {
  LocalizedText,
  ParameterDeclaration,
  RulesetDocument,
  ValueDeclaration,
} from '../validate/ruleset-document.js';
import type { SchemeWords } from './words.js';

export type FactType = 'integer' | 'number' | 'boolean' | 'enum' | 'ordinal';

export interface FactInfo {
  readonly id: string;
  readonly type: FactType;
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  readonly help?: LocalizedText;
  readonly min?: number;
  readonly max?: number;
  /** For number facts: the most decimals a value may have (`decimals:`). */
  readonly decimals?: number;
  /** The fact this one is a part of (part ≤ whole). */
  readonly partOf?: string;
  /** For enum and ordinal facts, in declared order (lowest first for ordinals). */
  readonly values?: readonly ValueDeclaration[];
  /**
   * The department that answers for the fact (an id of `owners`): the one that lists it under
   * `facts:`, else the one owner of the groups whose criteria read it; absent when the area itself
   * (the unit that groups it) reports it.
   */
  readonly owner?: string;
}

/** A department that answers for facts (`owners:` in the rule file). */
export interface OwnerInfo {
  readonly id: string;
  readonly label: LocalizedText;
  /** The groups it answers for, as written. */
  readonly groups: readonly string[];
}

export interface ContextAttributeInfo {
  readonly id: string;
  readonly type: 'enum' | 'boolean';
  readonly label: LocalizedText;
  readonly values?: readonly ValueDeclaration[];
  /** Source text of the `required_when` expression, if any. */
  readonly requiredWhen?: string;
}

/** A threshold found in a condition, readable by tools (docs, diff, test generators). */
export type Threshold =
  // A comparison of a function's value with a constant, as the function declares it (functions/).
  | FunctionThreshold
  | {
      readonly kind: 'compare';
      readonly fact: string;
      readonly op: '>=' | '<=' | '>' | '<' | '==' | '!=';
      readonly value: number | string | boolean;
    };

export interface ConditionInfo {
  /** A canonical, printable form of the condition (the expression pretty-printer's output). */
  readonly expression: string;
  readonly thresholds: readonly Threshold[];
  /** Facts and context attributes the condition reads, in first-read order. */
  readonly reads: readonly string[];
}

export interface VariantInfo {
  readonly id: string;
  readonly when: string;
  readonly label?: LocalizedText;
  readonly text?: LocalizedText;
  readonly condition: ConditionInfo;
  /** The variant's own points: a number, or the most its step table or best_of earns. */
  readonly points?: number;
  readonly pointsRule?: PointsRuleInfo;
}

export interface CriterionInfo {
  readonly id: string;
  readonly group: string;
  readonly text: LocalizedText;
  readonly note?: LocalizedText;
  /** Present when the criterion has a single condition. */
  readonly condition?: ConditionInfo;
  /** Present when the criterion has variants (first match wins). */
  readonly variants?: readonly VariantInfo[];
  readonly noVariant?: 'not_applicable' | 'fail';
  readonly applicableWhen?: string;
  readonly notApplicable?: 'exclude' | 'fail';
  /** Its points: a number, or the most its step table or best_of earns (`pointsRule`). */
  readonly points: number;
  readonly pointsRule?: PointsRuleInfo;
  /** The level from which it counts (`from_level`). */
  readonly fromLevel?: string;
  readonly mandatory: boolean;
}

export interface GroupInfo {
  readonly id: string;
  readonly title: LocalizedText;
  readonly requirement: Requirement;
  readonly criteria: readonly CriterionInfo[];
  /** The department answering for the facts only this group reads (`owners.<id>.groups`). */
  readonly owner?: string;
}

/** A named condition (definitions:), possibly from an included file. */
export interface DefinitionInfo {
  readonly id: string;
  readonly file: string;
  readonly condition: ConditionInfo;
}

export interface DisqualifierInfo {
  readonly id: string;
  readonly text: LocalizedText;
  readonly note?: LocalizedText;
  readonly condition: ConditionInfo;
}

export interface CompiledRuleset {
  readonly id: string;
  readonly version: string;
  /** sha-256 of the source text, hex, prefixed `sha256:`. */
  readonly hash: string;
  readonly file: string;
  readonly title: LocalizedText;
  /**
   * The languages the rule file writes its texts in, the first being the authority. A text asked
   * for in another language shows the first language's (renderers say so: `fallbackLanguage`).
   */
  readonly languages: readonly Language[];
  /** What the scheme assesses and what groups its results (`words:`, or generic words). */
  readonly words: SchemeWords;
  readonly effective?: { readonly from: string; readonly to?: string };
  /** Where the `effective` period is written, for problems found across versions (overlaps, gaps). */
  readonly effectiveAt?: { readonly line: number; readonly column: number; readonly range: Range };
  readonly document: RulesetDocument;
  readonly context: readonly ContextAttributeInfo[];
  readonly facts: readonly FactInfo[];
  /** The departments declared under `owners:` (empty when the rule file names none). */
  readonly owners: readonly OwnerInfo[];
  readonly groups: readonly GroupInfo[];
  readonly criteria: readonly CriterionInfo[];
  readonly disqualifiers: readonly DisqualifierInfo[];
  readonly definitions: readonly DefinitionInfo[];
  /** Derived quantities (derived:): name, label, unit, shown decimals, expression, facts read. */
  readonly derived: readonly DerivedInfo[];
  /** The known derived quantities of an assessment, as decimal text with their shown decimals ("57.2"). */
  derivedValues(assessment: Assessment): ReadonlyMap<string, string>;
  /** The same, exact (fractions): coverage compares them with a threshold's boundary. */
  derivedExact(assessment: Assessment): ReadonlyMap<string, Rational>;
  /** Parameter tables keyed by context attributes: each cell, as written (docs print them, check walks them). */
  readonly parameterTables: readonly ParameterTableInfo[];
  /**
   * Whether anything the rules judge reads the assessment's date (`area.date`): `date` or `year`
   * in an expression or a `when:`, or a table keyed by year or with dated rows. A form asks for
   * the date exactly then.
   */
  readonly readsDate: boolean;
  /**
   * Every parameter as written, constants and tables, of the rule file and of the fragments it
   * includes (in `include:` order): `document.parameters` is the rule file's alone, so a tool that
   * read it would not see a constant shared through `include:`.
   */
  readonly parameters: Readonly<Record<string, ParameterDeclaration>>;
  /** The files this ruleset includes (shared pieces), as written in `include:`. */
  readonly includes: readonly string[];
  readonly mandatory: readonly string[];
  readonly totalRequirement?: Requirement;
  /** The levels (`levels:`), lowest first; absent for a scheme without levels. */
  readonly levels?: readonly LevelPlan[];
  /** Warnings and information found while compiling (e.g. variant coverage). */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Check raw input (parsed JSON/YAML) against the declared facts and context: types, bounds,
   * part ≤ whole, enumeration values, unknown names, context rules. Every problem, with its path
   * and, when `located` is given, its file, line and column. Nothing is coerced. A date outside
   * the ruleset's `effective` period is an error unless `options.anyDate` (a diff reads an old
   * assessment under the next version's rules on purpose).
   */
  validateAssessment(
    value: unknown,
    located?: LocatedInput,
    options?: { readonly anyDate?: boolean },
  ): StageResult<Assessment>;
  /**
   * The schema of an assessment for this ruleset (structure, types and bounds), as a Standard
   * Schema (https://standardschema.dev: libraries that accept one take it). It is the engine's
   * own zod, bundled into the engine, so zod's types are not part of this package's: as JSON
   * Schema, `assessmentJsonSchema(ruleset)`; to check a value with every problem located,
   * `validateAssessment`.
   */
  assessmentSchema(): AssessmentSchema;
  /** Full result with the explanation trace. The assessment must already be valid. */
  evaluate(assessment: Assessment): EvaluationResult;
  /**
   * One criterion (by its index in `criteria`) as `evaluate` reports it, at a cost that grows
   * with what it reads, not with the ruleset: for tools that try many inputs on one part (the
   * static checks). The assessment must already be valid.
   */
  evaluateCriterion(assessment: Assessment, index: number): CriterionResult;
  /** One disqualifier (by its index in `disqualifiers`), likewise. */
  evaluateDisqualifier(assessment: Assessment, index: number): DisqualifierResult;
  /** Decision and per-group passed counts only; the fast path. */
  decide(assessment: Assessment): DecisionSummary;
  /**
   * The slot layout: context attribute ids, then fact ids, in declaration order. A batch reader
   * that builds value arrays in this order (undefined = unknown) can call `decideSlots` and skip
   * the per-object key lookups. Values must already be valid (see validateAssessment).
   */
  readonly slotLayout: readonly string[];
  /**
   * `decide` over `values` in slot order. It writes into `values`: an unknown part (`part_of`) of
   * a whole that is 0 is set to 0 (evaluate/implied-zeros.ts), in place, so that a batch reader's
   * row, refilled per row, costs no copy.
   */
  decideSlots(values: (number | boolean | string | undefined)[]): DecisionSummary;
  /**
   * Where a part of the rule file is written (in `file`), by its path in the document, e.g.
   * `['groups', 0, 'criteria', 2, 'condition']`: for tools that report problems found after
   * loading (the static checks of `checkRuleset`). A path that does not exist gives the place of
   * its nearest existing parent. A declaration that comes from an included file (`['parameters',
   * 'x', 'values']` of a table the main file does not declare) is located in that file, whose
   * name is then given as `file`.
   */
  locate(path: readonly (string | number)[]): SourcePosition | undefined;
}

/** A place in a rule file: 1-based line and column, and the character range. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly range: Range;
  /** The included file the place is in; absent for the ruleset's own file. */
  readonly file?: string;
}

/** Where an input value came from, so problems can be located in its file. */
export interface LocatedInput {
  readonly source: SourceText;
  rangeOf(path: readonly (string | number)[]): Range | undefined;
  /** The range of the key at `path` (unknown names are reported at their key). */
  keyRangeOf?(path: readonly (string | number)[]): Range | undefined;
}

/** A Standard Schema (v1): the interface zod, valibot and others share, written out here. */
export interface AssessmentSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaResult | Promise<StandardSchemaResult>;
  };
}

export type StandardSchemaResult =
  | { readonly value: unknown; readonly issues?: undefined }
  | {
      readonly issues: readonly {
        readonly message: string;
        readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
      }[];
    };
