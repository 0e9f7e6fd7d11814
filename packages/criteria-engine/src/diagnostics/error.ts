import type { Diagnostic } from './diagnostic.js';
import { formatDiagnostics } from './format.js';

/**
 * Thrown by the `…OrThrow` conveniences, and by `evaluate`/`decide` given a value of the wrong type
 * (an input that skipped validateAssessment); carries every diagnostic, not just the first.
 */
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
