import { BOOLEAN } from '../types.js';
import type { FunctionDefinition } from './function-definition.js';

/** known(x): whether a fact or context attribute was supplied. Never unknown itself. */
export const known: FunctionDefinition = {
  name: 'known',
  arity: 1,
  signature: 'known(name)',
  description: {
    vi: 'Đúng khi số liệu đã được nhập (không phải "chưa có số liệu").',
    en: 'True when the fact was supplied (not unknown).',
  },
  check(args, call, ctx) {
    const arg = args[0];
    if (!arg || arg.name === undefined) {
      ctx.report('expr_type', (arg?.expr ?? call).range, {
        expected: 'fact_name',
        actual: arg?.type.t ?? 'nothing',
        where: 'known(…)',
      });
    }
    const read = arg?.fn;
    return {
      type: BOOLEAN,
      fn: (s) => (read ? read(s) !== undefined : false),
      expr: call,
      reads: arg?.reads ?? [],
    };
  },
};
