/**
 * Directed changes to an assessment: new values for the facts one condition reads, chosen from the
 * thresholds the ruleset declares (flip a boolean, step a count across its threshold, move a part
 * or a whole to the exact percentage boundary, copy a donor's values). The properties do not
 * predict what a change does: they re-evaluate and keep the changes that had the effect they need.
 * Every change kept is a valid assessment (parts that would exceed a lowered whole are lowered too).
 */
import type { Assessment } from '../evaluate/assessment.js';
import type { FactValue } from '../evaluate/result.js';
import { FACT_TYPES } from '../compile/fact-types/index.js';
import {
  INTERESTING_WHOLES,
  candidates,
  compareNeighbours,
  isNumericFact,
  isValidAssessment,
  percentBoundaryParts,
  upperBound,
  type Facts,
  type RulesetModel,
} from './model.js';

export interface Change {
  /** What was changed, for failure messages: `fact: old → new`, … */
  readonly label: string;
  readonly assessment: Assessment;
}

/** Changes to the facts in `reads` (ids that are not facts, e.g. context attributes, are skipped). */
export function changesTo(
  model: RulesetModel,
  assessment: Assessment,
  reads: readonly string[],
  donor?: Assessment,
): Change[] {
  const out: Change[] = [];
  const seen = new Set<string>();
  const push = (updates: Readonly<Record<string, FactValue | undefined>>) => {
    const change = apply(model, assessment, updates);
    if (!change) return;
    const key = JSON.stringify(change.assessment.facts);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(change);
  };
  const facts = assessment.facts;
  const readFacts = model.order.filter((id) => reads.includes(id));
  for (const id of readFacts) {
    for (const v of valuesToTry(model, facts, id)) push({ [id]: v });
  }
  // Every read fact at once on the passing side, then on the failing side: single steps cannot
  // make an `all` of several failed parts pass, nor an `any` of several passing parts fail.
  for (const side of ['good', 'bad'] as const) {
    const next: Facts = { ...facts };
    const updates: Record<string, FactValue> = {};
    for (const id of model.order) {
      const fm = model.facts.get(id);
      if (!fm || !readFacts.includes(id)) continue;
      const { good, bad } = candidates(fm, next, Math.max(fm.lo, upperBound(fm, next)));
      // The passing side's first value is the exact boundary; the failing side's last is one step short of it.
      const v = side === 'good' ? good[0] : bad[bad.length - 1];
      if (v === undefined) continue;
      next[id] = v;
      updates[id] = v;
    }
    push(updates);
  }
  if (donor) {
    const updates: Record<string, FactValue | undefined> = {};
    for (const id of readFacts) {
      const v = donor.facts[id];
      updates[id] = v === null ? undefined : v;
    }
    push(updates);
  }
  return out;
}

/** Each read fact that is known, left out: the change that can only add doubt. */
export function forgetting(model: RulesetModel, assessment: Assessment, reads: readonly string[]): Change[] {
  return model.order
    .filter((id) => reads.includes(id) && isKnown(assessment.facts[id]))
    .flatMap((id) => {
      const change = apply(model, assessment, { [id]: undefined });
      return change ? [change] : [];
    });
}

function isKnown(v: FactValue | null | undefined): v is FactValue {
  return v !== undefined && v !== null;
}

function valuesToTry(model: RulesetModel, facts: Facts, id: string): FactValue[] {
  const fm = model.facts.get(id);
  if (!fm) return [];
  const f = fm.info;
  const current = facts[id];
  let values: FactValue[];
  const finite = FACT_TYPES[f.type].finiteValues?.(f);
  if (finite) values = [...finite];
  else {
    const set = new Set<number>([fm.lo]);
    if (typeof current === 'number') for (const v of [current - 1, current + 1]) set.add(v);
    for (const c of fm.compares)
      if (typeof c.value === 'number') for (const v of compareNeighbours(f, c.value)) set.add(v);
    for (const p of fm.asPart) {
      const whole = facts[p.whole];
      if (typeof whole === 'number') for (const v of percentBoundaryParts(whole, p.value)) set.add(v);
    }
    for (const p of fm.asWhole) {
      const part = facts[p.part];
      if (typeof part === 'number' && p.value > 0) {
        // The largest whole at which the part still reaches the threshold, and one above it.
        const w = Math.floor((part * 100) / p.value + 1e-9);
        for (const v of [part, w, w + 1]) set.add(v);
      }
      set.add(0);
    }
    if (fm.asWhole.length > 0 && fm.asPart.length === 0 && fm.compares.length === 0)
      for (const v of INTERESTING_WHOLES) set.add(v);
    values = [...set].filter((v) => v >= fm.lo && v <= fm.hi && (f.type === 'number' || Number.isInteger(v)));
  }
  return values.filter((v) => v !== current);
}

/**
 * The assessment with `updates` applied (undefined = left out), parts lowered to a lowered whole
 * along `part_of` chains; undefined when the result is not a valid assessment or changes nothing.
 */
function apply(
  model: RulesetModel,
  assessment: Assessment,
  updates: Readonly<Record<string, FactValue | undefined>>,
): Change | undefined {
  const facts: Facts = { ...assessment.facts };
  const labels: string[] = [];
  const before = assessment.facts;
  for (const [id, v] of Object.entries(updates)) {
    if (v === undefined) delete facts[id];
    else facts[id] = v;
  }
  for (const id of model.order) {
    const fm = model.facts.get(id);
    const whole = fm?.info.partOf;
    if (!fm || whole === undefined || !isNumericFact(fm.info)) continue;
    const part = facts[id];
    const w = facts[whole];
    if (typeof part === 'number' && typeof w === 'number' && part > w) facts[id] = w;
  }
  for (const id of model.order) {
    const a = before[id];
    const b = facts[id];
    if ((isKnown(a) ? a : undefined) !== (isKnown(b) ? b : undefined)) labels.push(`${id}: ${show(a)} → ${show(b)}`);
  }
  if (labels.length === 0) return undefined;
  const changed: Assessment = { ...assessment, facts };
  if (!isValidAssessment(model.ruleset, changed)) return undefined;
  return { label: labels.join(', '), assessment: changed };
}

function show(v: FactValue | null | undefined): string {
  return isKnown(v) ? JSON.stringify(v) : 'unknown';
}
