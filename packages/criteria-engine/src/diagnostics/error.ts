import type { Diagnostic } from './diagnostic.js';
import { formatDiagnostics } from './format.js';

/** Thrown only by the `…OrThrow` conveniences; carries every diagnostic, not just the first. */
export class CriteriaEngineError extends Error {
  override readonly name = 'CriteriaEngineError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(
      formatDiagnostics(
        diagnostics.filter((d) => d.severity === 'error'),
        'en',
      ),
    );
  }
}
