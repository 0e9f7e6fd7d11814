/** What integer and number facts share: bounds, their zod checks, and how they print. */
import * as z from 'zod/mini';
import type { FactDeclaration, FormField, ValueWords } from './fact-type.js';

export function boundsChecks(decl: FactDeclaration): z.core.$ZodCheck<number>[] {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (decl.min !== undefined) checks.push(z.gte(decl.min));
  if (decl.max !== undefined) checks.push(z.lte(decl.max));
  return checks;
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
