import { describe, expect, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const RULES = `
format: 1
id: owners-test
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  kind: { type: enum, values: [{ id: a, label: { vi: "A", en: "A" } }], label: { vi: "Loại", en: "Kind" } }
facts:
  households: { type: integer, min: 0, label: { vi: "Hộ", en: "Households" } }
  jobs: { type: integer, min: 0, part_of: households, label: { vi: "Việc", en: "Jobs" } }
  pupils: { type: integer, min: 0, label: { vi: "HS", en: "Pupils" } }
  crime: { type: boolean, label: { vi: "Tội phạm", en: "Crime" } }
groups:
  - id: "1"
    title: { vi: "1", en: "1" }
    criteria:
      - { id: "1.1", text: { vi: "x", en: "x" }, condition: { percent: { part: jobs, whole: households }, at_least: 50, if_whole_zero: fail } }
      - { id: "1.2", text: { vi: "x", en: "x" }, condition: { fact: pupils, at_least: 1 } }
  - id: "2"
    title: { vi: "2", en: "2" }
    criteria:
      - { id: "2.1", text: { vi: "x", en: "x" }, condition: "not crime and households >= 1" }
recognition:
  group_requirement: { at_least_percent: 50 }
owners:
  economy: { label: { vi: "Kinh tế", en: "Economy" }, groups: ["1"] }
  police: { label: { vi: "Công an", en: "Police" }, groups: ["2"] }
  schools: { label: { vi: "Giáo dục", en: "Schools" }, facts: [pupils] }
`;

describe('owners: who answers for which facts', () => {
  it('resolves each fact: listed by name, else the one owner of the standards reading it, else the area', () => {
    const rules = loadRulesetOrThrow(RULES);
    const owners = Object.fromEntries(rules.facts.map((f) => [f.id, f.owner ?? null]));
    // households is read by standards of two departments: the area reports it.
    expect(owners).toEqual({ households: null, jobs: 'economy', pupils: 'schools', crime: 'police' });
    expect(rules.groups.map((g) => g.owner)).toEqual(['economy', 'police']);
    expect(rules.owners.map((o) => [o.id, o.label.en, o.groups])).toEqual([
      ['economy', 'Economy', ['1']],
      ['police', 'Police', ['2']],
      ['schools', 'Schools', []],
    ]);
  });

  it('a rule file without owners has none, and every fact is the area’s', () => {
    const rules = loadRulesetOrThrow(RULES.replace(/\nowners:[\s\S]*$/, '\n'));
    expect(rules.owners).toEqual([]);
    expect(rules.facts.every((f) => f.owner === undefined)).toBe(true);
  });
});
