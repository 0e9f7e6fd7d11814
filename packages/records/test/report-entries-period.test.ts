/**
 * lcz report --records over several years reads each year's stored assessment under the rules
 * given, whatever its date: an assessment of 2025 under the 2026 version is counted, with the
 * `records_report_other_rules` warning (docs/report.md), not refused as dated outside 2026's
 * period. Found by a scheme written from the docs alone: a two-year record reported with the
 * second year's rules showed the first year with 1 area assessed and none recognised, though the
 * board had recognised two.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRulesetOrThrow } from '@lcz/criteria-engine';
import { afterAll, describe, expect, it } from 'vitest';
import { openRecordsStore, recordEntries } from '../src/index.js';

const rules = (year: number) =>
  loadRulesetOrThrow(
    `format: 1
id: period-test
version: "${year}"
effective: { from: "${year}-01-01", to: "${year}-12-31" }
title: { vi: "Thử", en: "Test" }
context: {}
facts:
  ok: { type: boolean, label: { vi: "Đạt", en: "OK" } }
groups:
  - id: "1"
    title: { vi: "Nhóm", en: "Group" }
    criteria:
      - { id: "1.1", text: { vi: "Đạt", en: "OK" }, condition: { fact: ok, is: true } }
recognition:
  group_requirement: { at_least_percent: 100 }
`,
    { file: `rules-${year}.yaml` },
  );

const dir = mkdtempSync(join(tmpdir(), 'lcz-records-period-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the record report across versions', () => {
  it('counts an earlier year decided with the earlier version, with a warning, not an error', async () => {
    const y2025 = rules(2025);
    const y2026 = rules(2026);
    const store = await openRecordsStore(dir);
    try {
      const by = { by: 'test' };
      await store.putAreas([{ code: 'A', name: 'A', unit: 'U', context: {} }], by);
      for (const [year, ruleset] of [
        [2025, y2025],
        [2026, y2026],
      ] as const) {
        await store.register(year, ['A'], by);
        const assessment = {
          area: { code: 'A', name: 'A', unit: 'U', date: `${year}-05-15` },
          context: {},
          facts: { ok: true },
        };
        await store.storeEvaluations(
          year,
          [
            {
              area: 'A',
              decision: 'recognised',
              ruleset: { id: ruleset.id, version: ruleset.version, hash: ruleset.hash },
              assessedOn: `${year}-10-15`,
              assessment,
              summary: { standards: [], failed: [], missing: [] },
            },
          ],
          by,
        );
      }
      const read = await recordEntries(store, y2026, { label: 'record' });
      expect(read.entries.map((e) => [e.year, e.result.decision])).toEqual([
        [2025, 'recognised'],
        [2026, 'recognised'],
      ]);
      expect(read.problems.map((p) => [p.code, p.severity])).toEqual([['records_report_other_rules', 'warning']]);
    } finally {
      await store.close();
    }
  });
});
