/**
 * The files a command was given: a file stays itself; a directory becomes the files in it whose
 * names match, sorted. A path that does not exist is kept, so that reading it reports
 * `file_not_found` with its name. A directory that cannot be read, or holds no matching file,
 * is reported (in both languages) and makes `ok` false.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bilingual, type Session } from '../session.js';

const ASSESSMENT_FILE = /\.(ya?ml|json)$/i;

export interface InputFiles {
  readonly files: readonly string[];
  readonly ok: boolean;
}

export async function assessmentFiles(
  inputs: readonly string[],
  session: Session,
  pattern: RegExp = ASSESSMENT_FILE,
): Promise<InputFiles> {
  const files: string[] = [];
  let ok = true;
  for (const input of inputs) {
    const info = await stat(session.abs(input)).catch(() => undefined);
    if (info === undefined || !info.isDirectory()) {
      files.push(input);
      continue;
    }
    let names: string[];
    try {
      names = await readdir(session.abs(input));
    } catch {
      session.err(bilingual('unreadable_directory', { path: input }));
      ok = false;
      continue;
    }
    const found = names
      .filter((name) => pattern.test(name))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => join(input, name));
    if (found.length === 0) {
      session.err(bilingual('no_assessment_files', { path: input }));
      ok = false;
    }
    files.push(...found);
  }
  return { files, ok };
}
