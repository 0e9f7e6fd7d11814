/**
 * Turns an assessment's `context` and `facts` objects into the slot array closures read.
 *
 * Why: a closure reading `facts[name]` with a name known only at load makes every fact read a
 * megamorphic keyed lookup, which dominated evaluation time. Reading `s[i]` from an array is one
 * monomorphic element load. The cost moves here, to one pass per object: its keys are compared
 * with the previous object's (inputs of a batch share their key order, so this usually matches)
 * and its values are copied through a cached key → slot map.
 */
import type { Value } from './types.js';

interface KeyCache {
  keys: readonly string[] | undefined;
  /** For each position in `keys`, the slot it fills, or -1 for a key the ruleset does not declare. */
  map: Int32Array;
}

export type SlotFiller = (context: object, facts: object, out: Value[]) => Value[];

export function createSlotFiller(contextIds: readonly string[], factIds: readonly string[]): SlotFiller {
  const contextIndex = new Map(contextIds.map((id, i) => [id, i]));
  const factIndex = new Map(factIds.map((id, i) => [id, contextIds.length + i]));
  const contextCache: KeyCache = { keys: undefined, map: new Int32Array(0) };
  const factCache: KeyCache = { keys: undefined, map: new Int32Array(0) };
  const size = contextIds.length + factIds.length;
  return (context, facts, out) => {
    out.length = size;
    out.fill(undefined);
    copy(context, contextIndex, contextCache, out);
    copy(facts, factIndex, factCache, out);
    return out;
  };
}

function copy(source: object, index: ReadonlyMap<string, number>, cache: KeyCache, out: Value[]): void {
  const keys = Object.keys(source);
  let same = cache.keys !== undefined && cache.keys.length === keys.length;
  if (same) {
    const cached = cache.keys as readonly string[];
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== cached[i]) {
        same = false;
        break;
      }
    }
  }
  if (!same) {
    cache.keys = keys;
    cache.map = Int32Array.from(keys, (k) => index.get(k) ?? -1);
  }
  const map = cache.map;
  const values = Object.values(source) as unknown[];
  for (let i = 0; i < values.length; i++) {
    const slot = map[i] as number;
    if (slot >= 0) {
      const v = values[i];
      // null and undefined both mean "not supplied": unknown.
      if (v !== null) out[slot] = v as Value;
    }
  }
}
