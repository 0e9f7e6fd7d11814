/** What integer and number facts share: bounds, their problems, and how they print. */
import type { FactDeclaration, FormField, ValueIssue, ValueWords } from './fact-type.js';

/** Not a finite number: zod's number schema says so and checks nothing more. */
export const NOT_A_NUMBER: readonly ValueIssue[] = [{ code: 'invalid_type', expected: 'number' }];

/** A finite number's problems with the declared bounds, as zod's gte and lte checks (schemas.ts) report them: each runs. */
export function boundsIssues(decl: FactDeclaration, value: number, issues: ValueIssue[] = []): readonly ValueIssue[] {
  if (decl.min !== undefined && !(value >= decl.min)) issues.push({ code: 'too_small', minimum: decl.min });
  if (decl.max !== undefined && !(value <= decl.max)) issues.push({ code: 'too_big', maximum: decl.max });
  return issues;
}

/** A finite number: what zod's number schema takes before its checks run. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function printNumber(value: number | string | boolean, words: ValueWords): string {
  return typeof value === 'number' ? words.number(value) : String(value);
}

/** A number field with the declaration's bounds (and, for `number`, its decimals). */
export function numberField(decl: FactDeclaration, integer: boolean): FormField {
  return {
    kind: 'number',
    integer,
    ...(!integer && decl.decimals !== undefined ? { decimals: decl.decimals } : {}),
    ...(decl.min !== undefined ? { min: decl.min } : {}),
    ...(decl.max !== undefined ? { max: decl.max } : {}),
  };
}

/**
 * A number typed in a form: any finite number the text is (a decimal in an integer field is read
 * as written, so validateAssessment can say "a whole number" rather than "not a number").
 */
export function readNumberField(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}
