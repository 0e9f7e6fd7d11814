/**
 * A row diagnostic as text: the engine's `file:line:column: lỗi [code] message → hint`, with the
 * cell and its column named first when the message does not say them already (the engine's own
 * input_* messages speak of facts, not cells: "Ô J32, "Số hộ…": …" tells a spreadsheet user where).
 */
import { formatDiagnostic, renderMessage, type Diagnostic, type Locale } from '@lcz/criteria-engine';

/** The word before a cell's address: "Ô J32", "Cell J32" (the summary's error column names it too). */
export const CELL_WORD: Readonly<Record<Locale, string>> = { vi: 'Ô', en: 'Cell' };

export function formatBatchDiagnostic(d: Diagnostic, lang: Locale): string {
  const cell = d.params['cell'];
  if (typeof cell !== 'string') return formatDiagnostic(d, lang);
  const { message } = renderMessage(d, lang);
  if (message.includes(cell)) return formatDiagnostic(d, lang);
  const name = d.params['column_name'];
  const where = `${CELL_WORD[lang]} ${cell}${typeof name === 'string' ? `, "${name}"` : ''}: `;
  const text = formatDiagnostic(d, lang);
  const at = text.indexOf(message);
  return at < 0 ? text : `${text.slice(0, at)}${where}${text.slice(at)}`;
}
