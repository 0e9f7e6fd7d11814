/**
 * A standard's totals on the printed table count only the criteria of the kind of unit: a blank
 * table (for every kind) says them per kind when the kinds differ, a filled one counts the
 * criteria that count for its unit. The three-kind commune fixture (2.4 only for a special zone)
 * and Lai Châu (2.3 not for a non-agricultural village).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { officialTable, renderTableHtml, renderTableMarkdown } from '../../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';
import { readAssessment } from '../../../src/read-assessment.js';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/chinh-quyen-cap-xa/', import.meta.url));
const commune = loadRulesetOrThrow(readFileSync(`${FIXTURE}2025/ruleset.yaml`, 'utf8'), { file: 'cap-xa.yaml' });
const laiChau = loadRulesetOrThrow(readFileSync(`${ROOT}rules/lai-chau-2020-2025/ruleset.yaml`, 'utf8'), {
  file: 'lai-chau.yaml',
});

const groupRow = (table: ReturnType<typeof officialTable>, id: string) => {
  const row = table.rows.find((r) => r.kind === 'group' && r.number === id);
  if (row === undefined) throw new Error(`no standard ${id}`);
  return row;
};

describe('each standard’s totals per kind of unit', () => {
  it('blank: the points of standard 2 per kind (2.4 is the special zone’s only), in both languages', () => {
    const en = officialTable(commune, { lang: 'en' });
    expect(groupRow(en, '2').points).toBe('31 (Commune; Ward), 41 (Special zone)');
    // A standard the same for every kind keeps one number and no line.
    expect(groupRow(en, '1').points).toBe('35');
    expect(groupRow(en, '1').lines).toHaveLength(1);
    const vi = officialTable(commune, { lang: 'vi' });
    expect(groupRow(vi, '2').points).toBe('31 (Xã; Phường), 41 (Đặc khu)');
    expect(renderTableMarkdown(en)).toContain('| **31 (Commune; Ward), 41 (Special zone)** |');
    expect(renderTableHtml(vi)).toContain('31 (Xã; Phường), 41 (Đặc khu)');
  });

  it('blank: no line is added under a standard’s title, so the table stays the source’s (Lai Châu’s 2 differs by kind)', () => {
    const en = officialTable(laiChau, { lang: 'en' });
    for (const id of ['1', '2', '3', '4', '5', '6']) expect(groupRow(en, id).lines).toHaveLength(1);
    expect(groupRow(officialTable(commune, { lang: 'en' }), '2').lines).toHaveLength(1);
  });

  it('filled: a commune’s standard 2 is out of 31, a special zone’s out of 41', () => {
    const text = readFileSync(`${FIXTURE}capped-commune.yaml`, 'utf8');
    const table = (kind: string) => {
      const read = readAssessment(text.replace('unit_kind: xa', `unit_kind: ${kind}`), 'a.yaml', commune);
      if (read.value === undefined) throw new Error('unreadable assessment');
      return officialTable(commune, { lang: 'en', result: commune.evaluate(read.value) });
    };
    expect(groupRow(table('xa'), '2').points).toMatch(/\/31$/);
    expect(groupRow(table('dac_khu'), '2').points).toMatch(/\/41$/);
    expect(groupRow(table('xa'), '2').lines).toHaveLength(1);
  });
});
