/**
 * Loading rules for a command: diagnostics gathered from the load and the compiled ruleset,
 * without duplicates, with paths shown as the user typed them.
 */
import type { CompiledRuleset, Diagnostic, Scheme } from '@lcz/criteria-engine';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadRulesDirectory, loadRulesetFile, resolveRulesetPath } from '@lcz/criteria-engine/node';
import { hasErrors } from '@lcz/criteria-engine/runtime';
import type { CliMessageKey } from '../messages/en.js';
import { rulesCacheFor } from '../rules-cache-folder.js';
import { bilingual, say, type Lang, type Session } from '../session.js';

export interface LoadedRules {
  readonly ruleset?: CompiledRuleset;
  /** Set when the path holds several versions and none was chosen: pick one per assessment date. */
  readonly scheme?: Scheme;
  /**
   * Set, for a caller that asked for it (`several: true`), when the path holds several rulesets
   * (rules/: Lai Châu's versions beside other schemes): pick one per assessment by its `ruleset:`.
   */
  readonly schemes?: readonly Scheme[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

/** Which version to use when the rules path holds several (rules/ with one folder per version). */
export interface VersionChoice {
  readonly version?: string;
  readonly date?: string;
}

export async function loadRules(
  path: string,
  session: Session,
  choice: VersionChoice = {},
  options: {
    readonly several?: boolean;
    /** The command will decide many assessments: use the generated decide code the cache keeps. */
    readonly decideMany?: boolean;
  } = {},
): Promise<LoadedRules> {
  const cache = rulesCacheFor(session, options.decideMany === true);
  const cacheOption = cache ? { cache } : {};
  const schemes = await loadRulesDirectory(session.abs(path), cacheOption);
  // A version folder that does not load: its own errors, not "no ruleset.yaml" at the top folder.
  if (schemes.value === undefined && hasErrors(schemes.diagnostics)) {
    return { diagnostics: session.relocate(unique(schemes.diagnostics)), ok: false };
  }
  const scheme = schemes.value?.length === 1 ? schemes.value[0] : undefined;
  if (scheme && (scheme.versions.length > 1 || choice.version !== undefined || choice.date !== undefined)) {
    const found = unique([...schemes.diagnostics, ...scheme.versions.flatMap((v) => v.diagnostics)]);
    if (choice.version === undefined && choice.date === undefined) {
      return { scheme, diagnostics: session.relocate(found), ok: !hasErrors(found) };
    }
    const selected = scheme.select(choice);
    // The engine's "no version matches" has no file of its own ('<scheme>'): it is said of the
    // rules the command was given, as the several-rulesets case below is.
    const chosen = selected.diagnostics.map((d) => (d.file === '<scheme>' ? { ...d, file: path } : d));
    const diagnostics = session.relocate(unique([...found, ...chosen]));
    return selected.value && !hasErrors(diagnostics)
      ? { ruleset: selected.value, diagnostics, ok: true }
      : { diagnostics, ok: false };
  }
  if (options.several && schemes.value && schemes.value.length > 1) {
    const found = unique([
      ...schemes.diagnostics,
      ...schemes.value.flatMap((s) => s.versions.flatMap((v) => v.diagnostics)),
    ]);
    return { schemes: schemes.value, diagnostics: session.relocate(found), ok: !hasErrors(found) };
  }
  if (schemes.value && schemes.value.length > 1) {
    const ids = schemes.value.map((s) => s.id).join(', ');
    const diagnostic: Diagnostic = {
      code: 'version_not_found',
      severity: 'error',
      file: path,
      line: 0,
      column: 0,
      params: { id: ids, wanted: 'one ruleset', available: ids },
    };
    return { diagnostics: [diagnostic], ok: false };
  }
  // One version, one ruleset file: the one just loaded (loading it again cost as much again).
  // (Only when the path is that file or its folder's own ruleset.yaml, as loadRulesetFile reads.)
  const only = scheme?.versions.length === 1 ? scheme.versions[0] : undefined;
  if (only !== undefined && (await isFile(await resolveRulesetPath(session.abs(path))))) {
    const diagnostics = session.relocate(unique([...schemes.diagnostics, ...only.diagnostics]));
    return hasErrors(diagnostics) ? { diagnostics, ok: false } : { ruleset: only, diagnostics, ok: true };
  }
  const loaded = await loadRulesetFile(session.abs(path), cacheOption);
  const diagnostics = session.relocate(unique([...loaded.diagnostics, ...(loaded.value?.diagnostics ?? [])]));
  const ok = loaded.value !== undefined && !hasErrors(diagnostics);
  return ok && loaded.value ? { ruleset: loaded.value, diagnostics, ok } : { diagnostics, ok: false };
}

export function unique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.code, d.severity, d.file, d.line, d.column, d.path ?? '', d.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The line under the diagnostics of rules that did not load: what the command then did not do. */
type InvalidRulesMessage = Extract<CliMessageKey, `rules_invalid${string}` | 'diff_rules_invalid'>;

/**
 * Why rules are unusable, for a person: every diagnostic located, then one line naming the path
 * and the count of errors (in both languages with `both`, for a server's operator).
 */
export async function reportInvalidRules(
  session: Session,
  lang: Lang,
  path: string,
  diagnostics: readonly Diagnostic[],
  message: InvalidRulesMessage,
  both = false,
): Promise<void> {
  session.err(await formatDiagnosticsLater(diagnostics, lang));
  const params = { path, count: diagnostics.filter((d) => d.severity === 'error').length };
  session.err(both ? bilingual(message, params) : say(lang, message, params));
}

/**
 * Load the rules a command needs, or report why they did not load (reportInvalidRules) and give
 * undefined, so the command only has to return EXIT.invalid.
 */
export async function loadRulesOrReport(
  path: string,
  session: Session,
  lang: Lang,
  message: InvalidRulesMessage,
  choice: VersionChoice = {},
): Promise<{ readonly ruleset: CompiledRuleset; readonly diagnostics: readonly Diagnostic[] } | undefined> {
  const { ruleset, scheme, diagnostics } = await loadRules(path, session, choice);
  if (ruleset !== undefined) return { ruleset, diagnostics };
  if (scheme !== undefined && !hasErrors(diagnostics)) {
    // A folder of several versions, none chosen: a command that needs one says which to give,
    // never "the rules have 0 errors".
    const latest = scheme.versions.at(-1);
    session.err(
      say(lang, 'rules_several_versions', {
        path,
        id: scheme.id,
        versions: scheme.versions.map((v) => v.version).join(', '),
        example: latest ? join(path, basename(dirname(latest.file))) : path,
      }),
    );
    return undefined;
  }
  await reportInvalidRules(session, lang, path, diagnostics, message);
  return undefined;
}

/** The warnings among a ruleset's diagnostics, on standard error (its notes are lcz validate's). */
export async function printWarnings(session: Session, lang: Lang, diagnostics: readonly Diagnostic[]): Promise<void> {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) session.err(await formatDiagnosticsLater(warnings, lang));
}

/**
 * The engine's formatDiagnostics, its message catalogues (121 kB of code) imported only when
 * there is something to print: a run that loads sound rules and says nothing never compiles
 * them (docs/performance.md, "Start-up").
 */
export async function formatDiagnosticsLater(diagnostics: readonly Diagnostic[], lang: Lang): Promise<string> {
  const { formatDiagnostics } = await import('@lcz/criteria-engine/messages');
  return formatDiagnostics(diagnostics, lang);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
