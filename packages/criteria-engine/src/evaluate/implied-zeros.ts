/**
 * A part (`part_of`) of a whole that is known to be 0 can only be 0: an unknown part is filled in
 * as 0 before anything reads it, through chains of parts too. decide, decideSlots (the batch fast
 * path) and evaluate all call it first, so they cannot disagree.
 */
import type { RulesetPlan } from '../compile/plan.js';
import type { Value } from '../compile/types.js';

/** The part slots it filled, each with its whole's id (so the explanation can say why the value is 0). */
export type ImpliedZeros = ReadonlyMap<number, string>;

export function createImpliedZeros(plan: RulesetPlan): (s: Value[]) => ImpliedZeros | undefined {
  const slotOf = new Map([...plan.contextSlots, ...plan.factSlots].map((id, i) => [id, i]));
  const pairs = plan.facts.flatMap((f) => {
    const part = slotOf.get(f.id);
    const whole = f.partOf === undefined ? undefined : slotOf.get(f.partOf);
    return part === undefined || whole === undefined || f.partOf === undefined ? [] : [{ part, whole, id: f.partOf }];
  });
  if (pairs.length === 0) return () => undefined;
  return (s) => {
    let filled: Map<number, string> | undefined;
    // As many passes as there are pairs at most: each pass that changes something fills one more link of a chain.
    for (let changed = true; changed; ) {
      changed = false;
      for (const { part, whole, id } of pairs) {
        if (s[part] === undefined && s[whole] === 0) {
          s[part] = 0;
          filled ??= new Map();
          filled.set(part, id);
          changed = true;
        }
      }
    }
    return filled;
  };
}
