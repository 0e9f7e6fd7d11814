/**
 * `lcz test <rules> [--cases <path>]... [--coverage [--format text|md]]`: runs the YAML test
 * cases beside the rules (or the ones named with --cases): a line per case, ✓ or ✗; under a
 * failure, each expectation that did not hold as expected/actual with the test file's
 * file:line:column; then `N passed, M failed`; with --coverage, the table of what the cases
 * exercise (every outcome of every criterion, variant and disqualifier, every threshold at and
 * just beyond its boundary) and the gaps. Exit 1 when a case fails or a file cannot be run, 0 when
 * every case passes (gaps in coverage do not change it).
 */
import { formatDiagnostics, hasErrors } from '@lcz/criteria-engine';
import {
  coverage,
  formatCoverage,
  formatLacking,
  formatProposals,
  formatTestRun,
  proposeExpectations,
  type TestRun,
} from '@lcz/criteria-engine/tools';
import { runTestDirectory } from '@lcz/criteria-engine/node';
import type { TestOptions } from './test.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { reportInvalidRules, unique } from './load.js';

export async function test(options: TestOptions, session: Session): Promise<number> {
  const { lang } = options;
  const cases = options.cases.length > 0 ? { cases: options.cases.map((p) => session.abs(p)) } : {};
  const accepting = options.acceptAll || options.accept.length > 0;
  // Coverage re-reads what each case evaluated, so the runs keep their inputs; proposals say why.
  const outcome = await runTestDirectory(session.abs(options.rules), {
    ...cases,
    ...(options.coverage ? { keepInputs: true } : {}),
    ...(options.propose || accepting ? { keepResults: true } : {}),
  });
  const diagnostics = session.relocate(unique(outcome.diagnostics));

  if (outcome.ruleset === undefined) {
    await reportInvalidRules(session, lang, options.rules, diagnostics, 'rules_invalid_nothing_tested');
    return EXIT.invalid;
  }
  // Warnings and notes about the rules are `lcz validate`'s business; problems finding test files are ours.
  const problems = diagnostics.filter((d) => d.severity === 'error');
  if (problems.length > 0) session.err(formatDiagnostics(problems, lang));

  if (accepting && problems.length === 0) {
    // Files are rewritten at their real paths; what is printed names them as the user typed them.
    const { acceptProposals } = await import('./test-accept.js');
    const lacking = new Map(
      outcome.runs.flatMap((run) =>
        run.cases.flatMap((c) =>
          c.lacking ? [[c.name, { facts: c.lacking, file: c.root ?? run.file }] as const] : [],
        ),
      ),
    );
    const choice = { names: options.accept, all: options.acceptAll };
    const refused = await acceptProposals(proposeExpectations(outcome.runs), lacking, choice, session, lang);
    if (refused !== undefined) return refused;
    // Then the run as it now stands, so the person sees what is left.
    return test({ ...options, accept: [], acceptAll: false, propose: false }, session);
  }

  const runs = outcome.runs.map((run) => relocateRun(run, session));
  const proposals = proposeExpectations(runs);
  const fileErrors = runs.filter((run) => hasErrors(run.diagnostics)).length;

  const noFiles = runs.length === 0 && problems.length === 0;
  if (noFiles) session.err(say(lang, 'no_test_files', { path: options.cases.join(', ') || `${options.rules}/tests` }));

  const covered = options.coverage ? coverage(outcome.ruleset, runs) : undefined;
  if (options.json) {
    const { id, version, hash } = outcome.ruleset;
    const files = runs.map((run) => ({ ...run, cases: run.cases.map(({ input: _i, result: _r, ...c }) => c) }));
    session.out(
      JSON.stringify(
        {
          ruleset: { id, version, hash },
          passed: outcome.passed,
          failed: outcome.failed,
          files,
          ...(covered ? { coverage: covered } : {}),
          ...(options.propose ? { proposals: withoutResults(proposals) } : {}),
          ...(proposals.lacking.length > 0 ? { lacking: proposals.lacking } : {}),
        },
        null,
        2,
      ),
    );
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
    if (options.propose)
      session.out(`\n${formatProposals(proposals, lang, { color: session.color, rules: options.rules })}`);
    else if (proposals.lacking.length > 0) session.out(`\n${formatLacking(proposals.lacking, lang)}`);
    if (covered && options.coverage) session.out(`\n${formatCoverage(covered, lang, options.coverage)}`);
  }
  if (fileErrors > 0) session.err(say(lang, 'test_files_invalid', { count: fileErrors }));

  const ok = outcome.failed === 0 && fileErrors === 0 && problems.length === 0 && !noFiles;
  return ok ? EXIT.ok : EXIT.invalid;
}

/** The proposals as JSON: the evaluation itself stays out (it is in --json's files only by decision). */
function withoutResults(proposals: ReturnType<typeof proposeExpectations>) {
  return proposals.cases.map(({ changes, ...c }) => ({ ...c, changes: changes.map(({ range: _r, ...m }) => m) }));
}

/** File names as the user typed them, in the run, its cases' diagnostics and its own. */
function relocateRun(run: TestRun, session: Session): TestRun {
  return {
    ...run,
    file: session.display(run.file),
    diagnostics: session.relocate(run.diagnostics),
    cases: run.cases.map((c) => ({
      ...c,
      diagnostics: session.relocate(c.diagnostics),
      ...(c.root === undefined ? {} : { root: session.display(c.root) }),
    })),
  };
}
