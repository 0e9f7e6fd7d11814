/**
 * Which format a batch file is in: by extension first (.csv, .tsv, .xlsx, .jsonl, .ndjson), then,
 * for .json and .yaml/.yml, by content: a list is a batch, one mapping is a single assessment,
 * and several JSON objects one per line are JSON Lines.
 */
import type { BatchFormat } from '../record.js';

export function detectBatchFormat(path: string, head?: Uint8Array | string): BatchFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
    case 'tsv':
    // Excel's "Unicode text" and "Text (tab delimited)" save as .txt: tab-separated, UTF-16 or the
    // Windows code page (formats/encoding.ts); the separator is chosen by the header (delimiter.ts).
    case 'txt':
      return 'csv';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'json':
      return head !== undefined && looksLikeJsonLines(text(head)) ? 'jsonl' : 'json';
    case 'yaml':
    case 'yml':
      return 'yaml';
    default:
      if (head === undefined) return undefined;
      if (head instanceof Uint8Array && head[0] === 0x50 && head[1] === 0x4b) return 'xlsx'; // "PK": a zip
      return undefined;
  }
}

/**
 * A spreadsheet in a format the batch does not read, with the reason its message gives: the
 * OpenDocument spreadsheet LibreOffice saves by default (.ods: a zip whose first entry,
 * `mimetype`, names it), and the Excel 97–2003 workbook (.xls: an OLE2 compound file). Said
 * plainly, with the fix (save as .xlsx), rather than "not an .xlsx file".
 */
export function otherSpreadsheet(
  path: string,
  head: Uint8Array,
): { readonly format: string; readonly reason: string } | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const zipMime = head[0] === 0x50 && head[1] === 0x4b ? Buffer.from(head.subarray(30, 120)).toString('latin1') : '';
  if (ext === 'ods' || ext === 'fods' || zipMime.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))
    return { format: 'ods', reason: 'ods' };
  const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);
  if (ext === 'xls' || ole2) return { format: 'xls', reason: 'xls' };
  return undefined;
}

/**
 * Whether a file holds several assessments rather than one: a JSON array, a YAML list, JSON Lines.
 * Reads only the head of the file; `lcz evaluate` uses it to choose between a report per file and
 * a batch summary.
 */
export function isListDocument(format: BatchFormat, head: Uint8Array | string): boolean {
  if (format === 'csv' || format === 'xlsx' || format === 'jsonl') return true;
  const t = stripComments(text(head), format === 'yaml');
  if (format === 'json') return t.startsWith('[');
  return t.startsWith('- ') || t.startsWith('-\n') || t.startsWith('-\r') || t === '-' || t.startsWith('[');
}

function text(head: Uint8Array | string): string {
  const t = typeof head === 'string' ? head : Buffer.from(head).toString('utf8');
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

/** Leading white space, and for YAML comment lines and a `---` start marker. */
function stripComments(t: string, yaml: boolean): string {
  let rest = t.trimStart();
  while (yaml && (rest.startsWith('#') || rest.startsWith('---'))) {
    const eol = rest.indexOf('\n');
    const after = eol < 0 ? '' : rest.slice(eol + 1);
    if (rest.startsWith('---') && eol > 3 && rest.slice(3, eol).trim() !== '') {
      rest = rest.slice(3).trimStart(); // "--- - item" or "--- [" on the marker's line
      continue;
    }
    rest = after.trimStart();
  }
  return rest;
}

/** `{…}` on the first line, parsing on its own, and another line starting with `{`. */
function looksLikeJsonLines(t: string): boolean {
  const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) return false;
  const first = lines[0]?.trim() ?? '';
  if (!first.startsWith('{') || !(lines[1] ?? '').trim().startsWith('{')) return false;
  try {
    JSON.parse(first);
    return true;
  } catch {
    return false;
  }
}

/**
 * The batch format a file's first bytes look like, whatever its name says: a zip (XLSX), JSON
 * Lines, a JSON array, a YAML list, or a table of text (CSV: two lines or more, the first with a
 * comma, a semicolon or a tab, and not a mapping's `key: value`). Undefined for one assessment
 * or anything else. `lcz evaluate --format json` on a CSV file says what the file looks like.
 */
export function contentFormat(head: Uint8Array): BatchFormat | undefined {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  const t = text(head);
  if (looksLikeJsonLines(t)) return 'jsonl';
  if (isListDocument('json', t)) return 'json';
  if (isListDocument('yaml', t)) return 'yaml';
  return looksLikeTable(t) ? 'csv' : undefined;
}

/** Two lines or more, the first with a separator and none of a YAML or JSON document's marks. */
export function looksLikeTable(t: string): boolean {
  const lines = t.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const first = lines[0] ?? '';
  if (lines.length < 2 || /^\s*[{[#-]/.test(first) || /^[^,;\t"]*:\s/.test(first)) return false;
  return /[,;\t]/.test(first);
}

/** The first line of a file's head, cut to `max` characters, for a message. */
export function firstLine(head: Uint8Array | string, max = 60): string {
  const line = text(head).split(/\r\n|\r|\n/, 1)[0] ?? '';
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
