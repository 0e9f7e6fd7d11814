/**
 * Validates an assessment against the facts and context a ruleset declares: structure, types and
 * bounds as the assessment schema says them (assessment-issues.ts, each type's own check,
 * compile/fact-types/; the same issues as the published zod schema, assessment-schema.ts, with no
 * zod here); the relations (part ≤ whole), `required_when` and the context rules are checked on
 * top. Every problem is reported with its path (and file position when the input came from a
 * file). Nothing is coerced: "12" is not 12.
 */
import type { LocatedInput } from '../compile/compiled-ruleset.js';
import type { RulesetPlan } from '../compile/plan.js';
import { checkContext } from '../compile/contexts.js';
import { decimalsOf } from '../compile/exact/rational.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { DiagnosticParams } from '../diagnostics/params.js';
import type { Diagnostic, StageResult } from '../diagnostics/diagnostic.js';
import { CriteriaEngineError } from '../diagnostics/error.js';
import { makeDiagnostic } from '../diagnostics/source.js';
import { closest } from '../diagnostics/suggest.js';
import { isCalendarDay } from '../validate/calendar-day.js';
import type { Assessment } from './assessment.js';
import { assessmentIssues, type AssessmentIssue } from './assessment-issues.js';
import { ASSESSMENT_DATE, compileShapeCheck } from './assessment-shape.js';
import { MAX_YEAR, MIN_YEAR, yearSpan } from '../compile/slots.js';

/** A ruleset's `validateAssessment`, and what evaluate() and decide() throw on a value of the wrong type. */
export interface AssessmentChecks {
  readonly validateAssessment: (
    value: unknown,
    located?: LocatedInput,
    options?: { readonly anyDate?: boolean },
  ) => StageResult<Assessment>;
  readonly wrongType: (assessment: unknown) => never;
}

/**
 * The one way every loader (assemble-ruleset.ts, load-plan-module.ts) checks assessments: the
 * quick check first, built on first use; the schema's issues (assessment-issues.ts), also built on
 * first use, only for what the quick check does not take, to say what is wrong. evaluate() and decide() never coerce: on a value
 * of the wrong type (the input skipped validateAssessment) they throw every problem
 * validateAssessment finds, instead of reading "200" as 200.
 */
export function assessmentChecks(plan: RulesetPlan, rulesetId: string): AssessmentChecks {
  let issues: ((value: unknown) => readonly AssessmentIssue[]) | undefined;
  const issuesOf = (value: unknown): readonly AssessmentIssue[] => {
    issues ??= assessmentIssues(plan);
    return issues(value);
  };
  let shape: ((value: unknown) => boolean) | undefined;
  const accepted = (value: unknown): boolean => {
    shape ??= compileShapeCheck(plan);
    return shape(value);
  };
  const validateAssessment = (value: unknown, located?: LocatedInput, options?: { readonly anyDate?: boolean }) =>
    validateAssessmentValue(plan, accepted, issuesOf, rulesetId, value, located, options?.anyDate === true);
  const wrongType = (assessment: unknown): never => {
    const problems = validateAssessment(assessment).diagnostics.filter((d) => d.severity === 'error');
    // validateAssessment refuses every value of the wrong type; the fallback is defensive only.
    const fallback = makeDiagnostic({ file: '<input>' }, 'input_shape', undefined, {
      expected: 'assessment',
      path: '',
    });
    throw new CriteriaEngineError(problems.length > 0 ? problems : [fallback]);
  };
  return { validateAssessment, wrongType };
}

/**
 * `accepted`: the quick check (assessment-shape.ts), true only for a value the schema accepts;
 * `issuesOf` (the schema's issues, assessment-issues.ts) runs only for the rest, to say what is wrong.
 */
export function validateAssessmentValue(
  plan: RulesetPlan,
  accepted: (value: unknown) => boolean,
  issuesOf: (value: unknown) => readonly AssessmentIssue[],
  rulesetId: string,
  value: unknown,
  located: LocatedInput | undefined,
  anyDate = false,
): StageResult<Assessment> {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (code, path, params, atKey = false) => {
    const range = (atKey ? located?.keyRangeOf?.(path) : undefined) ?? located?.rangeOf(path);
    diagnostics.push(
      makeDiagnostic(located?.source ?? { file: '<input>' }, code, range, params, { path: `/${path.join('/')}` }),
    );
  };

  const issues = accepted(value) ? [] : issuesOf(value);
  const success = issues.length === 0;
  for (const issue of issues) mapIssue(issue, value, plan, report);
  if (value && typeof value === 'object') {
    const ruleset: unknown = Reflect.get(value, 'ruleset');
    const facts: unknown = Reflect.get(value, 'facts');
    const context: unknown = Reflect.get(value, 'context');
    if (typeof ruleset === 'string' && ruleset !== rulesetId) {
      report('version_mismatch', ['ruleset'], { expected: rulesetId, actual: ruleset });
    }
    checkDate(plan, Reflect.get(value, 'area'), report, anyDate);
    if (isRecord(facts)) {
      checkRelations(plan, facts, report);
      checkDecimals(plan, facts, report);
    }
    // The context is checked whenever its own values are well-formed, so a missing attribute is
    // reported together with a mistake in the facts, not only after that one is fixed.
    const contextWellFormed = issues.every((i) => i.path[0] !== 'context' && i.path.length > 0);
    if (isRecord(context) && contextWellFormed) {
      checkContext(plan, context, (problem) => report(problem.code, ['context'], problem.params));
    }
  }
  if (diagnostics.length > 0 || !success) return { diagnostics };
  // cast: the schema accepts `value` (no issues above), and it is returned itself, the caller's
  // object unchanged, for evaluate.
  return { value: value as Assessment, diagnostics };
}

/** Unknown names of facts or context reported one by one; the rest are one grouped problem. */
const UNKNOWN_SHOWN = 10;

type Report = <C extends DiagnosticCode>(
  code: C,
  path: readonly (string | number)[],
  params: DiagnosticParams<C>,
  atKey?: boolean,
) => void;

/** One issue as the diagnostics a person reads: the name, the value given, what is valid. */
function mapIssue(issue: AssessmentIssue, root: unknown, plan: RulesetPlan, report: Report): void {
  const path = [...issue.path];
  const name = path.length > 1 ? String(path[path.length - 1]) : String(path[0] ?? 'assessment');
  const actual = valueAt(root, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      reportUnknownKeys(issue.keys, path, plan, report);
      return;
    case 'invalid_type':
      reportWrongType(path, name, issue.expected, actual, report);
      return;
    case 'too_small':
    case 'too_big':
      reportOutOfRange(issue, path, name, actual, plan, report);
      return;
    case 'invalid_value':
      report('input_enum_value', path, {
        name,
        value: typeof actual === 'string' ? actual : describe(actual),
        allowed: issue.values.map(String).join(', '),
      });
      return;
    case 'invalid_format':
      report('input_identity', path, { field: name, reason: 'YYYY-MM-DD' });
      return;
  }
}

/** Keys the assessment may not have: an unknown fact or context name (with the closest one), or a stray key. */
function reportUnknownKeys(keys: readonly string[], path: string[], plan: RulesetPlan, report: Report): void {
  const named = path[0] === 'facts' || path[0] === 'context';
  for (const [i, key] of keys.entries()) {
    if (named && i === UNKNOWN_SHOWN && keys.length > UNKNOWN_SHOWN + 1) {
      // 20,000 unknown names gave 20,000 lines (and as many spelling searches): past the first
      // few, the rest is one problem, most likely an assessment written for other rules.
      const rest = keys.slice(UNKNOWN_SHOWN);
      report(
        'input_unknown_facts',
        [...path, key],
        { count: rest.length, section: String(path[0]), examples: rest.slice(0, 3).join(', ') },
        true,
      );
      return;
    }
    if (named) {
      const candidates = path[0] === 'facts' ? plan.facts.map((f) => f.id) : plan.context.map((a) => a.id);
      const suggestion = closest(key, candidates);
      report('input_unknown_fact', [...path, key], { name: key, ...(suggestion ? { suggestion } : {}) }, true);
    } else {
      report(
        'input_shape',
        [...path, key],
        { expected: 'ruleset, area, context, facts', path: `/${[...path, key].join('/')}` },
        true,
      );
    }
  }
}

/** A missing section (no context, no facts, not an object at all) is a shape; a value of the wrong type is a type. */
function reportWrongType(path: string[], name: string, expected: string, actual: unknown, report: Report): void {
  if (actual === undefined && path.length <= 1) {
    report('input_shape', path, {
      expected:
        // Type words, not prose: each catalogue says them in its language (vi said "cần a mapping").
        name === 'context' || name === 'facts' ? 'object' : 'assessment',
      path: `/${path.join('/')}`,
    });
    return;
  }
  report('input_type', path, { name, expected, actual: describe(actual) });
}

/** A number outside its bounds, with the fact's declared min/max (the issue's own only for a bound it lacks). */
function reportOutOfRange(
  issue: Extract<AssessmentIssue, { code: 'too_small' | 'too_big' }>,
  path: string[],
  name: string,
  actual: unknown,
  plan: RulesetPlan,
  report: Report,
): void {
  // `area.year` has its own bounds, whatever a fact of that name declares.
  const fact = path[0] === 'facts' ? plan.facts.find((f) => f.id === name) : undefined;
  report('input_range', path, {
    name,
    value: typeof actual === 'number' ? actual : String(actual),
    ...(fact?.min !== undefined ? { min: fact.min } : issue.code === 'too_small' ? { min: Number(issue.minimum) } : {}),
    ...(fact?.max !== undefined ? { max: fact.max } : issue.code === 'too_big' ? { max: Number(issue.maximum) } : {}),
  });
}

function checkRelations(plan: RulesetPlan, facts: Record<string, unknown>, report: Report): void {
  for (const f of plan.facts) {
    if (f.partOf === undefined) continue;
    const part = facts[f.id];
    const whole = facts[f.partOf];
    if (typeof part === 'number' && typeof whole === 'number' && part > whole) {
      report('input_part_exceeds_whole', ['facts', f.id], {
        part: f.id,
        whole: f.partOf,
        part_value: part,
        whole_value: whole,
      });
    }
  }
}

/**
 * A date the rules cannot judge, said at the date: outside the ruleset's `effective` period (a
 * 2024 ruleset must not silently judge a unit dated 2026), or before every row of a dated
 * parameter table (no value in force). A year given alone (`area.year`) is refused only when the
 * whole year is: a year the period or a table covers in part is judged, and what its missing days
 * decide stays unknown. A year beside a date must be the date's.
 */
function checkDate(plan: RulesetPlan, area: unknown, report: Report, anyDate: boolean): void {
  const date = isRecord(area) ? area['date'] : undefined;
  const year = isRecord(area) ? area['year'] : undefined;
  if (typeof date !== 'string') {
    if (typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)
      checkDays(plan, String(year), ['area', 'year'], report, anyDate);
    return;
  }
  if (!ASSESSMENT_DATE.test(date)) return;
  // "2024-13-45" has the form: compared as text it fell inside 2020–2025 and was judged.
  if (!isCalendarDay(date)) {
    report('input_date_invalid', ['area', 'date'], { date });
    return;
  }
  if (typeof year === 'number' && Number.isInteger(year) && year !== Number(date.slice(0, 4))) {
    report('input_year_mismatch', ['area', 'year'], { year, date });
    return;
  }
  checkDays(plan, date, ['area', 'date'], report, anyDate);
}

/** A day, or a year alone ("2024"), against the period and the tables' first rows: refused when all its days are outside. */
function checkDays(plan: RulesetPlan, date: string, path: readonly string[], report: Report, anyDate: boolean): void {
  const [first, last] = yearSpan(date);
  const period = plan.document.effective;
  if (period && !anyDate && (last < period.from || (period.to !== undefined && first > period.to))) {
    report('input_date_outside_period', path, { date, from: period.from, to: period.to ?? '…' });
    return;
  }
  for (const t of plan.parameterTables) {
    if (t.earliest !== undefined && last < t.earliest) {
      report('input_date_out_of_range', path, { date, parameter: t.id, from: t.earliest });
      return;
    }
  }
}

/** A measured value with more decimals than its fact declares (`decimals:`): refused, never rounded. */
function checkDecimals(plan: RulesetPlan, facts: Record<string, unknown>, report: Report): void {
  for (const f of plan.facts) {
    if (f.decimals === undefined) continue;
    const v = facts[f.id];
    if (typeof v === 'number' && Number.isFinite(v) && decimalsOf(v) > f.decimals)
      report('input_decimals', ['facts', f.id], { name: f.id, value: v, decimals: f.decimals });
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const p of path) {
    if (!isRecord(cur) && !Array.isArray(cur)) return undefined;
    cur = Reflect.get(cur, p);
  }
  return cur;
}

/** The value as messages show it: a type word for a list, a mapping or nothing (each catalogue says it in its language). */
function describe(x: unknown): string {
  if (x === undefined || x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x);
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'object') return 'object';
  return String(x);
}
