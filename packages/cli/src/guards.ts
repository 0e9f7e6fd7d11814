/**
 * Type guards for values read from files (parsed YAML or JSON is `unknown` until looked at).
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
