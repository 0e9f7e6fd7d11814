/**
 * @lcz/criteria-engine/node — file loading for Node. The core (`.`) never touches the file system.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { StageResult } from './diagnostics/diagnostic.js';
import type { Assessment } from './evaluate/assessment.js';
import { loadRuleset, type LoadRulesetOptions } from './load-ruleset.js';
import { readAssessment } from './read-assessment.js';
import { readText } from './read-text.js';

export { MAX_FILE_BYTES } from './read-text.js';
export { runTestDirectory, type TestDirectoryRun } from './test-directory.js';

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

export * from './index.js';
