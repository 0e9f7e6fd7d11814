import { describe, expect, it } from 'vitest';
import { capDiagnostics, formatDiagnostics, loadRuleset, type Diagnostic } from '@lcz/criteria-engine';

const dup = (i: number): Diagnostic => ({
  code: 'duplicate_id',
  severity: 'error',
  file: 'r.yaml',
  line: 10 + i,
  column: 5,
  params: { kind: 'criterion', id: '1.1', first_line: 9 },
});

describe('diagnostic caps', () => {
  it('20,000 duplicate ids print 100 blocks and "… and 19,900 more" (vi and en)', () => {
    const list = Array.from({ length: 20_000 }, (_, i) => dup(i));
    const en = formatDiagnostics(list, 'en');
    expect(en.match(/\[duplicate_id\]/g)).toHaveLength(100);
    expect(en).toContain('… and 19,900 more in this file, not shown (19,900 of them errors).');
    expect(formatDiagnostics(list, 'vi')).toContain('… và 19.900 vấn đề khác trong tệp này');
    expect(en.length).toBeLessThan(40_000);
  });

  it('caps a row, keeps errors before notes, and counts per file', () => {
    const row = Array.from({ length: 30 }, (_, i): Diagnostic => ({ ...dup(0), column: i + 1 }));
    const note: Diagnostic = { ...dup(99), severity: 'info', code: 'variant_uncovered' };
    const capped = capDiagnostics([note, ...row], { perRow: 5, perFile: 100 });
    expect(capped.filter((d) => d.code === 'duplicate_id')).toHaveLength(5);
    expect(capped.find((d) => d.code === 'diagnostics_omitted')?.params).toEqual({
      count: 25,
      errors: 25,
      scope: 'row',
    });
    expect(capped.some((d) => d.code === 'variant_uncovered')).toBe(true);
    const fileCap = capDiagnostics([note, ...row], { perRow: 100, perFile: 3 });
    expect(fileCap.slice(0, 3).every((d) => d.severity === 'error')).toBe(true);
    expect(fileCap.at(-1)?.params).toEqual({ count: 28, errors: 27, scope: 'file' });
  });

  it('a rule file with thousands of duplicate ids loads with every diagnostic, printed capped', () => {
    const criteria = Array.from(
      { length: 3000 },
      () => '      - { id: "1.1", text: { vi: a, en: a }, condition: "x" }',
    );
    const text = [
      'format: 1',
      'id: t',
      'version: "1"',
      'title: { vi: t, en: t }',
      'context: { k: { type: boolean, label: { vi: k, en: k } } }',
      'facts:',
      '  x: { type: boolean, label: { vi: x, en: x } }',
      'groups:',
      '  - id: "1"',
      '    title: { vi: g, en: g }',
      '    criteria:',
      ...criteria,
      'recognition: { group_requirement: { at_least_percent: 80 } }',
    ].join('\n');
    const { diagnostics } = loadRuleset(text, { file: 'dup.yaml' });
    expect(diagnostics.filter((d) => d.code === 'duplicate_id').length).toBeGreaterThan(2000);
    const printed = formatDiagnostics(diagnostics, 'en');
    expect(printed.split('\n').filter((l) => l.startsWith('dup.yaml')).length).toBeLessThanOrEqual(101);
  });
});
