import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  completeAt,
  definitionAt,
  hoverAt,
  infoMarkdown,
  outlineRuleText,
  type AssistSources,
} from '../../src/tools.js';

const HEAD = `format: 1
id: t
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  unit_kind:
    type: enum
    values:
      - { id: to_dan_pho, label: { vi: "Tổ dân phố", en: "Urban group" } }
      - { id: ban, label: { vi: "Bản", en: "Village" } }
    label: { vi: "Loại khu dân cư", en: "Kind of area" }
facts:
  households:
    type: integer
    min: 0
    unit: { vi: "hộ", en: "households" }
    label: { vi: "Tổng số hộ", en: "Total households" }
  households_poor:
    type: integer
    min: 0
    part_of: households
    label: { vi: "Số hộ nghèo", en: "Poor households" }
  rating:
    type: ordinal
    values:
      - { id: kem, label: { vi: "Kém", en: "Poor" } }
      - { id: tot, label: { vi: "Tốt", en: "Good" } }
    label: { vi: "Xếp loại", en: "Rating" }
  active:
    type: boolean
    label: { vi: "Hoạt động", en: "Active" }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
`;

/** The sources for `text` with the cursor at `|` (removed), and that offset. */
function at(body: string): { sources: AssistSources; offset: number; text: string } {
  const marked = HEAD + body;
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { sources: { main: outlineRuleText(text, 'ruleset.yaml') }, offset, text };
}

const labels = (body: string) => {
  const { sources, offset } = at(body);
  return completeAt(sources, offset)?.items.map((i) => i.label) ?? [];
};

describe('completion', () => {
  it('offers facts, context attributes, functions and keywords inside an expression', () => {
    const items = labels(`      - id: "1.1"\n        text: { vi: "a", en: "b" }\n        condition: "house| >= 1"\n`);
    expect(items).toEqual(
      expect.arrayContaining(['households', 'households_poor', 'unit_kind', 'percent', 'known', 'and']),
    );
    const { sources, offset, text } = at(`      - id: "1.1"\n        condition: "house| >= 1"\n`);
    const result = completeAt(sources, offset);
    expect(text.slice(result?.from, result?.to)).toBe('house');
  });

  it('offers the value ids of the attribute compared inside quotes', () => {
    expect(labels(`      - id: "1.1"\n        applicable_when: "unit_kind == 'b|'"\n`)).toEqual(['to_dan_pho', 'ban']);
    expect(labels(`      - id: "1.1"\n        applicable_when: "unit_kind in ['ban', '|"\n`)).toEqual([
      'to_dan_pho',
      'ban',
    ]);
  });

  it('offers fact names in fact: and percent part/whole, block and flow', () => {
    expect(labels(`      - id: "1.1"\n        condition: { fact: | }\n`)).toContain('households');
    expect(
      labels(`      - id: "1.1"\n        condition:\n          all:\n            - { fact: rat|, at_least: tot }\n`),
    ).toContain('rating');
    const whole = labels(
      `      - id: "1.1"\n        condition:\n          percent: { part: households_poor, whole: | }\n`,
    );
    expect(whole).toContain('households');
    expect(whole).not.toContain('active'); // a whole is a count
  });

  it('offers the keys still missing in a flow mapping after a comma', () => {
    expect(labels(`      - id: "1.1"\n        condition: { fact: rating, | }\n`)).toEqual([
      'is',
      'at_least',
      'at_most',
      'equals',
    ]);
    expect(labels(`      - id: "1.1"\n        condition:\n          percent: { part: households_poor, | }\n`)).toEqual([
      'whole',
    ]);
  });

  it('offers the ordinal values in at_least: beside the fact', () => {
    expect(labels(`      - id: "1.1"\n        condition: { fact: rating, at_least: | }\n`)).toEqual(['kem', 'tot']);
  });

  it('offers a form or a name under an empty condition:', () => {
    const items = labels(`      - id: "1.1"\n        condition:\n          |\n`);
    expect(items).toEqual(expect.arrayContaining(['fact', 'percent', 'all', 'households']));
    const { sources, offset } = at(`      - id: "1.1"\n        condition: |\n`);
    const fact = completeAt(sources, offset)?.items.find((i) => i.label === 'fact');
    expect(fact?.insert).toBe('{ fact:  }'); // on the key's line a form is a flow mapping
  });

  it('offers nothing outside the places names go', () => {
    expect(labels(`      - id: "1.1"\n        text: { vi: "hou|", en: "b" }\n`)).toEqual([]);
  });
});

describe('hover', () => {
  it('shows a fact in both languages, with its unit, bounds and part_of', () => {
    const { sources, offset } = at(`      - id: "1.1"\n        condition: "households_p|oor >= 1"\n`);
    const hover = hoverAt(sources, offset);
    expect(hover?.title).toBe('households_poor (facts: integer)');
    expect(hover?.lines).toEqual(
      expect.arrayContaining([
        { lang: 'vi', text: 'Số hộ nghèo' },
        { lang: 'en', text: 'Poor households' },
        { text: 'min: 0 · part_of: households' },
      ]),
    );
    expect(infoMarkdown(hover ?? { title: '', lines: [] })).toContain('*en*: Poor households');
  });

  it('shows a criterion text and its thresholds on its id', () => {
    const { sources, offset } = at(
      `      - id: "1|.1"\n        text: { vi: "98% hộ", en: "98% of households" }\n        condition:\n          all:\n            - percent: { part: households_poor, whole: households }\n              at_most: 2\n              if_whole_zero: fail\n            - { fact: rating, at_least: tot }\n`,
    );
    const hover = hoverAt(sources, offset);
    expect(hover?.title).toBe('1.1');
    expect(hover?.lines.map((l) => l.text)).toEqual([
      '98% hộ',
      '98% of households',
      'all:',
      '  households_poor / households ≤ 2% (households = 0: fail)',
      '  rating ≥ tot',
    ]);
  });

  it('shows a value id and a function', () => {
    const value = at(`      - id: "1.1"\n        condition: { fact: rating, at_least: t|ot }\n`);
    expect(hoverAt(value.sources, value.offset)?.lines).toContainEqual({ lang: 'en', text: 'Good' });
    const fn = at(`      - id: "1.1"\n        condition: "perc|ent(households_poor, households, 0) <= 2"\n`);
    expect(hoverAt(fn.sources, fn.offset)?.title).toBe('percent(part, whole, if_zero)');
  });
});

describe('hover on keys', () => {
  it('shows what a key means from the rule-file schema, in Vietnamese and English', () => {
    const zero = at(
      `      - id: "1.1"\n        condition:\n          percent: { part: households_poor, whole: households }\n          at_most: 2\n          if_whole_z|ero: fail\n`,
    );
    const hover = hoverAt(zero.sources, zero.offset);
    expect(hover?.title).toBe('if_whole_zero');
    expect(hover?.lines.map((l) => l.lang)).toEqual(['vi', 'en']);
    expect(zero.text.slice(hover?.from, hover?.to)).toBe('if_whole_zero');
    const partOf = at(`      - id: "1.1"\n        condition: "true"\n`).text;
    const offset = partOf.indexOf('part_of') + 2;
    expect(
      hoverAt({ main: outlineRuleText(partOf, 'r.yaml') }, offset)?.lines.find((l) => l.lang === 'en')?.text,
    ).toMatch(/whole|part/i);
  });
});

describe('definition', () => {
  it('goes from a use in an expression, fact: or part_of: to the declaration', () => {
    const { sources, offset, text } = at(`      - id: "1.1"\n        condition: "households_poor <= househ|olds"\n`);
    const location = definitionAt(sources, offset);
    expect(location?.file).toBe('ruleset.yaml');
    expect(text.slice(location?.from, location?.to)).toBe('households');
    expect(text.slice(0, location?.from).split('\n').length).toBe(13);
    // From part_of: and from a fact: field, to the same declaration.
    const partOf = text.indexOf('part_of: households') + 'part_of: house'.length;
    expect(definitionAt(sources, partOf)).toEqual(location);
    const field = at(`      - id: "1.1"\n        condition: { fact: househ|olds, at_least: 1 }\n`);
    expect(definitionAt(field.sources, field.offset)).toEqual(location);
  });

  it('goes across include: to the fragment that declares the name', () => {
    const file = 'rules/lai-chau-2026-2030-draft/ruleset.yaml';
    const text = readFileSync(file, 'utf8');
    const shared = 'rules/shared/self-management-contents.yaml';
    const fragment = outlineRuleText(readFileSync(shared, 'utf8'), shared);
    const main = outlineRuleText(text, file);
    expect(main.includes).toEqual(['../shared/self-management-contents.yaml']);
    const use = text.indexOf('condition: self_management_done_well') + 'condition: self_'.length;
    const location = definitionAt({ main, included: [fragment] }, use);
    expect(location?.file).toBe(shared);
    expect(fragment.text.slice(location?.from, location?.to)).toBe('self_management_done_well');
  });
});

describe('hostile text', () => {
  it('gives no assistance, and throws nothing, for text nested deeper than any rule file', () => {
    const deep = `${'['.repeat(5000)}x${']'.repeat(5000)}\n`;
    const sources = { main: outlineRuleText(deep, 'deep.yaml') };
    expect(completeAt(sources, 2500)).toBeUndefined();
    expect(hoverAt(sources, 2500)).toBeUndefined();
    expect(definitionAt(sources, 2500)).toBeUndefined();
  });
});
