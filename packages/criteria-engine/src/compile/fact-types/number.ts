/**
 * `type: number`: a measured quantity, read as the decimal it is written as (0.1 is one tenth;
 * compile/exact/). `decimals: N` bounds the decimals a value may have.
 */
import * as z from 'zod/mini';
import { readNumberCell } from './cells.js';
import type { FactDeclaration, FactTypeDefinition } from './fact-type.js';
import { decimalsOf } from '../exact/rational.js';
import { boundsChecks, numberField, printNumber, readNumberField } from './numeric.js';

function bounds(decl: FactDeclaration): { lo: number; hi: number } {
  return { lo: decl.min ?? -Infinity, hi: decl.max ?? Infinity };
}

export const numberType: FactTypeDefinition = {
  name: 'number',
  schema: (decl) => ({
    key: `number ${decl.min ?? ''} ${decl.max ?? ''}`,
    make: () => z.number().check(...boundsChecks(decl)),
  }),
  accepts(decl) {
    const { lo, hi } = bounds(decl);
    const places = decl.decimals;
    if (places === undefined) return (v) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
    // A value with more decimals than declared is refused (validateAssessment says why: input_decimals).
    return (v) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi && decimalsOf(v) <= places;
  },
  readCell: () => readNumberCell,
  bounds,
  fastCell: 'decimal',
  numberLine: (decl) => ({ lo: decl.min ?? -Infinity, hi: decl.max ?? Infinity, integer: false }),
  // On a grid of quarters, so drawn values are exact in binary.
  drawValue(_decl, lo, hi, draw, drawMax) {
    const steps = Math.floor((hi - lo) * 4);
    return lo + Math.floor((draw * (steps + 1)) / (drawMax + 1)) / 4;
  },
  printValue: (_decl, value, words) => printNumber(value, words),
  formField: (decl) => numberField(decl, false),
  readField: (_decl, text) => readNumberField(text),
  printThreshold: (_decl, value, words) => printNumber(value, words),
};
