/**
 * A fact compared with a parameter table is shown beside the value the table has for this unit
 * (its region and year), as a derived quantity or a share beside a table's cell is: the rule's
 * number is not in the criterion's text when it comes from a table, and it differs by context and
 * date (found writing test/fixtures/co-quan-van-hoa from the docs alone: the gap analysis said
 * "needs ≥ 4", the report did not).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText, formatDiagnostics } from '../../src/index.js';
import { loadRulesetFile } from '../../src/node.js';

const RULES = fileURLToPath(new URL('../fixtures/co-quan-van-hoa/2024-2026/ruleset.yaml', import.meta.url));

describe('a fact compared with a parameter table', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;
  const agency = (region: string, date: string, events: number) =>
    rules.evaluate({
      area: { code: 'X-01', date },
      context: { region, kind: 'hanh_chinh', has_canteen: true },
      facts: { events_held: events },
    });

  it("is shown against the table's value for the unit's region and year, in both languages", () => {
    const mountains = agency('mien_nui', '2024-06-15', 2);
    expect(mountains.criteria.find((c) => c.id === '2.1')?.status).toBe('fail');
    expect(explainText(mountains, rules, { lang: 'en' })).toContain(
      'Cultural and sports events this year: 2 events → needs ≥ 4',
    );
    expect(explainText(mountains, rules, { lang: 'vi' })).toContain(
      'Số hoạt động văn hóa, thể thao trong năm: 2 hoạt động → cần ≥ 4',
    );
    // Another region, another year: another cell of the same table.
    expect(explainText(agency('mien_nui', '2026-03-01', 2), rules, { lang: 'en' })).toContain('2 events → needs ≥ 5');
  });

  it('says nothing when the fact is unknown', () => {
    const result = rules.evaluate({
      area: { code: 'X-01', date: '2024-06-15' },
      context: { region: 'mien_nui', kind: 'hanh_chinh', has_canteen: true },
      facts: {},
    });
    expect(explainText(result, rules, { lang: 'en' })).not.toContain('→ needs ≥ 4');
  });
});
