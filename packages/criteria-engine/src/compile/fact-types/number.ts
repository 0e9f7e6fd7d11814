/** `type: number`: a measured quantity (a finite double today; exact decimals are issue 13). */
import * as z from 'zod/mini';
import { readNumberCell } from './cells.js';
import type { FactDeclaration, FactTypeDefinition } from './fact-type.js';
import { boundsChecks, printNumber } from './numeric.js';

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
    return (v) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;
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
  printThreshold: (_decl, value, words) => printNumber(value, words),
};
