/**
 * The bundled laws (src/testing) on a scheme with levels, points rules and counts
 * (test/fixtures/levels): the fast path agrees with the traced one (decision, passed counts and
 * level), a fuller assessment only narrows what a partial one left open, a blocking disqualifier
 * or a failing mandatory criterion means not recognised, and passing more never hurts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { loadRulesetOrThrow } from '../../src/load-ruleset.js';
import {
  determinism,
  disqualifierDominance,
  fastPathAgrees,
  mandatoryCriteria,
  monotonicity,
  threeValuedConsistency,
} from '../../src/testing.js';

const FILE = fileURLToPath(new URL('../fixtures/levels/ruleset.yaml', import.meta.url));
const rules = loadRulesetOrThrow(readFileSync(FILE, 'utf8'), { file: FILE });
const runs = { numRuns: 300, seed: 12 };

describe('the bundled laws on a scheme with levels and points', () => {
  it('fast path agrees', () => fc.assert(fastPathAgrees(rules), runs));
  it('three-valued consistency', () => fc.assert(threeValuedConsistency(rules), runs));
  it('determinism', () => fc.assert(determinism(rules), runs));
  it('disqualifier dominance (those blocking the lowest level)', () => fc.assert(disqualifierDominance(rules), runs));
  it('mandatory criteria', () => fc.assert(mandatoryCriteria(rules), runs));
  it('monotonicity', () => fc.assert(monotonicity(rules), runs));
});
