/**
 * `lcz check` cannot read a derived quantity (a rate per 1,000 inhabitants) and says so with a
 * `check_limit` note. The note named only "a table cell chosen by context or date, or the
 * assessment's date", which a criterion like `{ fact: beds_per_1000, at_least: 0.5 }` reads neither
 * of (found writing test/fixtures/y-te-xa from the docs alone): it now names derived quantities,
 * and its hint the coverage of the condition's own threshold, in both languages.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/index.js';
import { loadRulesetFile } from '../../src/node.js';
import { checkRuleset } from '../../src/tools.js';

const RULES = fileURLToPath(new URL('../fixtures/y-te-xa/ruleset.yaml', import.meta.url));

describe('the check_limit note for a derived quantity', () => {
  it('names derived quantities among what the checks do not read', async () => {
    const loaded = await loadRulesetFile(RULES);
    if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
    const notes = checkRuleset(loaded.value).diagnostics.filter(
      (d) => d.code === 'check_limit' && d.params?.id === '1.3',
    );
    expect(notes).toHaveLength(1);
    const en = formatDiagnostics(notes, 'en');
    expect(en).toContain('uses a value the checks do not read (a derived quantity, a table cell');
    expect(en).toContain('check such a condition at its threshold, and at each table cell');
    const vi = formatDiagnostics(notes, 'vi');
    expect(vi).toContain('không đọc được (đại lượng tính toán, ô bảng tham số');
  });
});
