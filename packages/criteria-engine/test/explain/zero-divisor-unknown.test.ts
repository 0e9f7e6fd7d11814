/**
 * A commune of 0 inhabitants under a rate per 10,000 inhabitants declared `if_zero: unknown`
 * (test/fixtures/y-te-xa, written from the docs alone): the criterion stays unknown and the
 * decision undetermined, as the format says, though no fact is missing. The report used to print
 * "None: every fact needed for a decision was supplied." under an UNDETERMINED decision and no
 * line for the rate, so nothing told the reader why. It now says the rate cannot be computed (the
 * division by 0 the rule file leaves unknown) and, where the needed facts are listed, why the
 * decision stays open with none missing.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { explainText, formatDiagnostics } from '../../src/index.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import { loadRulesetFile } from '../../src/node.js';

const RULES = fileURLToPath(new URL('../fixtures/y-te-xa/ruleset.yaml', import.meta.url));

const commune = (population: number): Assessment => ({
  area: { code: 'XA-0', date: '2027-06-15' },
  context: { region: 'dong_bang', station_type: 'khong_giuong_luu' },
  facts: {
    population,
    doctors: 2,
    station_meets_standard: true,
    children_under_1: 0,
    births: 0,
    epidemic_plan_approved: true,
    food_poisoning_deaths: 0,
  },
});

describe('a rate whose divisor is 0, left unknown by the rule file', async () => {
  const loaded = await loadRulesetFile(RULES);
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const rules = loaded.value;

  it('is said to be uncomputable, and the open decision is explained, in both languages', () => {
    const result = rules.evaluate(commune(0));
    expect(result.decision).toBe('undetermined');
    expect(result.missing).toEqual([]);
    const en = explainText(result, rules, { lang: 'en', full: true });
    expect(en).toContain(
      'Doctors per 10,000 inhabitants: cannot be computed: doctors * 10000 / population divides by 0, which the rule file leaves unknown (if_zero: unknown) → needs ≥ 12',
    );
    expect(en).toContain('None is missing, yet the decision stays undetermined');
    expect(en).not.toContain('every fact needed for a decision was supplied');
    const vi = explainText(result, rules, { lang: 'vi', full: true });
    expect(vi).toContain('Số bác sĩ trên 10.000 dân: không tính được: doctors * 10000 / population có phép chia cho 0');
    expect(vi).toContain('Không thiếu số liệu nào, nhưng vẫn chưa đủ căn cứ để kết luận');
  });

  it('leaves the ordinary wording when a fact is missing or the decision is made', () => {
    const { doctors: _left, ...withoutDoctors } = commune(10000).facts;
    const missing = rules.evaluate({ ...commune(10000), facts: withoutDoctors });
    expect(missing.decision).toBe('undetermined');
    expect(explainText(missing, rules, { lang: 'en', full: true })).not.toContain('cannot be computed');
    const decided = rules.evaluate({ ...commune(1000), facts: { ...commune(1000).facts, people_insured: 900 } });
    expect(decided.decision).not.toBe('undetermined');
    expect(explainText(decided, rules, { lang: 'en' })).toContain('every fact needed for a decision was supplied');
  });
});
