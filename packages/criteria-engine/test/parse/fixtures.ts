/** Shared helpers for tests that read the rule fixtures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceText } from '../../src/diagnostics/source.js';

export const INVALID_RULES = fileURLToPath(new URL('../fixtures/invalid-rules/', import.meta.url));
export const VALID_RULES = fileURLToPath(new URL('../fixtures/valid-rules/', import.meta.url));

export function fixture(dir: string, name: string): SourceText {
  return new SourceText(name, readFileSync(dir + name, 'utf8'));
}

/** What the tests compare: code and place, never prose. */
export function where(d: { code: string; line: number; column: number }): {
  code: string;
  line: number;
  column: number;
} {
  return { code: d.code, line: d.line, column: d.column };
}
