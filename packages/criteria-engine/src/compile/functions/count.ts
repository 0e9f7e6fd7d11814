import { ERROR, INTEGER, type Closure } from '../types.js';
import { mergeReads } from '../typed.js';
import type { FunctionDefinition } from './function-definition.js';

/** The most arguments one `count(…)` takes: bounded like every other resource of a rule file. */
const MAX_COUNT_ARGUMENTS = 100;

/**
 * `count(c1, c2, …)`: how many of the boolean arguments are true; unknown when any is unknown.
 * Compared with a number, the comparison is decided from bounds instead (compile/count-compare.ts:
 * 3 true of 5 makes `count(…) >= 3` true whatever the other two are), so the Typed result
 * carries its arguments' closures in `count`.
 */
export const count: FunctionDefinition = {
  name: 'count',
  arity: 1,
  variadic: { min: 1, max: MAX_COUNT_ARGUMENTS },
  signature: 'count(c1, c2, …)',
  description: {
    vi: 'Số điều kiện đúng trong các điều kiện cho trước (ví dụ count(a, b, c) >= 2: ít nhất 2 trong 3).',
    en: 'How many of the given conditions hold (e.g. count(a, b, c) >= 2: at least 2 of the 3).',
  },
  check(args, call, ctx) {
    let ok = true;
    for (const arg of args) {
      if (arg.type.t !== 'boolean' && arg.type.t !== 'error') {
        ctx.report('expr_type', arg.expr.range, { expected: 'boolean', actual: arg.type.t, where: 'count(…)' });
        ok = false;
      }
    }
    const fns = args.map((a) => a.fn);
    const fn: Closure = (s) => {
      let n = 0;
      for (const f of fns) {
        const v = f(s);
        if (v === undefined) return undefined;
        if (v === true) n++;
      }
      return n;
    };
    return {
      type: ok ? INTEGER : ERROR,
      fn,
      expr: call,
      reads: mergeReads(...args.map((a) => a.reads)),
      ...(ok ? { count: fns } : {}),
    };
  },
};
