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

type Values = Readonly<Record<string, unknown>>;

/**
 * For inputs already checked (validateAssessment) or made by tools from the declared types: the
 * values are taken as they are; createCheckedSlotFiller below is the one that checks.
 */
export type SlotFiller = (context: Values, facts: Values, out: Value[]) => Value[];

export function createSlotFiller(contextIds: readonly string[], factIds: readonly string[]): SlotFiller {
  const offset = contextIds.length;
  const size = offset + factIds.length;
  return (context, facts, out) => {
    out.length = size;
    let i = 0;
    for (const id of contextIds) out[i++] = checkedValue(context[id]);
    for (const id of factIds) out[i++] = checkedValue(facts[id]);
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
    let from = isObject(context) ? context : NONE;
    let i = 0;
    for (const id of ids) {
      if (i === offset) from = isObject(facts) ? facts : NONE;
      const v = from[id];
      if (isOfKind(v, kinds[i])) out[i] = v;
      else {
        out[i] = undefined;
        // null and undefined both mean "not supplied": unknown, and nothing wrong. (No declared
        // name is one an object inherits: rule files refuse the key `constructor`.)
        if (v != null) ok = false;
      }
      i++;
    }
    return ok;
  };
}

/** A value the slot's kind (what `typeof` says of it) admits: for the checked filler. */
function isOfKind(v: unknown, kind: SlotKind | undefined): v is Value {
  return typeof v === kind;
}

/** A value of an input already checked against the declared types (see SlotFiller). */
function checkedValue(v: unknown): Value {
  // null and undefined both mean "not supplied": unknown.
  if (v === null) return undefined;
  // cast: the input was checked against the declared types before it came here (see SlotFiller).
  return v as Value;
}

/** Any object, to read names from (an array reads as having none of them). */
function isObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null;
}

const NONE: Values = Object.freeze({});

function isRecordOrNothing(value: unknown): boolean {
  return value == null || (typeof value === 'object' && !Array.isArray(value));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The assessment's date (`area.date`, YYYY-MM-DD), for the slot after the facts (plan.dateSlot):
 * dated parameters read it. Anything else there is unknown (validateAssessment reports it).
 */
export function assessmentDate(assessment: unknown): string | undefined {
  const area = isObject(assessment) ? assessment['area'] : undefined;
  const date = isObject(area) ? area['date'] : undefined;
  return typeof date === 'string' && ISO_DATE.test(date) ? date : undefined;
}
