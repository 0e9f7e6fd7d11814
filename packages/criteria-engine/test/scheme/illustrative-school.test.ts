/**
 * The third, illustrative scheme (examples/school-safety): English only, its own ids, its own
 * words. It loads, passes its YAML cases, and explains itself with no Vietnamese words but the
 * engine's own (bilingual) messages; asked for Vietnamese, the report says its texts stay English.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainGap, explainText, gapAnalysis } from '../../src/index.js';
import { loadRulesetFile, readAssessmentFile, runTestDirectory } from '../../src/node.js';

const SCHOOL = fileURLToPath(new URL('../../../../examples/school-safety/ruleset.yaml', import.meta.url));
const DAY = fileURLToPath(
  new URL('../../../../examples/school-safety/tests/bases/day-school-safe.yaml', import.meta.url),
);
const LAI_CHAU = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const TDP = fileURLToPath(
  new URL('../../../../rules/lai-chau-2020-2025/tests/bases/to-dan-pho-dat-chuan.yaml', import.meta.url),
);

/** Letters only Vietnamese writes (no English word has them). */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

async function load(path: string) {
  const loaded = await loadRulesetFile(path);
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

describe('an English-only scheme with its own ids and words', () => {
  it('loads with no problem, keeps its ids and declares English only', async () => {
    const loaded = await loadRulesetFile(SCHOOL);
    expect(loaded.diagnostics).toEqual([]);
    const ruleset = loaded.value;
    expect(ruleset?.languages).toEqual(['en']);
    expect(ruleset?.groups.map((g) => g.id)).toEqual(['FS', 'HW', '5']);
    expect(ruleset?.criteria.map((c) => c.id)).toEqual([
      'FSc1',
      'FSc2',
      'FSc3',
      'HWc1',
      'HWc2',
      'HWc3',
      'EAc1',
      'EAc2',
    ]);
    expect(ruleset?.words.assessed.one.en).toBe('school');
    expect(ruleset?.words.groupedBy.many.en).toBe('districts');
  });

  it('passes every YAML case', async () => {
    const run = await runTestDirectory(SCHOOL);
    expect(run.diagnostics).toEqual([]);
    expect(run.failed).toBe(0);
    expect(run.passed).toBeGreaterThanOrEqual(26);
  });

  it('explains itself in English with its own words and no Vietnamese', async () => {
    const ruleset = await load(SCHOOL);
    const input = await readAssessmentFile(DAY, ruleset);
    if (!input.value) throw new Error('the base assessment should be valid');
    const failing = { ...input.value, facts: { ...input.value.facts, fire_exits: 1, first_aid_staff: null } };
    const result = ruleset.evaluate(failing);
    const text = explainText(result, ruleset, { lang: 'en' });
    expect(text).toContain('School: Riverside Primary (Code: S-001)');
    expect(text).toContain('District: North District');
    expect(text).toContain('Does not apply to this school.');
    expect(text).not.toMatch(VIETNAMESE);
    expect(text).not.toContain('written in');
    const gap = explainGap(gapAnalysis(result, ruleset), ruleset, { lang: 'en' });
    expect(gap).not.toMatch(VIETNAMESE);
    expect(gap).toContain('FSc1');
  });

  it('asked for Vietnamese, says that its texts stay in English, and does not crash', async () => {
    const ruleset = await load(SCHOOL);
    const input = await readAssessmentFile(DAY, ruleset);
    if (!input.value) throw new Error('the base assessment should be valid');
    const text = explainText(ruleset.evaluate(input.value), ruleset, { lang: 'vi' });
    expect(text).toContain('Tệp quy tắc chỉ viết bằng tiếng Anh');
    expect(text).toContain('School: Riverside Primary (Mã: S-001)');
    expect(text).toContain('At least two fire exits');
  });
});

describe('Lai Châu takes its words from its own rule file', () => {
  it('names an area (khu dân cư) and its ward or commune, and needs no language note', async () => {
    const ruleset = await load(LAI_CHAU);
    const input = await readAssessmentFile(TDP, ruleset);
    if (!input.value) throw new Error('the base assessment should be valid');
    const result = ruleset.evaluate(input.value);
    const vi = explainText(result, ruleset, { lang: 'vi' });
    expect(vi).toMatch(/^Khu dân cư: /m);
    expect(vi).toMatch(/^Đơn vị hành chính cấp xã \(phường, xã\): /m);
    expect(vi).not.toContain('Tệp quy tắc chỉ viết bằng');
    const en = explainText(result, ruleset, { lang: 'en' });
    expect(en).toMatch(/^Area: /m);
    expect(en).toMatch(/^Ward or commune: /m);
  });
});
