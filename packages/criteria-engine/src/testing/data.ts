/**
 * Small helpers on plain data (what assessments and results are): structural equality that
 * ignores key order, and a reproducible reordering of keys. Kept here so `./testing` runs in a
 * browser as well as in Node (no `node:util`).
 */

/** Structural equality of JSON-like values; key order does not matter, a missing key ≠ `undefined`. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual(Reflect.get(a, k), Reflect.get(b, k)));
}

/** The same object with its own keys in a pseudo-random order fixed by `seed` (Fisher–Yates). */
export function shuffledKeys<T extends object>(value: T, seed: number): T {
  const entries = Object.entries(value);
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const next = () => {
    // xorshift32: tiny, deterministic, good enough to reorder a few dozen keys.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const [at, other] = [entries[i], entries[j]];
    if (at === undefined || other === undefined) continue;
    [entries[i], entries[j]] = [other, at];
  }
  // cast: the same own keys and values, in another order: the same object type.
  return Object.fromEntries(entries) as T;
}
