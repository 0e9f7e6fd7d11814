import { describe, expect, it } from 'vitest';
import { checkExpression } from '../../src/compile/checker.js';
import { parseExpression } from '../../src/compile/expression/parser.js';
import { createScope, type NameSymbol } from '../../src/compile/scope.js';
import { BOOLEAN, INTEGER, NUMBER, type Value } from '../../src/compile/types.js';

const symbols: NameSymbol[] = [
  { kind: 'fact', id: 'households', type: INTEGER, slot: 0 },
  { kind: 'fact', id: 'compliant', type: INTEGER, slot: 1 },
  { kind: 'fact', id: 'poor', type: INTEGER, slot: 2 },
  { kind: 'fact', id: 'score', type: NUMBER, slot: 3 },
  { kind: 'fact', id: 'has_model', type: BOOLEAN, slot: 4 },
  {
    kind: 'fact',
    id: 'rating',
    type: { t: 'ordinal', of: 'rating', values: ['weak', 'fair', 'good', 'excellent'] },
    slot: 5,
  },
  { kind: 'context', id: 'unit_kind', type: { t: 'enum', of: 'unit_kind', values: ['to_dan_pho', 'ban'] }, slot: 6 },
  { kind: 'context', id: 'agricultural', type: BOOLEAN, slot: 7 },
  { kind: 'parameter', id: 'min_share', type: INTEGER, value: 98 },
];
const scope = createScope(symbols);

function check(text: string, options: { contextOnly?: boolean } = {}) {
  const parsed = parseExpression(text, 0);
  if (!parsed.ok) throw new Error(parsed.error.code);
  const problems: { code: string; range: readonly [number, number]; params: Record<string, unknown> }[] = [];
  const typed = checkExpression(
    parsed.expr,
    scope,
    { report: (code, range, params) => problems.push({ code, range, params }) },
    options,
  );
  // Closures read slots: lay the given facts and context out as the compiler numbered them.
  const run = (facts: Record<string, unknown>, context: Record<string, unknown> = {}) => {
    const slots: Value[] = [];
    for (const sym of symbols)
      if (sym.kind === 'fact' || sym.kind === 'context') {
        const v = { ...facts, ...context }[sym.id];
        slots[sym.slot] = v === null ? undefined : (v as Value);
      }
    return typed.fn(slots);
  };
  return { typed, problems, run };
}

describe('checker: types', () => {
  it('accepts well-typed conditions and reports reads in order', () => {
    const c = check("percent(compliant, households, 0) >= min_share and unit_kind == 'ban'");
    expect(c.problems).toEqual([]);
    expect(c.typed.type).toEqual(BOOLEAN);
    expect(c.typed.reads).toEqual(['compliant', 'households', 'unit_kind']);
  });

  it('reports an unknown name with a suggestion, at its exact range', () => {
    const c = check('housholds > 0');
    expect(c.problems).toEqual([
      { code: 'expr_unknown_name', range: [0, 9], params: { name: 'housholds', suggestion: 'households' } },
    ]);
  });

  it('reports every problem of an expression, not just the first', () => {
    const c = check("nope > 1 and rating >= 'great' and has_model + 1 > 0");
    expect(c.problems.map((p) => p.code)).toEqual(['expr_unknown_name', 'expr_enum_value', 'expr_type']);
  });

  it('rejects type mismatches: boolean vs number, ordering an enum, comparing text with a count', () => {
    expect(check('has_model > 1').problems[0]?.code).toBe('expr_type');
    expect(check("unit_kind > 'ban'").problems[0]?.code).toBe('expr_type');
    expect(check("households == 'ban'").problems[0]?.code).toBe('expr_type');
    expect(check('households').problems).toEqual([]); // the caller checks the condition is boolean
  });

  it('checks function names and arity', () => {
    expect(check('pct(poor, households) > 1').problems[0]).toMatchObject({
      code: 'expr_unknown_function',
      range: [0, 3],
    });
    expect(check('percent(compliant, households) >= 98').problems[0]?.code).toBe('expr_arity');
    expect(check('percent(compliant, households, households) >= 98').problems[0]?.code).toBe('expr_type');
    expect(check('percent(compliant, households, 101) >= 98').problems[0]?.code).toBe('expr_type');
    expect(check('percent(has_model, households, 0) >= 98').problems[0]?.code).toBe('expr_type');
    // A measured quantity (a number fact) may be a part or a whole (issue 13: km, ha).
    expect(check('percent(score, households, 0) >= 98').problems).toEqual([]);
  });

  it('lets selectors read context only', () => {
    const c = check("unit_kind == 'ban' and households > 0", { contextOnly: true });
    expect(c.problems).toEqual([{ code: 'selector_not_context', range: [23, 33], params: { name: 'households' } }]);
  });
});

describe('checker: exact, three-valued evaluation', () => {
  it('compares percentages exactly in integers: 98% passes, 97.99% fails', () => {
    const c = check('percent(compliant, households, 0) >= 98');
    expect(c.run({ compliant: 98, households: 100 })).toBe(true);
    expect(c.run({ compliant: 9799, households: 10000 })).toBe(false);
    expect(c.run({ compliant: 49, households: 50 })).toBe(true); // 98% exactly
    // A float route would get this wrong: 0.1 + 0.2 style errors cannot happen here.
    expect(c.run({ compliant: 57, households: 58 })).toBe(true); // 98.27…%
  });

  it('compares against decimal thresholds exactly', () => {
    const c = check('percent(compliant, households, 0) >= 97.5');
    expect(c.run({ compliant: 39, households: 40 })).toBe(true); // 97.5% exactly
    expect(c.run({ compliant: 389, households: 400 })).toBe(false); // 97.25%
  });

  it('uses the declared value when the whole is zero, and never divides by it', () => {
    expect(check('percent(compliant, households, 100) >= 98').run({ compliant: 0, households: 0 })).toBe(true);
    expect(check('percent(compliant, households, 0) >= 98').run({ compliant: 0, households: 0 })).toBe(false);
  });

  it('treats missing facts as unknown and follows Kleene logic', () => {
    const c = check('poor == 0 and has_model');
    expect(c.run({})).toBeUndefined();
    expect(c.run({ poor: 1 })).toBe(false); // false and unknown = false
    expect(c.run({ poor: 0 })).toBeUndefined();
    expect(c.run({ poor: 0, has_model: null })).toBeUndefined(); // null is unknown too
    const d = check('poor == 0 or has_model');
    expect(d.run({ has_model: true })).toBe(true); // unknown or true = true
    expect(d.run({ has_model: false })).toBeUndefined();
    expect(check('not has_model').run({})).toBeUndefined();
  });

  it('orders ordinals by declaration, not alphabetically', () => {
    const c = check("rating >= 'good'");
    expect(c.run({ rating: 'excellent' })).toBe(true);
    expect(c.run({ rating: 'good' })).toBe(true);
    expect(c.run({ rating: 'fair' })).toBe(false);
    expect(c.run({})).toBeUndefined();
  });

  it('evaluates membership, arithmetic, known() and min/max', () => {
    expect(check("unit_kind in ['ban', 'to_dan_pho']").run({}, { unit_kind: 'ban' })).toBe(true);
    expect(check('poor + 1 * 2 == 3').run({ poor: 1 })).toBe(true);
    expect(check('known(poor)').run({})).toBe(false);
    expect(check('known(poor)').run({ poor: 0 })).toBe(true);
    expect(check('min(poor, households) == 2').run({ poor: 2, households: 5 })).toBe(true);
  });
});
