/**
 * `type: number`: a measured quantity, read as the decimal it is written as (0.1 is one tenth;
 * compile/exact/). `decimals: N` bounds the decimals a value may have.
 */
import { readNumberCell } from './cells.js';
import type { FactDeclaration, FactTypeDefinition } from './fact-type.js';
import { decimalsOf } from '../exact/rational.js';
import { NOT_A_NUMBER, boundsIssues, isFiniteNumber, numberField, printNumber, readNumberField } from './numeric.js';
import { NUMBER } from '../types.js';

function bounds(decl: FactDeclaration): { lo: number; hi: number } {
  return { lo: decl.min ?? -Infinity, hi: decl.max ?? Infinity };
}

export const numberType: FactTypeDefinition = {
  name: 'number',
  valueType: () => NUMBER,
  decimals: (decl) => decl.decimals,
  // Decimals past `decimals:` are validateAssessment's own check (input_decimals), not the type's.
  issues: (decl) => (v) => (isFiniteNumber(v) ? boundsIssues(decl, v) : NOT_A_NUMBER),
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
  // On a grid of quarters, so drawn values are exact in binary; a coarser one (halves, wholes)
  // where the fact allows fewer decimals, so every value drawn is one the fact accepts.
  drawValue(decl, lo, hi, draw, drawMax) {
    const step = decl.decimals === 0 ? 1 : decl.decimals === 1 ? 0.5 : 0.25;
    const steps = Math.floor((hi - lo) / step);
    const value = lo + Math.floor((draw * (steps + 1)) / (drawMax + 1)) * step;
    return decl.decimals === undefined ? value : withinDecimals(value, decl.decimals, hi);
  },
  printValue: (_decl, value, words) => printNumber(value, words),
  formField: (decl) => numberField(decl, false),
  readField: (_decl, text) => readNumberField(text),
  printThreshold: (_decl, value, words) => printNumber(value, words),
};

/** `value` with at most `places` decimals: up to the next such number (a bound `lo` written more finely), or down if that passes `hi`. */
function withinDecimals(value: number, places: number, hi: number): number {
  if (decimalsOf(value) <= places) return value;
  const scale = 10 ** places;
  const up = Math.ceil(value * scale) / scale;
  return up <= hi ? up : Math.floor(value * scale) / scale;
}
