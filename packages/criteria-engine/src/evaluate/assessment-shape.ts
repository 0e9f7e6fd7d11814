/**
 * A quick "the assessment schema accepts this value" for validateAssessment, so that a valid
 * assessment is checked without building and running the zod schema: on a cold start that was
 * most of the first validation (zod's code compiled on first use, about ten schemas built).
 *
 * It only ever answers "accepted" or "ask zod": true must mean the schema of
 * buildAssessmentSchema (validate-assessment.ts) accepts the value; on false the schema runs as
 * before and its issues become the diagnostics. So the quick check may refuse more than the
 * schema (anything unusual: a class instance, an odd prototype), never less. Each value is checked
 * by its type's own `accepts` (compile/fact-types/: the same module its zod schema comes from, one
 * definition per type), here only the shape the schema adds: these four sections, the area's
 * text fields, every key declared. The checks on top of the schema (relations, dates, decimals,
 * the context rules) run after it in either case.
 */
import type { RulesetPlan } from '../compile/plan.js';
import { FACT_TYPES, type FactDeclaration } from '../compile/fact-types/index.js';
import { MAX_YEAR, MIN_YEAR } from '../compile/slots.js';

/** The area's date as the schema and validate-assessment.ts's checks read it: YYYY-MM-DD. */
export const ASSESSMENT_DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA_KEYS: ReadonlySet<string> = new Set(['code', 'name', 'unit', 'date', 'year']);

/**
 * The area's year (`area.year`, given without or beside the date): an integer of four digits, as
 * an integer fact with these bounds (compile/fact-types/: its zod schema and its issues alike).
 */
export const ASSESSMENT_YEAR: FactDeclaration = { type: 'integer', min: MIN_YEAR, max: MAX_YEAR };
const yearAccepted = FACT_TYPES.integer.accepts(ASSESSMENT_YEAR);

type ValueCheck = (value: unknown) => boolean;

export function compileShapeCheck(plan: RulesetPlan): (value: unknown) => boolean {
  const context = checksOf(plan.context);
  const facts = checksOf(plan.facts);
  return (value) => {
    if (!isPlainRecord(value)) return false;
    let sections = 0;
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (key === 'context') {
        if (!declaredValues(v, context)) return false;
        sections++;
      } else if (key === 'facts') {
        if (!declaredValues(v, facts)) return false;
        sections++;
      } else if (key === 'ruleset') {
        if (v !== undefined && typeof v !== 'string') return false;
      } else if (key === 'area') {
        if (v !== undefined && !areaAccepted(v)) return false;
      } else return false;
    }
    // context and facts are required sections (a strict object each).
    return sections === 2;
  };
}

function checksOf(declarations: readonly (FactDeclaration & { readonly id: string })[]): Map<string, ValueCheck> {
  return new Map(declarations.map((d) => [d.id, FACT_TYPES[d.type].accepts(d)]));
}

/** A section whose every key is declared and whose every value is unknown (null, absent) or accepted by its type. */
function declaredValues(section: unknown, checks: ReadonlyMap<string, ValueCheck>): boolean {
  if (!isPlainRecord(section)) return false;
  for (const key of Object.keys(section)) {
    const check = checks.get(key);
    if (check === undefined) return false;
    const v = section[key];
    if (v !== undefined && v !== null && !check(v)) return false;
  }
  return true;
}

function areaAccepted(area: unknown): boolean {
  if (!isPlainRecord(area)) return false;
  for (const key of Object.keys(area)) {
    if (!AREA_KEYS.has(key)) return false;
    const v = area[key];
    if (v === undefined) continue;
    if (key === 'year') {
      if (!yearAccepted(v)) return false;
      continue;
    }
    if (typeof v !== 'string') return false;
    if (key === 'date' && !ASSESSMENT_DATE.test(v)) return false;
  }
  return true;
}

/**
 * An object as JSON.parse or a YAML reader makes it. Anything else (an array, a class instance, an
 * object with another prototype, whose inherited keys the schema would also read) is left to zod.
 */
function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
