/**
 * What the engine's fuzz tests check on every diagnostic, and the rule files they start from.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../src/index.js';
import { renderMessage } from '../../src/diagnostics/format.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const MINIMAL = readFileSync(`${ROOT}packages/criteria-engine/test/fixtures/valid-rules/minimal.yaml`, 'utf8');
export const LAI_CHAU_FILE = `${ROOT}rules/lai-chau-2020-2025/ruleset.yaml`;

const CODES = new Set<string>(DIAGNOSTIC_CODES);
// biome-ignore lint/complexity/useRegexLiterals: a literal would spell out control characters (noControlCharactersInRegex)
const RAW = new RegExp(
  '[\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]',
);

/**
 * A diagnostic a person can act on: a known code, a place inside the text (or none, line 0), and
 * words in both languages that never read "undefined" nor print an invisible character raw.
 */
export function expectLocatedDiagnostic(d: Diagnostic, lines: number): void {
  expect(CODES.has(d.code), d.code).toBe(true);
  expect(['error', 'warning', 'info']).toContain(d.severity);
  expect(Number.isInteger(d.line) && d.line >= 0 && d.line <= lines + 1, `${d.code} at line ${d.line}`).toBe(true);
  expect(Number.isInteger(d.column) && d.column >= 0, `${d.code} at column ${d.column}`).toBe(true);
  for (const lang of ['vi', 'en'] as const) {
    const { message, hint } = renderMessage(d, lang);
    expect(message.length, `${d.code} ${lang}`).toBeGreaterThan(0);
    expect(`${message} ${hint}`, `${d.code} ${lang}`).not.toContain('undefined');
    expect(`${message} ${hint}`, `${d.code} ${lang}`).not.toMatch(RAW);
  }
}

/** Only the engine's own located errors may be thrown; anything else is a bug. */
export function expectNoThrow<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new Error(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
}
