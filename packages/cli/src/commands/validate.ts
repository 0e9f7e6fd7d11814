/**
 * `lcz validate <rules>...`: one summary line per valid ruleset (and its warnings and notes);
 * every error, located, for an invalid one. The static checks (lcz check) are part of it.
 */
import { checkRuleset, formatDiagnostics, hasErrors } from '@lcz/criteria-engine';
import type { ValidateOptions } from './validate.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { loadRules, reportInvalidRules, unique } from './load.js';

export async function validate(options: ValidateOptions, session: Session): Promise<number> {
  const { lang } = options;
  let exit: number = EXIT.ok;
  for (const path of options.paths) {
    const loaded = await loadRules(path, session);
    const { ruleset } = loaded;
    // The static checks of lcz check run too: a rule that can never pass is as wrong as a typo.
    const diagnostics = ruleset
      ? unique([...loaded.diagnostics, ...session.relocate(checkRuleset(ruleset).diagnostics)])
      : loaded.diagnostics;
    if (ruleset === undefined || hasErrors(diagnostics)) {
      reportInvalidRules(session, lang, path, diagnostics, 'rules_invalid');
      exit = EXIT.invalid;
      continue;
    }
    session.out(
      say(lang, 'validate_ok', {
        file: session.display(ruleset.file),
        id: ruleset.id,
        version: ruleset.version,
        groups: ruleset.groups.length,
        criteria: ruleset.criteria.length,
        disqualifiers: ruleset.disqualifiers.length,
      }),
    );
    if (diagnostics.length > 0) {
      const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
      session.out(say(lang, 'validate_notes', { warnings, infos: diagnostics.length - warnings }));
      session.out(formatDiagnostics(diagnostics, lang));
    }
  }
  return exit;
}
