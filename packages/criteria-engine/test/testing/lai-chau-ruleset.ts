/** The Lai Châu ruleset and the run settings shared by the property tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';

const RULES = fileURLToPath(new URL('../../../../rules/lai-chau-2020-2025/ruleset.yaml', import.meta.url));
export const laiChau = loadRulesetOrThrow(readFileSync(RULES, 'utf8'), { file: RULES });

/**
 * Runs per property: small and pinned in the ordinary suite; `pnpm test:long` sets
 * LCZ_PROPERTY_RUNS (e.g. 1,000,000) and optionally LCZ_PROPERTY_SEED to explore further. A failure
 * prints its seed and path; replay it with `{ seed, path, endOnFailure: true }`.
 */
export function runs(ordinary: number): number {
  const fromEnv = Number(process.env['LCZ_PROPERTY_RUNS']);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : ordinary;
}

export const SEED = Number(process.env['LCZ_PROPERTY_SEED'] ?? 20201110);

/** A test timeout that grows with the number of runs (the ordinary ones take well under a second). */
export function timeoutFor(numRuns: number, msPerRun: number): number {
  return Math.max(60_000, Math.ceil(numRuns * msPerRun * 3));
}
