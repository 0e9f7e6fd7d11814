/**
 * Fuzz: rule texts. The minimal rule file, each standard of the Lai Châu file cut out with its
 * facts, and (in a small share) the whole Lai Châu file, with random edits: deleted spans,
 * inserted YAML syntax, numbers past 2^53, reserved keys, invisible characters, bytes that became
 * U+FFFD. Loading never throws, every diagnostic is located and worded in both languages, no
 * prototype changes, and a file that loads evaluates.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FUZZ_TARGET_NAMES,
  FUZZ_TARGETS,
  type FuzzTarget,
  fuzzParameters,
  guardedSync,
  runsFor,
} from '../../../../test-support/fuzz.js';
import { loadRuleset } from '../../src/index.js';
import { fragmentsOf } from './fragments.js';
import { expectLocatedDiagnostic, expectNoThrow, LAI_CHAU_FILE, MINIMAL } from './shared.js';

const LAI_CHAU = readFileSync(LAI_CHAU_FILE, 'utf8');
const FRAGMENTS = fragmentsOf(LAI_CHAU);

const PIECES = [
  ': ',
  '\n',
  '\n  ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&a ',
  '*a',
  '!!js/function ',
  '<<: *a',
  '__proto__: ',
  'constructor: ',
  '99999999999999999999',
  '1e400',
  '-0',
  '.nan',
  'percent(households_ok, households, 0) >= 98',
  'households >= ',
  '\u202E',
  '\u2066',
  '\u200B',
  '\uFEFF',
  '\uFFFD',
  '\u0000',
  '#',
  '%YAML 1.1\n',
  '---\n',
  'include: ["../../etc/passwd"]\n',
];

const edit = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(
    fc.constantFrom(...PIECES),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
  ),
});

function applyEdits(text: string, edits: readonly { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

function checkText(text: string, target: FuzzTarget): void {
  guardedSync(target, () => {
    const loaded = expectNoThrow(() => loadRuleset(text, { file: 'fuzz.yaml' }));
    const lines = text.split('\n').length;
    for (const d of loaded.diagnostics) expectLocatedDiagnostic(d, lines);
    if (loaded.value !== undefined) {
      const result = expectNoThrow(() => loaded.value?.evaluate({ context: {}, facts: {} }));
      if (result === undefined) throw new Error('a loaded ruleset gave no result');
    }
  });
}

describe('fuzz: rule texts', () => {
  it('the minimal rule file with random edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) =>
        checkText(applyEdits(MINIMAL, edits), 'rules.minimal'),
      ),
      fuzzParameters('rules.minimal'),
    );
  });

  it('each standard of the Lai Châu file (with its facts) with random edits', () => {
    // Not vacuous: every fragment is a ruleset that loads before it is edited.
    for (const text of FRAGMENTS) expect(loadRuleset(text, { file: 'fragment.yaml' }).value).toBeDefined();
    fc.assert(
      fc.property(fc.nat({ max: FRAGMENTS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) =>
        checkText(applyEdits(FRAGMENTS[i] ?? '', edits), 'rules.fragments'),
      ),
      fuzzParameters('rules.fragments'),
    );
  });

  it('the whole Lai Châu rule file with random edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) =>
        checkText(applyEdits(LAI_CHAU, edits), 'rules.full'),
      ),
      fuzzParameters('rules.full'),
    );
  });

  it('any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), (text) =>
        checkText(text, 'rules.any'),
      ),
      fuzzParameters('rules.any'),
    );
  });
});

describe('fuzz targets', () => {
  it('their shares add up to the whole run: FUZZ_RUNS=1000000 is 10^6 inputs in all', () => {
    const shares = Object.values(FUZZ_TARGETS).reduce((sum, t) => sum + t.share, 0);
    expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
    const total = FUZZ_TARGET_NAMES.reduce((sum, t) => sum + runsFor(t, 1_000_000), 0);
    expect(total).toBe(1_000_000);
  });
});
