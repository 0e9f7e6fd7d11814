/**
 * Numbers as reports print them (vi-VN / en-GB grouping, at most 4 decimals), without paying for
 * `Intl.NumberFormat` when it is not needed: constructing the first one in a process loads ICU
 * locale data and took 50–80 ms (measured on the bench machine), most of what a one-file
 * `lcz evaluate` spends on its report, while nearly every number in a report is a whole number.
 * Whole numbers are grouped by hand, the same way (a test compares the two); any other number
 * goes through one formatter per language, made on first use.
 */
const SEPARATOR = { vi: '.', en: ',' } as const;
const formatters: Partial<Record<'vi' | 'en', Intl.NumberFormat>> = {};

export function formatReportNumber(n: number, lang: 'vi' | 'en'): string {
  // -0 prints as "-0" through Intl: left to it, like every non-integer.
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n));
    let out = '';
    for (let end = digits.length; end > 0; end -= 3) {
      const group = digits.slice(Math.max(0, end - 3), end);
      out = out === '' ? group : `${group}${SEPARATOR[lang]}${out}`;
    }
    return n < 0 ? `-${out}` : out;
  }
  let formatter = formatters[lang];
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 4 });
    formatters[lang] = formatter;
  }
  return formatter.format(n);
}
