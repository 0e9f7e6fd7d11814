/**
 * A level is reached only with every level below it. When a lower level fails on its own part (a
 * mandatory criterion of Good) while a higher level's own part holds (Excellent's points), the
 * text report and the filled official table must not print Excellent as met under a Good that is
 * not: found by the scheme written from the docs alone (fixtures/chinh-quyen-cap-xa), where the
 * table's Excellent row reads "Level Good reached, and: …" and was ticked.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/explain-text.js';
import { officialTable } from '../../src/explain/table/index.js';
import { levelStanding } from '../../src/explain/text-tools.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import { readAssessmentFile } from '../../src/node.js';

const FILE = fileURLToPath(new URL('../fixtures/chinh-quyen-cap-xa/2025/ruleset.yaml', import.meta.url));
const rules = loadRulesetOrThrow(readFileSync(FILE, 'utf8'), { file: FILE });

// 90 points, 1.1 failed: the fixture's capped commune (read by the web component's test too).
const read = await readAssessmentFile(
  fileURLToPath(new URL('../fixtures/chinh-quyen-cap-xa/capped-commune.yaml', import.meta.url)),
  rules,
);
if (!read.value) throw new Error('capped-commune.yaml does not read');
const capped = rules.evaluate(read.value);

describe('each level as reached, never met above a level that is not', () => {
  it('the case: 90 points, 1.1 failed: Fair reached; Excellent own part holds', () => {
    expect(capped.level?.reached).toBe('kha');
    expect(capped.level?.levels.find((l) => l.id === 'xuat_sac')?.status).toBe('met');
  });

  it('the text report marks Good and Excellent not met', () => {
    const text = explainText(capped, rules, { lang: 'en' });
    expect(text).toContain('✗ Good (40 points or more) (tot): NOT MET');
    expect(text).toContain('✗ Excellent (45 points or more) (xuat_sac): NOT MET');
    expect(text).toContain('✓ Fair (32.5 points or more) (kha): MET');
  });

  it('the filled official table ticks Average and Fair only', () => {
    const table = officialTable(rules, { lang: 'en', result: capped });
    expect(table.levels?.rows.map((r) => [r.id, r.mark])).toEqual([
      [null, null],
      ['trung_binh', 'pass'],
      ['kha', 'pass'],
      ['tot', 'fail'],
      ['xuat_sac', 'fail'],
    ]);
  });

  it('levelStanding: met to the level reached, unknown to the highest possible, not met above', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect([...levelStanding(ids, { reached: 'a', possible: 'c' })]).toEqual([
      ['a', 'met'],
      ['b', 'unknown'],
      ['c', 'unknown'],
      ['d', 'not_met'],
    ]);
    expect([...levelStanding(ids, { reached: null, possible: null }).values()]).toEqual([
      'not_met',
      'not_met',
      'not_met',
      'not_met',
    ]);
  });

  it("the mandatory section lists a level's mandatory criterion with its level, never 'no mandatory criteria'", () => {
    const en = explainText(capped, rules, { lang: 'en' });
    expect(en).not.toContain('The ruleset has no mandatory criteria.');
    expect(en).toMatch(
      /✗ 1\.1 {2}\[fail\] \(mandatory from level Good \(40 points or more\)\) No official disciplined/,
    );
    const vi = explainText(capped, rules, { lang: 'vi' });
    expect(vi).toContain('(bắt buộc từ mức Tốt (từ 40 điểm))');
  });
});
