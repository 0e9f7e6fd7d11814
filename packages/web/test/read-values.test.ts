import assert from 'node:assert';
import { describe, expect, it } from 'vitest';
import { deriveApplicability } from '../src/form/applicability.js';
import { convertFieldValue, readForm } from '../src/form/read-values.js';
import { problemText } from '../src/element/problem-text.js';
import { shopsAndFarms } from './ruleset-fixtures.js';

const rules = shopsAndFarms();
const fact = (id: string) => {
  const f = rules.facts.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const shop = deriveApplicability(rules, { kind: 'shop', region: 'north' });
const read = (facts: Record<string, string>, badInput: string[] = [], app = shop) =>
  readForm(rules, app, { facts, badInput: new Set(badInput) });

describe('convertFieldValue', () => {
  it('empty is absent (unknown); numbers and yes/no by the declared type; what cannot be read is null', () => {
    expect(convertFieldValue(fact('staff'), '')).toBeUndefined();
    expect(convertFieldValue(fact('staff'), '  ')).toBeUndefined();
    expect(convertFieldValue(fact('staff'), ' 12 ')).toBe(12);
    expect(convertFieldValue(fact('hectares'), '2.5')).toBe(2.5);
    expect(convertFieldValue(fact('staff'), 'abc')).toBeNull();
    expect(convertFieldValue(fact('shop_signs'), 'true')).toBe(true);
    expect(convertFieldValue(fact('shop_signs'), 'false')).toBe(false);
    expect(convertFieldValue(fact('shop_signs'), 'yes')).toBeNull();
  });
});

describe('readForm', () => {
  it('evaluates only the facts that apply, leaving the others out', () => {
    const r = read({ staff: '10', staff_trained: '9', shop_signs: 'true', organic_certified: 'true' });
    expect(r.problems).toEqual([]);
    expect(r.usable?.facts).toEqual({ staff: 10, staff_trained: 9, shop_signs: true });
    expect(r.usable?.context).toEqual({ kind: 'shop', region: 'north' });
    expect([r.filled, r.total]).toEqual([3, 4]);
  });

  it('a part larger than its whole is reported at the part, in the field’s words, and left out', () => {
    const r = read({ staff: '10', staff_trained: '12' });
    expect(r.problems).toHaveLength(1);
    const [p] = r.problems;
    assert(p);
    expect(p.kind === 'diagnostic' && p.fact).toBe('staff_trained');
    expect(r.excluded).toEqual(['staff_trained']);
    expect(r.usable?.facts).toEqual({ staff: 10 });
    expect(problemText(p, rules, 'en')).toBe(
      'Cannot be larger than “Staff” (10), of which it is a part; 12 was entered. Check both numbers.',
    );
    expect(problemText(p, rules, 'vi')).toBe(
      'Không được lớn hơn “Số nhân viên” (10) vì là một phần của số đó; đã nhập 12. Kiểm tra lại cả hai số.',
    );
  });

  it('bounds and integers are the engine’s checks, worded for the form', () => {
    const r = read(
      { staff: '2.5', hectares: '1200' },
      [],
      deriveApplicability(rules, { kind: 'farm', region: 'south', organic: true }),
    );
    const texts = r.problems.map((p) => problemText(p, rules, 'en'));
    expect(texts).toEqual([
      'Must be a whole number (no decimals), for example 120.',
      'Must be at most 1000; 1200 was entered.',
    ]);
    expect(r.usable?.facts).toEqual({});
  });

  it('text the browser could not read as a number is a problem, never a zero', () => {
    const r = read({ staff: '' }, ['staff']);
    expect(r.problems).toEqual([{ kind: 'not_number', fact: 'staff' }]);
    expect(r.usable?.facts).toEqual({});
    const [problem] = r.problems;
    assert(problem);
    expect(problemText(problem, rules, 'vi')).toBe('Không phải là số: chỉ nhập chữ số, ví dụ 120.');
  });

  it('an incomplete or impossible context gives no assessment to evaluate, with the reason', () => {
    const partial = read({ staff: '10' }, [], deriveApplicability(rules, { kind: 'shop' }));
    expect(partial.usable).toBeUndefined();
    expect(partial.problems.map((p) => p.kind === 'diagnostic' && [p.diagnostic.code, p.attribute])).toEqual([
      ['input_context_missing', 'region'],
    ]);
    const [incomplete] = partial.problems;
    assert(incomplete);
    expect(problemText(incomplete, rules, 'en')).toBe('Choose “Region” to see the result.');

    const impossible = read({}, [], deriveApplicability(rules, { kind: 'shop', region: 'south' }));
    expect(impossible.usable).toBeUndefined();
    const [none] = impossible.problems;
    assert(none);
    expect(problemText(none, rules, 'vi')).toBe('Không có trường hợp này: Cửa hàng chỉ có ở miền Bắc.');
  });
});
