/**
 * Type guards for values read from files (parsed YAML or JSON is `unknown` until looked at).
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value the argument check already required (a usage error before the command runs): present by
 * now. Missing here is a bug in lcz, said as one (exit 70), never carried on as `undefined`.
 */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was required by the argument check, yet it is missing`);
  return value;
}

/** The source range of a YAML node (yaml's `getIn(path, true)` gives `unknown`), if it is one. */
export function nodeRange(node: unknown): readonly [number, number, number] | undefined {
  if (!isRecord(node)) return undefined;
  const range: unknown = node['range'];
  if (!Array.isArray(range)) return undefined;
  const [start, valueEnd, nodeEnd] = range;
  return typeof start === 'number' && typeof valueEnd === 'number' && typeof nodeEnd === 'number'
    ? [start, valueEnd, nodeEnd]
    : undefined;
}
