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

const DECIMAL_MARK = { vi: ',', en: '.' } as const;

/**
 * An exact decimal written as text (`"57.2"`, `"-1234567.25"`: a derived quantity's shown value)
 * in the report's way: grouped, with the language's decimal mark. Worked on the digits, never
 * through a float, so a value past 2^53 keeps every digit. Anything else is returned as it is.
 */
export function formatDecimalText(text: string, lang: 'vi' | 'en'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return text;
  const [, sign, whole = '', fraction] = match;
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) {
    const group = whole.slice(Math.max(0, end - 3), end);
    grouped = grouped === '' ? group : `${group}${SEPARATOR[lang]}${grouped}`;
  }
  return `${sign}${grouped}${fraction === undefined ? '' : `${DECIMAL_MARK[lang]}${fraction}`}`;
}
