/**
 * The silent mistakes of a rule change that validate and pass every test: each planted in a copy
 * of the Lai Châu rules is found by `checkRuleset` at its place, as a warning, and the unchanged
 * rules raise none of these findings.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRuleset } from '../../src/analyze/index.js';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FILE = 'rules/lai-chau-2020-2025/ruleset.yaml';
const TEXT = readFileSync(ROOT + FILE, 'utf8');
const FRAGMENT = readFileSync(`${ROOT}rules/shared/self-management-contents.yaml`, 'utf8');
const CODES = ['text_threshold_mismatch', 'equals_reads_at_least', 'mandatory_not_in_note'];

function findings(text: string) {
  const rules = loadRulesetOrThrow(text, {
    file: FILE,
    readInclude: () => ({ file: 'rules/shared/self-management-contents.yaml', text: FRAGMENT }),
  });
  return checkRuleset(rules).diagnostics.filter((d) => CODES.includes(d.code));
}

function edit(text: string, from: RegExp | string, to: string): string {
  const out = text.replace(from, to);
  expect(out).not.toBe(text);
  return out;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('wording checks', () => {
  it('the bundled rules raise none', () => {
    expect(findings(TEXT)).toEqual([]);
  });

  it('a text that says 99% while at_least stays 98', () => {
    const text = edit(TEXT, 'vi: "98% trở lên các hộ nghiêm chỉnh', 'vi: "99% trở lên các hộ nghiêm chỉnh');
    const found = findings(text);
    expect(found.map((d) => [d.code, d.severity, d.params])).toEqual([
      ['text_threshold_mismatch', 'warning', { criterion: '1.3', text_values: '99%', threshold: 98 }],
    ]);
  });

  it('equals: 1 where the text says "at least one"', () => {
    // 2.2 says "ít nhất một mô hình"; its count written as equals.
    const text = edit(
      TEXT,
      '- { fact: typical_economic_models, at_least: 1 }',
      '- { fact: typical_economic_models, equals: 1 }',
    );
    const found = findings(text);
    expect(found.map((d) => d.code)).toEqual(['equals_reads_at_least']);
    expect(found[0]?.params).toMatchObject({ criterion: '2.2', value: 1, words: 'ít nhất' });
  });

  it('a criterion made mandatory while the note still names only 4.1', () => {
    const text = edit(TEXT, 'mandatory: ["4.1"]', 'mandatory: ["4.1", "6.3"]');
    const found = findings(text);
    expect(found.map((d) => [d.code, d.line, d.params])).toEqual([
      ['mandatory_not_in_note', lineOf(text, 'mandatory: ["4.1", "6.3"]'), { criterion: '6.3', mandatory: '4.1, 6.3' }],
    ]);
    // Named in the note by its id, it is found there.
    const named = edit(text, 'Đồng thời phải đạt các tiêu chí', 'Đồng thời phải đạt tiêu chí 6.3 và các tiêu chí');
    expect(findings(named)).toEqual([]);
  });
});
