/** What enum and ordinal facts share: one of the declared values, by id; printed by its label. */
import { choiceCellReader, choiceTables } from './cells.js';
import type { FactDeclaration, FactTypeDefinition, ValueIssue, ValueWords } from './fact-type.js';

function ids(decl: FactDeclaration): string[] {
  return (decl.values ?? []).map((v) => v.id);
}

function print(decl: FactDeclaration, value: number | string | boolean, words: ValueWords): string {
  if (typeof value !== 'string') return typeof value === 'number' ? words.number(value) : String(value);
  const declared = decl.values?.find((v) => v.id === value);
  return declared !== undefined ? words.label(declared.label) : value;
}

const NONE: readonly ValueIssue[] = [];

export function choiceType(name: 'enum' | 'ordinal'): FactTypeDefinition {
  return {
    name,
    // Its own type: values of one enum never compare with another's.
    valueType: (id, decl) => ({ t: name, of: id, values: ids(decl) }),
    decimals: () => undefined,
    issues(decl) {
      // As z.enum (schemas.ts): anything not declared, of any type, is wrong, said with the
      // values in the order zod lists them (its table's keys: number-like ids first).
      const values = Object.values(Object.fromEntries(ids(decl).map((v) => [v, v])));
      const known: ReadonlySet<unknown> = new Set(values);
      const wrong: readonly ValueIssue[] = [{ code: 'invalid_value', values }];
      return (v) => (known.has(v) ? NONE : wrong);
    },
    accepts(decl) {
      const known = new Set(ids(decl));
      return (v) => typeof v === 'string' && known.has(v);
    },
    readCell: (decl) => choiceCellReader(decl.values),
    exactCells: (decl) => choiceTables(decl.values).exact,
    fastCell: 'choice',
    finiteValues: (decl) => ids(decl),
    numberLine: (decl) => ({ lo: 0, hi: Math.max(0, (decl.values?.length ?? 1) - 1), integer: true }),
    drawValue(decl, _lo, _hi, draw) {
      const list = ids(decl);
      return list[draw % Math.max(1, list.length)] ?? '';
    },
    printValue: print,
    formField: (decl, words) => ({
      kind: 'choice',
      options: (decl.values ?? []).map((v) => ({ value: v.id, label: words.label(v.label) })),
    }),
    // The value id as the form's choice carries it; whether it is declared is validateAssessment's.
    readField: (_decl, text) => (text.trim() === '' ? undefined : text),
    printThreshold: print,
  };
}
