/**
 * The fact types' form hooks (compile/fact-types): what a form asks for each type, and how it
 * reads the text typed. The web form walks these instead of switching on type names.
 */
import { describe, expect, it } from 'vitest';
import { FACT_TYPES, factType, type ValueWords } from '../../src/index.js';

const words: ValueWords = { yes: 'Yes', no: 'No', number: String, label: (t) => t.en };
const colours = {
  values: [
    { id: 'red', label: { vi: 'Đỏ', en: 'Red' } },
    { id: 'blue', label: { vi: 'Xanh', en: 'Blue' } },
  ],
};

describe('form fields from the fact-type registry', () => {
  it('numbers carry integrality, decimals and bounds; choices their labelled values', () => {
    expect(factType('integer').formField({ type: 'integer', min: 0, max: 9 }, words)).toEqual({
      kind: 'number',
      integer: true,
      min: 0,
      max: 9,
    });
    expect(factType('number').formField({ type: 'number', decimals: 2, min: 0 }, words)).toEqual({
      kind: 'number',
      integer: false,
      decimals: 2,
      min: 0,
    });
    expect(factType('boolean').formField({ type: 'boolean' }, words)).toEqual({
      kind: 'choice',
      options: [
        { value: 'true', label: 'Yes' },
        { value: 'false', label: 'No' },
      ],
    });
    for (const type of ['enum', 'ordinal'] as const)
      expect(factType(type).formField({ type, ...colours }, words)).toEqual({
        kind: 'choice',
        options: [
          { value: 'red', label: 'Red' },
          { value: 'blue', label: 'Blue' },
        ],
      });
  });

  it('reading a field: empty is unknown for every type, text that is no value of the type is null', () => {
    for (const [type, def] of Object.entries(FACT_TYPES)) {
      expect(def.readField({ type: def.name }, ''), type).toBeUndefined();
      expect(def.readField({ type: def.name }, '   '), type).toBeUndefined();
    }
    expect(factType('integer').readField({ type: 'integer' }, ' 12 ')).toBe(12);
    // A decimal in an integer field is read as written, for validateAssessment to word the problem.
    expect(factType('integer').readField({ type: 'integer' }, '2.5')).toBe(2.5);
    expect(factType('number').readField({ type: 'number' }, '0.1')).toBe(0.1);
    expect(factType('number').readField({ type: 'number' }, 'abc')).toBeNull();
    expect(factType('boolean').readField({ type: 'boolean' }, 'true')).toBe(true);
    expect(factType('boolean').readField({ type: 'boolean' }, 'false')).toBe(false);
    expect(factType('boolean').readField({ type: 'boolean' }, 'yes')).toBeNull();
    expect(factType('enum').readField({ type: 'enum', ...colours }, 'red')).toBe('red');
  });
});
