import { ERROR, INTEGER, NUMBER, isNumeric, type Closure } from '../types.js';
import { mergeReads } from '../typed.js';
import type { FunctionDefinition } from './function-definition.js';

function extreme(
  name: 'min' | 'max',
  pick: (a: number, b: number) => number,
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
        const x = a.fn(s) as number | undefined;
        const y = b.fn(s) as number | undefined;
        return x === undefined || y === undefined ? undefined : pick(x, y);
      };
      const type = !ok ? ERROR : a.type.t === 'integer' && b.type.t === 'integer' ? INTEGER : NUMBER;
      return { type, fn, expr: call, reads: mergeReads(a.reads, b.reads) };
    },
  };
}

export const min = extreme('min', Math.min, 'Giá trị nhỏ hơn trong hai số.', 'The smaller of two numbers.');
export const max = extreme('max', Math.max, 'Giá trị lớn hơn trong hai số.', 'The larger of two numbers.');
