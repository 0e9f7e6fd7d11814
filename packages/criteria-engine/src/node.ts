/**
 * @lcz/criteria-engine/node — file loading for Node. The core (`.`) never touches the file system.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/source.js';
import type { Assessment } from './evaluate/assessment.js';
import { loadRuleset, type LoadRulesetOptions } from './load-ruleset.js';
import { readAssessment } from './read-assessment.js';

/** Rule and input files larger than this are refused before reading: a named, documented limit. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The file a rules directory is loaded from. */
export const RULESET_FILE = 'ruleset.yaml';

export async function loadRulesetFile(
  path: string,
  options: Omit<LoadRulesetOptions, 'file'> = {},
): Promise<StageResult<CompiledRuleset>> {
  const file = await resolveRulesetPath(path);
  const text = await readText(file);
  if (typeof text !== 'string') return { diagnostics: [text] };
  return loadRuleset(text, { ...options, file });
}

export async function readAssessmentFile(path: string, ruleset: CompiledRuleset): Promise<StageResult<Assessment>> {
  const text = await readText(path);
  if (typeof text !== 'string') return { diagnostics: [text] };
  return readAssessment(text, path, ruleset);
}

/** A directory means its ruleset.yaml. */
export async function resolveRulesetPath(path: string): Promise<string> {
  try {
    if ((await stat(path)).isDirectory()) return join(path, RULESET_FILE);
  } catch {
    // reported by readText with the path the user gave
  }
  return path;
}

async function readText(path: string): Promise<string | Diagnostic> {
  try {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) {
      return makeDiagnostic({ file: path }, 'file_too_large', undefined, { path, size: info.size, max: MAX_FILE_BYTES });
    }
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return makeDiagnostic({ file: path }, 'file_not_found', undefined, { path });
    return makeDiagnostic({ file: path }, 'file_unreadable', undefined, { path, detail: code ?? String(e) });
  }
}

export * from './index.js';
