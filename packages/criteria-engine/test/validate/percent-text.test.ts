/**
 * `at_least: "99%"`: a number written as text with its percent sign gets the fix that works
 * (drop the sign and the quotes), in both languages, not only "a whole number is needed".
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/diagnostics/format.js';
import { loadRuleset } from '../../src/load-ruleset.js';
import { fixture, VALID_RULES } from '../parse/fixtures.js';

describe('a percentage written as text', () => {
  const { text } = fixture(VALID_RULES, 'minimal.yaml');
  const percent = /at_least_percent: (\d+)/.exec(text);
  it.each([
    ['"99%"', true],
    ['"99 %"', true],
    ['"99"', false],
  ])('%s', (written, dropSign) => {
    if (!percent) throw new Error('the fixture has an at_least_percent');
    const { diagnostics } = loadRuleset(text.replace(percent[0], `at_least_percent: ${written}`), { file: 'r.yaml' });
    expect(diagnostics.map((d) => [d.code, d.params['value']])).toEqual([['schema_type', JSON.parse(written)]]);
    const en = formatDiagnostics(diagnostics, 'en');
    const vi = formatDiagnostics(diagnostics, 'vi');
    expect(en.includes('Remove the % sign')).toBe(dropSign);
    expect(vi.includes('Bỏ dấu %')).toBe(dropSign);
  });
});
