import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/compile/expression/ast.js';
import { parseExpression } from '../../src/compile/expression/parser.js';
import { printExpression } from '../../src/compile/expression/printer.js';

function parse(text: string, base = 0): Expr {
  const out = parseExpression(text, base);
  if (!out.ok) throw new Error(`${out.error.code} at ${out.error.range[0]}`);
  return out.expr;
}

/** The tree without ranges, for comparing shapes. */
function shape(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'range' || k === 'nameRange' ? undefined : v)));
}

describe('parseExpression', () => {
  it('respects precedence: and binds tighter than or, comparison tighter than and', () => {
    expect(printExpression(parse('a or b and c >= 1'))).toBe('a or b and c >= 1');
    const e = parse('a or b and c >= 1');
    expect(e.kind).toBe('logical');
    expect(e.kind === 'logical' && e.op).toBe('or');
  });

  it('keeps ranges absolute, so errors land inside the YAML line', () => {
    const e = parse('households >= 98', 100);
    expect(e.range).toEqual([100, 116]);
    expect(e.kind === 'compare' && e.left.range).toEqual([100, 110]);
  });

  it('reports the first unexpected token with its position', () => {
    const out = parseExpression('a >= ', 10);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatchObject({ code: 'expr_syntax', range: [15, 15], found: '' });
    const bad = parseExpression('a >= 1 1');
    expect(!bad.ok && bad.error.range).toEqual([7, 8]);
  });

  it('names the operator meant for one written from habit (=>, =, ≥, &&), over the whole mistyped operator', () => {
    const cases: [string, string, string, [number, number]][] = [
      ['a * 3 => b * 2', '>=', '=>', [6, 8]],
      ['a =< 5', '<=', '=<', [2, 4]],
      ['a = 5', '==', '=', [2, 3]],
      ['a ≥ 5', '>=', '≥', [2, 3]],
      ['a ≠ 5', '!=', '≠', [2, 3]],
      ['a && b', 'and', '&&', [2, 4]],
      ['a || b', 'or', '||', [2, 4]],
      ['a # b', 'token', '#', [2, 3]],
    ];
    for (const [text, expected, found, range] of cases) {
      const out = parseExpression(text);
      expect(out.ok ? undefined : out.error, text).toEqual({ code: 'expr_syntax', expected, found, range });
    }
  });

  it('rejects chained comparisons, which read ambiguously', () => {
    const out = parseExpression('0 <= a <= 5');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('expr_syntax');
  });

  it('reports an unterminated string and an unknown character', () => {
    const s = parseExpression("kind == 'ban");
    expect(!s.ok && s.error.code).toBe('expr_syntax');
    const c = parseExpression('a % 2');
    expect(!c.ok && c.error).toMatchObject({ code: 'expr_syntax', found: '%', range: [2, 3] });
  });

  it('bounds length, depth and node count', () => {
    const long = parseExpression('a'.repeat(3000));
    expect(!long.ok && long.error).toMatchObject({ code: 'expr_limit', limit: 'maxExpressionLength' });
    const deep = parseExpression(`${'('.repeat(100)}a${')'.repeat(100)}`);
    expect(!deep.ok && deep.error).toMatchObject({ code: 'expr_limit', limit: 'maxExpressionDepth' });
    const wide = parseExpression(Array.from({ length: 600 }, () => 'a').join('+'));
    expect(!wide.ok && wide.error).toMatchObject({ code: 'expr_limit', limit: 'maxExpressionNodes' });
  });
});

describe('printExpression', () => {
  // A bounded recursive arbitrary of expression trees (ranges are irrelevant to the law).
  const r: [number, number] = [0, 0];
  const tree = fc.letrec<{ expr: Expr; num: Expr; atom: Expr }>((tie) => ({
    atom: fc.oneof(
      fc.constantFrom('a', 'b', 'households', 'x_1').map((name): Expr => ({ kind: 'name', name, range: r })),
      fc.boolean().map((value): Expr => ({ kind: 'boolean', value, range: r })),
      fc.constantFrom('ban', 'to_dan_pho').map((value): Expr => ({ kind: 'string', value, range: r })),
    ),
    num: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.nat(1000).map((value): Expr => ({ kind: 'number', value, text: String(value), range: r })),
      fc.constantFrom('a', 'b').map((name): Expr => ({ kind: 'name', name, range: r })),
      fc
        .tuple(fc.constantFrom('+', '-', '*'), tie('num'), tie('num'))
        .map(([op, left, right]): Expr => ({ kind: 'arithmetic', op: op as '+' | '-' | '*', left, right, range: r })),
      tie('num').map((operand): Expr => ({ kind: 'negate', operand, range: r })),
      fc
        .tuple(tie('num'), tie('num'))
        .map(([x, y]): Expr => ({ kind: 'call', name: 'min', args: [x, y], range: r, nameRange: r })),
    ),
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('atom'),
      fc
        .tuple(fc.constantFrom('==', '!=', '<', '<=', '>', '>='), tie('num'), tie('num'))
        .map(([op, left, right]): Expr => ({ kind: 'compare', op: op as '==', left, right, range: r })),
      fc
        .tuple(fc.constantFrom('and', 'or'), fc.array(tie('expr'), { minLength: 2, maxLength: 3 }))
        .map(([op, operands]): Expr => ({ kind: 'logical', op: op as 'and', operands, range: r })),
      tie('expr').map((operand): Expr => ({ kind: 'not', operand, range: r })),
      fc
        .tuple(tie('num'), fc.array(tie('num'), { maxLength: 3 }))
        .map(([value, list]): Expr => ({ kind: 'in', value, list, range: r })),
    ),
  }));

  it('law: parse(print(e)) has the shape of e', () => {
    fc.assert(
      fc.property(tree.expr, (e) => {
        const printed = printExpression(e);
        expect(shape(parse(printed))).toEqual(shape(e));
      }),
      { seed: 20201, numRuns: 2000 },
    );
  });
});
