/**
 * A report on another scheme speaks that scheme's words: the illustrative school scheme (English
 * only, `words:` school / district) gives "Schools by district", never a residential area or a
 * ward, in both languages of the report (its texts shown in English, the only language it has).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type Assessment, loadRulesetOrThrow } from '@lcz/criteria-engine';
import { aggregate, renderReport } from '../src/index.js';
import { ROOT } from './city.js';

const file = `${ROOT}examples/school-safety/ruleset.yaml`;
const school = loadRulesetOrThrow(readFileSync(file, 'utf8'), { file });
const base = parseYaml(
  readFileSync(`${ROOT}examples/school-safety/tests/bases/day-school-safe.yaml`, 'utf8'),
) as Assessment & { ruleset?: string };

const schools = [0, 1, 2].map((i) => {
  const { ruleset: _id, ...assessment } = base;
  return school.evaluate({
    ...assessment,
    area: {
      code: `S-00${i}`,
      name: `School ${i}`,
      unit: i < 2 ? 'North District' : 'South District',
      date: '2025-06-30',
    },
    facts: { ...assessment.facts, fire_exits: i === 2 ? 0 : 3 },
  });
});

describe("a report on another scheme takes the rule file's words", () => {
  it('in English: schools and districts', async () => {
    const { report } = await aggregate(
      schools.map((result) => ({ result, year: 2025 })),
      school,
    );
    const md = (await renderReport(report, { format: 'md', lang: 'en' })) as string;
    expect(md).toContain('## Schools by district, 2025');
    expect(md).toMatch(/^\| District \|/m);
    expect(md).toContain('| North District | 2 |');
    expect(md).toMatch(/^# Summary report: ILLUSTRATIVE school safety checklist/);
    expect(md).not.toMatch(/\b(areas?|wards?|communes?|residential|city)\b/i);
  });

  it("in Vietnamese: the engine's words around the scheme's English ones, no Lai Châu word", async () => {
    const { report } = await aggregate(
      schools.map((result) => ({ result, year: 2025 })),
      school,
    );
    const md = (await renderReport(report, { format: 'md', lang: 'vi' })) as string;
    expect(md).toMatch(/^# Báo cáo tổng hợp: ILLUSTRATIVE school safety checklist/);
    expect(md).not.toMatch(/khu dân cư|xã, phường|undefined|\{assessed|\{grouped_by/i);
  });
});
