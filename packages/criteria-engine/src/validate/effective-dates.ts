/**
 * The effective period, beyond its form: the schema checks `yyyy-mm-dd`, but "2030-31-12" has
 * that form and is no day, and a period whose end comes before its start is in force on no day.
 * Either would silently choose the wrong version for an assessment's date, so each is an error
 * located at the value.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedDocument } from '../parse/index.js';
import { isCalendarDay } from './calendar-day.js';

const FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

export function checkEffectiveDates(parsed: ParsedDocument): Diagnostic[] {
  const effective = isObject(parsed.value) ? parsed.value['effective'] : undefined;
  if (!isObject(effective)) return [];
  const out: Diagnostic[] = [];
  /** The date when it is a day of the calendar. */
  const real = (key: 'from' | 'to', date: unknown): string | undefined => {
    if (typeof date !== 'string' || !FORM.test(date)) return undefined; // the schema reports the form
    if (isCalendarDay(date)) return date;
    out.push(
      parsed.source.diagnostic(
        'date_invalid',
        parsed.rangeOf(['effective', key]),
        { key: `effective.${key}`, value: date },
        { path: `/effective/${key}` },
      ),
    );
    return undefined;
  };
  const from = real('from', effective['from']);
  const to = real('to', effective['to']);
  if (from !== undefined && to !== undefined && to < from) {
    out.push(
      parsed.source.diagnostic(
        'effective_order',
        parsed.rangeOf(['effective', 'to']),
        { from, to },
        { path: '/effective/to' },
      ),
    );
  }
  return out;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object';
}
