/**
 * The fact types, one module each. Shared code looks a type up here instead of switching on its
 * name; the Record makes the compiler refuse a FactType without its definition.
 */
import type { FactValue } from '../../evaluate/result.js';
import type { FactType } from '../compiled-ruleset.js';
import { booleanType } from './boolean.js';
import { choiceType } from './choice.js';
import type { FactDeclaration, FactTypeDefinition, ValueWords } from './fact-type.js';
import { integerType } from './integer.js';
import { numberType } from './number.js';

export const FACT_TYPES: Readonly<Record<FactType, FactTypeDefinition>> = {
  integer: integerType,
  number: numberType,
  boolean: booleanType,
  enum: choiceType('enum'),
  ordinal: choiceType('ordinal'),
};

export function factType(type: FactType): FactTypeDefinition {
  return FACT_TYPES[type];
}

/** A value as people read it, by its declaration's type (by its own JavaScript type if undeclared). */
export function printValue(decl: FactDeclaration | undefined, value: FactValue, words: ValueWords): string {
  if (decl !== undefined) return FACT_TYPES[decl.type].printValue(decl, value, words);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  return typeof value === 'number' ? words.number(value) : value;
}

/** The value a threshold compares with, as people read it. */
export function printThreshold(
  decl: FactDeclaration | undefined,
  value: number | string | boolean,
  words: ValueWords,
): string {
  if (decl !== undefined) return FACT_TYPES[decl.type].printThreshold(decl, value, words);
  return printValue(undefined, value, words);
}

export type { FactDeclaration, FactTypeDefinition, FastCell, FormField, ValueIssue, ValueWords } from './fact-type.js';
export {
  type Cell,
  type CellReader,
  type CellValue,
  type Decoded,
  FALSE_WORDS,
  foldedKey,
  INVALID,
  isEmptyCell,
  matchKey,
  TRUE_WORDS,
} from './cells.js';
