/**
 * One criterion or one disqualifier of a ruleset, evaluated alone: the same outcome and the same
 * trace entry as in `evaluate`, at a cost that grows with what that part reads, not with the
 * ruleset. The static checks (analyze/) evaluate each part on many probe inputs; through the
 * whole `evaluate`, every probe paid for every criterion and for filling every fact's slot, so
 * checking grew with criteria × (criteria + facts).
 *
 * Only the slots the part reads are filled, and they are cleared again afterwards, so the scratch
 * array holds `undefined` (unknown) everywhere else: a closure that read another slot would see
 * unknown. The reads are collected by the checker for exactly this kind of use (and a test
 * checks that every part agrees with `evaluate`).
 */
import type { RulesetPlan } from '../compile/plan.js';
import { assessmentDate } from '../compile/slots.js';
import type { Value } from '../compile/types.js';
import type { Assessment } from './assessment.js';
import { createImpliedZeros, type ImpliedZeros } from './implied-zeros.js';
import { criterionOutcome, variantIndex } from './outcome.js';
import type { CriterionResult, DisqualifierResult } from './result.js';
import {
  criterionRecord,
  disqualifierRecord,
  readings,
  type SlotList,
  slotList,
  slotsByName,
  type TracedCriterion,
  tracedCriterion,
} from './trace.js';

export interface PartEvaluator {
  evaluateCriterion(assessment: Assessment, index: number): CriterionResult;
  evaluateDisqualifier(assessment: Assessment, index: number): DisqualifierResult;
}

export function createPartEvaluator(plan: RulesetPlan): PartEvaluator {
  const contextCount = plan.contextSlots.length;
  const slotOf = slotsByName(plan);
  // Worked out on first use of each part: most callers never evaluate parts alone.
  const traces: (TracedCriterion | undefined)[] = [];
  const criterionReads: (SlotList | undefined)[] = [];
  const disqualifierReads: (SlotList | undefined)[] = [];
  const scratch: Value[] = new Array<Value>(contextCount + plan.factSlots.length).fill(undefined);
  // A part of a whole known to be 0 is 0, as in evaluate: the wholes of the parts a part reads are
  // filled too (through chains of parts), and the implied zeros applied before the part runs.
  const impliedZeros = createImpliedZeros(plan);
  const partOf = new Map(plan.facts.flatMap((f) => (f.partOf === undefined ? [] : [[f.id, f.partOf] as const])));
  const withWholes = (ids: readonly string[]): string[] => {
    const out = [...ids];
    // for…of sees the wholes pushed while it runs: chains of parts are followed to their end.
    for (const id of out) {
      const whole = partOf.get(id);
      if (whole !== undefined && !out.includes(whole)) out.push(whole);
    }
    return out;
  };

  /** Fills only `list`'s slots from the assessment, runs `body`, then clears them again. */
  function withSlots<T>(assessment: Assessment, list: SlotList, body: (implied: ImpliedZeros | undefined) => T): T {
    const context = assessment.context;
    const facts = assessment.facts;
    for (const [id, slot] of list) {
      if (slot === plan.dateSlot) {
        scratch[slot] = assessmentDate(assessment);
        continue;
      }
      const v = slot < contextCount ? context[id] : facts[id];
      scratch[slot] = v === null ? undefined : v;
    }
    // The assessment's date, for a table or a `year` the part reads (as evaluate fills it).
    if (plan.readsDate) scratch[plan.dateSlot] = assessmentDate(assessment);
    try {
      return body(impliedZeros(scratch));
    } finally {
      for (const [, slot] of list) scratch[slot] = undefined;
      if (plan.readsDate) scratch[plan.dateSlot] = undefined;
    }
  }

  function evaluateCriterion(assessment: Assessment, index: number): CriterionResult {
    const criterion = plan.criteria[index];
    if (!criterion) throw new RangeError(`no criterion at index ${index}`);
    const trace = traces[index] ?? tracedCriterion(criterion, slotOf);
    traces[index] = trace;
    const reads =
      criterionReads[index] ??
      slotList(withWholes([trace.noVariant, ...trace.variants].flatMap((list) => list.map(([id]) => id))), slotOf);
    criterionReads[index] = reads;
    return withSlots(assessment, reads, (implied) => {
      const o = criterionOutcome(criterion, scratch);
      const vi = variantIndex(o);
      const facts = readings(vi >= 0 ? (trace.variants[vi] ?? []) : trace.noVariant, scratch, implied);
      return criterionRecord(criterion, o, facts, undefined);
    });
  }

  function evaluateDisqualifier(assessment: Assessment, index: number): DisqualifierResult {
    const d = plan.disqualifiers[index];
    if (!d) throw new RangeError(`no disqualifier at index ${index}`);
    const reads = disqualifierReads[index] ?? slotList(withWholes(d.condition.info.reads), slotOf);
    disqualifierReads[index] = reads;
    return withSlots(assessment, reads, (implied) => {
      const facts = readings(slotList(d.condition.info.reads, slotOf), scratch, implied);
      return disqualifierRecord(d.info.id, d.condition.fn(scratch), facts);
    });
  }

  return { evaluateCriterion, evaluateDisqualifier };
}
