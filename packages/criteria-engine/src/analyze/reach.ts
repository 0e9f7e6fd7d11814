/**
 * What each criterion and disqualifier can come to, per kind of unit: the statuses some complete,
 * valid input reaches, found by evaluating the ruleset (its own `evaluate`) on the probe inputs of
 * probes.ts. Kinds of unit that read the same things the same way are probed once.
 *
 * For a criterion that shares a fact with a disqualifier (1.4 and D1 both read the complaints),
 * the probes cover both, and record how often the criterion failed while such a disqualifier
 * applied: if it always did, the criterion's failure never decides anything.
 */
import type { CompiledRuleset, ConditionInfo, FactInfo } from '../compile/compiled-ruleset.js';
import { FUNCTIONS } from '../compile/functions/index.js';
import type { EvaluationResult, FactReading } from '../evaluate/result.js';
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
}

export interface ReachOptions {
  /** Probe inputs tried per criterion and kind of unit at most; beyond it nothing is claimed. */
  readonly maxProbes: number;
  /** Context combinations listed at most. */
  readonly maxContexts: number;
}

export function reachability(ruleset: CompiledRuleset, options: ReachOptions): Reachability {
  const listed = validContexts(ruleset, options.maxContexts);
  const contexts = listed ?? [];
  const contextIds = new Set(ruleset.context.map((a) => a.id));
  const names = probeNames(ruleset);
  // With every fact unknown, each result says which variant a kind of unit uses and what it reads.
  const blank = contexts.map((context) => ruleset.evaluate({ context, facts: {} }));
  const factReads = (readings: readonly FactReading[]) => readings.map((r) => r.id).filter((id) => !contextIds.has(id));
  // Kinds of unit that read the same context values and facts behave alike: probe them once.
  const keyOf = (variant: string | null, readings: readonly FactReading[]) =>
    JSON.stringify([variant, readings.map((r) => (contextIds.has(r.id) ? [r.id, r.value] : r.id))]);

  /**
   * Whether, for every failing probe of a criterion and every value of the facts only the
   * disqualifiers read, one of those disqualifiers applies. Stops at the first counterexample;
   * gives up (false: nothing claimed) after `maxProbes` evaluations.
   */
  const failsOnlyWhenDisqualified = (
    context: ContextValues,
    failing: readonly ProbeFacts[],
    shared: readonly number[],
    result: EvaluationResult,
  ): boolean => {
    const space = new ProbeSpace(names);
    const extra = new Set<string>();
    for (const j of shared) {
      space.add(ruleset.disqualifiers[j]?.condition);
      for (const id of factReads(result.disqualifiers[j]?.facts ?? [])) extra.add(id);
    }
    let budget = options.maxProbes;
    for (const probe of failing) {
      const ids = [...extra].filter((id) => !(id in probe));
      let clear = false;
      const n = space.enumerate(
        ids,
        budget,
        (facts) => {
          const r = ruleset.evaluate({ context, facts });
          clear = !shared.some((j) => r.disqualifiers[j]?.status === 'applies');
          return !clear;
        },
        probe,
      );
      if (n === undefined || clear || space.opaque) return false;
      budget -= n;
      if (budget <= 0) return false;
    }
    return true;
  };

  const criteria = ruleset.criteria.map((info, i): CriterionReach => {
    const memo = new Map<string, CriterionOutcomes>();
    const outcomes = contexts.map((context, k) => {
      const result = blank[k] as EvaluationResult;
      const c = result.criteria[i];
      if (!c) throw new Error(`criterion ${info.id} is missing from the result`);
      const key = keyOf(c.variant, c.facts);
      let found = memo.get(key);
      if (!found) {
        const variant = info.variants?.find((v) => v.id === c.variant);
        const reads = factReads(c.facts);
        const shared = result.disqualifiers.flatMap((d, j) =>
          factReads(d.facts).some((id) => reads.includes(id)) ? [j] : [],
        );
        const statuses = new Set<ReachedStatus>();
        const counts = new Set<ReachedCount>();
        const failingProbes: ProbeFacts[] = [];
        const space = new ProbeSpace(names).add(variant?.condition ?? info.condition, info.applicableWhen);
        const probes = space.enumerate(reads, options.maxProbes, (probe): undefined => {
          const s = ruleset.evaluate({ context, facts: probe }).criteria[i];
          if (!s) return;
          if (s.status !== 'unknown') statuses.add(s.status);
          if (s.counts_as !== 'unknown') counts.add(s.counts_as);
          if (s.counts_as === 'failed' && shared.length > 0) failingProbes.push({ ...probe });
        });
        const checked = probes !== undefined && probes > 0 && !space.opaque;
        found = {
          variant: c.variant,
          statuses: checked ? [...statuses] : everyStatus(info),
          counts: checked ? [...counts] : everyCount(info),
          readsFacts: reads.length > 0,
          checked,
          opaque: space.opaque,
          probes: probes ?? 0,
          failsOnlyWhenDisqualified:
            checked && failingProbes.length > 0 && failsOnlyWhenDisqualified(context, failingProbes, shared, result),
          sharedWith: shared.map((j) => ruleset.disqualifiers[j]?.id ?? ''),
        };
        memo.set(key, found);
      }
      return found;
    });
    return { id: info.id, contexts: outcomes };
  });

  const disqualifiers = ruleset.disqualifiers.map((info, j): DisqualifierReach => {
    const memo = new Map<string, DisqualifierOutcomes>();
    const outcomes = contexts.map((context, k) => {
      const d = (blank[k] as EvaluationResult).disqualifiers[j];
      if (!d) throw new Error(`disqualifier ${info.id} is missing from the result`);
      const key = keyOf(null, d.facts);
      let found = memo.get(key);
      if (!found) {
        let applies = false;
        let clear = false;
        const reads = factReads(d.facts);
        const space = new ProbeSpace(names).add(info.condition);
        const probes = space.enumerate(reads, options.maxProbes, (probe): undefined => {
          const status = ruleset.evaluate({ context, facts: probe }).disqualifiers[j]?.status;
          if (status === 'applies') applies = true;
          if (status === 'clear') clear = true;
        });
        const checked = probes !== undefined && probes > 0 && !space.opaque;
        found = {
          applies: applies || !checked,
          clear: clear || !checked,
          readsFacts: reads.length > 0,
          checked,
          opaque: space.opaque,
          probes: probes ?? 0,
        };
        memo.set(key, found);
      }
      return found;
    });
    return { id: info.id, contexts: outcomes };
  });

  return { contexts, contextsListed: listed !== undefined, criteria, disqualifiers, maxProbes: options.maxProbes };
}

/** Facts, parameters, definitions, and the names that carry no constant (context, functions, keywords). */
function probeNames(ruleset: CompiledRuleset): ProbeNames {
  return {
    facts: new Map<string, FactInfo>(ruleset.facts.map((f) => [f.id, f])),
    parameters: new Map(Object.entries(ruleset.document.parameters ?? {}).map(([id, p]) => [id, p.value])),
    definitions: new Map(ruleset.definitions.map((d) => [d.id, d.condition])),
    plain: new Set([...ruleset.context.map((a) => a.id), ...KEYWORDS_AND_FUNCTIONS]),
  };
}

/** Words of the condition language that are not names of the rule file: keywords and functions. */
const KEYWORDS_AND_FUNCTIONS = ['and', 'or', 'not', 'in', 'true', 'false', ...FUNCTIONS.keys()];

/** What an unchecked criterion is assumed to reach: everything its declaration allows. */
function everyStatus(info: CompiledRuleset['criteria'][number]): ReachedStatus[] {
  return canBeNotApplicable(info) ? ['pass', 'fail', 'not_applicable'] : ['pass', 'fail'];
}

function everyCount(info: CompiledRuleset['criteria'][number]): ReachedCount[] {
  return canBeNotApplicable(info) ? ['passed', 'failed', 'excluded'] : ['passed', 'failed'];
}

function canBeNotApplicable(info: CompiledRuleset['criteria'][number]): boolean {
  return info.applicableWhen !== undefined || info.variants !== undefined;
}

/** The condition a criterion uses in a kind of unit (its variant's, or its own). */
export function conditionFor(
  info: CompiledRuleset['criteria'][number],
  variant: string | null,
): ConditionInfo | undefined {
  return info.variants?.find((v) => v.id === variant)?.condition ?? info.condition;
}
