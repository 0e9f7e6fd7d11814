import { closureOfExact, exactView } from '../closure-views.js';
import { compareExact } from '../exact/arithmetic.js';
import { ERROR, INTEGER, NUMBER, isNumeric } from '../types.js';
import { mergeReads } from '../typed.js';
import type { FunctionDefinition } from './function-definition.js';

function extreme(
  name: 'min' | 'max',
  /** Whether to keep the first of two values, from their comparison (-1, 0, 1). */
  keepFirst: (sign: number) => boolean,
  vi: string,
  en: string,
): FunctionDefinition {
  return {
    name,
    arity: 2,
    signature: `${name}(a, b)`,
    description: { vi, en },
    check(args, call, ctx) {
      // The checker calls a function with exactly `arity` arguments (it reports any other count).
      const [a, b] = args;
      if (a === undefined || b === undefined) return { type: ERROR, fn: () => undefined, expr: call, reads: [] };
      let ok = true;
      for (const arg of [a, b]) {
        if (!isNumeric(arg.type) && arg.type.t !== 'error') {
          ctx.report('expr_type', arg.expr.range, { expected: 'number', actual: arg.type.t, where: `${name}(…)` });
          ok = false;
        }
      }
      const first = exactView(a.fn);
      const second = exactView(b.fn);
      const fn = closureOfExact((s) => {
        const x = first(s);
        const y = second(s);
        // Compared exactly: either may be a fraction (exact/arithmetic.ts).
        return x === undefined || y === undefined ? undefined : keepFirst(compareExact(x, y)) ? x : y;
      });
      const type = !ok ? ERROR : a.type.t === 'integer' && b.type.t === 'integer' ? INTEGER : NUMBER;
      return { type, fn, expr: call, reads: mergeReads(a.reads, b.reads) };
    },
  };
}

export const min = extreme('min', (c) => c <= 0, 'Giá trị nhỏ hơn trong hai số.', 'The smaller of two numbers.');
export const max = extreme('max', (c) => c >= 0, 'Giá trị lớn hơn trong hai số.', 'The larger of two numbers.');
