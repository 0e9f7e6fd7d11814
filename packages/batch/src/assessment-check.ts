/**
 * A fast yes/no answer to "would the engine accept this assessment?", compiled once per ruleset
 * from its fact and context declarations. The engine's validateAssessment runs a zod schema and
 * builds diagnostics: right for one file, too slow for a million rows. Here a valid row costs a
 * few map look-ups; a row this check refuses goes through the engine's validation, which then
 * reports every problem with its path. So the engine remains the single source of diagnostics and
 * this check only has to agree with it on validity (test/row-check.test.ts checks that).
 *
 * Each value is checked by its type's own `accepts` (the engine's compile/fact-types/, the same
 * module its zod schema comes from); here only the shape (only ruleset, area, context, facts; area
 * fields are text, date YYYY-MM-DD), the ruleset id, every key known and part ≤ whole; the context
 * rules and `required_when`, which only read the context, and the date (a dated parameter table
 * may have no value in force then), are asked of the engine once per distinct value and remembered.
 */
import type { Assessment, CompiledRuleset } from '@lcz/criteria-engine';
import { FACT_TYPES } from '@lcz/criteria-engine/runtime';

/** True when the engine would accept `value` as it is: it is then an assessment. */
export type AssessmentCheck = (value: unknown) => value is Assessment;

type ValueCheck = (v: unknown) => boolean;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA_KEYS = new Set(['code', 'name', 'unit', 'date', 'year']);
const TOP_KEYS = new Set(['ruleset', 'area', 'context', 'facts']);

/** Whether a context (already of the right types) passes `required_when` and the context rules. */
export type ContextCheck = (context: Readonly<Record<string, unknown>>) => boolean;

/**
 * The context rules and `required_when` read the context only, and a context has few possible
 * values: the engine's verdict on each distinct one is asked once and remembered.
 */
export function compileContextCheck(ruleset: CompiledRuleset): ContextCheck {
  const contextIds = ruleset.context.map((a) => a.id);
  const verdicts = new Map<string, boolean>();
  return (context) => {
    let key = '';
    for (const id of contextIds) {
      const v = context[id];
      key += v === undefined || v === null ? '\u0000' : `${typeof v}:${String(v)}`;
      key += '\u0001';
    }
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = ruleset.validateAssessment({ context, facts: {} }).diagnostics.length === 0;
      verdicts.set(key, verdict);
    }
    return verdict;
  };
}

/**
 * Whether the engine accepts an assessment's date: a date before every row of a dated parameter
 * table is an input error (`input_date_out_of_range`), and the engine may refuse others. The
 * verdict comes from the engine (its problems at `/area`), asked once per distinct date: a batch
 * holds few dates, and a row whose date is refused goes through validateAssessment, which says why.
 */
export function compileDateCheck(ruleset: CompiledRuleset): (date: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (date) => {
    let verdict = verdicts.get(date);
    if (verdict === undefined) {
      verdict = !ruleset
        .validateAssessment({ area: { date }, context: {}, facts: {} })
        .diagnostics.some((d) => d.path === '/area' || d.path?.startsWith('/area/') === true);
      // Bounded: a file of a million distinct dates asks the engine for those past the limit.
      if (verdicts.size < MAX_DATES) verdicts.set(date, verdict);
    }
    return verdict;
  };
}

/**
 * Whether a row that gives only its year (no date) may be judged by these rules: false when the
 * whole year lies outside their `effective` period, as a date there would be refused. A year the
 * period covers in part is judged (its date is not known, so nothing says it is outside).
 */
export function compileYearCheck(ruleset: Pick<CompiledRuleset, 'effective'>): (year: number) => boolean {
  const period = ruleset.effective;
  if (period === undefined) return () => true;
  const first = Number(period.from.slice(0, 4));
  const last = period.to === undefined ? Number.POSITIVE_INFINITY : Number(period.to.slice(0, 4));
  return (year) => year >= first && year <= last;
}

/**
 * Whether the engine accepts a year given alone (`area.year`, the row's year column with its date
 * column empty): a year wholly before every row of a dated table is an input error, as such a
 * date is. Asked of the engine once per year, as compileDateCheck asks per date.
 */
export function compileYearAloneCheck(ruleset: CompiledRuleset): (year: number) => boolean {
  const verdicts = new Map<number, boolean>();
  return (year) => {
    let verdict = verdicts.get(year);
    if (verdict === undefined) {
      verdict = !ruleset
        .validateAssessment({ area: { year }, context: {}, facts: {} })
        .diagnostics.some((d) => d.path === '/area' || d.path?.startsWith('/area/') === true);
      if (verdicts.size < MAX_DATES) verdicts.set(year, verdict);
    }
    return verdict;
  };
}

/** Distinct dates remembered by compileDateCheck. */
const MAX_DATES = 4096;

/** The pairs (part, whole) whose values must satisfy part ≤ whole. */
export function partPairs(ruleset: CompiledRuleset): readonly (readonly [part: string, whole: string])[] {
  return ruleset.facts.flatMap((f) => (f.partOf !== undefined ? [[f.id, f.partOf] as const] : []));
}

export function compileAssessmentCheck(ruleset: CompiledRuleset): AssessmentCheck {
  const factChecks = new Map<string, ValueCheck>();
  for (const f of ruleset.facts) factChecks.set(f.id, FACT_TYPES[f.type].accepts(f));
  const parts = partPairs(ruleset);

  const contextChecks = new Map<string, ValueCheck>();
  for (const a of ruleset.context) contextChecks.set(a.id, FACT_TYPES[a.type].accepts(a));
  const contextHolds = compileContextCheck(ruleset);
  const dateHolds = compileDateCheck(ruleset);
  const yearHolds = compileYearAloneCheck(ruleset);

  return (value): value is Assessment => {
    if (!isRecord(value)) return false;
    for (const key in value) if (!Object.hasOwn(value, key) || !TOP_KEYS.has(key)) return false;
    if (value['ruleset'] !== undefined && value['ruleset'] !== ruleset.id) return false;
    const area = value['area'];
    if (area !== undefined) {
      if (!isRecord(area)) return false;
      for (const key in area) {
        if (!Object.hasOwn(area, key) || !AREA_KEYS.has(key)) return false;
        const v = area[key];
        // A year: the date's own when beside one (input_year_mismatch), else asked of the engine.
        if (key === 'year') {
          if (v === undefined) continue;
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1000 || v > 9999) return false;
          const date = area['date'];
          if (typeof date === 'string' ? v !== Number(date.slice(0, 4)) : !yearHolds(v)) return false;
          continue;
        }
        if (v !== undefined && typeof v !== 'string') return false;
        if (key === 'date' && typeof v === 'string' && !(DATE.test(v) && dateHolds(v))) return false;
      }
    }
    const context = value['context'];
    const facts = value['facts'];
    if (!isRecord(context) || !isRecord(facts)) return false;
    for (const key in context) {
      if (!Object.hasOwn(context, key)) return false;
      const check = contextChecks.get(key);
      if (check === undefined) return false;
      const v = context[key];
      if (v !== null && v !== undefined && !check(v)) return false;
    }
    for (const key in facts) {
      if (!Object.hasOwn(facts, key)) return false;
      const check = factChecks.get(key);
      if (check === undefined) return false;
      const v = facts[key];
      if (v !== null && v !== undefined && !check(v)) return false;
    }
    for (const [part, whole] of parts) {
      const p = facts[part];
      const w = facts[whole];
      if (typeof p === 'number' && typeof w === 'number' && p > w) return false;
    }
    return contextHolds(context);
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
