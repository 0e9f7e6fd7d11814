/**
 * Renders diagnostics as text, at the edge: `file:line:column: lỗi [code] message` and an
 * indented hint, in the style compilers use so editors and terminals can link the location.
 */
import { describeErrorsWith } from './error.js';
import { capDiagnostics, type DiagnosticCaps } from './cap.js';
import type { Diagnostic, Severity } from './diagnostic.js';
import { escapeInvisible, escapeParams } from './escape.js';
import { checkLanguage } from './language.js';
import type { Locale, RenderedMessage } from './messages/catalog.js';
import { en } from './messages/en.js';
import { isEngineCode, registeredMessage, unregisteredMessage } from './registered.js';
import { vi } from './messages/vi.js';

export type { Locale, RenderedMessage } from './messages/catalog.js';

const CATALOGS = { vi, en } as const;

const SEVERITY_WORDS: Readonly<Record<Locale, Readonly<Record<Severity, string>>>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * The message and hint of a diagnostic in one language. Params quote what the user wrote, so
 * invisible and reordering characters in them are shown escaped (escape.ts): every surface that
 * prints a diagnostic (CLI, HTTP, batch, report, web) goes through here.
 */
export function renderMessage(d: Diagnostic, lang: Locale): RenderedMessage {
  checkLanguage(lang, 'renderMessage');
  const params = escapeParams(d.params);
  if (isEngineCode(d.code)) return CATALOGS[lang][d.code](params);
  // A code another package owns (registered.ts), or, if it never registered, the code and params.
  return registeredMessage(d.code, lang)?.(params) ?? unregisteredMessage(d.code, params, lang);
}

/** `file:line:column: lỗi [code] message` then `    → hint` (hint lines indented alike). */
export function formatDiagnostic(d: Diagnostic, lang: Locale): string {
  checkLanguage(lang, 'formatDiagnostic');
  const { message, hint } = renderMessage(d, lang);
  // A file name is the user's too (a U+202E in it would reverse the line).
  const file = escapeInvisible(d.file);
  // Columns are 1-based: 0 is no column (a note about a whole row, diagnostics_omitted), so
  // `file:2`, not `file:2:0`, which an editor would take for a place that does not exist.
  const where = d.line > 0 ? (d.column > 0 ? `${file}:${d.line}:${d.column}` : `${file}:${d.line}`) : file;
  const head = `${where}: ${SEVERITY_WORDS[lang][d.severity]} [${d.code}] ${message}`;
  return hint ? `${head}\n    → ${hint.replace(/\n/g, '\n      ')}` : head;
}

/** Vietnamese first (the authority), then English. */
export function formatDiagnosticBilingual(d: Diagnostic): string {
  return `${formatDiagnostic(d, 'vi')}\n${formatDiagnostic(d, 'en')}`;
}

/**
 * Every diagnostic, sorted by file, line and column, one block per diagnostic; past the caps
 * (cap.ts: per file and per row) the rest are counted in one line, as people read them.
 */
export function formatDiagnostics(
  list: readonly Diagnostic[],
  lang: Locale,
  caps: Partial<DiagnosticCaps> = {},
): string {
  checkLanguage(lang, 'formatDiagnostics');
  const capped = capDiagnostics(list, caps);
  const shown = capped.length === list.length ? sortDiagnostics(list) : capped;
  return shown.map((d) => formatDiagnostic(d, lang)).join('\n');
}

export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

// The English text of a thrown CriteriaEngineError, now that the catalogues are loaded (error.ts).
describeErrorsWith((errors) => formatDiagnostics(errors, 'en'));
