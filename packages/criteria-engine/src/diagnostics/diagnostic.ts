/**
 * A diagnostic is data: a code from a closed list, a location and parameters.
 * Text is rendered later, per locale, by `messages/` — so tools can match on codes
 * and the same problem reads well in Vietnamese and English.
 */
import type { DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** Byte-free, 0-based character offsets into the source text: [start, end). */
export type Range = readonly [start: number, end: number];

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  /** File name as given by the caller (a path, or a label such as `<input>`). */
  readonly file: string;
  /** 1-based line and column of the start of the range; 0 when the problem has no place. */
  readonly line: number;
  readonly column: number;
  readonly range?: Range;
  /** A JSON-pointer-like path inside the document (`/groups/0/criteria/2/id`), when known. */
  readonly path?: string;
  /** Values the message templates insert. */
  readonly params: Readonly<Record<string, string | number | boolean>>;
}

/** Every stage returns this: a value when it could make one, and every problem it found. */
export interface StageResult<T> {
  readonly value?: T;
  readonly diagnostics: readonly Diagnostic[];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
