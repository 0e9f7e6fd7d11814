/**
 * @lcz/criteria-engine/messages — diagnostics as text, in Vietnamese and English: for programs
 * that load rules through `./runtime`, which leaves the message catalogues out to start fast.
 * The main entry point exports the same functions.
 */
export {
  formatDiagnostic,
  formatDiagnostics,
  renderMessage,
  type Locale,
  type RenderedMessage,
} from './diagnostics/format.js';
export { interpolate } from './diagnostics/interpolate.js';
export { escapeInvisible, escapeParams } from './diagnostics/escape.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
