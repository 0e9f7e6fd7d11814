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
  Partial<Pick<CompiledRuleset, 'document'>>;

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
}

class YearBucket {
  readonly totals: Counts = zero();
  readonly units = new Map<string, Counts>();
  /** Per standard (declaration order): met, not met, unknown. */
  readonly standards: number[][];
  /** Per criterion (declaration order): pass, fail, unknown, excluded. */
  readonly criteria: number[][];

  constructor(groups: number, criteria: number) {
    this.standards = Array.from({ length: groups }, () => [0, 0, 0]);
    this.criteria = Array.from({ length: criteria }, () => [0, 0, 0, 0]);
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
      bucket = new YearBucket(this.ruleset.groups.length, this.ruleset.criteria.length);
      this.years.set(year, bucket);
    }
    if (entry.registered === undefined) this.unstated += 1;
    else this.stated += 1;
    const registered = entry.registered ?? true;
    const unit = result.area.unit ?? '';
    let counts = bucket.units.get(unit);
    if (counts === undefined) {
      counts = zero();
      bucket.units.set(unit, counts);
    }
    for (const c of [bucket.totals, counts]) {
      c.assessed += 1;
      if (registered) c.registered += 1;
      c[result.decision] += 1;
    }
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
    return { year, totals: { unit: '', ...b.totals }, units, standards, criteria, most_failed: mostFailed };
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

function zero(): Counts {
  return { assessed: 0, registered: 0, recognised: 0, not_recognised: 0, undetermined: 0 };
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
