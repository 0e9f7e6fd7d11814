import type { Range } from '../../diagnostics/diagnostic.js';
import type { LocalizedText } from '../../validate/ruleset-document.js';
import type { Expr } from '../expression/ast.js';
import type { Typed } from '../typed.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';

export interface CheckContext {
  report(code: DiagnosticCode, range: Range, params: Record<string, string | number | boolean>): void;
}

/** One function of the condition language: the checker, the docs and the errors all read this. */
export interface FunctionDefinition {
  readonly name: string;
  readonly arity: number;
  readonly signature: string;
  readonly description: LocalizedText;
  /** Type-check already-checked arguments and build the closure; report problems via ctx. */
  check(args: readonly Typed[], call: Extract<Expr, { kind: 'call' }>, ctx: CheckContext): Typed;
}
