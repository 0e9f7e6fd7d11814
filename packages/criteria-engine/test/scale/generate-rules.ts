/**
 * Generated rule files for scaling tests and the bench: `groups` groups of `criteria` criteria
 * each, with the expressions a real scheme uses (percent with a declared empty whole, integer
 * thresholds, ordinals, booleans, `all`/`any`, variants chosen by the unit's kind, applicability).
 * Deterministic: the same sizes give the same text, so an operation count can be asserted.
 */
export interface GeneratedRulesOptions {
  readonly groups: number;
  readonly criteria: number;
}

function factsOf(index: number): string[] {
  const n = `f${index}`;
  return [
    `  ${n}_whole: { type: integer, min: 0, label: { vi: "Tổng ${index}", en: "Whole ${index}" } }`,
    `  ${n}_part: { type: integer, min: 0, part_of: ${n}_whole, label: { vi: "Phần ${index}", en: "Part ${index}" } }`,
    `  ${n}_flag: { type: boolean, label: { vi: "Cờ ${index}", en: "Flag ${index}" } }`,
    `  ${n}_rating: { type: ordinal, values: [{ id: low, label: { vi: "Thấp", en: "Low" } }, { id: mid, label: { vi: "Vừa", en: "Mid" } }, { id: high, label: { vi: "Cao", en: "High" } }], label: { vi: "Xếp loại ${index}", en: "Rating ${index}" } }`,
  ];
}

function conditionOf(index: number): string[] {
  const n = `f${index}`;
  switch (index % 5) {
    case 0:
      return [
        `        condition: { percent: { part: ${n}_part, whole: ${n}_whole }, at_least: ${80 + (index % 20)}, if_whole_zero: fail }`,
      ];
    case 1:
      return [
        '        condition:',
        '          all:',
        `            - { fact: ${n}_flag, is: true }`,
        `            - { fact: ${n}_whole, at_least: ${1 + (index % 7)} }`,
        `            - { fact: ${n}_rating, at_least: mid }`,
      ];
    case 2:
      return [`        condition: "${n}_part * 100 >= ${90 + (index % 10)} * ${n}_whole or ${n}_flag"`];
    case 3:
      return [
        `        applicable_when: "${n}_flag"`,
        '        not_applicable: exclude',
        `        condition: { fact: ${n}_part, equals: 0 }`,
      ];
    default:
      return [
        '        variants:',
        '          - id: a',
        '            when: "kind == \'a\'"',
        `            condition: { fact: ${n}_rating, at_least: high }`,
        '          - id: b',
        '            when: "kind == \'b\'"',
        `            condition: { fact: ${n}_whole, at_least: ${index % 11} }`,
        '        no_variant: fail',
      ];
  }
}

/** The YAML text of a generated ruleset. */
export function generateRulesText(options: GeneratedRulesOptions): string {
  const total = options.groups * options.criteria;
  const lines: string[] = [
    'format: 1',
    'id: generated',
    'version: "1"',
    'title: { vi: "Bộ tiêu chí sinh tự động", en: "Generated criteria" }',
    'context:',
    '  kind:',
    '    type: enum',
    '    values: [{ id: a, label: { vi: "A", en: "A" } }, { id: b, label: { vi: "B", en: "B" } }, { id: c, label: { vi: "C", en: "C" } }]',
    '    label: { vi: "Loại", en: "Kind" }',
    'facts:',
  ];
  for (let i = 0; i < total; i++) lines.push(...factsOf(i));
  lines.push('groups:');
  for (let g = 0; g < options.groups; g++) {
    lines.push(`  - id: "${g + 1}"`, `    title: { vi: "Nhóm ${g}", en: "Group ${g}" }`, '    criteria:');
    for (let c = 0; c < options.criteria; c++) {
      const index = g * options.criteria + c;
      lines.push(
        `      - id: "${g + 1}.${c + 1}"`,
        `        text: { vi: "Tiêu chí ${index}", en: "Criterion ${index}" }`,
        ...conditionOf(index),
      );
    }
  }
  lines.push(
    'disqualifiers:',
    '  - id: D1',
    '    text: { vi: "Trường hợp 1", en: "Case 1" }',
    '    condition: { fact: f0_flag, is: false }',
    'recognition:',
    '  group_requirement: { at_least_percent: 80 }',
    '  mandatory: ["1.1"]',
    '  disqualifiers: block',
  );
  return `${lines.join('\n')}\n`;
}

/**
 * `count` small criteria (one integer fact each, one comparison), in groups of 1,000: the shape
 * of the adversarial run's "20k small criteria", which loaded but whose `check` never finished.
 */
export function generateSmallRulesText(count: number): string {
  const facts: string[] = [];
  const groups: string[] = [];
  for (let g = 0; g * 1000 < count; g++) {
    groups.push(`  - id: "${g + 1}"`, `    title: { vi: "Nhóm ${g + 1}", en: "Group ${g + 1}" }`, '    criteria:');
    for (let i = 0; i < 1000 && g * 1000 + i < count; i++) {
      const n = g * 1000 + i;
      facts.push(`  f${n}: { type: integer, min: 0, label: { vi: "Dữ kiện ${n}", en: "Fact ${n}" } }`);
      groups.push(
        `      - { id: "${g + 1}.${i + 1}", text: { vi: "Tiêu chí ${n}", en: "Criterion ${n}" }, condition: "f${n} >= ${n % 7}" }`,
      );
    }
  }
  return [
    'format: 1',
    'id: small-criteria',
    'version: "1"',
    'title: { vi: "Nhiều tiêu chí nhỏ", en: "Many small criteria" }',
    'context:',
    '  unit_kind:',
    '    type: enum',
    '    values:',
    '      - { id: ban, label: { vi: "Bản", en: "Village" } }',
    '    label: { vi: "Loại khu dân cư", en: "Kind of area" }',
    'facts:',
    ...facts,
    'groups:',
    ...groups,
    'recognition:',
    '  group_requirement: { at_least_percent: 80 }',
    '',
  ].join('\n');
}
