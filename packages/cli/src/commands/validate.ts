/**
 * `lcz validate <rules>...`: one summary line per valid ruleset (and its warnings and notes);
 * every error, located, for an invalid one. The static checks (lcz check) are part of it. A folder
 * that holds several versions (rules/, as `evaluate --rules` accepts) is validated version by
 * version, one summary line each; so is a folder that holds several rulesets (rules/: Lai Châu's
 * versions and the other bundled schemes).
 */
import { type CompiledRuleset, type Diagnostic, formatDiagnostics, hasErrors } from '@lcz/criteria-engine';
import { checkRuleset } from '@lcz/criteria-engine/tools';
import type { ValidateOptions } from './validate.usage.js';
import { EXIT, say, type Session } from '../session.js';
import { loadRules, reportInvalidRules, unique } from './load.js';

export async function validate(options: ValidateOptions, session: Session): Promise<number> {
  const { lang } = options;
  let exit: number = EXIT.ok;
  for (const path of options.paths) {
    const loaded = await loadRules(path, session, {}, { several: true });
    const several = loaded.scheme !== undefined || loaded.schemes !== undefined;
    const versions =
      loaded.schemes?.flatMap((s) => s.versions) ?? loaded.scheme?.versions ?? (loaded.ruleset ? [loaded.ruleset] : []);
    if (versions.length === 0) {
      await reportInvalidRules(session, lang, path, loaded.diagnostics, 'rules_invalid');
      exit = EXIT.invalid;
      continue;
    }
    // With several versions, each is reported with its own diagnostics; what belongs to none
    // (the periods of the versions against each other) is reported after them.
    const own = (ruleset: CompiledRuleset) => (several ? session.relocate(ruleset.diagnostics) : loaded.diagnostics);
    const keys = new Set(versions.flatMap((v) => own(v).map(key)));
    for (const ruleset of versions) {
      // One ruleset is named as the user named it; each version of a folder of versions by its file.
      const name = several ? session.display(ruleset.file) : path;
      if (!(await validateOne(ruleset, name, own(ruleset), options, session))) exit = EXIT.invalid;
    }
    const rest = several ? loaded.diagnostics.filter((d) => !keys.has(key(d))) : [];
    if (hasErrors(rest)) {
      await reportInvalidRules(session, lang, path, rest, 'rules_invalid');
      exit = EXIT.invalid;
    } else if (rest.length > 0) session.out(formatDiagnostics(rest, lang));
  }
  return exit;
}

/** One ruleset: its summary line and notes, or its errors. False when it has errors. */
async function validateOne(
  ruleset: CompiledRuleset,
  name: string,
  loadDiagnostics: readonly Diagnostic[],
  { lang }: ValidateOptions,
  session: Session,
): Promise<boolean> {
  // The static checks of lcz check run too: a rule that can never pass is as wrong as a typo.
  const diagnostics = unique([...loadDiagnostics, ...session.relocate(checkRuleset(ruleset).diagnostics)]);
  if (hasErrors(diagnostics)) {
    await reportInvalidRules(session, lang, name, diagnostics, 'rules_invalid');
    return false;
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
  return true;
}

function key(d: Diagnostic): string {
  return JSON.stringify([d.code, d.severity, d.file, d.line, d.column, d.params]);
}
