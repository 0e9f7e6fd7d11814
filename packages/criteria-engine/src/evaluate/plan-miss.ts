/**
 * A read of an index the compiled plan guarantees (a criterion, a variant, a tier) that found
 * nothing: a bug in the engine, never in the rules or the input. Reads check `=== undefined` and
 * throw this instead of casting away `noUncheckedIndexedAccess`, so a broken plan says where it
 * broke. It builds its message only when thrown: the check costs one comparison on the hot paths.
 */
export function planMiss(where: string, index: number): RangeError {
  return new RangeError(`internal error: ${where} has no entry at index ${index}`);
}

/** `list[i]` where the plan guarantees an entry (code that runs once per build, not per decision). */
export function at<T>(list: readonly T[], i: number, where: string): T {
  const v = list[i];
  if (v === undefined) throw planMiss(where, i);
  return v;
}
