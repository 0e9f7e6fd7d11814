/**
 * The official table of a parameter keyed by region and year whose 2025 delta cell changes on
 * 2025-07-01 (test/fixtures/co-quan-van-hoa, written from the docs alone): the date columns
 * ("From 1 January 2025", "From 1 July 2025") said "(unchanged)" on the rows of 2024 and 2026, which
 * no date of 2025 ever reads. Such a row now leaves them blank; the 2025 delta row shows both.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../../src/index.js';
import { officialTable } from '../../../src/explain/table/index.js';
import { loadRulesetFile } from '../../../src/node.js';

const RULES = fileURLToPath(new URL('../../fixtures/co-quan-van-hoa/2024-2026/ruleset.yaml', import.meta.url));

describe('a table by region and year with a change inside a year', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;

  it('leaves the date columns of another year blank', () => {
    const table = officialTable(rules, { lang: 'en' }).parameters.find((p) => p.title?.includes('events_min'));
    expect(table?.columns).toEqual(['Region', 'Year', 'Value', 'From 1 January 2025', 'From 1 July 2025']);
    expect(table?.rows).toContainEqual(['Mountains', '2024', '4', '', '']);
    expect(table?.rows).toContainEqual(['Delta', '2025', '', '6', '7']);
    expect(table?.rows).toContainEqual(['Delta', '2026', '8', '', '']);
  });
});
