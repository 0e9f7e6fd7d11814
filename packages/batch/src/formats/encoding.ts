/**
 * The character encoding of a CSV or text file. Offices save text three ways: UTF-8 (with or
 * without a byte-order mark: Excel's "CSV UTF-8", LibreOffice's UTF-8 export), UTF-16 with a
 * byte-order mark (Excel's "Unicode text", tab-separated), and the Windows code page (Vietnamese
 * Windows: Windows-1258, where most tone marks are combining characters). A byte-order mark
 * decides; otherwise the file is UTF-8 unless `--encoding` says which it is, and a header that is
 * not UTF-8 stops the file with one message, naming that option where the caller offers it
 * (every header cell would otherwise be reported as unknown, and every column as missing).
 *
 * Decoding uses the platform's TextDecoder (WHATWG encodings: windows-1258, windows-1252,
 * utf-16le, …), so no dependency is needed. Text decoded from another encoding is made NFC, so
 * Windows-1258's "a" + combining acute reads and is written back as "á".
 */
import { decodeUtf8, notUtf8Diagnostic, type Diagnostic } from '@lcz/criteria-engine';
import { fileDiagnostic } from '../diagnostics.js';

/** The encoding a byte-order mark names, if the bytes start with one. */
function bomEncoding(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The WHATWG name of `label` (`cp1258` → `windows-1258`), or undefined when it names no encoding. */
function encodingName(label: string): string | undefined {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The encoding to read a CSV file in, from its first bytes and the option; or the one problem
 * that stops it (an encoding name not known, a header that is not UTF-8).
 */
export function csvEncoding(
  file: string,
  head: Uint8Array,
  option: string | undefined,
  /** The caller's option that sets the encoding (`--encoding`), named in the message; none: not offered. */
  offered?: string,
): { readonly encoding: string } | { readonly problem: Diagnostic } {
  const bom = bomEncoding(head);
  if (bom !== undefined) return { encoding: bom };
  if (option !== undefined) {
    const name = encodingName(option);
    return name !== undefined
      ? { encoding: name }
      : {
          problem: fileDiagnostic(file, 'batch_unreadable', {
            format: 'csv',
            reason: 'unknown_encoding',
            encoding: option,
          }),
        };
  }
  const header = head.subarray(0, headerEnd(head));
  const text = decodeUtf8(header);
  if (typeof text === 'string') return { encoding: 'utf-8' };
  const problem = notUtf8Diagnostic(file, text);
  if (offered === undefined) return { problem };
  return { problem: { ...problem, params: { ...problem.params, option: `${offered} windows-1258` } } };
}

/**
 * Where the header line ends: after the first line with any text (blank lines before it are
 * skipped, as the reader skips them). A multi-byte character cut at the end of the head is left
 * out, so it is not taken for a bad byte.
 */
function headerEnd(head: Uint8Array): number {
  let start = 0;
  for (;;) {
    const eol = head.indexOf(0x0a, start);
    if (eol < 0) return wholeCharacters(head, head.length);
    const line = head.subarray(start, eol);
    if (line.some((b) => b !== 0x20 && b !== 0x0d && b !== 0x09)) return eol;
    start = eol + 1;
  }
}

function wholeCharacters(bytes: Uint8Array, end: number): number {
  let i = end;
  // Back over at most three continuation bytes and their lead byte.
  for (let k = 0; k < 4 && i > 0; k++) {
    // i > 0: the byte is there (?? 0 stands where a cast would).
    const b = bytes[i - 1] ?? 0;
    if (b < 0x80) return end;
    i--;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return end - i >= length ? end : i;
    }
  }
  return end;
}

/**
 * The text of byte chunks in `encoding`, NFC. A character and the combining marks after it are
 * kept together across chunks: the last one of each chunk waits for the next.
 */
export async function* decodedText(chunks: AsyncIterable<Buffer | string>, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let held = '';
  for await (const chunk of chunks) {
    const text = held + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    const cut = text.search(/\P{M}\p{M}*$/u);
    const at = Math.max(cut, 0);
    held = text.slice(at);
    if (at > 0) yield text.slice(0, at).normalize('NFC');
  }
  const rest = held + decoder.decode();
  if (rest !== '') yield rest.normalize('NFC');
}
