/** Versions of one ruleset: periods checked, the version in force picked by date or by name. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessmentDate, createSchemes, loadRulesetOrThrow } from '../src/index.js';
import { loadRulesDirectory } from '../src/node.js';

const RULES = fileURLToPath(new URL('../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
const text = readFileSync(RULES, 'utf8');

function version(name: string, from: string, to: string, file = `${name}.yaml`) {
  const edited = text
    .replace('version: "2020-2025"', `version: "${name}"`)
    .replace('effective: { from: "2020-01-01", to: "2025-12-31" }', `effective: { from: "${from}", to: "${to}" }`);
  return loadRulesetOrThrow(edited, { file });
}

describe('schemes of versions', () => {
  it('picks the version in force on the assessment date, or the one named', () => {
    const { value, diagnostics } = createSchemes([
      version('2026-2030', '2026-01-01', '2030-12-31'),
      version('2020-2025', '2020-01-01', '2025-12-31'),
    ]);
    expect(diagnostics).toEqual([]);
    const [scheme] = value ?? [];
    expect(scheme?.versions.map((v) => v.version)).toEqual(['2020-2025', '2026-2030']);
    expect(scheme?.select({ date: '2025-12-31' }).value?.version).toBe('2020-2025');
    expect(scheme?.select({ date: '2026-01-01' }).value?.version).toBe('2026-2030');
    expect(scheme?.select({ version: '2020-2025', date: '2027-01-01' }).value?.version).toBe('2020-2025');
    expect(scheme?.select({ date: '2019-12-31' }).diagnostics.map((d) => d.code)).toEqual(['version_not_found']);
    expect(scheme?.select({ version: 'nope' }).diagnostics[0]?.params).toMatchObject({
      wanted: 'nope',
      available: '2020-2025, 2026-2030',
    });
  });

  it('reads the date that picks a version from area.date, only when written YYYY-MM-DD', () => {
    expect(assessmentDate({ area: { date: '2025-12-31' } })).toBe('2025-12-31');
    // anything else picks nothing (the assessment check reports it), never a guessed date
    for (const area of [{ date: '31/12/2025' }, { date: 20251231 }, { date: '2025-12-31T00:00' }, {}, null, 'x'])
      expect(assessmentDate({ area })).toBeUndefined();
    expect(assessmentDate(null)).toBeUndefined();
    expect(assessmentDate([])).toBeUndefined();
  });

  it('reports overlapping periods at the effective line of the later version', () => {
    const { diagnostics } = createSchemes([
      version('a', '2020-01-01', '2025-12-31'),
      version('b', '2025-06-01', '2030-12-31'),
    ]);
    const line = text.split('\n').findIndex((l) => l.startsWith('effective:')) + 1;
    expect(diagnostics.map((d) => ({ code: d.code, file: d.file, line: d.line, column: d.column }))).toEqual([
      { code: 'version_overlap', file: 'b.yaml', line, column: 12 },
    ]);
  });

  it('reports a gap between periods, naming the days left uncovered', () => {
    const { diagnostics } = createSchemes([
      version('a', '2020-01-01', '2025-12-31'),
      version('b', '2026-04-01', '2030-12-31'),
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'version_gap', params: { from: '2026-01-01', to: '2026-03-31' } });
  });

  it('reports two files with the same version', () => {
    const { diagnostics } = createSchemes([
      version('a', '2020-01-01', '2025-12-31', 'x.yaml'),
      version('a', '2026-01-01', '2030-12-31', 'y.yaml'),
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(['version_duplicate']);
  });

  it('loads every version of a rules directory and groups them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lcz-scheme-'));
    for (const [name, from, to] of [
      ['2020-2025', '2020-01-01', '2025-12-31'],
      ['2026-2030', '2026-01-01', '2030-12-31'],
    ] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(
        join(dir, name, 'ruleset.yaml'),
        text
          .replace('version: "2020-2025"', `version: "${name}"`)
          .replace(
            'effective: { from: "2020-01-01", to: "2025-12-31" }',
            `effective: { from: "${from}", to: "${to}" }`,
          ),
      );
    }
    const loaded = await loadRulesDirectory(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(loaded.value?.map((s) => [s.id, s.versions.map((v) => v.version)])).toEqual([
      ['lai-chau-khu-dan-cu-tu-quan', ['2020-2025', '2026-2030']],
    ]);
    const single = await loadRulesDirectory(join(dir, '2020-2025'));
    expect(single.value?.[0]?.versions).toHaveLength(1);
  });
});
