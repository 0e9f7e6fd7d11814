/**
 * A derived quantity as a report shows it beside the threshold it is compared with. Its declared
 * `decimals:` are for showing, but a value rounded onto (or across) its threshold tells the reader
 * the opposite of the decision: a saving rate of 4.99% against "≥ 5" with `decimals: 1` would read
 * "5.0% → needs ≥ 5" on a criterion that failed. So, as a share beside a table's cell is, it gets
 * more decimals (up to 9) until it stands on the same side of the threshold as the exact value.
 */
import { compare, fromNumber, parseDecimal, type Rational, toDecimalText } from '../compile/exact/rational.js';

const MAX_PLACES = 9;

export function shownBeside(text: string, exact: Rational | undefined, threshold: number | undefined): string {
  if (exact === undefined || threshold === undefined || !Number.isFinite(threshold)) return text;
  const limit = fromNumber(threshold);
  const side = compare(exact, limit);
  let shown = text;
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  for (let places = decimals + 1; places <= MAX_PLACES; places++) {
    const read = parseDecimal(shown);
    if (read === undefined || compare(read, limit) === side) break;
    shown = toDecimalText(exact, places);
  }
  return shown;
}
