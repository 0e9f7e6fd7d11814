/**
 * evaluate() and decide() never coerce. An input that skipped validateAssessment, with numbers
 * written as text, used to pass a percentage ("199" / "200" read as 199/200 … or compared as
 * strings): now it is refused with every problem validateAssessment finds, in both paths.
 */
import { describe, expect, it } from 'vitest';
// From the main entry, as an application imports them: its message catalogues give the error its
// English text (a program on ./runtime alone gets codes, places and parameters: error.ts).
import { CriteriaEngineError, loadRulesetOrThrow } from '../../src/index.js';

const SMALL = `format: 1
id: t
version: "1"
title: { vi: "Thử", en: "Test" }
context:
  urban: { type: boolean, label: { vi: "Đô thị", en: "Urban" } }
facts:
  households: { type: integer, min: 0, label: { vi: "Hộ", en: "Households" } }
  ok: { type: integer, min: 0, part_of: households, label: { vi: "Hộ đạt", en: "Households ok" } }
groups:
  - id: "1"
    title: { vi: "Tiêu chuẩn 1", en: "Standard 1" }
    criteria:
      - id: "1.1"
        text: { vi: "98% hộ đạt", en: "98% of households" }
        condition: { percent: { part: ok, whole: households }, at_least: 98, if_whole_zero: fail }
recognition:
  group_requirement: { at_least_percent: 100 }
`;

const rules = loadRulesetOrThrow(SMALL, { file: 't.yaml' });

/** The error evaluate/decide throw, or a failure when they do not throw one. */
function thrown(run: () => unknown): CriteriaEngineError {
  try {
    run();
  } catch (e) {
    if (e instanceof CriteriaEngineError) return e;
    throw e;
  }
  throw new Error('expected a CriteriaEngineError');
}

describe('evaluate() and decide() on an input that skipped validateAssessment', () => {
  const texts = { context: {}, facts: { households: '200', ok: '199' } } as never;

  it('numbers written as text are refused with the input_type problems, never read as numbers', () => {
    for (const run of [() => rules.evaluate(texts), () => rules.decide(texts)]) {
      const e = thrown(run);
      // The context leaves out `urban`, which the rules require: said at the same time.
      expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['input_type', '/facts/households'],
        ['input_type', '/facts/ok'],
        ['input_context_missing', '/context'],
      ]);
      expect(e.message).toContain('"households" must be a number, but is "200"');
    }
  });

  it('a context attribute of the wrong type is refused too', () => {
    const e = thrown(() => rules.decide({ context: { urban: 'yes' }, facts: {} } as never));
    expect(e.diagnostics.map((d) => d.code)).toEqual(['input_type']);
  });

  it('the same values as numbers are evaluated (199/200 = 99.5% ≥ 98%), and null or absent is unknown', () => {
    expect(rules.decide({ context: {}, facts: { households: 200, ok: 199 } }).decision).toBe('recognised');
    expect(rules.evaluate({ context: {}, facts: { households: 200, ok: 195 } }).decision).toBe('not_recognised');
    expect(rules.decide({ context: { urban: null }, facts: { households: 200, ok: null } }).decision).toBe(
      'undetermined',
    );
    expect(rules.evaluate({ context: {}, facts: { households: 200 } }).missing).toEqual(['ok']);
  });

  it('a validated input is never refused', () => {
    const checked = rules.validateAssessment({ context: { urban: true }, facts: { households: 10, ok: 10 } });
    expect(checked.diagnostics).toEqual([]);
    expect(rules.decide(checked.value as never).decision).toBe('recognised');
  });
});
