/**
 * The traced evaluation, first half: every criterion and disqualifier with its status and the
 * facts it read (trace-decision.ts does the rest: groups, mandatory criteria, total, reasons). It
 * decodes the same packed outcomes (outcome.ts) as the fast `decide`, so the two cannot
 * disagree; the generated evaluate (generate/) builds its entries with the same records.
 */
import type { CriterionPlan, RulesetPlan } from '../compile/plan.js';
import type { Slots, Value } from '../compile/types.js';
import { DATE_NAME } from '../compile/parameter-table.js';
import { leastPoints, mostPoints, pointsReads } from '../compile/points.js';
import type { Assessment } from './assessment.js';
import type { ImpliedZeros } from './implied-zeros.js';
import { planMiss } from './plan-miss.js';
import {
  countsAs,
  criterionOutcome,
  criterionPoints,
  criterionStatus,
  NO_VARIANT,
  NOT_APPLICABLE_WHEN,
  variantIndex,
} from './outcome.js';
import type {
  CriterionResult,
  DisqualifierResult,
  DisqualifierStatus,
  EvaluationResult,
  FactReading,
  FactValue,
  PointsInterval,
} from './result.js';
import { type DecisionTables, type RulesetIdentity, traceDecision } from './trace-decision.js';

export type { RulesetIdentity } from './trace-decision.js';

/** Fact ids with their slots, deduplicated, in first-read order: worked out once, at load. */
export type SlotList = readonly (readonly [id: string, slot: number])[];

/** A criterion with the facts its trace lists: with no variant chosen, and for each variant. */
export interface TracedCriterion {
  readonly plan: CriterionPlan;
  readonly noVariant: SlotList;
  readonly variants: readonly SlotList[];
}

/** What the traced evaluation of one plan works out once, at load. */
interface TraceTables extends DecisionTables {
  readonly criteria: readonly SharedCriterion[];
  readonly disqualifierSlots: readonly SharedList[];
  readonly readings: SlotReadings;
  /** Each criterion's outcome and points in the call under way: evaluation is synchronous, one pair serves every call. */
  readonly outcomes: number[];
  readonly points: number[];
}

/**
 * The readings every result can share, per slot, made once and frozen. evaluate() was most of
 * the engine's allocation (docs/performance.md, "memory over the floor"); a reading of a fact not
 * given, of a yes/no fact, of a choice (enum) or of a small whole number is one of few values, so
 * each result points to the one object instead of making its own. Other numbers and texts (the
 * date) are made per call, as before.
 */
interface SlotReadings {
  readonly ids: readonly string[];
  readonly unknown: readonly FactReading[];
  readonly yes: readonly FactReading[];
  readonly no: readonly FactReading[];
  /** Per number slot: the readings of 0 … SMALL_NUMBERS − 1, made on first use. */
  readonly numbers: (FactReading[] | undefined)[];
  /** Per choice slot (enum, ordinal): the reading of each choice, made on first use. */
  readonly choices: (Map<string, FactReading> | undefined)[];
  readonly isChoice: readonly boolean[];
}

/** Whole numbers below this share their readings (a count, a percentage). */
const SMALL_NUMBERS = 256;
/** A choice slot keeps at most this many readings (the declared choices are fewer). */
const MOST_CHOICES_KEPT = 64;

function slotReadings(plan: RulesetPlan, slotOf: ReadonlyMap<string, number>): SlotReadings {
  const ids: string[] = [];
  for (const [id, slot] of slotOf) ids[slot] = id;
  const declared = [...plan.context, ...plan.facts];
  const reading = (slot: number, value: FactValue | null): FactReading => Object.freeze({ id: ids[slot] ?? '', value });
  return {
    ids,
    unknown: ids.map((_, slot) => reading(slot, null)),
    yes: ids.map((_, slot) => reading(slot, true)),
    no: ids.map((_, slot) => reading(slot, false)),
    numbers: [],
    choices: [],
    isChoice: ids.map((_, slot) => {
      const type = declared[slot]?.type;
      return type === 'enum' || type === 'ordinal';
    }),
  };
}

/**
 * A list of facts read. A list made only of yes/no facts has at most 3^k contents, so the whole
 * entry of its criterion is kept, frozen, by those values, and reused while the outcome is the same.
 */
interface SharedList {
  readonly slots: readonly number[];
  /** Whether every entry is a yes/no fact that no implied zero can fill (then entries are kept by value). */
  readonly byValue: boolean;
  /** The criterion entries kept, by the values' code (0 unknown, 1 true, 2 false per fact, base 3), with their outcomes. */
  readonly entries: (CriterionResult | undefined)[];
  readonly entryOutcomes: number[];
}

interface SharedCriterion {
  readonly plan: CriterionPlan;
  readonly noVariant: SharedList;
  readonly variants: readonly SharedList[];
}

/** Lists of more yes/no facts than this make their entries per call: 3^5 entries at most per list. */
const MOST_KEPT_BY_VALUE = 5;

function sharedList(list: SlotList, booleanSlot: readonly boolean[]): SharedList {
  return {
    slots: list.map(([, slot]) => slot),
    byValue: list.length <= MOST_KEPT_BY_VALUE && list.every(([, slot]) => booleanSlot[slot] === true),
    entries: [],
    entryOutcomes: [],
  };
}

/** `evaluate` for one plan: an assessment and its values in slot order to the full result. */
export function createTracer(
  plan: RulesetPlan,
  identity: RulesetIdentity,
): (assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined) => EvaluationResult {
  const slotOf = slotsByName(plan);
  // A yes/no slot that is a part of a whole could be an implied 0: it is read per call instead.
  const parts = new Set(plan.facts.flatMap((f) => (f.partOf === undefined ? [] : [slotOf.get(f.id)])));
  const booleanSlot: boolean[] = [...plan.context, ...plan.facts].map((x, i) => x.type === 'boolean' && !parts.has(i));
  const shared = (list: SlotList): SharedList => sharedList(list, booleanSlot);
  const tables: TraceTables = {
    ...decisionTables(plan, identity, slotOf),
    criteria: plan.criteria.map((criterion) => {
      const traced = tracedCriterion(criterion, slotOf);
      return { plan: criterion, noVariant: shared(traced.noVariant), variants: traced.variants.map(shared) };
    }),
    disqualifierSlots: plan.disqualifiers.map((d) => shared(slotList(d.condition.info.reads, slotOf))),
    readings: slotReadings(plan, slotOf),
    outcomes: new Array<number>(plan.criteria.length).fill(0),
    points: new Array<number>(plan.criteria.length).fill(0),
  };
  return (assessment, s, implied) => trace(tables, assessment, s, implied);
}

/** What trace-decision.ts needs of a plan (the generated evaluate is bound to it too). */
export function decisionTables(
  plan: RulesetPlan,
  identity: RulesetIdentity,
  slotOf: ReadonlyMap<string, number> = slotsByName(plan),
): DecisionTables {
  const factOrder = [...slotOf.keys()];
  return {
    plan,
    identity,
    rulesetEntry: Object.freeze({ id: identity.id, version: identity.version, hash: identity.hash }),
    mandatory: plan.mandatory.map((id) => plan.criteria.findIndex((c) => c.info.id === id)),
    factOrder,
    factIndex: new Map(factOrder.map((id, i) => [id, i])),
    marks: new Uint8Array(factOrder.length),
    dayName: slotOf.get(DATE_NAME) === plan.dateSlot ? DATE_NAME : undefined,
  };
}

function trace(t: TraceTables, assessment: Assessment, s: Slots, implied: ImpliedZeros | undefined): EvaluationResult {
  const n = t.criteria.length;
  const outcomes = t.outcomes;
  const points = t.points;
  const r = t.readings;
  const criteria: CriterionResult[] = new Array<CriterionResult>(n);
  const scored = t.plan.tiers !== undefined;
  for (let i = 0; i < n; i++) {
    const c = t.criteria[i];
    if (c === undefined) throw planMiss('trace tables criteria', i);
    const o = criterionOutcome(c.plan, s);
    const p = criterionPoints(c.plan, s, o);
    outcomes[i] = o;
    points[i] = p;
    const vi = variantIndex(o);
    const list = vi >= 0 ? c.variants[vi] : c.noVariant;
    if (list === undefined) throw planMiss('trace tables variants', vi);
    criteria[i] = scored
      ? criterionRecord(c.plan, o, sharedReadings(list, r, s, implied), earnedOf(p))
      : list.byValue
        ? keptEntry(c.plan, list, r, o, s)
        : criterionRecord(c.plan, o, sharedReadings(list, r, s, implied), undefined);
  }
  const m = t.plan.disqualifiers.length;
  const disqualifiers: DisqualifierResult[] = new Array<DisqualifierResult>(m);
  for (let i = 0; i < m; i++) {
    const d = t.plan.disqualifiers[i];
    const list = t.disqualifierSlots[i];
    if (d === undefined || list === undefined) throw planMiss('trace tables disqualifiers', i);
    disqualifiers[i] = disqualifierRecord(d.info.id, d.condition.fn(s), sharedReadings(list, r, s, implied));
  }
  return traceDecision(t, assessment, s, { criteria, outcomes, points, disqualifiers });
}

/** The entry of a criterion whose facts are all yes/no: kept by their values, made the first time. */
function keptEntry(c: CriterionPlan, list: SharedList, r: SlotReadings, o: number, s: Slots): CriterionResult {
  let code = 0;
  for (const slot of list.slots) {
    const v = s[slot];
    code = code * 3 + (v === true ? 1 : v === false ? 2 : 0);
  }
  const kept = list.entries[code];
  // The same values give the same outcome; the check keeps the entry right whatever the plan reads.
  if (kept !== undefined && list.entryOutcomes[code] === o) return kept;
  const made = Object.freeze(criterionRecord(c, o, Object.freeze(sharedReadings(list, r, s, undefined)), undefined));
  list.entries[code] = made;
  list.entryOutcomes[code] = o;
  return made;
}

/** `readings` with the shared readings where there is one, in an array of the exact length. */
function sharedReadings(t: SharedList, r: SlotReadings, s: Slots, implied: ImpliedZeros | undefined): FactReading[] {
  const n = t.slots.length;
  const out: FactReading[] = new Array<FactReading>(n);
  for (let k = 0; k < n; k++) {
    const slot = t.slots[k] as number;
    const whole = implied?.get(slot);
    out[k] =
      whole === undefined ? sharedReading(r, slot, s[slot]) : { id: r.ids[slot] ?? '', value: 0, implied_by: whole };
  }
  return out;
}

function sharedReading(r: SlotReadings, slot: number, v: Value): FactReading {
  if (v === undefined) return r.unknown[slot] as FactReading;
  if (v === true) return r.yes[slot] as FactReading;
  if (v === false) return r.no[slot] as FactReading;
  const id = r.ids[slot] ?? '';
  // -0 is left out: its reading must keep it (Object.is), and it is rare.
  if (typeof v === 'number' && (v | 0) === v && v >= 0 && v < SMALL_NUMBERS && (v !== 0 || 1 / v > 0)) {
    let numbers = r.numbers[slot];
    if (numbers === undefined) {
      numbers = [];
      r.numbers[slot] = numbers;
    }
    const kept = numbers[v];
    if (kept !== undefined) return kept;
    const made = Object.freeze({ id, value: v });
    numbers[v] = made;
    return made;
  }
  if (typeof v === 'string' && r.isChoice[slot] === true) {
    let choices = r.choices[slot];
    if (choices === undefined) {
      choices = new Map();
      r.choices[slot] = choices;
    }
    const kept = choices.get(v);
    if (kept !== undefined) return kept;
    const made = Object.freeze({ id, value: v });
    if (choices.size < MOST_CHOICES_KEPT) choices.set(v, made);
    return made;
  }
  return { id, value: v };
}

/** What a criterion earns, as an interval (schemes with tiers). */
export function earnedOf(p: number): PointsInterval {
  return { least: leastPoints(p), most: mostPoints(p) };
}

/**
 * A criterion's entry in the result, decoded from its packed outcome. Each of the four cases
 * (with or without `reason`, with or without `earned`) is one object literal, so V8 gives the
 * entries a few fixed shapes; a spread of an optional part (`...(reason ? { reason } : {})`)
 * copied property by property and was most of evaluate's time (issue 16).
 */
export function criterionRecord(
  c: CriterionPlan,
  o: number,
  facts: readonly FactReading[],
  earned: PointsInterval | undefined,
): CriterionResult {
  const id = c.info.id;
  const group = c.info.group;
  const status = criterionStatus(o);
  const vi = variantIndex(o);
  const variant = (vi >= 0 ? c.variants?.[vi]?.id : undefined) ?? null;
  const counts_as = countsAs(o);
  const mandatory = c.mandatory;
  const points = c.points;
  const reason = o & NO_VARIANT ? 'no_variant' : o & NOT_APPLICABLE_WHEN ? 'not_applicable_when' : undefined;
  if (reason === undefined) {
    return earned === undefined
      ? { id, group, status, variant, counts_as, mandatory, points, facts }
      : { id, group, status, variant, counts_as, mandatory, points, facts, earned };
  }
  return earned === undefined
    ? { id, group, status, variant, reason, counts_as, mandatory, points, facts }
    : { id, group, status, variant, reason, counts_as, mandatory, points, facts, earned };
}

/** A disqualifier's entry in the result: its condition's value as a status. */
export function disqualifierRecord(id: string, applies: Value, facts: readonly FactReading[]): DisqualifierResult {
  const status: DisqualifierStatus = applies === true ? 'applies' : applies === false ? 'clear' : 'unknown';
  return { id, status, facts };
}

/**
 * Each name a condition can read, with its slot: the context attributes, the facts, and `date`
 * when the rules read the assessment's date (compile/parameter-table.ts, DATE_NAME), so a
 * missing date is listed in `missing` like a missing fact. In declaration order, the date last.
 */
export function slotsByName(plan: RulesetPlan): Map<string, number> {
  const slotOf = new Map([...plan.contextSlots, ...plan.factSlots].map((id, i) => [id, i]));
  if (plan.readsDate && !slotOf.has(DATE_NAME)) slotOf.set(DATE_NAME, plan.dateSlot);
  return slotOf;
}

export function slotList(ids: readonly string[], slotOf: ReadonlyMap<string, number>): SlotList {
  return [...new Set(ids)].flatMap((id) => {
    const slot = slotOf.get(id);
    // Every fact a condition reads has a slot (the checker refuses undeclared names).
    return slot === undefined ? [] : [[id, slot] as const];
  });
}

/** What a criterion's trace lists: applicability, the selectors looked at, the condition used. */
export function tracedCriterion(criterion: CriterionPlan, slotOf: ReadonlyMap<string, number>): TracedCriterion {
  const applicable = criterion.applicable?.info.reads ?? [];
  const variants = criterion.variants ?? [];
  // What the points read when they are a step table or best_of (the criterion's, or the variant's own).
  const points = pointsReads(criterion.pointsInfo);
  return {
    plan: criterion,
    noVariant: slotList(
      [...applicable, ...variants.flatMap((v) => v.whenReads), ...(criterion.condition?.info.reads ?? []), ...points],
      slotOf,
    ),
    variants: variants.map((v) =>
      slotList(
        [
          ...applicable,
          ...v.whenReads,
          ...v.condition.info.reads,
          ...(v.points !== undefined ? pointsReads(v.pointsInfo) : points),
        ],
        slotOf,
      ),
    ),
  };
}

export function readings(list: SlotList, s: Slots, implied: ImpliedZeros | undefined): FactReading[] {
  return list.map(([id, slot]) => {
    const whole = implied?.get(slot);
    return whole === undefined ? { id, value: factValue(s[slot]) } : { id, value: 0, implied_by: whole };
  });
}

function factValue(v: Value): FactValue | null {
  return v === undefined ? null : v;
}
