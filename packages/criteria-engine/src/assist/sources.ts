/**
 * The rule file being edited and the fragments it includes: every name an expression in it may
 * use. The caller reads the included files (the language server from disk, the playground not at
 * all), so this module stays free of file access and runs in a browser.
 */
import type { DeclaredSymbol, RuleTextOutline } from './outline.js';

export interface AssistSources {
  readonly main: RuleTextOutline;
  /** Outlines of the files named in `include:`, when the caller could read them. */
  readonly included?: readonly RuleTextOutline[];
}

/** Every declared name, the edited file's first (a name declared twice resolves there). */
export function allSymbols(sources: AssistSources): DeclaredSymbol[] {
  return [...sources.main.symbols, ...(sources.included ?? []).flatMap((o) => o.symbols)];
}

export function findSymbol(sources: AssistSources, name: string): DeclaredSymbol | undefined {
  return allSymbols(sources).find((s) => s.name === name);
}
