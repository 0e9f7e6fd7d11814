/**
 * Whether a `YYYY-MM-DD` text is a day of the calendar: "2030-31-12" has the form and is no day.
 * The effective period (effective-dates.ts) and date literals in expressions (compile/compare.ts)
 * both refuse such a text rather than read it as some other day.
 */
const FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day of the calendar: month 1–12 and a day that month has (29 February in leap years only). */
export function isCalendarDay(date: string): boolean {
  const [, y, m, d] = FORM.exec(date) ?? [];
  if (y === undefined) return false;
  const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return day.toISOString().slice(0, 10) === date;
}

/**
 * The calendar day `days` after a calendar day (`2023-01-01`, -1 → `2022-12-31`), by whole days in
 * UTC (no time zone, no daylight saving); undefined when `date` is no calendar day. The version
 * gaps (scheme.ts), the table checks (analyze/checks/parameters.ts) and the date coverage
 * (conformance/date-boundaries.ts) all count days with it.
 */
export function shiftDay(date: string, days: number): string | undefined {
  if (!isCalendarDay(date)) return undefined;
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
