/**
 * Loading rules for a command: diagnostics gathered from the load and the compiled ruleset,
 * without duplicates, with paths shown as the user typed them.
 */
import { hasErrors, type CompiledRuleset, type Diagnostic } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import type { Session } from '../session.js';

export interface LoadedRules {
  readonly ruleset?: CompiledRuleset;
  readonly diagnostics: readonly Diagnostic[];
  readonly ok: boolean;
}

export async function loadRules(path: string, session: Session): Promise<LoadedRules> {
  const loaded = await loadRulesetFile(session.abs(path));
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
