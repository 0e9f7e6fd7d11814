/**
 * The aggregation: pure and streaming. Each evaluated area is folded into counters as it comes
 * (per year, per ward/commune, per standard, per criterion) and then forgotten, except for the
 * little the programme targets need per area (its decision and the target facts, per year). So
 * memory grows with the number of distinct areas, never with the size of the results.
 */
import type { CompiledRuleset, EvaluationResult, FactValue, LetterheadDocument } from '@lcz/criteria-engine';
import type {
  CityReport,
  CriterionFigures,
  DerivedFigures,
  LevelFigures,
  ReportEntry,
  ReportSource,
  StandardFigures,
  UnitFigures,
  YearFigures,
} from './model.js';
import { problem, type ReportProblem } from './problems.js';
import { progressOf, targetFacts, type AreaYear, type TargetProgress } from './targets/progress.js';
import type { Targets } from './targets/targets-document.js';

/** The parts of a compiled ruleset the report reads. */
export type ReportRuleset = Pick<
  CompiledRuleset,
  'id' | 'version' | 'title' | 'words' | 'groups' | 'criteria' | 'facts'
> &
  Partial<Pick<CompiledRuleset, 'document' | 'levels' | 'derived' | 'derivedValues'>>;

export interface AggregateOptions {
  readonly targets?: Targets;
  /** Where the entries come from when it is the record, shown under the title. */
  readonly source?: ReportSource;
}

/** Criteria listed as "most often failed". */
const MOST_FAILED = 10;

const collator = new Intl.Collator('vi');

interface Counts {
  assessed: number;
  registered: number;
  recognised: number;
  not_recognised: number;
  undetermined: number;
  /** Per level: areas whose highest certain level it is (only for a scheme with levels). */
  levels?: number[];
}

/** The lowest and highest shown value of a derived quantity, compared exactly (see compareShown). */
interface DerivedRange {
  known: number;
  lowest: string | null;
  highest: string | null;
}

class YearBucket {
  readonly totals: Counts;
  readonly units = new Map<string, Counts>();
  /** Per standard (declaration order): met, not met, unknown. */
  readonly standards: number[][];
  /** Per criterion (declaration order): pass, fail, unknown, excluded. */
  readonly criteria: number[][];
  /** Per level: areas that may still reach it without having certainly reached it. */
  readonly possible: number[];
  readonly derived: DerivedRange[];

  constructor(
    groups: number,
    criteria: number,
    readonly levels: number,
    derived: number,
  ) {
    this.totals = zero(levels);
    this.standards = Array.from({ length: groups }, () => [0, 0, 0]);
    this.criteria = Array.from({ length: criteria }, () => [0, 0, 0, 0]);
    this.possible = Array.from({ length: levels }, () => 0);
    this.derived = Array.from({ length: derived }, () => ({ known: 0, lowest: null, highest: null }));
  }
}

export class ReportAggregator {
  private readonly years = new Map<number | null, YearBucket>();
  private readonly groupIndex: ReadonlyMap<string, number>;
  private readonly criterionIndex: ReadonlyMap<string, number>;
  private readonly counted = new Map<string, string>();
  private readonly histories = new Map<string, Map<number, AreaYear>>();
  private readonly targetFacts: readonly string[];
  private stated = 0;
  private unstated = 0;
  private duplicates = 0;
  private leftOut = 0;
  /** Areas with no code, name or source: each is its own area. */
  private anonymous = 0;

  constructor(
    private readonly ruleset: ReportRuleset,
    private readonly options: AggregateOptions = {},
  ) {
    this.groupIndex = new Map(ruleset.groups.map((g, i) => [g.id, i]));
    this.criterionIndex = new Map(ruleset.criteria.map((c, i) => [c.id, i]));
    this.targetFacts = options.targets ? targetFacts(options.targets) : [];
    this.levelIds = (ruleset.levels ?? []).map((l) => l.id);
  }

  /** The scheme's level ids, lowest first (empty without levels). */
  private readonly levelIds: readonly string[];

  /**
   * Each derived quantity's value for the area (as the engine shows it: its declared decimals),
   * from the assessment's facts, its context and date: the lowest and highest of the year.
   */
  private addDerived(bucket: YearBucket, entry: ReportEntry): void {
    const { derived, derivedValues } = this.ruleset;
    if (derived === undefined || derived.length === 0 || derivedValues === undefined) return;
    const { result } = entry;
    const facts: Record<string, FactValue> = {};
    for (const item of [...result.criteria, ...result.disqualifiers])
      for (const f of item.facts) if (f.value !== null && f.implied_by === undefined) facts[f.id] = f.value;
    for (const [id, v] of Object.entries(entry.facts ?? {})) if (v !== null && v !== undefined) facts[id] = v;
    // Context attributes are enums and booleans; the result's type also allows a number.
    const context: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(result.context)) if (typeof v !== 'number') context[k] = v;
    const values = derivedValues({
      ...(result.area.date !== undefined ? { area: { date: result.area.date } } : {}),
      context,
      facts,
    });
    for (const [i, d] of derived.entries()) {
      const v = values.get(d.id);
      const range = bucket.derived[i];
      if (v === undefined || range === undefined) continue;
      range.known += 1;
      if (range.lowest === null || compareShown(v, range.lowest) < 0) range.lowest = v;
      if (range.highest === null || compareShown(v, range.highest) > 0) range.highest = v;
    }
  }

  /** Note input rows that could not be read (their problems are reported by whoever read them), so the report can say so. */
  leaveOut(rows: number): void {
    this.leftOut += rows;
  }

  /** Fold one evaluated area in. Returns the problems it raised (a duplicate is left out). */
  add(entry: ReportEntry): ReportProblem[] {
    const { result } = entry;
    const year = entry.year ?? yearOf(result.area.date);
    const key = areaKey(result, entry) ?? this.anonymousKey();
    const seenKey = `${year ?? ''}\u0000${key}`;
    const first = this.counted.get(seenKey);
    const where = entry.source ? `${entry.source.file}:${entry.source.row}` : key;
    if (first !== undefined) {
      this.duplicates += 1;
      const { file = '<input>', row = 0 } = entry.source ?? {};
      return [problem('report_duplicate_area', file, row, 0, { area: key, year: year ?? '—', first }, 'warning')];
    }
    this.counted.set(seenKey, where);

    let bucket = this.years.get(year);
    if (bucket === undefined) {
      bucket = new YearBucket(
        this.ruleset.groups.length,
        this.ruleset.criteria.length,
        this.levelIds.length,
        this.ruleset.derived?.length ?? 0,
      );
      this.years.set(year, bucket);
    }
    if (entry.registered === undefined) this.unstated += 1;
    else this.stated += 1;
    const registered = entry.registered ?? true;
    const unit = result.area.unit ?? '';
    let counts = bucket.units.get(unit);
    if (counts === undefined) {
      counts = zero(this.levelIds.length);
      bucket.units.set(unit, counts);
    }
    // Levels by index, lowest first: -1 when none is reached (or still possible).
    const level = result.level;
    const reached = level && level.reached !== null ? this.levelIds.indexOf(level.reached) : -1;
    const possible = level && level.possible !== null ? this.levelIds.indexOf(level.possible) : -1;
    for (const c of [bucket.totals, counts]) {
      c.assessed += 1;
      if (registered) c.registered += 1;
      c[result.decision] += 1;
      if (c.levels !== undefined && reached >= 0) c.levels[reached] = (c.levels[reached] ?? 0) + 1;
    }
    for (let l = reached + 1; l <= possible; l++) bucket.possible[l] = (bucket.possible[l] ?? 0) + 1;
    this.addDerived(bucket, entry);
    for (const g of result.standards) {
      const row = bucket.standards[this.groupIndex.get(g.id) ?? -1];
      const slot = g.status === 'met' ? 0 : g.status === 'not_met' ? 1 : 2;
      if (row) row[slot] = (row[slot] ?? 0) + 1;
    }
    for (const c of result.criteria) {
      const row = bucket.criteria[this.criterionIndex.get(c.id) ?? -1];
      if (!row) continue;
      const slot = c.counts_as === 'passed' ? 0 : c.counts_as === 'failed' ? 1 : c.counts_as === 'unknown' ? 2 : 3;
      row[slot] = (row[slot] ?? 0) + 1;
    }
    if (this.options.targets !== undefined && year !== null) this.remember(key, year, entry);
    return [];
  }

  finish(): CityReport {
    const { ruleset } = this;
    const years = [...this.years.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a - b));
    return {
      ruleset: { id: ruleset.id, version: ruleset.version, title: ruleset.title, words: ruleset.words },
      years: years.map(([y, bucket]) => this.figures(y, bucket)),
      registration: { stated: this.stated, unstated: this.unstated },
      duplicates: this.duplicates,
      left_out: this.leftOut,
      standards: ruleset.groups.map((g) => ({ id: g.id, title: g.title })),
      criteria: ruleset.criteria.map((c) => ({ id: c.id, group: c.group, text: c.text })),
      ...(ruleset.levels !== undefined ? { levels: ruleset.levels.map((l) => ({ id: l.id, label: l.label })) } : {}),
      ...(ruleset.derived !== undefined && ruleset.derived.length > 0
        ? {
            derived: ruleset.derived.map((d) => ({
              id: d.id,
              label: d.label,
              ...(d.unit !== undefined ? { unit: d.unit } : {}),
            })),
          }
        : {}),
      ...letterheadOf(this.options.targets?.document.letterhead ?? ruleset.document?.letterhead),
      ...(this.options.targets
        ? {
            targets: {
              ...progressOf(this.options.targets, this.histories),
              facts: ruleset.facts
                .filter((f) => this.targetFacts.includes(f.id))
                .map((f) => ({ id: f.id, label: f.label })),
              by_year: this.progressByYear(this.options.targets),
            },
          }
        : {}),
      ...(this.options.source ? { source: this.options.source } : {}),
    };
  }

  private figures(year: number | null, b: YearBucket): YearFigures {
    const { ruleset } = this;
    const units = [...b.units.entries()]
      .sort(([a], [c]) => collator.compare(a, c))
      .map(([unit, c]): UnitFigures => ({ unit, ...c }));
    const standards = ruleset.groups.map((g, i): StandardFigures => {
      const [met = 0, notMet = 0, unknown = 0] = b.standards[i] ?? [];
      return { id: g.id, met, not_met: notMet, unknown };
    });
    const criteria = ruleset.criteria.map((c, i): CriterionFigures => {
      const [pass = 0, fail = 0, unknown = 0, excluded = 0] = b.criteria[i] ?? [];
      const applicable = pass + fail;
      return {
        id: c.id,
        group: c.group,
        pass,
        fail,
        unknown,
        excluded,
        applicable,
        percent: applicable === 0 ? null : Math.floor((pass * 100) / applicable),
      };
    });
    const mostFailed = criteria
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.fail > 0)
      .sort((x, y) => y.c.fail - x.c.fail || x.i - y.i)
      .slice(0, MOST_FAILED)
      .map(({ c }) => c.id);
    const levels = this.levelIds.map((id, i): LevelFigures => {
      const reached = b.totals.levels?.[i] ?? 0;
      const atLeast = (b.totals.levels ?? []).slice(i).reduce((sum, n) => sum + n, 0);
      return { id, reached, at_least: atLeast, possible: b.possible[i] ?? 0 };
    });
    const derived = (ruleset.derived ?? []).map(
      (d, i): DerivedFigures => ({ id: d.id, ...(b.derived[i] ?? { known: 0, lowest: null, highest: null }) }),
    );
    return {
      year,
      totals: { unit: '', ...b.totals },
      units,
      standards,
      criteria,
      most_failed: mostFailed,
      ...(ruleset.levels !== undefined ? { levels } : {}),
      ...(derived.length > 0 ? { derived } : {}),
    };
  }

  /** Each target as it stood at the end of each year: the histories cut after that year. */
  private progressByYear(targets: Targets): { year: number; progress: TargetProgress[] }[] {
    const years = [...this.years.keys()].filter((y): y is number => y !== null).sort((a, b) => a - b);
    return years.map((year) => {
      const upTo = new Map<string, Map<number, AreaYear>>();
      for (const [key, history] of this.histories) {
        const kept = new Map([...history].filter(([y]) => y <= year));
        if (kept.size > 0) upTo.set(key, kept);
      }
      return { year, progress: progressOf(targets, upTo).progress };
    });
  }

  /** A key for an area that names itself nowhere: `#1`, `#2`, … in input order. */
  private anonymousKey(): string {
    this.anonymous += 1;
    return `#${this.anonymous}`;
  }

  private remember(key: string, year: number, entry: ReportEntry): void {
    const facts = new Map<string, FactValue>();
    for (const id of this.targetFacts) {
      const v = readFact(entry, id);
      if (v !== undefined) facts.set(id, v);
    }
    let history = this.histories.get(key);
    if (history === undefined) {
      history = new Map();
      this.histories.set(key, history);
    }
    history.set(year, { decision: entry.result.decision, facts });
  }
}

/** Aggregate a stream (or a list) of evaluated areas. */
export async function aggregate(
  entries: AsyncIterable<ReportEntry> | Iterable<ReportEntry>,
  ruleset: ReportRuleset,
  options: AggregateOptions = {},
): Promise<{ report: CityReport; problems: ReportProblem[] }> {
  const aggregator = new ReportAggregator(ruleset, options);
  const problems: ReportProblem[] = [];
  for await (const entry of entries) problems.push(...aggregator.add(entry));
  return { report: aggregator.finish(), problems };
}

function zero(levels: number): Counts {
  const counts: Counts = { assessed: 0, registered: 0, recognised: 0, not_recognised: 0, undetermined: 0 };
  if (levels > 0) counts.levels = Array.from({ length: levels }, () => 0);
  return counts;
}

/**
 * Two shown values of a derived quantity ("57.2", "-3.50", "60"), compared exactly: as decimal
 * digits brought to the same number of places, in BigInt (no float).
 */
function compareShown(a: string, b: string): number {
  const places = (x: string): number => (x.includes('.') ? x.length - x.indexOf('.') - 1 : 0);
  const n = Math.max(places(a), places(b));
  const scaled = (x: string): bigint => BigInt(x.replace('.', '') + '0'.repeat(n - places(x)));
  const d = scaled(a) - scaled(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function yearOf(date: string | undefined): number | null {
  const m = date === undefined ? null : /^(\d{4})-/.exec(date);
  return m ? Number(m[1]) : null;
}

/** An area is its code; without one, its ward/commune and name; without those, its place in the input. */
function areaKey(result: EvaluationResult, entry: ReportEntry): string | undefined {
  const { code, name, unit } = result.area;
  if (code !== undefined && code !== '') return code;
  if (name !== undefined && name !== '') return `${unit ?? ''} / ${name}`;
  return entry.source ? `${entry.source.file}#${entry.source.row}` : undefined;
}

/** A fact's value as the evaluation read it, else as the assessment gave it. */
function readFact(entry: ReportEntry, id: string): FactValue | undefined {
  for (const item of [...entry.result.criteria, ...entry.result.disqualifiers]) {
    const reading = item.facts.find((f) => f.id === id);
    if (reading !== undefined && reading.value !== null) return reading.value;
  }
  const v = entry.facts?.[id];
  return v === null || v === undefined ? undefined : v;
}

/** The printed report's header and signers: the targets file's, else the rule file's, else none. */
function letterheadOf(letterhead: LetterheadDocument | undefined): { letterhead?: LetterheadDocument } {
  return letterhead === undefined ? {} : { letterhead };
}
