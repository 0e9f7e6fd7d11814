/**
 * What each criterion and disqualifier can come to, per kind of unit: the statuses some complete,
 * valid input reaches, found by evaluating the ruleset (its own `evaluate`) on the probe inputs of
 * probes.ts. Kinds of unit that read the same things the same way are probed once.
 *
 * For a criterion that shares a fact with a disqualifier (1.4 and D1 both read the complaints),
 * the probes cover both, and record how often the criterion failed while such a disqualifier
 * applied: if it always did, the criterion's failure never decides anything.
 */
import type { CompiledRuleset, CriterionInfo, DisqualifierInfo, FactInfo } from '../compile/compiled-ruleset.js';
import { FUNCTIONS } from '../compile/functions/index.js';
import type { CriterionResult, EvaluationResult, FactReading } from '../evaluate/result.js';
import { validContexts, type ContextValues } from './contexts.js';
import { ProbeSpace, type ProbeFacts, type ProbeNames } from './probes.js';

export type ReachedStatus = 'pass' | 'fail' | 'not_applicable';
export type ReachedCount = 'passed' | 'failed' | 'excluded';

/** A criterion in one kind of unit. */
export interface CriterionOutcomes {
  /** The variant this kind of unit uses; null when the criterion has none, or none applies. */
  readonly variant: string | null;
  /** The statuses some complete, valid input reaches. */
  readonly statuses: readonly ReachedStatus[];
  /** How those statuses count in the standard. */
  readonly counts: readonly ReachedCount[];
  /** Whether it reads any fact here (if not, it is never unknown). */
  readonly readsFacts: boolean;
  /**
   * False when there were more probes than the limit, or the condition names a value the probes
   * cannot know (`opaque`): every status is then taken as possible.
   */
  readonly checked: boolean;
  readonly opaque: boolean;
  /** Probes tried. */
  readonly probes: number;
  /**
   * It can count as failed here, and whenever it does, a disqualifier that reads one of its facts
   * applies (on every probe, whatever the facts only the disqualifier reads).
   */
  readonly failsOnlyWhenDisqualified: boolean;
  /** Disqualifiers that read a fact this criterion reads here. */
  readonly sharedWith: readonly string[];
  /** Not tried: the whole check's budget had run out (one `check_limit` note says so). */
  readonly unprobed: boolean;
}

export interface CriterionReach {
  readonly id: string;
  /** Per kind of unit, in the order of `Reachability.contexts`. */
  readonly contexts: readonly CriterionOutcomes[];
}

export interface DisqualifierOutcomes {
  readonly applies: boolean;
  readonly clear: boolean;
  readonly readsFacts: boolean;
  readonly checked: boolean;
  readonly opaque: boolean;
  readonly probes: number;
  /** Not tried: the whole check's budget had run out. */
  readonly unprobed: boolean;
}

export interface DisqualifierReach {
  readonly id: string;
  readonly contexts: readonly DisqualifierOutcomes[];
}

export interface Reachability {
  /** Every valid kind of unit; empty when there were too many combinations to list. */
  readonly contexts: readonly ContextValues[];
  readonly contextsListed: boolean;
  readonly criteria: readonly CriterionReach[];
  readonly disqualifiers: readonly DisqualifierReach[];
  /** The probe limit used (see ReachOptions). */
  readonly maxProbes: number;
  /**
   * Set when the whole check's budget (`maxTotalProbes`) ran out: the first part left unchecked
   * (nothing is claimed about it or any later part) and the budget.
   */
  readonly budgetSpent?: { readonly kind: 'criterion' | 'disqualifier'; readonly id: string; readonly max: number };
}

export interface ReachOptions {
  /** Probe inputs tried per criterion and kind of unit at most; beyond it nothing is claimed. */
  readonly maxProbes: number;
  /** Context combinations listed at most. */
  readonly maxContexts: number;
  /**
   * Probe evaluations for the whole ruleset at most: each costs what one part reads, so this
   * bounds the time of a check whatever the size of the rule file. Parts left when it runs out
   * are not checked, and one `check_limit` note says so.
   */
  readonly maxTotalProbes: number;
}

/** What every part's probing shares: the kinds of unit, their blank results and the budget. */
class ReachRun {
  readonly contextIds: ReadonlySet<string>;
  readonly names: ProbeNames;
  /** Per kind of unit: the result with every fact unknown (the variant used and what it reads). */
  readonly blank: readonly EvaluationResult[];
  /** Per kind of unit: fact → the disqualifiers that read it. */
  private readonly disqualifiersByFact: readonly ReadonlyMap<string, readonly number[]>[];
  budget: number;
  spent?: Reachability['budgetSpent'];

  constructor(
    readonly ruleset: CompiledRuleset,
    readonly contexts: readonly ContextValues[],
    readonly options: ReachOptions,
  ) {
    this.contextIds = new Set(ruleset.context.map((a) => a.id));
    this.names = probeNames(ruleset);
    this.blank = contexts.map((context) => ruleset.evaluate({ context, facts: {} }));
    this.disqualifiersByFact = this.blank.map((result) => {
      const byFact = new Map<string, number[]>();
      result.disqualifiers.forEach((d, j) => {
        for (const id of new Set(this.factReads(d.facts))) byFact.set(id, [...(byFact.get(id) ?? []), j]);
      });
      return byFact;
    });
    this.budget = options.maxTotalProbes;
  }

  factReads(readings: readonly FactReading[]): string[] {
    return readings.map((r) => r.id).filter((id) => !this.contextIds.has(id));
  }

  /** Kinds of unit that read the same context values and facts behave alike: probe them once. */
  keyOf(variant: string | null, readings: readonly FactReading[]): string {
    return JSON.stringify([variant, readings.map((r) => (this.contextIds.has(r.id) ? [r.id, r.value] : r.id))]);
  }

  /** Disqualifiers that read one of `reads` in kind of unit `k`, in order. */
  sharedDisqualifiers(k: number, reads: readonly string[]): number[] {
    const byFact = this.disqualifiersByFact[k];
    const out = new Set<number>();
    for (const id of reads) for (const j of byFact?.get(id) ?? []) out.add(j);
    return [...out].sort((a, b) => a - b);
  }

  /**
   * Enumerates the probes of `space` within the per-part limit and what is left of the budget;
   * undefined (nothing claimed) past either. Past the budget, `spent` names the part.
   */
  probe(
    space: ProbeSpace,
    reads: readonly string[],
    part: { kind: 'criterion' | 'disqualifier'; id: string },
    visit: (facts: ProbeFacts) => void,
  ): number | undefined {
    if (this.spent) return undefined;
    const limit = Math.min(this.options.maxProbes, this.budget);
    const n = space.enumerate(reads, limit, (facts) => {
      visit(facts);
      return undefined;
    });
    if (n === undefined && limit < this.options.maxProbes) {
      this.spent = { ...part, max: this.options.maxTotalProbes };
      return undefined;
    }
    this.budget -= n ?? 0;
    return n;
  }
}

export function reachability(ruleset: CompiledRuleset, options: ReachOptions): Reachability {
  const listed = validContexts(ruleset, options.maxContexts);
  const run = new ReachRun(ruleset, listed ?? [], options);
  const criteria = ruleset.criteria.map((info, i) => criterionReach(run, info, i));
  const disqualifiers = ruleset.disqualifiers.map((info, j) => disqualifierReach(run, info, j));
  return {
    contexts: run.contexts,
    contextsListed: listed !== undefined,
    criteria,
    disqualifiers,
    maxProbes: options.maxProbes,
    ...(run.spent ? { budgetSpent: run.spent } : {}),
  };
}

function criterionReach(run: ReachRun, info: CriterionInfo, i: number): CriterionReach {
  const memo = new Map<string, CriterionOutcomes>();
  const outcomes = run.contexts.map((context, k) => {
    const c = run.blank[k]?.criteria[i];
    if (!c) throw new Error(`criterion ${info.id} is missing from the result`);
    const key = run.keyOf(c.variant, c.facts);
    let found = memo.get(key);
    if (!found) {
      found = probeCriterion(run, info, i, context, k, c);
      memo.set(key, found);
    }
    return found;
  });
  return { id: info.id, contexts: outcomes };
}

function probeCriterion(
  run: ReachRun,
  info: CriterionInfo,
  i: number,
  context: ContextValues,
  k: number,
  blank: CriterionResult,
): CriterionOutcomes {
  const { ruleset } = run;
  const variant = info.variants?.find((v) => v.id === blank.variant);
  const reads = run.factReads(blank.facts);
  const shared = run.sharedDisqualifiers(k, reads);
  const statuses = new Set<ReachedStatus>();
  const counts = new Set<ReachedCount>();
  const failingProbes: ProbeFacts[] = [];
  const space = new ProbeSpace(run.names).add(variant?.condition ?? info.condition, info.applicableWhen);
  const probes = run.probe(space, reads, { kind: 'criterion', id: info.id }, (probe) => {
    const s = ruleset.evaluateCriterion({ context, facts: probe }, i);
    if (s.status !== 'unknown') statuses.add(s.status);
    if (s.counts_as !== 'unknown') counts.add(s.counts_as);
    if (s.counts_as === 'failed' && shared.length > 0) failingProbes.push({ ...probe });
  });
  const checked = probes !== undefined && probes > 0 && !space.opaque;
  return {
    variant: blank.variant,
    statuses: checked ? [...statuses] : everyStatus(info, blank),
    counts: checked ? [...counts] : everyCount(info, blank),
    readsFacts: reads.length > 0,
    checked,
    opaque: space.opaque,
    probes: probes ?? 0,
    failsOnlyWhenDisqualified:
      checked && failingProbes.length > 0 && failsOnlyWhenDisqualified(run, context, k, failingProbes, shared),
    sharedWith: shared.map((j) => ruleset.disqualifiers[j]?.id ?? ''),
    unprobed: probes === undefined && run.spent !== undefined,
  };
}

/**
 * Whether, for every failing probe of a criterion and every value of the facts only the
 * disqualifiers read, one of those disqualifiers applies. Stops at the first counterexample;
 * gives up (false: nothing claimed) after `maxProbes` evaluations or when the budget runs out.
 */
function failsOnlyWhenDisqualified(
  run: ReachRun,
  context: ContextValues,
  k: number,
  failing: readonly ProbeFacts[],
  shared: readonly number[],
): boolean {
  const { ruleset } = run;
  const space = new ProbeSpace(run.names);
  const extra = new Set<string>();
  for (const j of shared) {
    space.add(ruleset.disqualifiers[j]?.condition);
    for (const id of run.factReads(run.blank[k]?.disqualifiers[j]?.facts ?? [])) extra.add(id);
  }
  let budget = Math.min(run.options.maxProbes, run.budget);
  for (const probe of failing) {
    const ids = [...extra].filter((id) => !(id in probe));
    let clear = false;
    const n = space.enumerate(
      ids,
      budget,
      (facts) => {
        clear = !shared.some((j) => ruleset.evaluateDisqualifier({ context, facts }, j).status === 'applies');
        return !clear;
      },
      probe,
    );
    if (n === undefined || clear || space.opaque) return false;
    budget -= n;
    run.budget -= n;
    if (budget <= 0) return false;
  }
  return true;
}

function disqualifierReach(run: ReachRun, info: DisqualifierInfo, j: number): DisqualifierReach {
  const memo = new Map<string, DisqualifierOutcomes>();
  const outcomes = run.contexts.map((context, k) => {
    const d = run.blank[k]?.disqualifiers[j];
    if (!d) throw new Error(`disqualifier ${info.id} is missing from the result`);
    const key = run.keyOf(null, d.facts);
    let found = memo.get(key);
    if (!found) {
      found = probeDisqualifier(run, info, j, context, d.facts);
      memo.set(key, found);
    }
    return found;
  });
  return { id: info.id, contexts: outcomes };
}

/** Whether a disqualifier can apply and can be clear in one kind of unit, on the probes of what it reads. */
function probeDisqualifier(
  run: ReachRun,
  info: DisqualifierInfo,
  j: number,
  context: ContextValues,
  readings: readonly FactReading[],
): DisqualifierOutcomes {
  let applies = false;
  let clear = false;
  const reads = run.factReads(readings);
  const space = new ProbeSpace(run.names).add(info.condition);
  const probes = run.probe(space, reads, { kind: 'disqualifier', id: info.id }, (probe) => {
    const status = run.ruleset.evaluateDisqualifier({ context, facts: probe }, j).status;
    if (status === 'applies') applies = true;
    if (status === 'clear') clear = true;
  });
  const checked = probes !== undefined && probes > 0 && !space.opaque;
  return {
    applies: applies || !checked,
    clear: clear || !checked,
    readsFacts: reads.length > 0,
    checked,
    opaque: space.opaque,
    probes: probes ?? 0,
    unprobed: probes === undefined && run.spent !== undefined,
  };
}

/** Facts, parameters, definitions, and the names that carry no constant (context, functions, keywords). */
function probeNames(ruleset: CompiledRuleset): ProbeNames {
  return {
    facts: new Map<string, FactInfo>(ruleset.facts.map((f) => [f.id, f])),
    // Constants only: a table's value depends on the context (compile/parameter-table.ts).
    parameters: new Map(
      Object.entries(ruleset.parameters).flatMap(([id, p]) => (p.value !== undefined ? [[id, p.value] as const] : [])),
    ),
    definitions: new Map(ruleset.definitions.map((d) => [d.id, d.condition])),
    plain: new Set([...ruleset.context.map((a) => a.id), ...KEYWORDS_AND_FUNCTIONS]),
    partOfWholes: new Set(ruleset.facts.flatMap((f) => (f.partOf !== undefined ? [f.partOf] : []))),
  };
}

/** Words of the condition language that are not names of the rule file: keywords and functions. */
const KEYWORDS_AND_FUNCTIONS = ['and', 'or', 'not', 'in', 'true', 'false', ...FUNCTIONS.keys()];

/** What an unchecked criterion is assumed to reach: everything its declaration allows. */
function everyStatus(info: CompiledRuleset['criteria'][number], blank: CriterionResult): ReachedStatus[] {
  return canBeNotApplicable(info, blank) ? ['pass', 'fail', 'not_applicable'] : ['pass', 'fail'];
}

function everyCount(info: CompiledRuleset['criteria'][number], blank: CriterionResult): ReachedCount[] {
  return canBeNotApplicable(info, blank) ? ['passed', 'failed', 'excluded'] : ['passed', 'failed'];
}

/**
 * Variants make a criterion not applicable only where none applies and `no_variant` says so. A
 * variant chosen on the blank input (no facts, no date) was chosen by a selector that holds
 * whatever is unknown, so some variant applies on every input of this kind of unit.
 */
function canBeNotApplicable(info: CompiledRuleset['criteria'][number], blank: CriterionResult): boolean {
  if (info.applicableWhen !== undefined) return true;
  return info.variants !== undefined && info.noVariant !== 'fail' && !blank.variant;
}
