/**
 * `coverage(ruleset, runs)`: what the YAML test cases exercise. Per criterion, per variant and per
 * disqualifier, whether some case made it pass, fail, unknown and not applicable (applies, clear,
 * unknown); per numeric or rating threshold, whether some case put the value exactly at the
 * threshold and one just beyond it (for a percentage, `part × 100 = P × whole`, and a part on the
 * other side of that line by at most one, in integers), and whether some case had an empty
 * whole. A cell is required only when some valid input can reach it, as found by the static
 * checks (analyze/reach.ts): "full coverage" is always reachable.
 *
 * The runs must be made with `keepInputs: true` (each case keeps the input it evaluated).
 */
import { DEFAULT_CHECK_OPTIONS } from '../analyze/check-ruleset.js';
import { reachability, type Reachability } from '../analyze/reach.js';
import type { CompiledRuleset, ConditionInfo, FactInfo, Threshold } from '../compile/compiled-ruleset.js';
import { SYMBOL } from '../compile/expression/compare-ops.js';
import { thresholdHooks, type ThresholdPoint, thresholdShape } from '../compile/functions/index.js';
import type { Assessment } from '../evaluate/assessment.js';
import type { PointsRuleInfo } from '../compile/points.js';
import type { TestRun } from './result.js';
import { fromNumber, type Rational } from '../compile/exact/rational.js';
import { placeDerived, placeValue } from './exact-placement.js';
import type { ContextValues } from '../compile/contexts.js';
import { type TableCellThreshold, tableCellThresholds } from './table-cells.js';
import { exactFact, type FactPair, factPairs, pairReachable, placePair } from './fact-pairs.js';
import { DAY_POINTS, type DateBoundary, type DayPoint, dateBoundaries, placeDay } from './date-boundaries.js';

export type OutcomeColumn =
  | 'pass'
  | 'fail'
  | 'unknown'
  | 'not_applicable'
  | 'applies'
  | 'clear'
  /** A level: some case reaches exactly it, and some case stops just below it (each boundary seen from both sides). */
  | 'reached'
  | 'below';
export type { ThresholdPoint, DayPoint };

/** The case that first exercised a cell. */
export interface CoverageCase {
  readonly file: string;
  readonly name: string;
  readonly line: number;
}

export interface CoverageCell {
  /** Some valid input can reach it: only such cells are required. */
  readonly possible: boolean;
  /** The first case that exercised it; absent when none did. */
  readonly by?: CoverageCase;
}

export interface CoverageSubject {
  readonly kind: 'criterion' | 'variant' | 'disqualifier' | 'level';
  /** The criterion or disqualifier id. */
  readonly id: string;
  readonly variant?: string;
}

export interface OutcomeCoverage extends CoverageSubject {
  readonly cells: Readonly<Partial<Record<OutcomeColumn, CoverageCell>>>;
}

export interface ThresholdCoverage extends CoverageSubject {
  readonly threshold: Threshold;
  /** `items_done / total_items ≥ 98%`, `models ≥ 1`. */
  readonly text: string;
  readonly cells: Readonly<Partial<Record<ThresholdPoint, CoverageCell>>>;
}

/** A boundary on the calendar (date-boundaries.ts): the day before, the day itself, the day after. */
export interface DateCoverage extends CoverageSubject {
  /** `date < 2025-06-30`, `minimum[region=north, from 2024-01-01]`. */
  readonly text: string;
  /** The three days, by cell. */
  readonly days: Readonly<Record<DayPoint, string>>;
  readonly cells: Readonly<Partial<Record<DayPoint, CoverageCell>>>;
}

export interface CoverageGap extends CoverageSubject {
  readonly column: OutcomeColumn | ThresholdPoint | DayPoint;
  /** For a threshold or date gap, the threshold or the boundary. */
  readonly text?: string;
  /** For a date gap, the day a case should be assessed on (`area.date`). */
  readonly day?: string;
}

export interface CoverageReport {
  readonly ruleset: { readonly id: string; readonly version: string; readonly hash: string };
  /** Cases whose input was evaluated. */
  readonly cases: number;
  readonly outcomes: readonly OutcomeCoverage[];
  readonly thresholds: readonly ThresholdCoverage[];
  /** Comparisons with the assessment's date and dated table rows. */
  readonly dates: readonly DateCoverage[];
  /** Cells some valid input can reach, and those a case exercised. */
  readonly required: number;
  readonly covered: number;
  readonly gaps: readonly CoverageGap[];
}

export interface CoverageOptions {
  /** What the criteria can reach, when already computed (`checkRuleset(ruleset).reach`). */
  readonly reach?: Reachability;
}

interface MutableCell {
  possible: boolean;
  by?: CoverageCase;
}

type Row<K extends string> = CoverageSubject & { cells: Partial<Record<K, MutableCell>> };
type ThresholdRow = Row<ThresholdPoint> & {
  threshold: Threshold;
  text: string;
  facts: ReadonlyMap<string, FactInfo>;
  /**
   * For `equals`/`not equals` on a number: "just beyond" means both sides, one unit below and one
   * above (`equals: 1` where "at least 1" was meant shows only when a case tries 2). The sides a
   * valid input can reach, and the first case on each.
   */
  sides?: { below: boolean; above: boolean; belowBy?: CoverageCase; aboveBy?: CoverageCase };
  /** A cell of a parameter table (table-cells.ts): only cases in the cell test its boundary. */
  inCell?: (input: Assessment) => boolean;
  /** Its `empty` cell is the whole comparison's (a percentage against a table): a case in any cell counts. */
  emptyInAnyCell?: boolean;
  /**
   * A table cell's boundary on a fact or derived quantity, placed exactly (exact-placement.ts),
   * with the first case on each side for = and ≠ (both sides are needed).
   */
  exact?: NonNullable<TableCellThreshold['exact']> & { sides: { below?: CoverageCase; above?: CoverageCase } };
  /** A comparison of two facts (fact-pairs.ts): placed by both facts' values. */
  pair?: FactPair;
};
type DateRow = Row<DayPoint> & { boundary: DateBoundary };

export function coverage(
  ruleset: CompiledRuleset,
  runs: readonly TestRun[],
  options: CoverageOptions = {},
): CoverageReport {
  const table = new CoverageTable(ruleset, options.reach ?? reachability(ruleset, DEFAULT_CHECK_OPTIONS));
  let cases = 0;
  for (const run of runs) {
    for (const c of run.cases) {
      if (!c.input) continue;
      cases++;
      table.markCase(c.input, { file: run.file, name: c.name, line: c.line });
    }
  }
  return table.report(cases);
}

/**
 * The rows of the report, made once from the ruleset and what it can reach (the cells a valid
 * input can reach are the required ones), then marked by each case in turn.
 */
class CoverageTable {
  private readonly facts: ReadonlyMap<string, FactInfo>;
  private readonly derivedIds: ReadonlySet<string>;
  private readonly outcomes: Row<OutcomeColumn>[] = [];
  private readonly thresholds: ThresholdRow[] = [];
  private readonly dates: DateRow[] = [];
  /** The date rows of a subject, keyed as `thresholdRows`. */
  private readonly dateRows = new Map<string, DateRow[]>();
  private readonly criterionRows = new Map<number, Row<OutcomeColumn>>();
  private readonly variantRows = new Map<string, Row<OutcomeColumn>>();
  /** The threshold rows of a criterion (its id), a variant (id NUL variant) or a disqualifier (D NUL id). */
  private readonly thresholdRows = new Map<string, ThresholdRow[]>();
  private readonly disqualifierRows: Row<OutcomeColumn>[];
  private readonly levelIds: readonly string[];
  private readonly levelRows: Row<OutcomeColumn>[];

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly reach: Reachability,
  ) {
    this.facts = new Map(ruleset.facts.map((f) => [f.id, f]));
    this.derivedIds = new Set(ruleset.derived.map((d) => d.id));
    for (const [i, info] of ruleset.criteria.entries()) this.addCriterion(info, i);
    this.disqualifierRows = ruleset.disqualifiers.map((info, j) => this.addDisqualifier(info, j));
    // Each level boundary from both sides: a case reaching exactly the level, one stopping just below.
    this.levelIds = (ruleset.levels ?? []).map((l) => l.id);
    this.levelRows = this.levelIds.map((id) => {
      const row: Row<OutcomeColumn> = { kind: 'level', id, cells: { reached: cell(true), below: cell(true) } };
      this.outcomes.push(row);
      return row;
    });
  }

  private addCriterion(info: CompiledRuleset['criteria'][number], i: number): void {
    const contexts = this.reach.criteria[i]?.contexts ?? [];
    const statuses = new Set(contexts.flatMap((o) => o.statuses));
    const row: Row<OutcomeColumn> = {
      kind: 'criterion',
      id: info.id,
      cells: {
        pass: cell(statuses.has('pass')),
        fail: cell(statuses.has('fail')),
        unknown: cell(contexts.some((o) => o.readsFacts)),
        not_applicable: cell(statuses.has('not_applicable')),
      },
    };
    this.outcomes.push(row);
    this.criterionRows.set(i, row);
    // A step table's bands are thresholds of the criterion (or of the variant with its own table).
    const bands = bandConditions(info.pointsRule);
    const conditionRead = (k: number) => contexts[k]?.statuses.some((x) => x !== 'not_applicable') ?? false;
    if (!info.variants)
      this.addThresholds({ kind: 'criterion', id: info.id }, info.id, withBands(info.condition, bands), conditionRead);
    for (const v of info.variants ?? []) {
      const using = contexts.filter((o) => o.variant === v.id);
      const vs = new Set(using.flatMap((o) => o.statuses));
      const vrow: Row<OutcomeColumn> = {
        kind: 'variant',
        id: info.id,
        variant: v.id,
        cells: {
          pass: cell(vs.has('pass')),
          fail: cell(vs.has('fail')),
          unknown: cell(using.some((o) => o.readsFacts)),
        },
      };
      this.outcomes.push(vrow);
      this.variantRows.set(`${info.id}\u0000${v.id}`, vrow);
      const own = v.points !== undefined ? bandConditions(v.pointsRule) : bands;
      this.addThresholds(
        { kind: 'variant', id: info.id, variant: v.id },
        `${info.id}\u0000${v.id}`,
        withBands(v.condition, own),
        (k) => contexts[k]?.variant === v.id && conditionRead(k),
      );
    }
  }

  private addDisqualifier(info: CompiledRuleset['disqualifiers'][number], j: number): Row<OutcomeColumn> {
    const contexts = this.reach.disqualifiers[j]?.contexts ?? [];
    const row: Row<OutcomeColumn> = {
      kind: 'disqualifier',
      id: info.id,
      cells: {
        applies: cell(contexts.some((o) => o.applies)),
        clear: cell(contexts.some((o) => o.clear)),
        unknown: cell(contexts.some((o) => o.readsFacts)),
      },
    };
    this.outcomes.push(row);
    this.addThresholds(
      { kind: 'disqualifier', id: info.id },
      `D\u0000${info.id}`,
      info.condition,
      (k) => contexts[k] !== undefined,
    );
    return row;
  }

  /** `readIn(k)`: whether the condition is read in the k-th kind of unit of `reach` (a table cell's key must be one). */
  private addThresholds(
    subject: CoverageSubject,
    key: string,
    condition: ConditionInfo | undefined,
    readIn: (k: number) => boolean,
  ): void {
    const facts = this.facts;
    const rows: ThresholdRow[] = [];
    const seen = new Set<string>();
    for (const t of condition?.thresholds ?? []) {
      const text = thresholdText(t, facts);
      if (text === undefined || seen.has(text)) continue;
      seen.add(text);
      const row: ThresholdRow = { ...subject, threshold: t, text, facts, cells: thresholdCells(t, facts) };
      const sides = equalitySides(t, facts);
      if (sides) row.sides = sides;
      rows.push(row);
    }
    // A derived quantity against a number (`{ fact: beds_per_1000, at_least: 0.5 }`): its value is
    // an exact fraction of facts, placed against the boundary as a table cell's is.
    for (const t of condition?.thresholds ?? []) {
      if (t.kind !== 'compare' || typeof t.value !== 'number' || !this.derivedIds.has(t.fact)) continue;
      const text = `${t.fact} ${SYMBOL[t.op]} ${t.value}`;
      if (seen.has(text)) continue;
      seen.add(text);
      const placement = placeDerived(t.op, fromNumber(t.value));
      const cells = { at: cell(placement.at), beyond: cell(placement.below || placement.above) };
      rows.push({
        ...subject,
        threshold: t,
        text,
        facts,
        cells,
        exact: { id: t.fact, derived: true, placement, sides: {} },
      });
    }
    // A percentage compared with a table: its empty whole, one cell for the whole comparison.
    const emptyRows = new Map<string, ThresholdRow>();
    for (const c of condition ? tableCellThresholds(this.ruleset, condition) : []) {
      if (seen.has(c.text)) continue;
      seen.add(c.text);
      const possible = c.possible && contextReadable(this.reach, c.context, readIn);
      // The cell's boundary, from both sides. A fact or derived quantity is placed exactly against
      // the boundary's fraction.
      const placement = c.exact?.placement;
      const { at, beyond, empty } = placement
        ? { at: cell(placement.at), beyond: cell(placement.below || placement.above), empty: undefined }
        : thresholdCells(c.threshold, facts);
      const points: ThresholdRow['cells'] = {};
      if (at) points.at = cell(at.possible && possible);
      if (beyond) points.beyond = cell(beyond.possible && possible);
      const row: ThresholdRow = { ...subject, threshold: c.threshold, text: c.text, facts, cells: points };
      row.inCell = c.inCell;
      // An empty whole is not a boundary of a cell: the docs promise one case with an empty whole
      // per percentage, so it is a cell of the comparison's first row, and a case in any cell of
      // the table counts for it (markCase), possible when the whole can be 0 in some valid cell.
      const shape = empty && c.threshold.kind !== 'compare' ? thresholdShape(c.threshold) : undefined;
      if (empty && shape?.ratio !== undefined) {
        const key = `${shape.ratio.part}\u0000${shape.ratio.whole}\u0000${shape.op}`;
        const first = emptyRows.get(key);
        if (first === undefined) {
          points.empty = cell(empty.possible && possible);
          row.emptyInAnyCell = true;
          emptyRows.set(key, row);
        } else if (first.cells.empty && empty.possible && possible) first.cells.empty.possible = true;
      }
      if (c.exact) row.exact = { ...c.exact, sides: {} };
      rows.push(row);
    }
    // Two facts compared: at the line and just beyond it, where some valid input puts them.
    for (const pair of factPairs(this.ruleset, condition)) {
      if (seen.has(pair.text)) continue;
      seen.add(pair.text);
      const reachable = pairReachable(pair, facts, (values) => this.accepts(readIn, {}, { facts: values }));
      rows.push({
        ...subject,
        threshold: pair.threshold,
        text: pair.text,
        facts,
        cells: { at: cell(reachable.at), beyond: cell(reachable.beyond) },
        pair,
      });
    }
    this.thresholds.push(...rows);
    this.thresholdRows.set(key, rows);
    const dates = dateBoundaries(this.ruleset, condition).map((boundary): DateRow => {
      const cells: DateRow['cells'] = {};
      for (const point of DAY_POINTS)
        cells[point] = cell(this.accepts(readIn, boundary.context, { area: { date: boundary.days[point] } }));
      return { ...subject, boundary, cells };
    });
    this.dates.push(...dates);
    this.dateRows.set(key, dates);
  }

  /**
   * Whether the ruleset's own validation accepts an input with these facts or this date (nothing
   * else known) in some kind of unit that reads the condition and has the given key values.
   */
  private accepts(
    readIn: (k: number) => boolean,
    key: ContextValues,
    input: { facts?: Assessment['facts']; area?: Assessment['area'] },
  ): boolean {
    // Without the kinds listed, coverage cannot try them: the cell is asked for, as table cells are.
    if (!this.reach.contextsListed) return true;
    return this.reach.contexts.some(
      (context, k) =>
        readIn(k) &&
        Object.entries(key).every(([id, value]) => context[id] === value) &&
        this.ruleset.validateAssessment({ context, facts: {}, ...input }).value !== undefined,
    );
  }

  /** Marks what one case exercises: the outcomes it got, the thresholds it sits at, the level it stops at. */
  markCase(input: Assessment, by: CoverageCase): void {
    const result = this.ruleset.evaluate(input);
    let derived: ReadonlyMap<string, Rational> | undefined;
    const markThreshold = (row: ThresholdRow) => {
      if (row.inCell && !row.inCell(input)) {
        const t = row.threshold;
        if (row.emptyInAnyCell && t.kind !== 'compare' && thresholdHooks(t.kind)?.point(t, input.facts) === 'empty')
          mark(row.cells.empty, by);
        return;
      }
      if (row.pair !== undefined) {
        const point = placePair(row.pair, input.facts);
        if (point) mark(row.cells[point], by);
        return;
      }
      if (row.exact === undefined) return markFactThreshold(row, input, by);
      let value: Rational | undefined;
      if (row.exact.derived) {
        derived ??= this.ruleset.derivedExact(input);
        value = derived.get(row.exact.id);
      } else value = exactFact(input.facts[row.exact.id]);
      if (value !== undefined) markExactThreshold(row, value, by);
    };
    result.criteria.forEach((r, i) => {
      mark(this.criterionRows.get(i)?.cells[r.status], by);
      if (r.status === 'not_applicable') return;
      const key = r.variant !== null ? `${r.id}\u0000${r.variant}` : r.id;
      if (r.variant !== null) mark(this.variantRows.get(key)?.cells[r.status], by);
      for (const row of this.thresholdRows.get(key) ?? []) markThreshold(row);
      for (const row of this.dateRows.get(key) ?? []) markDate(row, input, by);
    });
    const level = result.level;
    if (level && level.reached === level.possible) {
      const at = level.reached === null ? -1 : this.levelIds.indexOf(level.reached);
      if (at >= 0) mark(this.levelRows[at]?.cells.reached, by);
      mark(this.levelRows[at + 1]?.cells.below, by);
    }
    result.disqualifiers.forEach((d, j) => {
      mark(this.disqualifierRows[j]?.cells[d.status], by);
      for (const row of this.thresholdRows.get(`D\u0000${d.id}`) ?? []) markThreshold(row);
      for (const row of this.dateRows.get(`D\u0000${d.id}`) ?? []) markDate(row, input, by);
    });
  }

  /** The rows, the cells required (some valid input reaches them), those covered, and the gaps in words. */
  report(cases: number): CoverageReport {
    const gaps: CoverageGap[] = [];
    let required = 0;
    let covered = 0;
    const tally = (
      row: CoverageSubject & { cells: Partial<Record<string, MutableCell>> },
      text?: string,
      days?: Readonly<Record<string, string>>,
    ) => {
      for (const [column, c] of Object.entries(row.cells)) {
        if (!c?.possible) continue;
        required++;
        if (c.by) covered++;
        else
          gaps.push({
            ...subjectOf(row),
            // cast: Object.entries widens the keys of `cells` (a row's own columns) to string
            column: column as OutcomeColumn | ThresholdPoint | DayPoint,
            ...(text !== undefined ? { text } : {}),
            ...(days?.[column] !== undefined ? { day: days[column] } : {}),
          });
      }
    };
    for (const row of this.outcomes) tally(row);
    for (const row of this.thresholds) tally(row, row.text);
    for (const row of this.dates) tally(row, row.boundary.text, row.boundary.days);
    const { id, version, hash } = this.ruleset;
    return {
      ruleset: { id, version, hash },
      cases,
      outcomes: this.outcomes.map((r) => ({ ...subjectOf(r), cells: r.cells })),
      thresholds: this.thresholds.map((r) => ({
        ...subjectOf(r),
        threshold: r.threshold,
        text: r.text,
        cells: r.cells,
      })),
      dates: this.dates.map((r) => ({ ...subjectOf(r), text: r.boundary.text, days: r.boundary.days, cells: r.cells })),
      required,
      covered,
      gaps,
    };
  }
}

/** The band comparisons of a step table or best_of (`of >= at_least`), and its options' conditions. */
function bandConditions(rule: PointsRuleInfo | undefined): ConditionInfo[] {
  return (rule?.options ?? []).flatMap((o) => [
    ...(o.condition ? [o.condition] : []),
    ...(o.steps?.bands ?? []).map((b) => b.condition),
  ]);
}

function withBands(condition: ConditionInfo | undefined, bands: readonly ConditionInfo[]): ConditionInfo | undefined {
  if (bands.length === 0) return condition;
  return {
    expression: condition?.expression ?? '',
    reads: condition?.reads ?? [],
    thresholds: [...(condition?.thresholds ?? []), ...bands.flatMap((b) => b.thresholds)],
  };
}

/** Some kind of unit with the cell's key values reads the condition (every kind when reach did not list them). */
function contextReadable(reach: Reachability, key: ContextValues, readIn: (k: number) => boolean): boolean {
  if (!reach.contextsListed) return true;
  return reach.contexts.some(
    (context, k) => readIn(k) && Object.entries(key).every(([id, value]) => context[id] === value),
  );
}

function subjectOf(row: CoverageSubject): CoverageSubject {
  return { kind: row.kind, id: row.id, ...(row.variant !== undefined ? { variant: row.variant } : {}) };
}

function cell(possible: boolean): MutableCell {
  return { possible };
}

function mark(c: MutableCell | undefined, by: CoverageCase): void {
  if (!c || c.by) return;
  c.by = by;
  // A case reached it, so it is possible whatever the probes said.
  c.possible = true;
}

// ── thresholds ─────────────────────────────────────────────────────────────────────────────

/** A threshold worth covering at its boundary (a number, a rating or a percentage of facts), as text. */
function thresholdText(t: Threshold, facts: ReadonlyMap<string, FactInfo>): string | undefined {
  if (t.kind !== 'compare') {
    // One compared with a parameter (its name as the value) is covered cell by cell: tableCellThresholds.
    if (typeof t.value !== 'number') return undefined;
    const hooks = thresholdHooks(t.kind);
    return hooks?.facts(t).every((id) => facts.has(id)) ? hooks.print(t, String) : undefined;
  }
  const f = facts.get(t.fact);
  if (!f) return undefined;
  if ((f.type === 'integer' || f.type === 'number') && typeof t.value === 'number')
    return `${t.fact} ${SYMBOL[t.op]} ${t.value}`;
  if (f.type === 'ordinal' && typeof t.value === 'string') return `${t.fact} ${SYMBOL[t.op]} ${t.value}`;
  return undefined;
}

/** The side of the threshold value where the outcome differs from the outcome at it: -1, +1, or 0 for either. */
const BEYOND: Readonly<Record<Threshold['op'], -1 | 0 | 1>> = { '>=': -1, '>': 1, '<=': 1, '<': -1, '==': 0, '!=': 0 };

/** Which points some valid input can reach. */
function thresholdCells(
  t: Threshold,
  facts: ReadonlyMap<string, FactInfo>,
): Partial<Record<ThresholdPoint, MutableCell>> {
  if (t.kind !== 'compare') {
    const reachable = thresholdHooks(t.kind)?.reachable(t, facts) ?? {};
    return Object.fromEntries(Object.entries(reachable).map(([point, possible]) => [point, cell(possible)]));
  }
  const f = facts.get(t.fact);
  if (f === undefined) return {};
  const [lo, hi, value] = scale(f, t.value);
  const integer = f.type !== 'number';
  const within = (v: number) => v >= lo && v <= hi;
  const step = BEYOND[t.op];
  const beyond = step === 0 ? [value - 1, value + 1] : [value + step];
  return {
    at: cell(within(value) && (!integer || Number.isInteger(value))),
    beyond: cell(integer ? beyond.some(within) : beyond.some((b) => within(b) || within((b + value) / 2))),
  };
}

/** A fact's bounds and the threshold on one scale: numbers as they are, a rating by its rank. */
function scale(f: FactInfo, value: number | string | boolean): [number, number, number] {
  if (f.type === 'ordinal') {
    const ids = (f.values ?? []).map((v) => v.id);
    return [0, ids.length - 1, ids.indexOf(String(value))];
  }
  return [f.min ?? -Infinity, f.max ?? Infinity, Number(value)];
}

/** A case on the day before, the day of or the day after a date boundary, in the boundary's table cell. */
function markDate(row: DateRow, input: Assessment, by: CoverageCase): void {
  const { boundary } = row;
  if (!Object.entries(boundary.context).every(([id, value]) => input.context[id] === value)) return;
  const point = placeDay(boundary, input.area?.date);
  if (point) mark(row.cells[point], by);
}

/** An exact value against a cell's exact boundary: at it, or just beyond it (for = and ≠, once both sides are seen). */
function markExactThreshold(row: ThresholdRow, value: Rational, by: CoverageCase): void {
  const exact = row.exact;
  if (!exact) return;
  const point = placeValue(exact.placement, value);
  if (point === undefined) return;
  if (point === 'at') {
    mark(row.cells.at, by);
    return;
  }
  const { placement, sides } = exact;
  if (placement.op !== '==' && placement.op !== '!=') {
    mark(row.cells.beyond, by);
    return;
  }
  sides[point] ??= by;
  const seen = (!placement.below || sides.below !== undefined) && (!placement.above || sides.above !== undefined);
  if (seen) mark(row.cells.beyond, by);
}

function markFactThreshold(row: ThresholdRow, input: Assessment, by: CoverageCase): void {
  const t = row.threshold;
  if (t.kind !== 'compare') {
    const point = thresholdHooks(t.kind)?.point(t, input.facts);
    if (point) mark(row.cells[point], by);
    return;
  }
  const raw = input.facts[t.fact];
  const f = row.facts.get(t.fact);
  if (raw === undefined || raw === null || !f) return;
  const v = f.type === 'ordinal' ? (f.values ?? []).findIndex((x) => x.id === raw) : Number(raw);
  const [, , value] = scale(f, t.value);
  const d = v - value;
  if (d === 0) {
    mark(row.cells.at, by);
    return;
  }
  const step = BEYOND[t.op];
  const near = f.type === 'number' ? Math.abs(d) <= 1 : Math.abs(d) === 1;
  if (!near) return;
  const sides = row.sides;
  if (step === 0 && sides) {
    if (d < 0) sides.belowBy ??= by;
    else sides.aboveBy ??= by;
    const done = (!sides.below || sides.belowBy !== undefined) && (!sides.above || sides.aboveBy !== undefined);
    if (done) mark(row.cells.beyond, by);
    return;
  }
  if (step === 0 || Math.sign(d) === step) mark(row.cells.beyond, by);
}

/** For an equality on a number or a rating: which of the two sides one unit away a valid input can reach. */
function equalitySides(t: Threshold, facts: ReadonlyMap<string, FactInfo>): ThresholdRow['sides'] {
  if (t.kind !== 'compare' || BEYOND[t.op] !== 0) return undefined;
  const f = facts.get(t.fact);
  if (f === undefined || (f.type !== 'integer' && f.type !== 'ordinal')) return undefined;
  const [lo, hi, value] = scale(f, t.value);
  return { below: value - 1 >= lo && value - 1 <= hi, above: value + 1 >= lo && value + 1 <= hi };
}
