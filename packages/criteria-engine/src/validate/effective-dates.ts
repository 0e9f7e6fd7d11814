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
  const value = parsed.value as { effective?: unknown } | null;
  const effective = value !== null && typeof value === 'object' ? value.effective : undefined;
  if (effective === null || typeof effective !== 'object') return [];
  const { from, to } = effective as { from?: unknown; to?: unknown };
  const out: Diagnostic[] = [];
  const real = (key: 'from' | 'to', date: unknown): boolean => {
    if (typeof date !== 'string' || !FORM.test(date)) return false; // the schema reports the form
    if (isCalendarDay(date)) return true;
    out.push(
      parsed.source.diagnostic(
        'date_invalid',
        parsed.rangeOf(['effective', key]),
        { key: `effective.${key}`, value: date },
        { path: `/effective/${key}` },
      ),
    );
    return false;
  };
  const fromOk = real('from', from);
  const toOk = real('to', to);
  if (fromOk && toOk && (to as string) < (from as string)) {
    out.push(
      parsed.source.diagnostic(
        'effective_order',
        parsed.rangeOf(['effective', 'to']),
        { from: from as string, to: to as string },
        { path: '/effective/to' },
      ),
    );
  }
  return out;
}
