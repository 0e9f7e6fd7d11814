/**
 * Fuzz: rule texts. The minimal rule file (and the Lai Châu one) with random edits: deleted
 * spans, inserted YAML syntax, numbers past 2^53, reserved keys, invisible characters, bytes that
 * became U+FFFD. Loading never throws, every diagnostic is located and worded in both languages,
 * no prototype changes, and a file that loads evaluates.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzParameters, guardedSync } from '../../../../test-support/fuzz.js';
import { loadRuleset } from '../../src/index.js';
import { expectLocatedDiagnostic, expectNoThrow, LAI_CHAU_FILE, MINIMAL } from './shared.js';

const LAI_CHAU = readFileSync(LAI_CHAU_FILE, 'utf8');

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

function checkText(text: string): void {
  guardedSync('rules', () => {
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
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => checkText(applyEdits(MINIMAL, edits))),
      fuzzParameters(0.1),
    );
  });

  it('the Lai Châu rule file with random edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => checkText(applyEdits(LAI_CHAU, edits))),
      fuzzParameters(0.01, 5),
    );
  });

  it('any text at all', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), checkText),
      fuzzParameters(0.05),
    );
  });
});
