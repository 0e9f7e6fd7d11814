/** Numbers in reports: whole numbers grouped by hand must print exactly as Intl.NumberFormat prints them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDecimalText, formatReportNumber } from '../../src/explain/report-number.js';

const intl = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 4 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 }),
} as const;

describe('formatReportNumber', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`prints every number as Intl.NumberFormat does (${lang})`, () => {
      const edges = [0, -0, 1, -1, 999, 1000, -1000, 12_345, 999_999, 1_000_000, Number.MAX_SAFE_INTEGER];
      for (const n of [...edges, -Number.MAX_SAFE_INTEGER, 2 ** 53, 0.5, 98.125, 1234.56789, -0.00001])
        expect(formatReportNumber(n, lang), String(n)).toBe(intl[lang].format(n));
      fc.assert(
        fc.property(
          fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.maxSafeInteger(), fc.double({ noNaN: true })),
          (n) => formatReportNumber(n, lang) === intl[lang].format(n),
        ),
        { numRuns: 5_000 },
      );
    });
  }

  it('groups thousands the way each language does', () => {
    expect(formatReportNumber(1_234_567, 'vi')).toBe('1.234.567');
    expect(formatReportNumber(1_234_567, 'en')).toBe('1,234,567');
    expect(formatReportNumber(-1_234, 'vi')).toBe('-1.234');
  });
});

describe('formatDecimalText: the exact shown value of a derived quantity', () => {
  it('prints like Intl.NumberFormat where a float can hold the value, in each language', () => {
    for (const lang of ['vi', 'en'] as const)
      for (const text of ['57.2', '0.25', '-1234.5', '1000', '98765432.1'])
        expect(formatDecimalText(text, lang), text).toBe(intl[lang].format(Number(text)));
  });

  it('keeps every digit past 2^53, where a float would round', () => {
    expect(formatDecimalText('9007199254740993.5', 'vi')).toBe('9.007.199.254.740.993,5');
    expect(formatDecimalText('9007199254740993.5', 'en')).toBe('9,007,199,254,740,993.5');
  });

  it('leaves what is not a plain decimal as it is', () => {
    expect(formatDecimalText('1e21', 'vi')).toBe('1e21');
  });
});
