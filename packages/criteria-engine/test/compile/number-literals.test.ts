/** Number literals in expressions are exact or refused where they stand, never rounded. */
import { describe, expect, it } from 'vitest';
import { isExactLiteral, parseExpression } from '../../src/compile/expression/parser.js';

describe('number literals', () => {
  it('keeps safe integers and short decimals', () => {
    for (const t of ['0', '80', '9007199254740991', '12.5', '0.000000000000001', '123456789012.345'])
      expect(isExactLiteral(t)).toBe(true);
  });

  it('refuses integers past 2^53 − 1 and decimals with more than 15 significant digits', () => {
    for (const t of ['9007199254740992', '99999999999999999999', '0.1234567890123456', '1234567890123.456'])
      expect(isExactLiteral(t)).toBe(false);
  });

  it('reports the literal’s own range, offset by the scalar’s place', () => {
    const outcome = parseExpression('households >= 99999999999999999999', 100);
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'expr_number_inexact', range: [114, 134], value: '99999999999999999999', max: 9007199254740991 },
    });
  });
});
