/**
 * `runTestDirectory(rules)`: loads a ruleset and runs its test cases, the `tests/*.yaml` files
 * beside `ruleset.yaml` (sorted by name; none when there is no such folder), or the files and
 * folders given as `cases`. Node only;
 * re-exported by `./node`. Files named by `assessment:` keys are read with the same limits.
 */
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CompiledRuleset } from './compile/compiled-ruleset.js';
import { runTestCases } from './conformance/index.js';
import type { TestRun } from './conformance/index.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { makeDiagnostic } from './diagnostics/source.js';
import { confinedReader, loadRulesetFile, readText, resolveRulesetPath } from './node-files.js';

/** The folder beside ruleset.yaml that holds its test cases. */
const TESTS_FOLDER = 'tests';

const TEST_FILE = /\.ya?ml$/i;

export interface TestDirectoryRun {
  /** The ruleset, when it loaded without errors. */
  readonly ruleset?: CompiledRuleset;
  /** Problems loading the ruleset (warnings included) or finding test files. */
  readonly diagnostics: readonly Diagnostic[];
  /** One run per test file, in order. */
  readonly runs: readonly TestRun[];
  readonly passed: number;
  readonly failed: number;
}

export interface TestDirectoryOptions {
  /**
   * Test files or folders (a folder means its *.yaml and *.yml files, sorted) to run instead of
   * `<rules>/tests`, e.g. the survey cases kept with the examples.
   */
  readonly cases?: readonly string[];
  /** Files named by the rules and test files stay under this folder (see ROOT_MARKER). */
  readonly root?: string;
  /** Keep each evaluated case's input in its result, for `coverage` (see RunTestOptions). */
  readonly keepInputs?: boolean;
  /** Keep each evaluated case's whole result, for `proposeExpectations`. */
  readonly keepResults?: boolean;
}

export async function runTestDirectory(rules: string, options: TestDirectoryOptions = {}): Promise<TestDirectoryRun> {
  const loaded = await loadRulesetFile(rules, options.root === undefined ? {} : { root: options.root });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  for (const d of loaded.value?.diagnostics ?? []) if (!diagnostics.includes(d)) diagnostics.push(d);
  const ruleset = loaded.value;
  if (ruleset === undefined || hasErrors(diagnostics)) return { diagnostics, runs: [], passed: 0, failed: 0 };

  const sources = options.cases ?? [join(dirname(await resolveRulesetPath(rules)), TESTS_FOLDER)];
  const files: string[] = [];
  for (const source of sources) {
    // A ruleset without a tests folder has no test cases yet: that is no missing file, and the
    // caller says so (runs is empty) and how to add some. A path the person named must exist.
    if (options.cases === undefined && (await stat(source).catch(() => undefined)) === undefined) continue;
    const found = await testFiles(source);
    if (typeof found === 'string') files.push(found);
    else if (Array.isArray(found)) files.push(...found);
    else diagnostics.push(found);
  }

  const runs: TestRun[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (typeof text !== 'string') {
      diagnostics.push(text);
      continue;
    }
    runs.push(
      runTestCases(ruleset, text, file, {
        readFile: confinedReader(file, options.root),
        ...(options.keepInputs ? { keepInputs: true } : {}),
        ...(options.keepResults ? { keepResults: true } : {}),
      }),
    );
  }
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  return { ruleset, diagnostics, runs, passed, failed };
}

/** A file stays itself; a folder becomes its YAML files, sorted; a missing path is a diagnostic. */
async function testFiles(path: string): Promise<string | string[] | Diagnostic> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return makeDiagnostic({ file: path }, 'file_not_found', undefined, { path });
  if (!info.isDirectory()) return path;
  try {
    const names = await readdir(path);
    return names
      .filter((name) => TEST_FILE.test(name))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((name) => join(path, name));
  } catch (e) {
    const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
    return makeDiagnostic({ file: path }, 'file_unreadable', undefined, {
      path,
      detail: code ?? String(e),
    });
  }
}
