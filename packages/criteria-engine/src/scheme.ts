/**
 * A scheme: the versions of one ruleset id, each in force for its effective period. Periods may
 * neither overlap nor leave gaps; evaluating an assessment picks the version in force on its
 * date, or the one named. Browser-safe: the versions are compiled rulesets, however loaded.
 */
import { shiftDay } from './validate/calendar-day.js';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { DiagnosticCode } from './diagnostics/codes.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { yearSpan } from './compile/slots.js';

export interface Scheme {
  readonly id: string;
  /** Oldest first. */
  readonly versions: readonly CompiledRuleset[];
  /**
   * The version named, or the one in force on the date (a day, or a year alone, "2024", when the
   * assessment gives no day: the one version in force during that year); a diagnostic when there
   * is none or, for a year, more than one.
   */
  select(choice: { readonly version?: string; readonly date?: string }): StageResult<CompiledRuleset>;
}

/** Groups rulesets by id and checks each group's periods. */
export function createSchemes(rulesets: readonly CompiledRuleset[]): StageResult<Scheme[]> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map<string, CompiledRuleset[]>();
  for (const r of rulesets) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const schemes: Scheme[] = [];
  for (const [id, group] of byId) {
    const versions = [...group].sort(
      (a, b) => (a.effective?.from ?? '').localeCompare(b.effective?.from ?? '') || a.version.localeCompare(b.version),
    );
    diagnostics.push(...checkPeriods(versions));
    schemes.push(makeScheme(id, versions));
  }
  return { value: schemes, diagnostics };
}

function checkPeriods(versions: readonly CompiledRuleset[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, CompiledRuleset>();
  for (const v of versions) {
    const first = seen.get(v.version);
    if (first) out.push(at(v, 'version_duplicate', { id: v.id, version: v.version, first_file: first.file }));
    seen.set(v.version, v);
  }
  if (versions.length < 2) return out;
  for (const v of versions) {
    if (!v.effective) out.push(at(v, 'version_period_missing', { id: v.id, version: v.version }));
  }
  for (const [prev, next] of neighbours(versions)) {
    if (!prev.effective || !next.effective) continue;
    const prevEnd = prev.effective.to;
    if (prevEnd === undefined || next.effective.from <= prevEnd) {
      out.push(
        at(next, 'version_overlap', {
          version: next.version,
          other: prev.version,
          from: next.effective.from,
          to: next.effective.to ?? '…',
          other_from: prev.effective.from,
          other_to: prevEnd ?? '…',
          other_file: prev.file,
        }),
      );
    } else if (next.effective.from !== dayAfter(prevEnd)) {
      out.push(
        at(next, 'version_gap', {
          version: next.version,
          other: prev.version,
          from: dayAfter(prevEnd),
          to: dayBefore(next.effective.from),
        }),
      );
    }
  }
  return out;
}

/** Each element with the one after it. */
function neighbours<T>(list: readonly T[]): [T, T][] {
  return list.slice(1).flatMap((next, i): [T, T][] => {
    const prev = list[i];
    return prev === undefined ? [] : [[prev, next]];
  });
}

function makeScheme(id: string, versions: readonly CompiledRuleset[]): Scheme {
  return {
    id,
    versions,
    select({ version, date }) {
      if (version !== undefined) {
        const found = versions.find((v) => v.version === version);
        if (found) return { value: found, diagnostics: [] };
        return {
          diagnostics: [
            unlocated('version_not_found', {
              id,
              wanted: version,
              available: versions.map((v) => v.version).join(', '),
            }),
          ],
        };
      }
      const [only] = versions;
      if (only !== undefined && versions.length === 1 && (date === undefined || inForce(only, date))) {
        return { value: only, diagnostics: [] };
      }
      if (date === undefined) {
        return {
          diagnostics: [
            unlocated('version_not_found', {
              id,
              wanted: 'date',
              available: versions.map((v) => v.version).join(', '),
            }),
          ],
        };
      }
      if (date.length === 4) return yearVersion(id, versions, date);
      const found = versions.find((v) => inForce(v, date));
      if (found) return { value: found, diagnostics: [] };
      return {
        diagnostics: [
          unlocated('version_not_found', { id, wanted: date, available: versions.map(periodText).join(', ') }),
        ],
      };
    },
  };
}

/**
 * The version for an assessment that gives its year and not its date ("2024"): the one version in
 * force on some day of that year. When the year spans two versions, which one judges depends on
 * the day, so none is picked: version_year_ambiguous asks for the date or the version's name.
 */
function yearVersion(id: string, versions: readonly CompiledRuleset[], year: string): StageResult<CompiledRuleset> {
  const [first, last] = yearSpan(year);
  const during = versions.filter(
    (v) => !v.effective || (v.effective.from <= last && (v.effective.to === undefined || first <= v.effective.to)),
  );
  const [only] = during;
  if (only !== undefined && during.length === 1) return { value: only, diagnostics: [] };
  if (during.length > 1)
    return {
      diagnostics: [unlocated('version_year_ambiguous', { id, year, available: during.map(periodText).join(', ') })],
    };
  return {
    diagnostics: [unlocated('version_not_found', { id, wanted: year, available: versions.map(periodText).join(', ') })],
  };
}

function inForce(v: CompiledRuleset, date: string): boolean {
  if (!v.effective) return true;
  return v.effective.from <= date && (v.effective.to === undefined || date <= v.effective.to);
}

function periodText(v: CompiledRuleset): string {
  return v.effective ? `${v.version} (${v.effective.from} – ${v.effective.to ?? '…'})` : v.version;
}

/** ISO dates compare as text; the neighbouring day of a validated effective date. */
function dayAfter(date: string): string {
  return shiftDay(date, 1) ?? date;
}
function dayBefore(date: string): string {
  return shiftDay(date, -1) ?? date;
}

function at(v: CompiledRuleset, code: DiagnosticCode, params: Diagnostic['params']): Diagnostic {
  return {
    code,
    severity: 'error',
    file: v.file,
    line: v.effectiveAt?.line ?? 0,
    column: v.effectiveAt?.column ?? 0,
    ...(v.effectiveAt ? { range: v.effectiveAt.range } : {}),
    path: '/effective',
    params,
  };
}

function unlocated(code: DiagnosticCode, params: Diagnostic['params']): Diagnostic {
  return { code, severity: 'error', file: '<scheme>', line: 0, column: 0, params };
}
