import { compareExact, type Exact } from '../exact/arithmetic.js';
import { ERROR, INTEGER, NUMBER, isNumeric, type Closure, type Value } from '../types.js';
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
      const [a, b] = args as [NonNullable<(typeof args)[0]>, NonNullable<(typeof args)[0]>];
      let ok = true;
      for (const arg of [a, b]) {
        if (!isNumeric(arg.type) && arg.type.t !== 'error') {
          ctx.report('expr_type', arg.expr.range, { expected: 'number', actual: arg.type.t, where: `${name}(…)` });
          ok = false;
        }
      }
      const fn: Closure = (s) => {
        const x = a.fn(s) as Exact | undefined;
        const y = b.fn(s) as Exact | undefined;
        // Compared exactly: either may be a fraction (exact/arithmetic.ts).
        return x === undefined || y === undefined ? undefined : ((keepFirst(compareExact(x, y)) ? x : y) as Value);
      };
      const type = !ok ? ERROR : a.type.t === 'integer' && b.type.t === 'integer' ? INTEGER : NUMBER;
      return { type, fn, expr: call, reads: mergeReads(a.reads, b.reads) };
    },
  };
}

export const min = extreme('min', (c) => c <= 0, 'Giá trị nhỏ hơn trong hai số.', 'The smaller of two numbers.');
export const max = extreme('max', (c) => c >= 0, 'Giá trị lớn hơn trong hai số.', 'The larger of two numbers.');
