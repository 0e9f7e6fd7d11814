/**
 * `lcz test <rules> [--cases <path>]...`: runs the YAML test cases beside the rules (or the ones
 * named with --cases): a line per case, ✓ or ✗; under a failure, each expectation that did not
 * hold as expected/actual with the test file's file:line:column; then `N passed, M failed`.
 * Exit 1 when a case fails or a file cannot be run, 0 when every case passes.
 */
import { formatDiagnostics, formatTestRun, hasErrors, type TestRun } from '@lcz/criteria-engine';
import { runTestDirectory } from '@lcz/criteria-engine/node';
import type { TestOptions } from '../run.js';
import { EXIT, say, type Session } from '../session.js';
import { unique } from './load.js';

export async function test(options: TestOptions, session: Session): Promise<number> {
  const { lang } = options;
  const cases = options.cases.length > 0 ? { cases: options.cases.map((p) => session.abs(p)) } : {};
  const outcome = await runTestDirectory(session.abs(options.rules), cases);
  const diagnostics = session.relocate(unique(outcome.diagnostics));

  if (outcome.ruleset === undefined) {
    session.err(formatDiagnostics(diagnostics, lang));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    session.err(say(lang, 'rules_invalid_nothing_tested', { path: options.rules, count: errors }));
    return EXIT.invalid;
  }
  // Warnings and notes about the rules are `lcz validate`'s business; problems finding test files are ours.
  const problems = diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) session.err(formatDiagnostics(problems, lang));

  const runs = outcome.runs.map((run) => relocateRun(run, session));
  const fileErrors = runs.filter((run) => hasErrors(run.diagnostics)).length;

  const noFiles = runs.length === 0 && problems.length === 0;
  if (noFiles) session.err(say(lang, 'no_test_files', { path: options.cases.join(', ') || `${options.rules}/tests` }));

  if (options.json) {
    const { id, version, hash } = outcome.ruleset;
    session.out(JSON.stringify({ ruleset: { id, version, hash }, passed: outcome.passed, failed: outcome.failed, files: runs }, null, 2));
  } else {
    const seen = new Set<string>();
    runs.forEach((run, i) => {
      if (i > 0) session.out('');
      session.out(run.file);
      session.out(formatTestRun(run, lang, { color: session.color, seen }));
    });
    session.out('');
    if (lang === 'vi') session.out(say('vi', 'test_summary', { passed: outcome.passed, failed: outcome.failed }));
    session.out(say('en', 'test_summary', { passed: outcome.passed, failed: outcome.failed }));
  }
  if (fileErrors > 0) session.err(say(lang, 'test_files_invalid', { count: fileErrors }));

  const ok = outcome.failed === 0 && fileErrors === 0 && problems.length === 0 && !noFiles;
  return ok ? EXIT.ok : EXIT.invalid;
}

/** File names as the user typed them, in the run, its cases' diagnostics and its own. */
function relocateRun(run: TestRun, session: Session): TestRun {
  return {
    ...run,
    file: session.display(run.file),
    diagnostics: session.relocate(run.diagnostics),
    cases: run.cases.map((c) => ({ ...c, diagnostics: session.relocate(c.diagnostics) })),
  };
}
