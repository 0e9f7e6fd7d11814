/**
 * The levels table says for which standards a default `group_requirement` holds: a standard with
 * its own `requirement:`, or one a level names in `groups:`, is not held to it (compile/levels.ts),
 * so the line must not say "each standard" (the reviewer of the thôn văn hóa scheme saw "mỗi tiêu
 * chuẩn: 100%" printed over a standard that keeps "at least 2").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { officialTable } from '../../../src/explain/table/index.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';

const DIR = fileURLToPath(new URL('../../fixtures/thon-van-hoa/', import.meta.url));
const TEXT = readFileSync(`${DIR}ruleset.yaml`, 'utf8');
const load = (text: string) =>
  loadRulesetOrThrow(text, {
    file: `${DIR}ruleset.yaml`,
    readInclude: (path) => ({ file: `${DIR}${path}`, text: readFileSync(`${DIR}${path}`, 'utf8') }),
  });
const lines = (text: string, lang: 'vi' | 'en') => {
  const levels = officialTable(load(text), { lang }).levels;
  if (!levels) throw new Error('no levels');
  return Object.fromEntries(levels.rows.map((r) => [r.id ?? 'base', r.lines]));
};

describe('levels table: the default requirement names the standards it leaves out', () => {
  it('MT keeps its own count: neither the base nor tieu_bieu says "each standard"', () => {
    const vi = lines(TEXT, 'vi');
    expect(vi.base).toContain('mỗi tiêu chuẩn (trừ tiêu chuẩn MT): đạt ít nhất 75% số tiêu chí');
    expect(vi.base).toContain('tiêu chuẩn MT: đạt ít nhất 2 tiêu chí');
    expect(vi.tieu_bieu).toContain('mỗi tiêu chuẩn (trừ tiêu chuẩn MT): đạt ít nhất 100% số tiêu chí');
    expect(
      Object.values(vi)
        .flat()
        .filter((l) => l.startsWith('mỗi tiêu chuẩn:')),
    ).toEqual([]);
    const en = lines(TEXT, 'en');
    expect(en.tieu_bieu).toContain('each standard except MT: at least 100% of the criteria pass');
  });

  it("a level's own groups: entry also leaves that standard out of the level's default", () => {
    const text = TEXT.replace(
      '    group_requirement: { at_least_percent: 100 }\n',
      '    group_requirement: { at_least_percent: 100 }\n    groups: { KT: { at_least_count: 1 } }\n',
    );
    expect(text).not.toBe(TEXT);
    const en = lines(text, 'en');
    expect(en.tieu_bieu).toContain('each standard except KT, MT: at least 100% of the criteria pass');
    expect(en.tieu_bieu).toContain('standard KT: at least 1 criterion passes');
    expect(en.base).toContain('each standard except MT: at least 75% of the criteria pass');
  });

  it('a default no standard is held to prints no line; one all are held to says "each standard"', () => {
    const none = lines(
      TEXT.replace(
        '    group_requirement: { at_least_percent: 100 }\n',
        '    group_requirement: { at_least_percent: 100 }\n    groups: { KT: { at_least_count: 1 }, VH: { at_least_count: 1 } }\n',
      ),
      'en',
    );
    expect(none.tieu_bieu?.some((l) => l.startsWith('each standard'))).toBe(false);
    const all = lines(TEXT.replace('    requirement: { at_least_count: 2 }\n', ''), 'en');
    expect(all.base).toContain('each standard: at least 75% of the criteria pass');
    expect(all.tieu_bieu).toContain('each standard: at least 100% of the criteria pass');
  });
});
