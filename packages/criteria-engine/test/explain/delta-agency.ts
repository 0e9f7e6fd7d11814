/**
 * The rules of the scheme written from the docs alone (fixtures/co-quan-van-hoa) and its delta
 * agency (agency-db07.yaml), loaded as a user would: for the explain tests that read them.
 */
import { fileURLToPath } from 'node:url';
import { formatDiagnostics } from '../../src/index.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import { loadRulesetFile, readAssessmentFile } from '../../src/node.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/co-quan-van-hoa/${path}`, import.meta.url));

export async function deltaAgency(): Promise<{ rules: CompiledRuleset; agency: Assessment }> {
  const loaded = await loadRulesetFile(fixture('2024-2026/ruleset.yaml'));
  if (!loaded.value) throw new Error(formatDiagnostics(loaded.diagnostics, 'en'));
  const read = await readAssessmentFile(fixture('agency-db07.yaml'), loaded.value);
  if (!read.value) throw new Error(formatDiagnostics(read.diagnostics, 'en'));
  return { rules: loaded.value, agency: read.value };
}
