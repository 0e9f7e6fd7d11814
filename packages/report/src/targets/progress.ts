/**
 * Progress against each programme target, from what the aggregation remembers of each area (its
 * decision and the target facts, per year). Counts are of distinct areas; every goal becomes a
 * whole number of areas in integers (30% of 70 → more than 21 → 22), so "met" never depends on
 * floating point.
 */
import type { Decision, FactValue, LocalizedText } from '@lcz/criteria-engine';
import type { FactMeasure, TargetDocument, TargetGoal, TargetMeasure, Targets } from './targets-document.js';

/** What the report needs to remember of one area in one year. */
export interface AreaYear {
  readonly decision: Decision;
  /** Values of the facts the targets read (absent: unknown). */
  readonly facts: ReadonlyMap<string, FactValue>;
}

/** Per area key, per year. */
export type AreaHistories = ReadonlyMap<string, ReadonlyMap<number, AreaYear>>;

export interface TargetsInfo {
  readonly file: string;
  readonly title: LocalizedText;
  readonly source?: LocalizedText;
  /** The programme's areas: the base of percentage goals. */
  readonly areas: number;
}

export interface TargetProgress {
  readonly id: string;
  readonly text: LocalizedText;
  readonly note?: LocalizedText;
  readonly period: { readonly from: number; readonly to: number };
  readonly measure: TargetMeasure;
  readonly goal: TargetGoal;
  /** Areas the measure counts. */
  readonly value: number;
  /** The base of a percentage goal, and the population of a fact measure. */
  readonly base: number;
  /** Areas the goal requires, in integers. */
  readonly required: number;
  readonly remaining: number;
  /** no_data: no input covers any year of the period. */
  readonly status: 'met' | 'not_met' | 'no_data';
  /** Years of the period the inputs cover. */
  readonly years: readonly number[];
  /** Distinct areas assessed in the period. */
  readonly assessed: number;
  /** Fact measures: areas of the base with no assessment in the period, or whose fact is unknown. */
  readonly without_data?: number;
}

export function targetFacts(targets: Targets): string[] {
  return [...new Set(targets.document.targets.flatMap((t) => (typeof t.measure === 'object' ? [t.measure.fact] : [])))];
}

export function progressOf(
  targets: Targets,
  histories: AreaHistories,
): { info: TargetsInfo; progress: TargetProgress[] } {
  const d = targets.document;
  const info: TargetsInfo = {
    file: targets.file,
    title: d.title,
    ...(d.source ? { source: d.source } : {}),
    areas: d.areas,
  };
  return { info, progress: d.targets.map((t) => progressOfTarget(t, d.areas, histories)) };
}

function progressOfTarget(t: TargetDocument, programmeAreas: number, histories: AreaHistories): TargetProgress {
  const inPeriod = (y: number) => y >= t.period.from && y <= t.period.to;
  const years = new Set<number>();
  let assessed = 0;
  let recognised = 0;
  let newlyRecognised = 0;
  const notRecognisedLatest: AreaYear[] = [];
  const allLatest: AreaYear[] = [];
  for (const history of histories.values()) {
    const within = [...history.keys()].filter(inPeriod).sort((a, b) => a - b);
    if (within.length === 0) continue;
    for (const y of within) years.add(y);
    assessed += 1;
    const isRecognised = within.some((y) => history.get(y)?.decision === 'recognised');
    const before = [...history.keys()].some((y) => y < t.period.from && history.get(y)?.decision === 'recognised');
    const latest = history.get(within.at(-1) ?? Number.NaN);
    // `within` holds only years of this history, so the latest is always there.
    if (latest === undefined) continue;
    allLatest.push(latest);
    if (isRecognised) {
      recognised += 1;
      if (!before) newlyRecognised += 1;
    } else notRecognisedLatest.push(latest);
  }
  let value: number;
  let base = programmeAreas;
  let withoutData: number | undefined;
  if (t.measure === 'recognised') value = recognised;
  else if (t.measure === 'newly_recognised') value = newlyRecognised;
  else {
    const m = t.measure;
    const population = m.among === 'not_recognised' ? notRecognisedLatest : allLatest;
    base =
      m.among === 'not_recognised'
        ? Math.max(programmeAreas - recognised, population.length)
        : Math.max(programmeAreas, population.length);
    value = population.filter((a) => satisfies(m, a.facts.get(m.fact))).length;
    const unknown = population.filter((a) => a.facts.get(m.fact) === undefined).length;
    withoutData = base - population.length + unknown;
  }
  const required = requiredCount(t.goal, base);
  const status = years.size === 0 ? 'no_data' : value >= required ? 'met' : 'not_met';
  return {
    id: t.id,
    text: t.text,
    ...(t.note ? { note: t.note } : {}),
    period: t.period,
    measure: t.measure,
    goal: t.goal,
    value,
    base,
    required,
    remaining: Math.max(0, required - value),
    status,
    years: [...years].sort((a, b) => a - b),
    assessed,
    ...(withoutData !== undefined ? { without_data: withoutData } : {}),
  };
}

function satisfies(m: FactMeasure, v: FactValue | undefined): boolean {
  if (v === undefined) return false;
  if (m.at_least !== undefined) return typeof v === 'number' && v >= m.at_least;
  if (m.at_most !== undefined) return typeof v === 'number' && v <= m.at_most;
  if (m.is !== undefined) return v === m.is;
  return v === m.equals;
}

/** The whole number of areas a goal asks for, over `base` areas; percentages in integers. */
export function requiredCount(goal: TargetGoal, base: number): number {
  if ('at_least' in goal) return goal.at_least;
  if ('more_than' in goal) return goal.more_than + 1;
  const p = 'at_least_percent' in goal ? goal.at_least_percent : goal.more_than_percent;
  const decimals = (String(p).split('.')[1] ?? '').length;
  const scale = 10 ** decimals;
  const num = Math.round(p * scale) * base;
  const den = 100 * scale;
  const floor = Math.floor(num / den);
  // at least P%: n × 100 ≥ P × base; more than P%: n × 100 > P × base.
  if ('at_least_percent' in goal) return num % den === 0 ? floor : floor + 1;
  return floor + 1;
}
