/**
 * Reading text files for the `./node` entry point, with the size limit and the file_* diagnostics
 * every file-loading function shares. Node only: the core never imports this.
 */
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/source.js';

/** Rule and input files larger than this are refused before reading: a named, documented limit. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The text of a file, or the diagnostic saying why it cannot be read. */
export async function readText(path: string): Promise<string | Diagnostic> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) return tooLarge(path, info.size);
    return await readFile(path, 'utf8');
  } catch (e) {
    return unreadable(path, e);
  }
}

/** The same, synchronously (for readers the browser-safe core calls back, e.g. runTestCases). */
export function readTextSync(path: string): string | Diagnostic {
  try {
    const info = statSync(path);
    if (info.size > MAX_FILE_BYTES) return tooLarge(path, info.size);
    return readFileSync(path, 'utf8');
  } catch (e) {
    return unreadable(path, e);
  }
}

function tooLarge(path: string, size: number): Diagnostic {
  return makeDiagnostic({ file: path }, 'file_too_large', undefined, { path, size, max: MAX_FILE_BYTES });
}

function unreadable(path: string, e: unknown): Diagnostic {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return makeDiagnostic({ file: path }, 'file_not_found', undefined, { path });
  return makeDiagnostic({ file: path }, 'file_unreadable', undefined, { path, detail: code ?? String(e) });
}
