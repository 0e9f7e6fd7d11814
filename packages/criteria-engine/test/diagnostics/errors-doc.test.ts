import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/errors.md', import.meta.url)), 'utf8');

it("docs/errors.md has exactly one row per engine code (other packages' rows are checked by their tests)", () => {
  const rows = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
  for (const code of DIAGNOSTIC_CODES)
    expect(
      rows.filter((r) => r === code),
      code,
    ).toHaveLength(1);
});
