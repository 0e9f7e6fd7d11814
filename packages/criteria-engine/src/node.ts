/**
 * @lcz/criteria-engine/node — file loading for Node: rule files and folders, assessment files,
 * the YAML test cases beside the rules, compiled rules files. Only that: what is done with what
 * was loaded (evaluate, explain, format diagnostics) comes from the main entry point, which never
 * touches the file system; the tools (diff, checks, test runs) from `./tools`.
 */
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import type { Diagnostic, StageResult } from './diagnostics/diagnostic.js';
import type { Assessment } from './evaluate/assessment.js';
import { readText } from './node-files.js';
import { readAssessment } from './read-assessment.js';
import type { TestDirectoryOptions, TestDirectoryRun } from './test-directory.js';

export {
  MAX_FILE_BYTES,
  RULESET_FILE,
  buildCompiledRulesFile,
  importGeneratedBeside,
  isCompiledRulesPath,
  loadRulesetFile,
  loadRulesDirectory,
  readIncludeFile,
  resolveRulesetPath,
} from './node-files.js';
export {
  openAtomicFile,
  removeTemporariesSync,
  trackTemporary,
  writeFileAtomic,
  type AtomicFile,
} from './atomic-file.js';
// Plan modules (lcz build's .plan.mjs): made from a compiled rules file, written, loaded.
export { planModuleCode, writePlanModule, loadPlanModuleFile } from './plan-module-files.js';
export type { PlanModuleOutcome } from './generate/plan-module-code.js';
// Plan scripts and their code cache (lcz build's .plan-script.js and .v8cache), for ./plan-file.
export { planScriptOf, type PlanScriptOutcome } from './plan-script-files.js';
export type { RulesCache, RulesCacheNote, RulesCacheNoteReason } from './rules-cache.js';
export type { TestDirectoryOptions, TestDirectoryRun } from './test-directory.js';

/**
 * Loads the ruleset at `rules` and runs the YAML test cases beside it (test-directory.ts). The
 * test runner is imported on the first call: a program that only loads and evaluates never
 * loads it (start-up, docs/performance.md).
 */
export async function runTestDirectory(rules: string, options: TestDirectoryOptions = {}): Promise<TestDirectoryRun> {
  const run = await import('./test-directory.js');
  return run.runTestDirectory(rules, options);
}

export async function readAssessmentFile(path: string, ruleset: CompiledRuleset): Promise<StageResult<Assessment>> {
  const text = await readText(path);
  if (typeof text !== 'string') return { diagnostics: [asAssessment(text)] };
  const read = readAssessment(text, path, ruleset);
  return read.diagnostics.some((d) => ASSESSMENT_HINTED.has(d.code))
    ? { ...read, diagnostics: read.diagnostics.map(asAssessment) }
    : read;
}

/** Codes raised for rule files and assessments alike whose hint differs (`kind: assessment`). */
const ASSESSMENT_HINTED: ReadonlySet<string> = new Set(['file_too_large', 'yaml_unsafe_key']);

/** The shared readers' diagnostic, said of an assessment: its hint no longer speaks of rule files. */
function asAssessment(d: Diagnostic): Diagnostic {
  return ASSESSMENT_HINTED.has(d.code) ? { ...d, params: { ...d.params, kind: 'assessment' } } : d;
}
