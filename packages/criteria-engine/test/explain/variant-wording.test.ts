/**
 * A variant's own wording (`variants[].text`) is printed: in the official table, every worded
 * variant on a blank table and the one that applied on a filled one (not when the criterion's
 * text already says it); in the report, under the variant that applied. A small scheme written
 * here (nothing Lai Châu-specific).
 */
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { officialTable } from '../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const RULES = `
format: 1
id: market-stalls
version: "1"
title: { vi: "Chợ văn minh", en: "Civilised markets" }
context:
  size:
    type: enum
    label: { vi: "Quy mô chợ", en: "Market size" }
    values:
      - { id: small, label: { vi: "Chợ nhỏ", en: "Small market" } }
      - { id: large, label: { vi: "Chợ lớn", en: "Large market" } }
facts:
  bins: { type: integer, min: 0, label: { vi: "Số thùng rác", en: "Bins" } }
  guards: { type: integer, min: 0, label: { vi: "Số bảo vệ", en: "Guards" } }
groups:
  - id: "1"
    title: { vi: "Vệ sinh và an ninh", en: "Cleanliness and safety" }
    criteria:
      - id: "1.1"
        text: { vi: "Đủ thùng rác theo quy mô chợ", en: "Enough bins for the market's size" }
        variants:
          - id: nho
            when: "size == 'small'"
            label: { vi: "Chợ nhỏ", en: "Small market" }
            text: { vi: "từ 3 thùng rác", en: "3 bins or more" }
            condition: { fact: bins, at_least: 3 }
          - id: lon
            when: "size == 'large'"
            text: { vi: "Chợ lớn: từ 10 thùng rác", en: "Large market: 10 bins or more" }
            condition: { fact: bins, at_least: 10 }
        no_variant: fail
      - id: "1.2"
        text:
          vi: "Có bảo vệ:\\n- Chợ nhỏ: từ 1 người\\n- Chợ lớn: từ 2 người"
          en: "Guarded:\\n- Small market: 1 guard or more\\n- Large market: 2 guards or more"
        variants:
          - id: nho
            when: "size == 'small'"
            text: { vi: "Chợ nhỏ: từ 1 người", en: "Small market: 1 guard or more" }
            condition: { fact: guards, at_least: 1 }
          - id: lon
            when: "size == 'large'"
            text: { vi: "Chợ lớn: từ 2 người", en: "Large market: 2 guards or more" }
            condition: { fact: guards, at_least: 2 }
        no_variant: fail
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const rules = loadRulesetOrThrow(RULES, { file: 'market-stalls.yaml' });
const small = rules.evaluate({ context: { size: 'small' }, facts: { bins: 4, guards: 1 } });
const rowLines = (table: ReturnType<typeof officialTable>, id: string) =>
  table.rows.find((r) => r.kind === 'criterion' && r.number === id)?.lines;

describe("a variant's own wording", () => {
  it('the blank official table lists each worded variant, by its label when it has one', () => {
    expect(rowLines(officialTable(rules, { lang: 'vi' }), '1.1')).toEqual([
      'Đủ thùng rác theo quy mô chợ',
      '- Chợ nhỏ: từ 3 thùng rác',
      '- Chợ lớn: từ 10 thùng rác',
    ]);
  });

  it('a filled table shows only the variant that applied', () => {
    expect(rowLines(officialTable(rules, { lang: 'en', result: small }), '1.1')).toEqual([
      "Enough bins for the market's size",
      '- Small market: 3 bins or more',
    ]);
  });

  it("a wording the criterion's text already carries is not printed twice", () => {
    expect(rowLines(officialTable(rules, { lang: 'vi' }), '1.2')).toEqual([
      'Có bảo vệ:',
      '- Chợ nhỏ: từ 1 người',
      '- Chợ lớn: từ 2 người',
    ]);
  });

  it('the report prints the wording of the variant that applied, under its name', () => {
    const text = explainText(small, rules, { lang: 'en' });
    expect(text).toContain('Variant: Small market (nho)\n          3 bins or more');
    expect(text).not.toContain('10 bins');
  });
});
