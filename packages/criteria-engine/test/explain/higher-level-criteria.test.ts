/**
 * A standard whose criteria count only from a higher level (`from_level`) reads, in the report's
 * standards, as the lowest level judges it: none of them counted. The report used to say "0 points
 * (required 0); 4 not counted; Points: 1", with no word of why they were not counted nor what the
 * 1 point was. Found writing test/fixtures/co-quan-van-hoa from the docs alone.
 */
import { describe, expect, it } from 'vitest';
import { explainText } from '../../src/explain/index.js';
import { deltaAgency } from './delta-agency.js';

// Standard 3's four criteria count from nang_cao (3.1–3.3) or kieu_mau (3.4); 3.1 (6 events: 1
// point), 3.2 (8% saved: 2) and 3.3 (15 m² a person: 1) pass, 4 points none of which the lowest
// level counts. The agency is shared with gap-level-disqualifier.test.ts.
const { rules, agency } = await deltaAgency();

/** The lines of the standards section from `title` to the next blank line. */
function standardLines(report: string, title: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.trim() === title);
  if (start < 0) throw new Error(`no standard ${title} in:\n${report}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('criteria that count only from a higher level, in the report', async () => {
  const result = rules.evaluate(agency);

  it('says why they are not counted, and that the points shown include them (English)', () => {
    const report = explainText(result, rules, { lang: 'en' });
    const lines = standardLines(report, 'Standard 3: Advanced');
    expect(lines[1]?.trim()).toBe('0 points (required 0); 4 count only from a higher level; Points with them: 4 → MET');
    expect(lines[2]).toContain('✓ 3.1  [pass, counts from Cultured, advanced]');
    expect(report).toContain('[fail, counts from Cultured, exemplary] The agency completed its tasks excellently');
    expect(report).not.toContain('not counted; Points');
  });

  it('says the same in Vietnamese', () => {
    const lines = standardLines(explainText(result, rules), 'Tiêu chuẩn 3: Nâng cao');
    expect(lines[1]?.trim()).toBe('đạt 0 điểm (cần 0); 4 chỉ tính từ mức cao hơn; Điểm tính cả 4 tiêu chí đó: 4 → ĐẠT');
    expect(lines[2]).toContain('[đạt, tính từ mức Đạt chuẩn văn hóa nâng cao]');
  });

  it('keeps "not counted" for a criterion that does not apply, apart from those of a higher level', () => {
    // No canteen: 2.2 does not apply and is left out of standard 2 (not_applicable: exclude).
    const noCanteen = rules.evaluate({ ...agency, context: { ...agency.context, has_canteen: false } });
    const report = explainText(noCanteen, rules, { lang: 'en' });
    expect(standardLines(report, 'Standard 2: Workplace culture')[1]?.trim()).toBe(
      '0/2 passed = 0% (required 1); 1 not counted; Points: 0 → NOT MET',
    );
    expect(standardLines(report, 'Standard 3: Advanced')[1]).toContain('4 count only from a higher level');
  });
});
