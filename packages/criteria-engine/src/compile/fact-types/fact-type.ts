/**
 * What a fact type is, declared once per type (one module each in this folder) and walked by
 * every tool that needs it: the assessment check (the zod schema of validateAssessment, and the
 * JSON Schema of an assessment generated from it), the same check as a plain predicate (the batch
 * row check and the fast decisions path), reading a spreadsheet or CSV cell, the arbitraries of
 * ./testing, and printing a value or a threshold. A new type (a decimal with its precision, a
 * derived quantity) is one new module here, not an edit in every tool.
 */
import type { FactValue } from '../../evaluate/result.js';
import type { LocalizedText, ValueDeclaration } from '../../validate/ruleset-document.js';
import type { FactType } from '../compiled-ruleset.js';
import type { CellReader } from './cells.js';
import type { ValueType } from '../types.js';

/** What a type needs of a fact (or context attribute) declaration. */
export interface FactDeclaration {
  readonly type: FactType;
  readonly min?: number;
  readonly max?: number;
  /** For number facts: the most decimals a value may have. */
  readonly decimals?: number;
  /** For enum and ordinal, in declared order (lowest first for ordinals). */
  readonly values?: readonly ValueDeclaration[];
}

/** The words and number format a renderer prints values with (its language, its label style). */
export interface ValueWords {
  readonly yes: string;
  readonly no: string;
  number(value: number): string;
  label(text: LocalizedText): string;
}

/** How the fast decisions path (batch/src/decisions) reads a cell of this type from bytes. */
export type FastCell = 'integer' | 'decimal' | 'choice';

/**
 * A zod schema, opaque in the published types: naming zod's types would make every user's
 * type-check read zod's declarations (zod is inlined in the build, not a dependency).
 * evaluate/assessment-schema.ts, the one reader, knows it is a zod/mini schema.
 */
export type FactSchema = { readonly _zod: unknown };

/** A type's zod schema of a known value (./schemas.ts): declarations with the same `key` share one. */
export type FactSchemaOf = (decl: FactDeclaration) => { readonly key: string; make(): FactSchema };

/**
 * One problem with a known value, as the type's zod schema reports it (its issue's code and the
 * fields validateAssessment reads): `expected` a type word, `values` the declared choices, a bound.
 */
export type ValueIssue =
  | { readonly code: 'invalid_type'; readonly expected: string }
  | { readonly code: 'invalid_value'; readonly values: readonly string[] }
  | { readonly code: 'too_small'; readonly minimum: number }
  | { readonly code: 'too_big'; readonly maximum: number };

/**
 * How a form asks for a value of a type, without naming any widget: a number (whole or with at
 * most `decimals` decimals, within bounds) or a choice among labelled values. The web form renders
 * it; a form in another toolkit can too.
 */
export type FormField =
  | {
      readonly kind: 'number';
      readonly integer: boolean;
      readonly decimals?: number;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: 'choice'; readonly options: readonly { readonly value: string; readonly label: string }[] };

export interface FactTypeDefinition {
  readonly name: FactType;
  /** The type its name has in the condition language (`id` names an enum or ordinal's own type). */
  valueType(id: string, decl: FactDeclaration): ValueType;
  /** The most decimals a literal compared with it may have (threshold_decimals); none for non-numbers. */
  decimals(decl: FactDeclaration): number | undefined;
  /**
   * The problems of a known (non-null) value, the very issues, in the same order, that the type's
   * zod schema (./schemas.ts: the published assessment schema and its JSON Schema) reports, written
   * without zod so that what checks assessments at run time carries none (a test holds them equal).
   * None for a value the type accepts.
   */
  issues(decl: FactDeclaration): (value: unknown) => readonly ValueIssue[];
  /** The same check as a predicate on a known (non-null) value, for the row checks of a batch. */
  accepts(decl: FactDeclaration): (value: unknown) => boolean;
  /** Reads a cell of a spreadsheet or CSV (text, or a typed XLSX value): the value, null, or INVALID. */
  readCell(decl: FactDeclaration): CellReader;
  /** The cell texts read exactly as written, and their values: the fast path compares bytes with these. */
  exactCells?(decl: FactDeclaration): ReadonlyMap<string, string | boolean>;
  /** The range of a number type's values: declared bounds, and for integers the safe range. */
  bounds?(decl: FactDeclaration): { readonly lo: number; readonly hi: number };
  readonly fastCell: FastCell;
  /**
   * The type's values on a line of numbers, for interval reasoning (the static checks' threshold
   * conflicts): booleans 0–1, choices by declared position, numbers within their declared bounds.
   */
  /** Every value of a type with finitely many (booleans, choices in declared order); numbers have none. */
  finiteValues?(decl: FactDeclaration): readonly (string | boolean)[];
  numberLine(decl: FactDeclaration): { readonly lo: number; readonly hi: number; readonly integer: boolean };
  /** Any value in [lo, hi] (numbers) or of the declaration, from one draw in [0, drawMax]: the arbitraries. */
  drawValue(decl: FactDeclaration, lo: number, hi: number, draw: number, drawMax: number): FactValue;
  /** A value as people read it (a unit, if any, is the caller's to add). */
  printValue(decl: FactDeclaration, value: FactValue, words: ValueWords): string;
  /** How a form asks for a value (the choices' labels in `words`). */
  formField(decl: FactDeclaration, words: ValueWords): FormField;
  /**
   * What a form field's text stands for: undefined when empty (unknown), null when the text is no
   * value of the type. Only the type is read here; bounds and the rest are validateAssessment's.
   */
  readField(decl: FactDeclaration, text: string): FactValue | null | undefined;
  /** The value a threshold compares with, as people read it. */
  printThreshold(decl: FactDeclaration, value: number | string | boolean, words: ValueWords): string;
}
