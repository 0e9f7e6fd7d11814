/**
 * Named resource limits of the YAML reader. Exceeding one is a diagnostic with its own code,
 * never a crash: a rule file is data from outside and must not be able to exhaust memory or stack.
 */
export interface ParseLimits {
  /** Alias uses counted as they are expanded (nested expansions count too). */
  readonly maxAliasCount: number;
  /** Nesting of mappings and lists; the top-level mapping is depth 1. */
  readonly maxDepth: number;
  /**
   * Characters of one scalar as written (quotes and escapes included). A 9 MB title took 704 MB
   * through the later stages; the longest text of a real rule file is a few thousand characters.
   */
  readonly maxScalarChars: number;
}

const DEFAULT_PARSE_LIMITS: ParseLimits = Object.freeze({
  maxAliasCount: 100,
  maxDepth: 64,
  maxScalarChars: 65_536,
});

/**
 * yaml composes nodes recursively, and so do we when converting them: past a few hundred levels
 * the JavaScript stack itself is at risk, so a caller cannot raise maxDepth beyond this.
 */
const MAX_SUPPORTED_DEPTH = 500;

export function resolveParseLimits(limits: Partial<ParseLimits> = {}): ParseLimits {
  return {
    maxAliasCount: limits.maxAliasCount ?? DEFAULT_PARSE_LIMITS.maxAliasCount,
    maxDepth: Math.min(limits.maxDepth ?? DEFAULT_PARSE_LIMITS.maxDepth, MAX_SUPPORTED_DEPTH),
    maxScalarChars: limits.maxScalarChars ?? DEFAULT_PARSE_LIMITS.maxScalarChars,
  };
}
