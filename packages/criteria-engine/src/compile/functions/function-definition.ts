import type { Range } from '../../diagnostics/diagnostic.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import type { Expr } from '../expression/ast.js';
import type { Typed } from '../typed.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { DiagnosticParams } from '../../diagnostics/params.js';
import type { ThresholdHooks } from './threshold-hooks.js';

export interface CheckContext {
  report<C extends DiagnosticCode>(code: C, range: Range, params: DiagnosticParams<C>): void;
}

/** One function of the condition language: the checker, the docs and the errors all read this. */
export interface FunctionDefinition {
  readonly name: string;
  readonly arity: number;
  /** For a function taking a variable number of arguments (`count`): the least and the most. */
  readonly variadic?: { readonly min: number; readonly max: number };
  readonly signature: string;
  readonly description: LocalizedText;
  /** Type-check already-checked arguments and build the closure; report problems via ctx. */
  check(args: readonly Typed[], call: Extract<Expr, { kind: 'call' }>, ctx: CheckContext): Typed;
  /**
   * For a function whose calls are compared with constants as thresholds: how the tools read,
   * print, solve and cover them (threshold-hooks.ts). Its thresholds' `kind` is the function's name.
   */
  readonly thresholds?: ThresholdHooks;
}
