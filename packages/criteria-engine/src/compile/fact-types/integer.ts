/** `type: integer`: counts (people, items). Whole numbers within ±(2^53 − 1) and the declared bounds. */
import { readIntegerCell } from './cells.js';
import type { FactDeclaration, FactTypeDefinition, ValueIssue } from './fact-type.js';
import { NOT_A_NUMBER, boundsIssues, isFiniteNumber, numberField, printNumber, readNumberField } from './numeric.js';
import { INTEGER } from '../types.js';

function bounds(decl: FactDeclaration): { lo: number; hi: number } {
  return {
    lo: Math.max(decl.min ?? -Infinity, Number.MIN_SAFE_INTEGER),
    hi: Math.min(decl.max ?? Infinity, Number.MAX_SAFE_INTEGER),
  };
}

const NOT_AN_INTEGER: readonly ValueIssue[] = [{ code: 'invalid_type', expected: 'int' }];

export const integerType: FactTypeDefinition = {
  name: 'integer',
  valueType: () => INTEGER,
  // A count: a threshold such as 2.5 could never be met exactly as written.
  decimals: () => 0,
  issues: (decl) => (v) => {
    if (!isFiniteNumber(v)) return NOT_A_NUMBER;
    // As z.int() (schemas.ts): a fraction is the wrong type, and nothing more is checked; outside
    // ±(2^53 − 1) is out of range, and the declared bounds are checked as well.
    if (!Number.isInteger(v)) return NOT_AN_INTEGER;
    const issues: ValueIssue[] = [];
    if (!Number.isSafeInteger(v))
      issues.push(
        v > 0
          ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER }
          : { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER },
      );
    return boundsIssues(decl, v, issues);
  },
  accepts(decl) {
    const { lo, hi } = bounds(decl);
    return (v) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  },
  readCell: () => readIntegerCell,
  bounds,
  fastCell: 'integer',
  numberLine: (decl) => ({ lo: decl.min ?? -Infinity, hi: decl.max ?? Infinity, integer: true }),
  drawValue: (_decl, lo, hi, draw, drawMax) => lo + Math.floor((draw * (hi - lo + 1)) / (drawMax + 1)),
  printValue: (_decl, value, words) => printNumber(value, words),
  formField: (decl) => numberField(decl, true),
  readField: (_decl, text) => readNumberField(text),
  printThreshold: (_decl, value, words) => printNumber(value, words),
};
