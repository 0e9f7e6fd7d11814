/**
 * Fuzz: expressions, and exact arithmetic against a BigInt oracle.
 * - Random expressions over a small ruleset's facts (well-formed ones from the grammar, and
 *   random token soup): loading never throws, every diagnostic is located on the condition's line
 *   (or has no place), and a ruleset that loads evaluates, with `decide` equal to `evaluate`.
 * - Percentage thresholds (`percent: {part, whole}, at_least/at_most: N`), `percent(p, w, z)`
 *   compared with N with decimals, and products of facts (`p * k >= w * m`) on integers up to 2^53 − 1 decide exactly
 *   as the same comparison in BigInt.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParameters, guardedSync } from '../../../../test-support/fuzz.js';
import { loadRuleset, type CompiledRuleset } from '../../src/index.js';
import { expectLocatedDiagnostic, expectNoThrow } from './shared.js';

/** A ruleset whose one criterion's condition is `condition` (YAML text, on line 18). */
function rulesWith(condition: string): string {
  return [
    'format: 1',
    'id: fuzz',
    'version: "1"',
    'title: { vi: t, en: t }',
    'context: { c: { type: boolean, label: { vi: c, en: c } } }',
    'facts:',
    '  w: { type: integer, min: 0, label: { vi: w, en: w } }',
    '  p: { type: integer, min: 0, part_of: w, label: { vi: p, en: p } }',
    '  q: { type: integer, min: 0, label: { vi: q, en: q } }',
    '  flag: { type: boolean, label: { vi: f, en: f } }',
    '  kind: { type: enum, values: [{ id: a, label: { vi: a, en: a } }, { id: b, label: { vi: b, en: b } }], label: { vi: k, en: k } }',
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
const CONDITION_LINE = 18;

const name = fc.constantFrom('p', 'w', 'q', 'flag', 'kind', 'nope', 'known', 'percent', 'min', 'max');
const literal = fc.oneof(
  fc.integer({ min: -5, max: 200 }).map(String),
  fc.constantFrom('99999999999999999999', '9007199254740993', '0.5', '33.333', '1e3', '"a"', "'b'", 'true', 'false'),
);
const expr = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    name,
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '==', '!=', '<', '<=', '>', '>=', 'and', 'or'), tie('e'))
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('e').map((a) => `not ${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(name, fc.array(tie('e'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(tie('e'), fc.array(literal, { maxLength: 3 })).map(([a, l]) => `${a} in [${l.join(', ')}]`),
  ),
})).e;
const soup = fc
  .array(
    fc.oneof(
      name,
      literal,
      fc.constantFrom('(', ')', '[', ']', ',', '+', '*', '>=', '==', 'and', 'not', '"', '\u202E'),
    ),
    {
      maxLength: 12,
    },
  )
  .map((t) => t.join(' '));

const factsArb = fc.record(
  {
    w: fc.oneof(fc.nat({ max: 300 }), fc.constant(null)),
    p: fc.oneof(fc.nat({ max: 300 }), fc.constant(null)),
    q: fc.oneof(fc.nat({ max: 300 }), fc.constant(null)),
    flag: fc.oneof(fc.boolean(), fc.constant(null)),
    kind: fc.constantFrom('a', 'b', null),
  },
  { requiredKeys: [] },
);

function agreeOn(ruleset: CompiledRuleset, facts: Record<string, unknown>): void {
  const checked = ruleset.validateAssessment({ context: { c: true }, facts });
  if (checked.value === undefined) return; // e.g. p > w
  const full = expectNoThrow(() => ruleset.evaluate(checked.value as never));
  const fast = expectNoThrow(() => ruleset.decide(checked.value as never));
  expect(fast.decision).toBe(full.decision);
}

describe('fuzz: expressions', () => {
  it('random conditions load or are located errors; what loads evaluates as decide does', () => {
    let loadedCount = 0;
    fc.assert(
      fc.property(fc.oneof(expr, soup), fc.array(factsArb, { maxLength: 3 }), (condition, factsList) =>
        guardedSync('expressions.conditions', () => {
          const text = rulesWith(JSON.stringify(condition));
          const loaded = expectNoThrow(() => loadRuleset(text, { file: 'fuzz.yaml' }));
          for (const d of loaded.diagnostics) {
            expectLocatedDiagnostic(d, text.split('\n').length);
            if (d.code.startsWith('expr_') && d.line > 0) expect(d.line, d.code).toBe(CONDITION_LINE);
          }
          if (loaded.value === undefined) return;
          loadedCount++;
          for (const facts of factsList) agreeOn(loaded.value, facts);
        }),
      ),
      fuzzParameters('expressions.conditions'),
    );
    // Not vacuous: some random conditions were well-typed and were evaluated.
    expect(loadedCount).toBeGreaterThan(0);
  });
});

// ── exact arithmetic ────────────────────────────────────────────────────────────────────────

const BIG = Number.MAX_SAFE_INTEGER;
/** Wholes and parts: small ones near thresholds, and ones near 2^53 where a float would round. */
const whole = fc.oneof(
  fc.nat({ max: 1000 }),
  fc.integer({ min: BIG - 1000, max: BIG }),
  fc.integer({ min: 2 ** 50, max: BIG }),
);
const partOf = (w: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: w }),
    fc.integer({ min: Math.max(0, w - 3), max: w }),
    fc.constant(Math.floor(w / 2)),
  );
/** A threshold with up to two decimals, as text and as hundredths. */
const threshold = fc
  .integer({ min: 0, max: 10_000 })
  .map((h) => ({ text: (h / 100).toString(), hundredths: BigInt(h) }));

/** Rulesets by condition: the `at_least`/`at_most` ones repeat; the cap keeps a 10^6 run's memory flat. */
const cache = new Map<string, CompiledRuleset>();
const CACHE_MAX = 2000;
function rulesetFor(condition: string): CompiledRuleset {
  let ruleset = cache.get(condition);
  if (ruleset === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    const loaded = loadRuleset(rulesWith(condition), { file: 'fuzz.yaml' });
    if (loaded.value === undefined) throw new Error(`the oracle's own rule does not load: ${condition}`);
    ruleset = loaded.value;
    cache.set(condition, ruleset);
  }
  return ruleset;
}

/** `p * k >= w * m`, with K and M declared as facts beside the others. */
const PRODUCT = (() => {
  const factsKM =
    '  k: { type: integer, min: 1, label: { vi: k, en: k } }\n  m: { type: integer, min: 1, label: { vi: m, en: m } }\n';
  const text = rulesWith('"p * k >= w * m"').replace('  q: {', `${factsKM}  q: {`);
  const loaded = loadRuleset(text, { file: 'fuzz.yaml' });
  if (loaded.value === undefined) throw new Error("the oracle's product rule does not load");
  return loaded.value;
})();

function decisionOf(condition: string, facts: Record<string, number>): string {
  return rulesetFor(condition).evaluate({ context: { c: true }, facts }).decision;
}

const verdict = (holds: boolean) => (holds ? 'recognised' : 'not_recognised');

describe('fuzz: exact arithmetic against BigInt', () => {
  it('percent: { part, whole } at_least / at_most N, with either if_whole_zero', () => {
    fc.assert(
      fc.property(
        whole.chain((w) => fc.tuple(fc.constant(w), partOf(w))),
        // 1–99: `at_least: 0` and `at_most: 100` always hold, and the rules refuse them.
        fc.integer({ min: 1, max: 99 }).map((n) => ({ text: String(n), hundredths: BigInt(n) * 100n })),
        fc.constantFrom('at_least', 'at_most'),
        fc.constantFrom('pass', 'fail'),
        ([w, p], n, op, ifZero) =>
          guardedSync('arithmetic.percent', () => {
            const condition = `{ percent: { part: p, whole: w }, ${op}: ${n.text}, if_whole_zero: ${ifZero} }`;
            // p × 100 ≥ N × w, with N in hundredths: p × 10000 ≥ N100 × w.
            const left = BigInt(p) * 10_000n;
            const right = n.hundredths * BigInt(w);
            const holds = w === 0 ? ifZero === 'pass' : op === 'at_least' ? left >= right : left <= right;
            expect(decisionOf(condition, { w, p }), `${condition} with p=${p}, w=${w}`).toBe(verdict(holds));
          }),
      ),
      fuzzParameters('arithmetic.percent'),
    );
  });

  it('percent(p, w, z) compared with N, and p * k against w * m', () => {
    fc.assert(
      fc.property(
        whole.chain((w) => fc.tuple(fc.constant(w), partOf(w))),
        threshold,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        ([w, p], n, z, k, m) =>
          guardedSync('arithmetic.compare', () => {
            const pct = `"percent(p, w, ${z}) >= ${n.text}"`;
            const holdsPct =
              w === 0 ? BigInt(z) * 100n >= n.hundredths : BigInt(p) * 10_000n >= n.hundredths * BigInt(w);
            expect(decisionOf(pct, { w, p }), `${pct} with p=${p}, w=${w}`).toBe(verdict(holdsPct));
            // K and M as facts: one compiled ruleset for every input (a literal per input meant a
            // load per input, most of this target's cost); the literals' path is the line above.
            const holdsProduct = BigInt(p) * BigInt(k) >= BigInt(w) * BigInt(m);
            const product = PRODUCT.evaluate({ context: { c: true }, facts: { w, p, k, m } }).decision;
            expect(product, `p * k >= w * m with p=${p}, k=${k}, w=${w}, m=${m}`).toBe(verdict(holdsProduct));
          }),
      ),
      fuzzParameters('arithmetic.compare'),
    );
  });
});
