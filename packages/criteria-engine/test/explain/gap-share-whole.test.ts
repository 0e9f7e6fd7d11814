/**
 * The gap analysis reaches a share by moving its part, never its whole: the whole counts what the
 * share is taken of (households, streets), and no area becomes recognised by having fewer
 * households. A criterion on the whole alone may still be met by moving it, and a part that
 * cannot move far enough says why (the rule file's bounds), in Vietnamese and English.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { explainGap } from '../../src/explain/explain-gap.js';
import { gapAnalysis } from '../../src/explain/gap.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const rules = (partMax = '') =>
  loadRulesetOrThrow(
    `format: 1
id: share-whole
version: "1"
title: { vi: "Thử", en: "Test" }
context: {}
facts:
  households: { type: integer, min: 0, unit: { vi: "hộ", en: "households" }, label: { vi: "Tổng số hộ", en: "Households" } }
  households_ok: { type: integer, min: 0, ${partMax}part_of: households, unit: { vi: "hộ", en: "households" }, label: { vi: "Số hộ đạt", en: "Households meeting it" } }
  streets: { type: integer, min: 0, label: { vi: "Số tuyến phố", en: "Streets" } }
  streets_lit: { type: integer, min: 0, label: { vi: "Số tuyến phố có đèn", en: "Lit streets" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "90% số hộ đạt", en: "90% of households" }
        condition: { percent: { part: households_ok, whole: households }, at_least: 90, if_whole_zero: fail }
      - id: "1.2"
        text: { vi: "Tỷ lệ tuyến phố có đèn dưới 30% là chưa đạt", en: "At least 30% of streets lit" }
        condition: "percent(streets_lit, streets, 0) >= 30"
      - id: "1.3"
        text: { vi: "Có từ 3.000 hộ", en: "3,000 households or more" }
        condition: "households >= 3000"
recognition:
  group_requirement: { at_least_percent: 100 }
`,
    { file: 'ruleset.yaml' },
  );

const AREA: Assessment = {
  area: { name: 'A' },
  context: {},
  facts: { households: 2500, households_ok: 2000, streets: 10, streets_lit: 2 },
};

const moved = (gap: ReturnType<typeof gapAnalysis>, id: string) => {
  const c = gap.standards.flatMap((g) => g.candidates).find((x) => x.id === id);
  return [c?.changes ?? [], ...(c?.alternatives ?? [])].map((way) => way.map((ch) => ch.fact));
};

describe('a share is reached by its part', () => {
  const r = rules();
  const gap = gapAnalysis(r.evaluate(AREA), r);

  it('never by its whole, declared by part_of or only divided by', () => {
    expect(moved(gap, '1.1')).toEqual([['households_ok']]);
    expect(moved(gap, '1.2')).toEqual([['streets_lit']]);
    // A criterion on the count itself is met by the count.
    expect(moved(gap, '1.3')).toEqual([['households']]);
  });

  it('says so in Vietnamese and English, with no smaller whole offered', () => {
    const vi = explainGap(gap, r, { lang: 'vi' });
    expect(vi).toContain('→ Số hộ đạt: 2.000 → 2.250 (2.250/2.500 hộ ≥ 90%, thêm 250)');
    expect(vi).not.toContain('2.500 → 2.222');
    const en = explainGap(gap, r, { lang: 'en' });
    expect(en).toContain('→ Households meeting it: 2,000 → 2,250');
    expect(en).not.toContain('2,500 → 2,222');
    expect(en).not.toMatch(/Streets: 10 → \d/);
  });

  it('a part bounded below what the share needs says why, instead of a smaller whole', () => {
    const capped = rules('max: 2100, ');
    const g = gapAnalysis(capped.evaluate(AREA), capped);
    expect(moved(g, '1.1')).toEqual([[]]);
    expect(explainGap(g, capped, { lang: 'vi' })).toContain(
      'Không thể đạt: giá trị cần có nằm ngoài giới hạn bộ quy tắc khai báo cho số liệu này.',
    );
    expect(explainGap(g, capped, { lang: 'en' })).toContain(
      'Cannot pass: the value needed lies outside the bounds the rule file declares for the fact.',
    );
  });
});
