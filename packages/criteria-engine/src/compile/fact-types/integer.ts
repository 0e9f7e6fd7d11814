/** `type: integer`: counts (people, items). Whole numbers within ±(2^53 − 1) and the declared bounds. */
import * as z from 'zod/mini';
import { readIntegerCell } from './cells.js';
import type { FactDeclaration, FactTypeDefinition } from './fact-type.js';
import { boundsChecks, numberField, printNumber, readNumberField } from './numeric.js';

function bounds(decl: FactDeclaration): { lo: number; hi: number } {
  return {
    lo: Math.max(decl.min ?? -Infinity, Number.MIN_SAFE_INTEGER),
    hi: Math.min(decl.max ?? Infinity, Number.MAX_SAFE_INTEGER),
  };
}

export const integerType: FactTypeDefinition = {
  name: 'integer',
  schema: (decl) => ({
    key: `integer ${decl.min ?? ''} ${decl.max ?? ''}`,
    // z.int() already keeps integers within ±(2^53 − 1).
    make: () => z.int().check(...boundsChecks(decl)),
  }),
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
