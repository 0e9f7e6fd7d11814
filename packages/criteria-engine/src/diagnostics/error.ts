import type { Diagnostic } from './diagnostic.js';

/**
 * How an error's message is written. The message catalogues are nearly half of the engine's
 * code, so this file does not import them: format.ts, when it is loaded (the main entry,
 * `./messages`), sets the English text here. Without it (a program on `./runtime` alone) the
 * message names each problem by its code, place and parameters: the diagnostics are data, and
 * `formatDiagnostics` from `./messages` gives their text.
 */
let describe: ((errors: readonly Diagnostic[]) => string) | undefined;

/** Called by format.ts with its English rendering. */
export function describeErrorsWith(render: (errors: readonly Diagnostic[]) => string): void {
  describe = render;
}

function asData(errors: readonly Diagnostic[]): string {
  const lines = errors.map((d) => `${d.file}:${d.line}:${d.column} [${d.code}] ${JSON.stringify(d.params)}`);
  return `${lines.join('\n')}\n(the text of these: formatDiagnostics(error.diagnostics, 'en') from @lcz/criteria-engine/messages)`;
}

/**
 * Thrown by the `…OrThrow` conveniences, and by `evaluate`/`decide` given a value of the wrong type
 * (an input that skipped validateAssessment); carries every diagnostic, not just the first.
 */
export class CriteriaEngineError extends Error {
  override readonly name = 'CriteriaEngineError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(describe ? describe(errors) : asData(errors));
  }
}
