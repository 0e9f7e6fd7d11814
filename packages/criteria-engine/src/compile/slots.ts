/**
 * Turns an assessment's `context` and `facts` objects into the slot array closures read.
 *
 * Why slots: a closure reading `facts[name]` made every fact read inside the condition tree a
 * megamorphic keyed lookup. Now each declared name is read once per assessment, here, in one
 * tight loop, and the conditions read `s[i]`, a monomorphic element load.
 *
 * createSlotFiller reads by the declared names in a plain loop. The checked filler that
 * decide() and evaluate() use walks the object's keys in a learnt order instead (see
 * createObjectReader: a read by position is cheaper than a keyed load by a variable name), and
 * falls back to that plain loop for any object whose keys differ: an earlier cache of key orders
 * that rebuilt itself for every new shape cost 16 µs per assessment against 1.7 µs on inputs with
 * facts left out, so this one never rebuilds for one odd object.
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
  const size = contextIds.length + factIds.length;
  const readContext = createObjectReader(contextIds, kinds.slice(0, contextIds.length), 0);
  const readFacts = createObjectReader(factIds, kinds.slice(contextIds.length), contextIds.length);
  return (context, facts, out) => {
    // Only when it differs: setting an array's length is a call even when it is unchanged.
    if (out.length !== size) out.length = size;
    // A missing context or facts object leaves its names unknown; anything else in its place is wrong.
    const shaped = isRecordOrNothing(context) && isRecordOrNothing(facts);
    const contextOk = readContext(isObject(context) ? context : undefined, out);
    const factsOk = readFacts(isObject(facts) ? facts : undefined, out);
    return shaped && contextOk && factsOk;
  };
}

/** Up to this many declared names, an object is read by name (see createObjectReader). */
const FEW = 4;

/** Calls in a row whose object's keys were not in the order learnt before a new order is learnt. */
const RELEARN_AFTER = 16;

/**
 * Reads the declared names of one object into out[offset …], checking each value's kind; false
 * when one has the wrong kind. The same values as reading `from[id]` for every declared id.
 *
 * Why `for…in` over the object's keys, in an order learnt from an earlier object: a read by a
 * variable name (`from[id]`) is a megamorphic keyed load, a search of the object's property names
 * per fact (≈ 25 ns a fact on the bench machine, 1.6 µs per assessment of 68 facts), while a
 * `for…in` reads each property by its position (V8's enum cache), and comparing its key with the
 * one at the same position in the learnt order is one pointer comparison (≈ 0.6 µs for the 68).
 * Input parsed from the same kind of JSON has its keys in the same order. An object whose keys
 * differ (a fact left out, an extra key, another order) is read name by name as before; after
 * RELEARN_AFTER such objects in a row, the order is learnt again from the latest. Declared names
 * that the learnt order lacks (left out of that object, inherited, not enumerable) are read by
 * name every time, so nothing differs from `from[id]`.
 */
function createObjectReader(
  ids: readonly string[],
  kinds: readonly SlotKind[],
  offset: number,
): (from: Values | undefined, out: Value[]) => boolean {
  const count = ids.length;
  const indexOf = new Map(ids.map((id, i) => [id, i]));
  // The keys of the object learnt from, in order (the first orderLength entries), each one's index
  // in ids (-1: undeclared), and the declared ids that object lacked (the first lackingLength).
  // Buffers made once: learning again, which a stream of objects with differing keys does every
  // RELEARN_AFTER calls, allocates nothing (issue 16: no allocation in decide). An object with
  // more keys than the buffers hold is not learnt from: it is read by name, as a miss is.
  const capacity = 2 * count + 16;
  const orderKeys: string[] = new Array<string>(capacity).fill('');
  let orderLength = 0;
  const orderIndexes = new Int32Array(capacity);
  const present = new Uint8Array(count);
  const lacking = new Int32Array(count);
  let lackingLength = 0;
  let misses = RELEARN_AFTER;
  // The keys `for…in` walks, as the walk below meets them (own, then inherited enumerable ones:
  // either way `from[key]` reads what `from[id]` would).
  const learn = (from: Values): void => {
    present.fill(0);
    let n = 0;
    for (const key in from) {
      if (n === capacity) {
        orderLength = -1; // more keys than the buffers hold: nothing learnt
        return;
      }
      const i = indexOf.get(key) ?? -1;
      orderKeys[n] = key;
      orderIndexes[n] = i;
      if (i >= 0) present[i] = 1;
      n++;
    }
    orderLength = n;
    lackingLength = 0;
    for (let i = 0; i < count; i++) if (present[i] === 0) lacking[lackingLength++] = i;
  };
  const store = (i: number, v: unknown, out: Value[]): boolean => {
    if (isOfKind(v, kinds[i])) {
      out[offset + i] = v;
      return true;
    }
    out[offset + i] = undefined;
    // null and undefined both mean "not supplied": unknown, and nothing wrong. (No declared
    // name is one an object inherits: rule files refuse the key `constructor`.)
    return v == null;
  };
  return (from, out) => {
    // No object, or no names: every name unknown.
    if (from === undefined || count === 0) {
      for (let i = 0; i < count; i++) out[offset + i] = undefined;
      return true;
    }
    // A few names (a context) cost less read by name than a walk.
    if (count <= FEW) {
      let ok = true;
      for (let i = 0; i < count; i++) if (!store(i, from[ids[i] ?? ''], out)) ok = false;
      return ok;
    }
    if (misses >= RELEARN_AFTER) {
      learn(from);
      misses = 0;
    }
    // The first name is read by name before the walk, on purpose: an object parsed early from a
    // JSON text can still have a map V8 has since replaced (a field first seen as an integer,
    // later a fraction), and a read by name moves it to the current map. A walk over such an
    // object would teach the walk's code that objects have no enum cache, and from then on it
    // would look every key up by name (1.7 µs instead of 0.7 µs for 68 facts, for good).
    let ok = store(0, from[ids[0] ?? ''], out);
    // Whether the object's keys are the learnt order, key for key (nothing learnt: no).
    let matched = orderLength >= 0;
    let j = 0;
    if (matched)
      for (const key in from) {
        if (j === orderLength || orderKeys[j] !== key) {
          matched = false;
          break;
        }
        const i = orderIndexes[j] ?? -1;
        j++;
        if (i > 0) {
          const v = from[key];
          if (isOfKind(v, kinds[i])) out[offset + i] = v;
          else {
            out[offset + i] = undefined;
            if (v != null) ok = false;
          }
        }
      }
    // Keys not in the learnt order: every other declared name read by name, as before.
    if (!matched || j !== orderLength) {
      misses++;
      for (let i = 1; i < count; i++) if (!store(i, from[ids[i] ?? ''], out)) ok = false;
      return ok;
    }
    misses = 0;
    for (let k = 0; k < lackingLength; k++) {
      const i = lacking[k] ?? -1;
      if (i > 0 && !store(i, from[ids[i] ?? ''], out)) ok = false;
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

function isRecordOrNothing(value: unknown): boolean {
  return value == null || (typeof value === 'object' && !Array.isArray(value));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The assessment's date (`area.date`, YYYY-MM-DD), for the slot after the facts (plan.dateSlot):
 * dated parameters read it. Without a date, its year alone (`area.year`) as four digits, "2024":
 * `year` and tables keyed by it are known then, and whatever needs the day is decided only when
 * the whole year gives one answer (yearSpan). Anything else there is unknown (validateAssessment
 * reports it).
 */
export function assessmentDate(assessment: unknown): string | undefined {
  const area = isObject(assessment) ? assessment['area'] : undefined;
  if (!isObject(area)) return undefined;
  const date = area['date'];
  if (typeof date === 'string') return ISO_DATE.test(date) ? date : undefined;
  const year = area['year'];
  return typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR
    ? String(year)
    : undefined;
}

/** The years an assessment may give (`area.year`): four digits, so a year orders as its days do. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/**
 * The first and last day a date slot's value may stand for: the day itself, or a year-only
 * value's 1 January and 31 December. A comparison or a table row is certain only when it gives
 * the same answer at every day between.
 */
export function yearSpan(date: string): readonly [first: string, last: string] {
  return date.length === 4 ? [`${date}-01-01`, `${date}-12-31`] : [date, date];
}

/**
 * For an assessment that gives its year and not its date ("2024", slots.ts assessmentDate): a day
 * of that year on which a cell's rows (latest first, `from` "" for a row without one) give the
 * value every day of the year would give, or undefined when the value changes within the year or
 * some of its days have none: then the value is unknown, never one day's guessed. A full date is
 * returned as it is. Parameter tables' lookup (parameter-table.ts) and the generated tables (generate/table-code.ts)
 * both call it.
 */
export function yearDay(date: string, froms: readonly string[], values: readonly number[]): string | undefined {
  if (date.length !== 4) return date;
  const [first, last] = yearSpan(date);
  let value: number | undefined;
  for (let i = 0; i < froms.length; i++) {
    const from = froms[i] ?? '';
    if (from > last) continue; // starts after the year
    if (value !== undefined && values[i] !== value) return undefined;
    value = values[i];
    if (from <= first) return last; // in force from 1 January: nothing earlier counts
  }
  return undefined; // no row in force on 1 January
}
