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
