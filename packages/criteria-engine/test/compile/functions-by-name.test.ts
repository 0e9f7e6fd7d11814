/**
 * One definition per function: what a function of the condition language means to the tools (its
 * thresholds, how they print, solve, probe and generate code, how its value compares) is declared
 * in compile/functions/, and the tools walk those hooks. This test keeps `percent`, the function
 * that has all of them, from being special-cased by name again elsewhere: the places left name
 * the rule format's structured `percent:` condition key (schemas/ruleset.schema.json), the
 * `percent` value type, or a threshold's unit, not the function.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** File → how many quoted `percent`s it may hold, and why. */
const ALLOWED: Readonly<Record<string, { readonly count: number; readonly why: string }>> = {
  'compile/conditions.ts': { count: 5, why: 'the structured `percent:` key, desugared to the call' },
  'compile/types.ts': { count: 3, why: 'the `percent` value type of the type system' },
  'analyze/atoms.ts': { count: 1, why: 'the structured `percent:` key' },
  'assist/locate.ts': { count: 2, why: 'the structured `percent:` key in the editor' },
  'assist/describe.ts': { count: 1, why: 'the structured `percent:` key in the editor' },
  'assist/complete.ts': { count: 2, why: 'the structured `percent:` key in the editor' },
  'validate/schema-errors.ts': { count: 1, why: 'the condition keys a schema message lists' },
  'analyze/checks/wording.ts': { count: 1, why: "a threshold's unit (its shape hook)" },
  'explain/diff/render-diff.ts': { count: 1, why: "a threshold's unit (its shape hook)" },
  'explain/explain-text.ts': { count: 1, why: "a threshold's unit (its shape hook): a share against a parameter" },
  'explain/explain-gap.ts': {
    count: 1,
    why: "a threshold's unit (its shape hook): a parameter's value for the unit, with %",
  },
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ['functions', 'generated'].includes(e.name) ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

it('names percent only where the rule format, the type system or a unit means it', () => {
  const found: Record<string, number> = {};
  for (const file of sources(SRC)) {
    const count = [...readFileSync(file, 'utf8').matchAll(/['"]percent['"]/g)].length;
    if (count > 0) found[relative(SRC, file).split('\\').join('/')] = count;
  }
  const allowed = Object.fromEntries(Object.entries(ALLOWED).map(([file, a]) => [file, a.count]));
  expect(found).toEqual(allowed);
});
