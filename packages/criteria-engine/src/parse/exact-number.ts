/**
 * Whether a decimal number as written reads as exactly that number: `212.0000000000000001` reads as
 * 212 and `1e400` as Infinity, which would then be judged as if they had been written so. Compared
 * as decimals (digits and exponent, zeros trimmed) between the text and the shortest text of the
 * double it reads as, so `0.1` (whose double prints as 0.1) is exact, as the engine treats it.
 * Texts that are not decimal numbers (`0x10`, `.inf`) are not judged here.
 */
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export function readsExactly(text: string, value: number): boolean {
  const written = canonical(text.trim());
  if (written === undefined) return true;
  return Number.isFinite(value) && canonical(String(value)) === written;
}

/** `sign digits e exponent` with no leading or trailing zero in the digits; undefined for other texts. */
function canonical(text: string): string | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m || `${m[2] ?? ''}${m[3] ?? ''}` === '') return undefined;
  const fraction = m[3] ?? '';
  let digits = `${m[2] ?? ''}${fraction}`.replace(/^0+/, '');
  let exponent = Number(m[4] ?? '0') - fraction.length;
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  if (digits === '') return '0';
  return `${m[1] === '-' ? '-' : ''}${digits}e${exponent}`;
}

/**
 * A number the YAML core schema reads from a text that is not written in decimal digits: `0x10`
 * (16), `0o17` (15), `.inf`, `.nan`. In an assessment or a rule file such a text is almost surely
 * a mistake (a code pasted in, a spreadsheet's export): it is refused, never read silently.
 * Returns the decimal text of the value to suggest (undefined for infinity and not-a-number), or
 * false for a decimal text.
 */
export function nonDecimalNumber(text: string, value: number | bigint): { readonly decimal?: string } | false {
  const written = text.trim();
  if (DECIMAL_TEXT.test(written) && /\d/.test(written)) return false;
  if (typeof value === 'bigint') return { decimal: value.toString() };
  return Number.isFinite(value) ? { decimal: String(value) } : {};
}
