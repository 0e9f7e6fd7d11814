/**
 * `lcz check <rules>...`: the static checks of each ruleset (checkRuleset): criteria that can
 * never pass or never fail, standards whose minimum cannot be reached, mandatory criteria that
 * can be not applicable, criteria that never change the decision, thresholds that contradict
 * each other, and the variant coverage found at load. Every finding as file:line:column with its
 * code and a hint, then a count per severity. Exit 1 when a ruleset does not load or has an error.
 */
import { capDiagnostics, formatDiagnostics, renderMessage, type Diagnostic } from '@lcz/criteria-engine';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import type { CheckOptions } from './check.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { loadRulesOrReport, unique } from './load.js';

export async function check(options: CheckOptions, session: Session): Promise<number> {
  const { lang } = options;
  let exit: number = EXIT.ok;
  const reports: unknown[] = [];
  for (const path of options.paths) {
    const loaded = await loadRulesOrReport(path, session, lang, 'rules_invalid_nothing_checked');
    if (loaded === undefined) {
      exit = EXIT.invalid;
      continue;
    }
    const { ruleset, diagnostics } = loaded;
    const found = unique([...diagnostics, ...session.relocate(checkRuleset(ruleset).diagnostics)]);
    const counts = countOf(found);
    if (counts.errors > 0) exit = EXIT.invalid;
    const file = session.display(ruleset.file);
    if (options.json) {
      const { id, version, hash } = ruleset;
      reports.push({
        file,
        ruleset: { id, version, hash },
        ...counts,
        // The counts are of every problem; the list is capped as the text is ("… and N more").
        diagnostics: capDiagnostics(found).map((d) => ({ ...d, ...renderMessage(d, lang) })),
      });
      continue;
    }
    if (found.length > 0) session.out(formatDiagnostics(found, lang));
    session.out(say(lang, 'check_summary', { file, ...counts }));
  }
  if (options.json && reports.length > 0)
    session.out(JSON.stringify(options.paths.length === 1 ? reports[0] : reports, null, 2));
  return exit;
}

function countOf(list: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.filter((d) => d.severity === 'warning').length;
  return { errors, warnings, infos: list.length - errors - warnings };
}
