/** `type: boolean`: yes or no. */
import { BOOLEAN_EXACT, readBooleanCell } from './cells.js';
import type { FactTypeDefinition, ValueIssue, ValueWords } from './fact-type.js';
import { BOOLEAN } from '../types.js';

function print(value: number | string | boolean, words: ValueWords): string {
  return typeof value === 'boolean' ? (value ? words.yes : words.no) : String(value);
}

const NONE: readonly ValueIssue[] = [];
const NOT_A_BOOLEAN: readonly ValueIssue[] = [{ code: 'invalid_type', expected: 'boolean' }];

export const booleanType: FactTypeDefinition = {
  name: 'boolean',
  valueType: () => BOOLEAN,
  decimals: () => undefined,
  issues: () => (v) => (typeof v === 'boolean' ? NONE : NOT_A_BOOLEAN),
  accepts: () => (v) => typeof v === 'boolean',
  readCell: () => readBooleanCell,
  exactCells: () => BOOLEAN_EXACT,
  fastCell: 'choice',
  finiteValues: () => [false, true],
  numberLine: () => ({ lo: 0, hi: 1, integer: true }),
  drawValue: (_decl, _lo, _hi, draw) => draw % 2 === 1,
  printValue: (_decl, value, words) => print(value, words),
  formField: (_decl, words) => ({
    kind: 'choice',
    options: [
      { value: 'true', label: words.yes },
      { value: 'false', label: words.no },
    ],
  }),
  // A form's choices carry 'true' and 'false'; any other text is no answer of this type.
  readField: (_decl, text) =>
    text.trim() === '' ? undefined : text === 'true' ? true : text === 'false' ? false : null,
  printThreshold: (_decl, value, words) => print(value, words),
};
