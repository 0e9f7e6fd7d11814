/** The precompiled validators must match the schemas they were generated from. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { VALIDATORS, generate } from '../../scripts/generate-validators.mjs';

const generated = (name: string) =>
  fileURLToPath(new URL(`../../src/validate/generated/${name}.validator.js`, import.meta.url));

describe('generated validators', () => {
  it.each(Object.entries(VALIDATORS as Record<string, string>))(
    '%s is up to date (else: pnpm --filter @lcz/criteria-engine generate)',
    (schema, name) => {
      expect(readFileSync(generated(name), 'utf8')).toBe((generate as (p: string) => string)(schema));
    },
  );

  it('are plain ESM: no require()', () => {
    for (const name of Object.values(VALIDATORS as Record<string, string>)) {
      expect(readFileSync(generated(name), 'utf8')).not.toMatch(/require\(/);
    }
  });
});
