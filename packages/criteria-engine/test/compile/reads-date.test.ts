/**
 * `readsDate`: whether anything the rules judge reads the assessment's date. A form asks for the
 * date exactly then (packages/web): it used to ask only for a dated parameter table, so a deadline
 * written `date < '2025-06-30'` (fixtures/chinh-quyen-cap-xa) could never be filled in there and
 * stayed unknown.
 */
import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const rules = (criteria: string, extra = '') => `
format: 1
id: reads-date-test
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  kind: { type: enum, values: [{ id: a, label: { vi: "A", en: "A" } }], label: { vi: "Loại", en: "Kind" } }
facts:
  events: { type: integer, min: 0, label: { vi: "Sự kiện", en: "Events" } }
groups:
  - id: "1"
    title: { vi: "1", en: "1" }
    criteria:
${criteria}
recognition:
  group_requirement: { at_least_percent: 50 }
${extra}`;

const plain = `      - { id: "1.1", text: { vi: "x", en: "x" }, condition: "events >= 2" }`;

describe('CompiledRuleset.readsDate', () => {
  it('is false when nothing reads the date', () => {
    expect(loadRulesetOrThrow(rules(plain)).readsDate).toBe(false);
  });

  it('is true for `date` in a condition', () => {
    const deadline = `      - { id: "1.1", text: { vi: "x", en: "x" }, condition: "date < '2025-06-30'" }`;
    expect(loadRulesetOrThrow(rules(deadline)).readsDate).toBe(true);
  });

  it('is true for `year` in a variant selector', () => {
    const byYear = `      - id: "1.1"
        text: { vi: "x", en: "x" }
        variants:
          - { id: early, when: "year <= 2025", condition: "events >= 1" }
          - { id: late, when: "year > 2025", condition: "events >= 2" }
        no_variant: fail`;
    expect(loadRulesetOrThrow(rules(byYear)).readsDate).toBe(true);
  });

  it('is true for a parameter table with dated rows', () => {
    const dated = `      - { id: "1.1", text: { vi: "x", en: "x" }, condition: "events >= events_min" }`;
    const table = `parameters:
  events_min:
    values:
      - { from: "2024-01-01", value: 1 }
      - { from: "2025-01-01", value: 2 }`;
    expect(loadRulesetOrThrow(rules(dated, table)).readsDate).toBe(true);
  });
});
