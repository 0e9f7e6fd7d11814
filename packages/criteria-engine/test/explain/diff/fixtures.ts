/**
 * The two Lai Châu versions (2020–2025 and the illustrative 2026–2030 draft), and a way to make a
 * changed copy of the 2020–2025 rules by exact text replacements, each of which must match once.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CompiledRuleset } from '../../../src/compile/compiled-ruleset.js';
import { loadRulesetOrThrow } from '../../../src/load-ruleset.js';
import { readIncludeFile } from '../../../src/node-files.js';

export const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const OLD_FILE = `${ROOT}rules/lai-chau-2020-2025/ruleset.yaml`;
const NEW_FILE = `${ROOT}rules/lai-chau-2026-2030-draft/ruleset.yaml`;
const OLD_TEXT = readFileSync(OLD_FILE, 'utf8');
export const oldRules = loadRulesetOrThrow(OLD_TEXT, { file: OLD_FILE });
// The draft includes the shared appendix (rules/shared/…), read from disk beside it.
export const newRules = loadRulesetOrThrow(readFileSync(NEW_FILE, 'utf8'), {
  file: NEW_FILE,
  readInclude: readIncludeFile,
});

/** The 2020–2025 rules with each `[from, to]` replaced (every `from` must occur exactly once). */
export function changed(...replacements: readonly (readonly [string, string])[]): CompiledRuleset {
  let text = OLD_TEXT;
  for (const [from, to] of replacements) {
    expect(text.split(from).length - 1, `occurrences of ${JSON.stringify(from.slice(0, 60))}`).toBe(1);
    text = text.replace(from, to);
  }
  return loadRulesetOrThrow(text, { file: 'changed.yaml' });
}
