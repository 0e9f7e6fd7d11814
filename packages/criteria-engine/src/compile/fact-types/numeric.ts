/** What integer and number facts share: bounds, their zod checks, and how they print. */
import * as z from 'zod/mini';
import type { FactDeclaration, ValueWords } from './fact-type.js';

export function boundsChecks(decl: FactDeclaration): z.core.$ZodCheck<number>[] {
  const checks: z.core.$ZodCheck<number>[] = [];
  if (decl.min !== undefined) checks.push(z.gte(decl.min));
  if (decl.max !== undefined) checks.push(z.lte(decl.max));
  return checks;
}

export function printNumber(value: number | string | boolean, words: ValueWords): string {
  return typeof value === 'number' ? words.number(value) : String(value);
}
