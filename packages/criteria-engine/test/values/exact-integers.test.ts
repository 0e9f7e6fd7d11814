/**
 * Issue 13, item 4 (integers): every product and sum inside a decision is exact, also when it
 * passes 2^53 (where a double rounds), and integer inputs past ±(2^53 − 1) are refused, located.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, loadRuleset, type CompiledRuleset } from '../../src/index.js';

function rulesWith(condition: string, facts = ''): string {
  return [
    'format: 1',
    'id: exact',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context: { c: { type: boolean, label: { vi: c, en: c } } }',
    'facts:',
    '  w: { type: integer, min: 0, label: { vi: w, en: w } }',
    '  p: { type: integer, min: 0, part_of: w, label: { vi: p, en: p } }',
    '  q: { type: integer, label: { vi: q, en: q } }',
    facts,
    'groups:',
    '  - id: "1"',
    '    title: { vi: g, en: g }',
    '    criteria:',
    '      - id: "1.1"',
    '        text: { vi: a, en: a }',
    `        condition: ${condition}`,
    'recognition: { group_requirement: { at_least_percent: 100 } }',
    '',
  ].join('\n');
}

const cache = new Map<string, CompiledRuleset>();
function ruleset(condition: string): CompiledRuleset {
  let r = cache.get(condition);
  if (!r) {
    const loaded = loadRuleset(rulesWith(condition), { file: 'exact.yaml' });
    if (!loaded.value) throw new Error(loaded.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
    r = loaded.value;
    cache.set(condition, r);
  }
  return r;
}

function holds(condition: string, facts: Record<string, number>): boolean | undefined {
  const d = ruleset(condition).evaluate({ context: { c: true }, facts }).decision;
  return d === 'recognised' ? true : d === 'not_recognised' ? false : undefined;
}

const PCT = '{ percent: { part: p, whole: w }, at_least: 98, if_whole_zero: fail }';

describe('exact integers near 2^53', () => {
  it('98% of 1000000000000049 households is not met by 980000000000048 (97.9999999999999998%)', () => {
    const facts = { p: 980000000000048, w: 1000000000000049 };
    expect(holds(PCT, facts)).toBe(false);
    expect(ruleset(PCT).decide({ context: { c: true }, facts }).decision).toBe('not_recognised');
    expect(holds('"percent(p, w, 0) >= 98"', facts)).toBe(false);
    expect(holds('"p * 100 >= w * 98"', facts)).toBe(false);
    // One more household passes.
    expect(holds(PCT, { p: 980000000000049, w: 1000000000000049 })).toBe(true);
  });

  it('sums and differences past 2^53 are exact', () => {
    const big = Number.MAX_SAFE_INTEGER;
    // (2^53 − 1) + (2^53 − 1) − (2^53 − 1) is 2^53 − 1; in doubles the sum rounds to 2^54.
    expect(holds(`"w + q - q >= ${big}"`, { w: big, q: big })).toBe(true);
    expect(holds(`"w + w - q > ${big}"`, { w: big, q: big })).toBe(false);
    expect(holds('"w * w - q * q == (w - q) * (w + q)"', { w: big, q: big - 2 })).toBe(true);
    expect(holds('"w * w > (w - 1) * (w + 1)"', { w: big, q: 0 })).toBe(true);
  });

  it('agrees with a BigInt oracle on percentages and products near 2^53', () => {
    const BIG = Number.MAX_SAFE_INTEGER;
    const whole = fc.oneof(fc.integer({ min: 2 ** 49, max: BIG }), fc.integer({ min: BIG - 100_000, max: BIG }));
    const case_ = whole.chain((w) =>
      fc.tuple(
        fc.constant(w),
        fc.oneof(
          fc.integer({ min: 0, max: w }),
          // Parts on the line p = N × w / 100, where rounding decides.
          fc.integer({ min: 1, max: 99 }).chain((n) => {
            const line = Number((BigInt(n) * BigInt(w)) / 100n);
            return fc.integer({ min: Math.max(0, line - 2), max: Math.min(w, line + 2) });
          }),
        ),
        fc.integer({ min: 1, max: 99 }),
      ),
    );
    fc.assert(
      fc.property(case_, ([w, p, n]) => {
        const cond = `{ percent: { part: p, whole: w }, at_least: ${n}, if_whole_zero: fail }`;
        const oracle = BigInt(p) * 100n >= BigInt(n) * BigInt(w);
        expect(holds(cond, { p, w }), `${p} of ${w} ≥ ${n}%`).toBe(oracle);
        const expr = `"p * 100 >= w * ${n}"`;
        expect(holds(expr, { p, w }), `${p} * 100 ≥ ${w} * ${n}`).toBe(oracle);
        const pct = `"percent(p, w, 0) < ${n}"`;
        expect(holds(pct, { p, w })).toBe(!oracle);
      }),
      { numRuns: 1000, seed: 13 },
    );
  });
});

describe('integers past ±(2^53 − 1) in input', () => {
  it('are refused where they are written, in both languages', () => {
    const r = ruleset(PCT);
    const result = r.validateAssessment({ context: { c: true }, facts: { w: 2 ** 53 + 2, p: 1 } });
    expect(result.value).toBeUndefined();
    const d = result.diagnostics.find((x) => x.path === '/facts/w');
    expect(d?.code).toBe('input_range');
    if (!d) return;
    expect(formatDiagnostic(d, 'en')).toMatch(/9007199254740991/);
    expect(formatDiagnostic(d, 'vi')).toMatch(/9007199254740991/);
  });
});
