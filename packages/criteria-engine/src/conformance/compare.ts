/**
 * `expect:` against an evaluation result. Two steps: the ids an expectation names are checked
 * against the ruleset first (a misspelt "1.33" is a problem in the test file, reported with a
 * suggestion, not a failed expectation); then each written expectation is compared, and each one
 * that does not hold becomes a mismatch located at its value in the file.
 */
import type { CompiledRuleset } from '../compile/compiled-ruleset.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { DATE_NAME } from '../compile/parameter-table.js';
import { closest } from '../diagnostics/suggest.js';
import type { CriterionResult, EvaluationResult, PointsInterval } from '../evaluate/result.js';
import type { DocumentPath, ParsedDocument } from '../parse/index.js';
import { toPointer } from '../diagnostics/pointer.js';
import { type ComparedValue, isList, type TestMismatch } from './result.js';
import type { Expectation } from './test-cases-document.js';

const STANDARD_COUNTS = ['passed', 'failed', 'unknown', 'excluded', 'applicable', 'required'] as const;

/** Problems with the ids `expect:` names (standards, criteria, variants, disqualifiers, facts). */
export function checkExpectationIds(
  expect: Expectation,
  at: DocumentPath,
  doc: ParsedDocument,
  ruleset: CompiledRuleset,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const atKey = (path: DocumentPath) => doc.keyRangeOf(path) ?? doc.rangeOf(path);
  const notAllowed = (path: DocumentPath, actual: string, allowed: readonly string[], key = true) => {
    const suggestion = closest(actual, allowed);
    out.push(
      doc.source.diagnostic(
        'schema_enum',
        key ? atKey(path) : doc.rangeOf(path),
        {
          actual,
          allowed: allowed.join(', '),
          ...(suggestion ? { suggestion } : {}),
        },
        { path: toPointer(path) },
      ),
    );
  };

  const levels = (ruleset.levels ?? []).map((l) => l.id);
  const levelIds = (path: DocumentPath, id: string | null | undefined) => {
    if (typeof id === 'string' && !levels.includes(id)) notAllowed(path, id, [...levels, 'null'], false);
  };
  if (typeof expect.level === 'string' || expect.level === null) levelIds([...at, 'level'], expect.level);
  else if (expect.level !== undefined) {
    levelIds([...at, 'level', 'reached'], expect.level.reached);
    levelIds([...at, 'level', 'possible'], expect.level.possible);
  }
  const groups = ruleset.groups.map((g) => g.id);
  for (const id of Object.keys(expect.standards ?? {})) {
    if (!groups.includes(id)) notAllowed([...at, 'standards', id], id, groups);
  }
  const criteria = new Map(ruleset.criteria.map((c) => [c.id, c]));
  for (const [id, expected] of Object.entries(expect.criteria ?? {})) {
    const info = criteria.get(id);
    const path = [...at, 'criteria', id];
    if (info === undefined) {
      const suggestion = closest(id, criteria.keys());
      out.push(
        doc.source.diagnostic(
          'unknown_criterion',
          atKey(path),
          { id, ...(suggestion ? { suggestion } : {}) },
          { path: toPointer(path) },
        ),
      );
      continue;
    }
    if (typeof expected === 'object' && typeof expected.variant === 'string') {
      const variants = (info.variants ?? []).map((v) => v.id);
      if (!variants.includes(expected.variant))
        notAllowed([...path, 'variant'], expected.variant, [...variants, 'null'], false);
    }
  }
  const disqualifiers = ruleset.disqualifiers.map((d) => d.id);
  for (const id of Object.keys(expect.disqualifiers ?? {})) {
    if (!disqualifiers.includes(id)) notAllowed([...at, 'disqualifiers', id], id, disqualifiers);
  }
  // `date` is listed in missing/needed like a fact when the rules read the assessment's date
  // (a dated table, `date` or `year` in an expression), so a case may expect it there.
  const names = [...ruleset.facts.map((f) => f.id), ...ruleset.context.map((a) => a.id), DATE_NAME];
  for (const list of ['missing', 'needed'] as const) {
    (expect[list] ?? []).forEach((name, i) => {
      if (names.includes(name)) return;
      const suggestion = closest(name, names);
      const path = [...at, list, i];
      out.push(
        doc.source.diagnostic(
          'input_unknown_fact',
          doc.rangeOf(path),
          { name, ...(suggestion ? { suggestion } : {}) },
          { path: toPointer(path) },
        ),
      );
    });
  }
  return out;
}

/** Every written expectation that does not hold, in file order. Ids must be checked first. */
export function compareExpectation(
  expect: Expectation,
  at: DocumentPath,
  doc: ParsedDocument,
  result: EvaluationResult,
): TestMismatch[] {
  const out: TestMismatch[] = [];
  const check = (path: DocumentPath, label: string, expected: ComparedValue, actual: ComparedValue) => {
    if (same(expected, actual)) return;
    const range = doc.rangeOf([...at, ...path]);
    const { line, column } = range ? doc.source.position(range[0]) : { line: 0, column: 0 };
    out.push({ path: label, expected, actual, line, column, ...(range ? { range } : {}), at: [...at, ...path] });
  };

  check(['decision'], 'decision', expect.decision, result.decision);
  if (expect.level !== undefined) {
    const reached = result.level?.reached ?? null;
    const possible = result.level?.possible ?? null;
    if (typeof expect.level === 'string' || expect.level === null) check(['level'], 'level', expect.level, reached);
    else {
      if (expect.level.reached !== undefined)
        check(['level', 'reached'], 'level.reached', expect.level.reached, reached);
      if (expect.level.possible !== undefined)
        check(['level', 'possible'], 'level.possible', expect.level.possible, possible);
    }
  }
  if (expect.points !== undefined)
    check(['points'], 'points', pointsValue(expect.points), pointsValue(result.points_total ?? earnedFallback(result)));

  const groups = new Map(result.standards.map((g) => [g.id, g]));
  for (const [id, expected] of Object.entries(expect.standards ?? {})) {
    const group = groups.get(id);
    if (group === undefined) continue; // ids are checked before comparing: every named group exists
    const base = `standards.${key(id)}`;
    if (typeof expected === 'string') {
      check(['standards', id], base, expected, group.status);
      continue;
    }
    for (const count of STANDARD_COUNTS) {
      const value = expected[count];
      if (value !== undefined) check(['standards', id, count], `${base}.${count}`, value, group[count]);
    }
    if (expected.status !== undefined)
      check(['standards', id, 'status'], `${base}.status`, expected.status, group.status);
    if (expected.points !== undefined)
      check(
        ['standards', id, 'points'],
        `${base}.points`,
        pointsValue(expected.points),
        pointsValue(group.points_total ?? groupFallback(result, id)),
      );
  }

  const criteria = new Map(result.criteria.map((c) => [c.id, c]));
  for (const [id, expected] of Object.entries(expect.criteria ?? {})) {
    const criterion = criteria.get(id);
    if (criterion === undefined) continue;
    const base = `criteria.${key(id)}`;
    if (typeof expected === 'string') {
      check(['criteria', id], base, expected, criterion.status);
      continue;
    }
    if (expected.status !== undefined)
      check(['criteria', id, 'status'], `${base}.status`, expected.status, criterion.status);
    if (expected.variant !== undefined)
      check(['criteria', id, 'variant'], `${base}.variant`, expected.variant, criterion.variant);
    if (expected.counts_as !== undefined)
      check(['criteria', id, 'counts_as'], `${base}.counts_as`, expected.counts_as, criterion.counts_as);
    if (expected.points !== undefined)
      check(
        ['criteria', id, 'points'],
        `${base}.points`,
        pointsValue(expected.points),
        pointsValue(criterion.earned ?? fixedEarned(criterion)),
      );
  }

  const disqualifiers = new Map(result.disqualifiers.map((d) => [d.id, d]));
  for (const [id, expected] of Object.entries(expect.disqualifiers ?? {})) {
    const disqualifier = disqualifiers.get(id);
    if (disqualifier !== undefined)
      check(['disqualifiers', id], `disqualifiers.${key(id)}`, expected, disqualifier.status);
  }

  if (expect.missing !== undefined) check(['missing'], 'missing', expect.missing, result.missing);
  if (expect.needed !== undefined) check(['needed'], 'needed', expect.needed, result.needed);
  // In the order of the file, which is how the person who wrote them reads them.
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Points as compared and shown: a number when certain, "least–most" while unknown. */
function pointsValue(p: number | PointsInterval): number | string {
  if (typeof p === 'number') return p;
  return p.least === p.most ? p.least : `${p.least}–${p.most}`;
}

/**
 * A scheme with fixed points only has no `earned` in its results (their shape is unchanged):
 * a criterion then earns its points when it passes, nothing when it fails, either while unknown.
 */
function fixedEarned(c: CriterionResult): PointsInterval {
  if (c.status === 'pass') return { least: c.points, most: c.points };
  return c.counts_as === 'unknown' || c.status === 'unknown' ? { least: 0, most: c.points } : { least: 0, most: 0 };
}

function sum(criteria: readonly CriterionResult[]): PointsInterval {
  let least = 0;
  let most = 0;
  for (const c of criteria) {
    const e = c.earned ?? fixedEarned(c);
    least += e.least;
    most += e.most;
  }
  return { least, most };
}

function earnedFallback(result: EvaluationResult): PointsInterval {
  return sum(result.criteria);
}

function groupFallback(result: EvaluationResult, id: string): PointsInterval {
  return sum(result.criteria.filter((c) => c.group === id));
}

/** Values are equal; lists are compared as sets (the order of `missing:` and `needed:` does not matter). */
function same(expected: ComparedValue, actual: ComparedValue): boolean {
  if (isList(expected) && isList(actual)) {
    const a = new Set(expected);
    const b = new Set(actual);
    return a.size === b.size && [...a].every((x) => b.has(x));
  }
  return expected === actual;
}

/** `D4` stays bare; ids that YAML would read as numbers are quoted as the file writes them: `"1.3"`. */
function key(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) ? id : `"${id}"`;
}
