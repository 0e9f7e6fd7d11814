/**
 * Static types of the condition language, and the runtime shape of compiled closures.
 *
 * Runtime values are plain JS: numbers, booleans, strings (enum/ordinal value ids) and
 * `undefined` for UNKNOWN. Truth is three-valued (Kleene): true, false, undefined.
 */
export type ValueType =
  | { readonly t: 'integer' }
  | { readonly t: 'number' }
  | { readonly t: 'boolean' }
  | { readonly t: 'percent' }
  | { readonly t: 'string' }
  /** The assessment's date (`date`): an ISO `YYYY-MM-DD` string at run time, compared with date literals. */
  | { readonly t: 'date' }
  | { readonly t: 'enum' | 'ordinal'; readonly of: string; readonly values: readonly string[] }
  | { readonly t: 'error' };

export type Value = number | boolean | string | undefined;

/**
 * The values of one assessment, one slot per context attribute and fact, in the order the
 * ruleset declares them (context first). Names are resolved to slots at load, so a closure
 * reads `s[3]`, an array element, never a property looked up by name; unknown is `undefined`.
 */
export type Slots = readonly Value[];

export type Closure<V extends Value = Value> = (s: Slots) => V;

export const INTEGER: ValueType = { t: 'integer' };
export const NUMBER: ValueType = { t: 'number' };
export const BOOLEAN: ValueType = { t: 'boolean' };
export const PERCENT: ValueType = { t: 'percent' };
export const STRING: ValueType = { t: 'string' };
export const DATE: ValueType = { t: 'date' };
export const ERROR: ValueType = { t: 'error' };

export function isNumeric(type: ValueType): boolean {
  return type.t === 'integer' || type.t === 'number';
}

/** A value that is a quantity: a number, or a percentage (which compares only through its parts). */
export function isQuantity(type: ValueType): boolean {
  return isNumeric(type) || type.t === 'percent';
}

export function describeType(type: ValueType): string {
  switch (type.t) {
    case 'enum':
    case 'ordinal':
      return `${type.t}(${type.of})`;
    default:
      return type.t;
  }
}
