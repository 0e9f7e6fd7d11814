/**
 * The shape of a rule file once it has passed schemas/ruleset.schema.json.
 * Kept by hand beside the schema; a test checks the bundled rules against both.
 */
import type { Language } from '../diagnostics/language.js';

/**
 * A text in both languages. A file that declares one language (`languages: [en]`) has its
 * texts filled out by the validate stage, the missing language taking the first one's text
 * (validate/text-languages.ts), so every stage can read either.
 */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

/** A word in the singular and the plural. */
export interface WordForms {
  readonly one: LocalizedText;
  readonly many: LocalizedText;
}

/** What a scheme assesses, and the attribute (area.unit) that groups results in reports. */
export interface WordsDocument {
  readonly assessed: WordForms;
  readonly grouped_by?: WordForms;
}

export interface ValueDeclaration {
  readonly id: string;
  readonly label: LocalizedText;
}

export type ContextAttributeDeclaration =
  | {
      readonly type: 'enum';
      readonly values: readonly ValueDeclaration[];
      readonly label: LocalizedText;
      readonly required_when?: string;
    }
  | {
      readonly type: 'boolean';
      readonly label: LocalizedText;
      readonly required_when?: string;
    };

export interface ContextRule {
  readonly when: string;
  readonly require: string;
  readonly message: LocalizedText;
}

export type FactDeclaration =
  | {
      readonly type: 'integer' | 'number';
      readonly label: LocalizedText;
      readonly min?: number;
      readonly max?: number;
      /** `number` facts only: the most decimals an input value may have (docs/rule-format.md, Decimals). */
      readonly decimals?: number;
      readonly part_of?: string;
      readonly unit?: LocalizedText;
      readonly help?: LocalizedText;
    }
  | { readonly type: 'boolean'; readonly label: LocalizedText; readonly help?: LocalizedText }
  | {
      readonly type: 'enum' | 'ordinal';
      readonly label: LocalizedText;
      readonly values: readonly ValueDeclaration[];
      readonly help?: LocalizedText;
    };

/** A derived quantity (`derived:`): a numeric expression, exact; docs/rule-format.md. */
export interface DerivedDeclaration {
  readonly label: LocalizedText;
  readonly unit?: LocalizedText;
  readonly help?: LocalizedText;
  readonly value: string;
  /** The value when a divisor is 0; required when `value` divides. */
  readonly if_zero?: 'unknown' | number;
  /** Decimals shown by tools; comparisons use the exact value. */
  readonly decimals?: number;
}

/**
 * A parameter: a constant (`value`), or a table keyed by context attributes (`by`, `values`);
 * the schema lets exactly one of `value` and `values` through.
 */
export interface ParameterDeclaration {
  readonly value?: number;
  readonly label?: LocalizedText;
  readonly unit?: LocalizedText;
  readonly by?: readonly string[];
  readonly values?: readonly ParameterRow[];
}

/** One cell of a parameter table: a value id (or true/false) per key of `by`, and `value`. */
export type ParameterRow = { readonly value: number } & Readonly<Record<string, string | boolean | number>>;

export type ConditionDocument =
  | string
  | { readonly fact: string; readonly is: boolean }
  | { readonly fact: string; readonly at_least: number | string }
  | { readonly fact: string; readonly at_most: number | string }
  | { readonly fact: string; readonly equals: number | string | boolean }
  | {
      readonly percent: { readonly part: string; readonly whole: string };
      readonly at_least?: number;
      readonly at_most?: number;
      readonly if_whole_zero: 'pass' | 'fail';
    }
  | { readonly all: readonly ConditionDocument[] }
  | { readonly any: readonly ConditionDocument[] }
  | { readonly not: ConditionDocument }
  | { readonly at_least: number; readonly of: readonly ConditionDocument[] };

/** A step table: the highest band whose `at_least` the value reaches gives the points. */
export interface PointStepsDocument {
  readonly of: string;
  readonly bands: readonly { readonly at_least: number; readonly points: number }[];
}

/** One way to earn points in `best_of`: fixed points or a step table, under an optional condition. */
export interface PointsOptionDocument {
  readonly condition?: ConditionDocument;
  readonly points?: number;
  readonly steps?: PointStepsDocument;
  readonly cap?: number;
}

/** A criterion's or variant's points: a number, a step table (with a cap), or the best of options. */
export type PointsDocument =
  | number
  | { readonly steps: PointStepsDocument; readonly cap?: number }
  | { readonly best_of: readonly PointsOptionDocument[] };

export interface VariantDocument {
  readonly id: string;
  readonly when: string;
  readonly label?: LocalizedText;
  readonly text?: LocalizedText;
  readonly condition: ConditionDocument;
  readonly points?: PointsDocument;
}

export interface CriterionDocument {
  readonly id: string;
  readonly text: LocalizedText;
  readonly condition?: ConditionDocument;
  readonly variants?: readonly VariantDocument[];
  readonly no_variant?: 'not_applicable' | 'fail';
  readonly applicable_when?: string;
  readonly not_applicable?: 'exclude' | 'fail';
  readonly points?: PointsDocument;
  /** Counts only from this level up (a `levels:` id). */
  readonly from_level?: string;
  readonly note?: LocalizedText;
}

export type RequirementDocument =
  | { readonly at_least_percent: number }
  | { readonly at_least_count: number }
  | { readonly at_least_points: number };

/** A requirement over named criteria: `{ at_least_count: 3, of: ["1.1", "1.2", "1.3", "1.4"] }`. */
export type CountRequirementDocument =
  | { readonly at_least_count: number; readonly of: readonly string[] }
  | { readonly at_least_points: number; readonly of: readonly string[] };

/** A recognition level: requirements added to the base rule and to every lower level's. */
export interface LevelDocument {
  readonly id: string;
  readonly label: LocalizedText;
  readonly group_requirement?: RequirementDocument;
  readonly groups?: Readonly<Record<string, RequirementDocument>>;
  readonly total_requirement?: RequirementDocument;
  readonly requirements?: readonly CountRequirementDocument[];
  readonly mandatory?: readonly string[];
  readonly disqualifiers?: readonly string[];
  readonly note?: LocalizedText;
}

/** A department: the standards whose facts it answers for, and facts named one by one. */
export interface OwnerDocument {
  readonly label: LocalizedText;
  readonly groups?: readonly string[];
  readonly facts?: readonly string[];
}

export interface GroupDocument {
  readonly id: string;
  readonly title: LocalizedText;
  readonly requirement?: RequirementDocument;
  readonly criteria: readonly CriterionDocument[];
}

export interface DisqualifierDocument {
  readonly id: string;
  readonly text: LocalizedText;
  readonly condition: ConditionDocument;
  /** Blocks only from this level up (a `levels:` id). */
  readonly from_level?: string;
  readonly note?: LocalizedText;
}

export interface RecognitionDocument {
  readonly group_requirement: RequirementDocument;
  readonly mandatory?: readonly string[];
  readonly disqualifiers?: 'block';
  readonly total_requirement?: RequirementDocument;
  readonly requirements?: readonly CountRequirementDocument[];
  readonly note?: LocalizedText;
}

export interface DefinitionDocument {
  readonly condition: ConditionDocument;
  readonly label?: LocalizedText;
  readonly note?: LocalizedText;
}

/**
 * The header and signature part of printed documents, in the layout of Decree 30/2020/NĐ-CP
 * (national name, motto, issuing body, place, signers). Data, so no scheme's body or signer is
 * ever named in code. `{unit}` in `issuing_body` and signer texts is the area's ward/commune.
 */
export interface LetterheadDocument {
  readonly national_name?: LocalizedText;
  readonly motto?: LocalizedText;
  readonly superior_body?: LocalizedText;
  readonly issuing_body?: LocalizedText;
  readonly place?: LocalizedText;
  readonly signers?: readonly SignerDocument[];
}

export interface SignerDocument {
  readonly title: LocalizedText;
  readonly position?: LocalizedText;
  readonly note?: LocalizedText;
}

/**
 * A rule file. With `kind: fragment` it is a shared piece (facts, parameters, definitions) that
 * rulesets bring in with `include:`; the sections a fragment lacks are then absent.
 */
export interface RulesetDocument {
  readonly format: 1;
  readonly kind?: 'ruleset' | 'fragment';
  readonly include?: readonly string[];
  readonly definitions?: Readonly<Record<string, DefinitionDocument>>;
  readonly id: string;
  readonly version: string;
  readonly effective?: { readonly from: string; readonly to?: string };
  readonly title: LocalizedText;
  /** The languages of the file's texts, the first being the authority; absent: [vi, en]. */
  readonly languages?: readonly Language[];
  /** What the scheme assesses and what groups its results; absent: generic words. */
  readonly words?: WordsDocument;
  readonly source?: {
    readonly document?: LocalizedText;
    readonly table?: LocalizedText;
    readonly url?: string;
  };
  readonly letterhead?: LetterheadDocument;
  readonly context: Readonly<Record<string, ContextAttributeDeclaration>>;
  readonly context_rules?: readonly ContextRule[];
  /** The departments that answer for facts, each handing in its own part of the data. */
  readonly owners?: Readonly<Record<string, OwnerDocument>>;
  readonly facts: Readonly<Record<string, FactDeclaration>>;
  readonly parameters?: Readonly<Record<string, ParameterDeclaration>>;
  readonly derived?: Readonly<Record<string, DerivedDeclaration>>;
  readonly groups: readonly GroupDocument[];
  readonly disqualifiers?: readonly DisqualifierDocument[];
  readonly recognition: RecognitionDocument;
  /** Recognition levels, lowest first (absent: recognised / not recognised only). */
  readonly levels?: readonly LevelDocument[];
}
