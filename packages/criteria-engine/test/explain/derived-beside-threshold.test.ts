/**
 * A derived quantity beside the threshold it missed is never shown rounded onto it: 49.9 of
 * 1,000 saved is 4.99%, shown with the quantity's `decimals: 1` as "5.0% → needs ≥ 5" on a
 * criterion that failed (found writing test/fixtures/co-quan-van-hoa from the docs alone). It
 * gets the decimals it needs, as a share beside a table's cell does; a value clear of its
 * threshold keeps its declared decimals.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText, formatDiagnostics } from '../../src/index.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { derivedOf } from '../../src/explain/gap-values.js';
import { officialTable } from '../../src/explain/table/index.js';
import { loadRulesetFile } from '../../src/node.js';

const RULES = fileURLToPath(new URL('../fixtures/co-quan-van-hoa/2024-2026/ruleset.yaml', import.meta.url));

const agency = (facts: Record<string, number>): Assessment => ({
  area: { code: 'MN-01', date: '2024-06-15' },
  context: { region: 'mien_nui', kind: 'hanh_chinh', has_canteen: true },
  facts: { staff: 200, budget_total: 1000, ...facts },
});

describe('a derived quantity beside its threshold', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;

  it('gets the decimals that keep it on its side of the threshold, in both languages', () => {
    const result = rules.evaluate(agency({ budget_saved: 49.9, green_area: 1999.9 }));
    expect(result.criteria.find((c) => c.id === '3.2')?.status).toBe('fail');
    expect(result.criteria.find((c) => c.id === '3.3')?.status).toBe('fail');
    const en = explainText(result, rules, { lang: 'en' });
    expect(en).toContain('Saving rate: 4.99% → needs ≥ 5');
    expect(en).toContain('Green area per staff member: 9.9995 m²/person → needs ≥ 10');
    const vi = explainText(result, rules, { lang: 'vi' });
    expect(vi).toContain('Tỷ lệ tiết kiệm chi thường xuyên: 4,99% → cần ≥ 5');
  });

  it('keeps its declared decimals when the rounding stays on its side', () => {
    const result = rules.evaluate(agency({ budget_saved: 50.4, green_area: 2001 }));
    const en = explainText(result, rules, { lang: 'en' });
    const full = explainText(result, rules, { lang: 'en', full: true });
    expect(full).toContain('Green area per staff member: 10.01 m²/person → needs ≥ 10'); // 10.005
    // 5.04% would round to 5.0, on the threshold: shown as the exact value, as a share is.
    expect(full).toContain('Saving rate: 5.04% → needs ≥ 5');
    expect(en).not.toContain('Saving rate: 5.0%');
  });

  it('the gap analysis shows the value now and after a change the same way', () => {
    const c32 = rules.criteria.find((c) => c.id === '3.2');
    const before = agency({ budget_saved: 49.9 });
    const after = agency({ budget_saved: 49.9, budget_total: 998.1 }); // 4.99949…%
    const [saving] = derivedOf(
      rules,
      ['budget_saved', 'budget_total'],
      c32?.condition?.thresholds ?? [],
      before,
      after,
    );
    expect(saving).toEqual({ id: 'saving_rate', current: '4.99', suggested: '4.999', op: '>=', threshold: 5 });
  });
});

describe('a derived quantity beside its threshold on the filled official table', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;

  it('is never rounded onto it', () => {
    const result = rules.evaluate(agency({ budget_saved: 49.9, green_area: 1999.9 }));
    const remarks = (id: string) =>
      officialTable(rules, { lang: 'vi', result })
        .rows.filter((r) => r.number === id)
        .map((r) => JSON.stringify(r))
        .join('\n');
    expect(remarks('3.2')).toContain('Tỷ lệ tiết kiệm chi thường xuyên: 4,99 % → cần ≥ 5');
    expect(remarks('3.3')).toContain('9,9995 m²/người → cần ≥ 10');
  });
});
