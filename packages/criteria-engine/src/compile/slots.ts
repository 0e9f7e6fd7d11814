/**
 * Turns an assessment's `context` and `facts` objects into the slot array closures read.
 *
 * Why slots: a closure reading `facts[name]` made every fact read inside the condition tree a
 * megamorphic keyed lookup. Now each declared name is read once per assessment, here, in one
 * tight loop, and the conditions read `s[i]`, a monomorphic element load.
 *
 * Why a plain loop over the declared names: it was measured against copying `Object.values`
 * through a cached key order and against `for…in`. Inputs with some facts left out have many
 * different shapes, which defeats any cache of key orders (16 µs per assessment against 1.7 µs for
 * this loop on the bench machine).
 */
import type { Value } from './types.js';

export type SlotFiller = (context: object, facts: object, out: Value[]) => Value[];

export function createSlotFiller(contextIds: readonly string[], factIds: readonly string[]): SlotFiller {
  const offset = contextIds.length;
  const size = offset + factIds.length;
  return (context, facts, out) => {
    out.length = size;
    const c = context as Readonly<Record<string, unknown>>;
    const f = facts as Readonly<Record<string, unknown>>;
    for (let i = 0; i < offset; i++) {
      const v = c[contextIds[i] as string];
      // null and undefined both mean "not supplied": unknown.
      out[i] = v === null ? undefined : (v as Value);
    }
    for (let i = 0; i < factIds.length; i++) {
      const v = f[factIds[i] as string];
      out[offset + i] = v === null ? undefined : (v as Value);
    }
    return out;
  };
}

/** The JavaScript type a slot's value must have: what `typeof` says of a valid value. */
export type SlotKind = 'number' | 'boolean' | 'string';

/** What `typeof` says of a valid value of a declared fact or context type. */
export function slotKind(type: 'integer' | 'number' | 'boolean' | 'enum' | 'ordinal'): SlotKind {
  return type === 'integer' || type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : 'string';
}

/**
 * Fills slots as createSlotFiller does, and never coerces: a value whose JavaScript type is not
 * its slot's (the text "200" for an integer, an assessment that skipped validateAssessment) is
 * left unknown, and the filler returns false so the caller can say so. One `typeof` per declared
 * name, measured in packages/bench (decide() on the bench ruleset: within its run-to-run noise).
 */
export type CheckedSlotFiller = (context: unknown, facts: unknown, out: Value[]) => boolean;

export function createCheckedSlotFiller(
  contextIds: readonly string[],
  factIds: readonly string[],
  kinds: readonly SlotKind[],
): CheckedSlotFiller {
  const ids = [...contextIds, ...factIds];
  const offset = contextIds.length;
  const size = ids.length;
  return (context, facts, out) => {
    out.length = size;
    // A missing context or facts object leaves its names unknown; anything else in its place is wrong.
    let ok = isRecordOrNothing(context) && isRecordOrNothing(facts);
    let from = (typeof context === 'object' && context !== null ? context : NONE) as Readonly<Record<string, unknown>>;
    for (let i = 0; i < size; i++) {
      if (i === offset) from = (typeof facts === 'object' && facts !== null ? facts : NONE) as typeof from;
      const v = from[ids[i] as string];
      if (typeof v === kinds[i]) out[i] = v as Value;
      else {
        out[i] = undefined;
        // null and undefined both mean "not supplied": unknown, and nothing wrong. (No declared
        // name is one an object inherits: rule files refuse the key `constructor`.)
        if (v != null) ok = false;
      }
    }
    return ok;
  };
}

const NONE: Readonly<Record<string, unknown>> = Object.freeze({});

function isRecordOrNothing(value: unknown): boolean {
  return value == null || (typeof value === 'object' && !Array.isArray(value));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The assessment's date (`area.date`, YYYY-MM-DD), for the slot after the facts (plan.dateSlot):
 * dated parameters read it. Anything else there is unknown (validateAssessment reports it).
 */
export function assessmentDate(assessment: unknown): string | undefined {
  const area = (assessment as { area?: { date?: unknown } } | null | undefined)?.area;
  const date = typeof area === 'object' && area !== null ? area.date : undefined;
  return typeof date === 'string' && ISO_DATE.test(date) ? date : undefined;
}
