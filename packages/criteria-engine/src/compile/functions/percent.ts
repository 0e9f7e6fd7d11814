import { closureOfExact, exactView } from '../closure-views.js';
import { divide, times } from '../exact/arithmetic.js';
import { ERROR, PERCENT, isNumeric } from '../types.js';
import { mergeReads, type PercentParts } from '../typed.js';
import type { FunctionDefinition } from './function-definition.js';
import { percentComparison } from './percent-compare.js';
import { percentThresholds } from './percent-thresholds.js';

/**
 * percent(part, whole, if_zero): the exact ratio part × 100 / whole, of integers or of number
 * facts (km, ha). Comparisons read its parts and cross-multiply, so 98% is checked as
 * part × 100 ≥ 98 × whole, exactly (BigInt past 2^53, fractions for decimals). `if_zero` makes the empty-whole case a declared choice.
 */
export const percent: FunctionDefinition = {
  name: 'percent',
  arity: 3,
  signature: 'percent(part, whole, if_zero)',
  description: {
    vi: 'Tỉ lệ phần trăm chính xác part × 100 / whole; khi whole bằng 0 thì lấy giá trị if_zero (0–100).',
    en: 'The exact percentage part × 100 / whole; when whole is 0 it takes the value if_zero (0–100).',
  },
  thresholds: percentThresholds,
  check(args, call, ctx) {
    // The checker calls a function with exactly `arity` arguments (it reports any other count).
    const [part, whole, ifZero] = args;
    if (part === undefined || whole === undefined || ifZero === undefined)
      return { type: ERROR, fn: () => undefined, expr: call, reads: [] };
    let ok = true;
    for (const [arg, where] of [
      [part, 'part'],
      [whole, 'whole'],
    ] as const) {
      // Counts or measured quantities (km, ha); the ratio is exact either way.
      if (!isNumeric(arg.type) && arg.type.t !== 'error') {
        ctx.report('expr_type', arg.expr.range, {
          expected: 'number',
          actual: arg.type.t,
          where: `percent(${where})`,
        });
        ok = false;
      }
    }
    if (typeof ifZero.constant !== 'number' || ifZero.constant < 0 || ifZero.constant > 100) {
      ctx.report('expr_type', ifZero.expr.range, {
        expected: 'percent_0_100',
        actual: ifZero.type.t,
        where: 'percent(if_zero)',
      });
      ok = false;
    }
    const zero = typeof ifZero.constant === 'number' ? ifZero.constant : 0;
    // Its value, exact (a fraction when it is not a whole number); comparisons use the parts.
    const wholeOf = exactView(whole.fn);
    const partOf = exactView(part.fn);
    const fn = closureOfExact((s) => {
      const w = wholeOf(s);
      const p = partOf(s);
      if (w === undefined || p === undefined) return undefined;
      return divide(times(p, 100), w) ?? zero;
    });
    const parts: PercentParts = {
      part: part.fn,
      whole: whole.fn,
      ifZero: zero,
      integers: part.type.t === 'integer' && whole.type.t === 'integer',
      ...(part.name !== undefined ? { partName: part.name } : {}),
      ...(whole.name !== undefined ? { wholeName: whole.name } : {}),
      ...(part.slot !== undefined ? { partSlot: part.slot } : {}),
      ...(whole.slot !== undefined ? { wholeSlot: whole.slot } : {}),
    };
    return {
      type: ok ? PERCENT : ERROR,
      fn,
      expr: call,
      reads: mergeReads(part.reads, whole.reads),
      percent: parts,
      // Compared with a number or another percentage by cross-multiplying its parts (percent-compare.ts).
      ...(ok ? { compare: percentComparison(parts) } : {}),
    };
  },
};
