/**
 * `lcz check` on the bundled schemes with levels: the points each level can reach per kind of
 * unit, levels that cannot be reached, a level weaker than the one below, and the numbering
 * notes that must not read a scheme's prefixed numbering (EQp1 beside EQc1; NC10 beside 10) as
 * a break. Variations are the bundled text with one figure or id changed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleset } from '../../src/analyze/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const GREEN = 'rules/green-building-illustrative/ruleset.yaml';
const NTM = 'rules/ntm-commune-2021-2025/ruleset.yaml';
const textOf = (file: string) => readFileSync(ROOT + file, 'utf8');

function findings(file: string, edit?: [string, string]) {
  let text = textOf(file);
  if (edit) {
    expect(text.split(edit[0])).toHaveLength(2);
    text = text.replace(edit[0], edit[1]);
  }
  return checkRuleset(loadRulesetOrThrow(text, { file })).diagnostics.map((d) => ({
    code: d.code,
    line: d.line,
    severity: d.severity,
    params: d.params,
  }));
}

describe('levels in lcz check', () => {
  it('green building: each level its points needed against the most each project type can earn', () => {
    const notes = findings(GREEN).filter((d) => d.code === 'level_points');
    expect(notes.map((d) => [d.params.level, d.params.need])).toEqual([
      ['certified', 40],
      ['silver', 50],
      ['gold', 60],
      ['platinum', 80],
    ]);
    for (const d of notes) {
      expect(d.severity).toBe('info');
      // Points per variant differ between the two project types: the note gives each.
      expect(String(d.params.per_context)).toMatch(
        /project_type=new_construction: \d+; project_type=core_and_shell: \d+/,
      );
      expect(Number(d.params.most)).toBeGreaterThanOrEqual(80);
    }
  });

  it('green building: no error and no warning, and no numbering note for EQp1/EQc1', () => {
    const all = findings(GREEN);
    expect(all.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(all.filter((d) => d.code === 'id_numbering')).toEqual([]);
  });

  it('a platinum above what can be earned is unreachable, located at platinum', () => {
    const all = findings(GREEN, [
      '    label: { en: "Platinum" }\n    total_requirement: { at_least_points: 80 }',
      '    label: { en: "Platinum" }\n    total_requirement: { at_least_points: 200 }',
    ]);
    const lost = all.filter((d) => d.code === 'level_unreachable');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({
      line: 764,
      severity: 'warning',
      params: { level: 'platinum', reason: 'points', need: 200, context: '', above: '' },
    });
    expect(Number(lost[0]?.params.most)).toBeLessThan(200);
    // The requirement itself is an error where it is written.
    expect(all.some((d) => d.code === 'requirement_unreachable' && d.line === 766)).toBe(true);
  });

  it('a gold that asks fewer points than silver below it is a warning at its requirement', () => {
    const all = findings(GREEN, [
      '    label: { en: "Gold" }\n    total_requirement: { at_least_points: 60 }',
      '    label: { en: "Gold" }\n    total_requirement: { at_least_points: 45 }',
    ]);
    expect(all.filter((d) => d.code === 'level_requirement_weaker')).toMatchObject([
      { line: 763, params: { level: 'gold', target: '', value: 45, lower: 'silver', lower_value: 50 } },
    ]);
  });

  it('a mandatory prerequisite that can never pass makes every level unreachable, named at the lowest', () => {
    const all = findings(GREEN, [
      '        condition: { fact: erosion_control_plan, is: true }',
      '        condition: "erosion_control_plan and not erosion_control_plan"',
    ]);
    expect(all.filter((d) => d.code === 'level_unreachable')).toMatchObject([
      { params: { level: 'certified', reason: 'mandatory', detail: 'SSp1', above: 'silver, gold, platinum' } },
    ]);
  });

  it('new-rural communes: tiers without points give no points note, and NC10 beside 10 is no break', () => {
    const all = findings(NTM);
    expect(all.filter((d) => d.code === 'level_points' || d.code === 'level_unreachable')).toEqual([]);
    expect(all.filter((d) => d.code === 'id_numbering')).toEqual([]);
  });

  it('still notes a slip: EQx3 among EQc…, and 9 put in the tiers of standard III', () => {
    expect(
      findings(GREEN, ['      - id: "EQc3"', '      - id: "EQx3"']).filter((d) => d.code === 'id_numbering'),
    ).toMatchObject([{ params: { id: 'EQx3', group: 'EQ', pattern: 'EQc<n>' } }]);
    expect(
      findings(NTM, ['      - id: "NC11"', '      - id: "NC9"']).filter((d) => d.code === 'id_numbering'),
    ).toMatchObject([{ params: { id: 'NC9', group: 'III' } }]);
  });
});
