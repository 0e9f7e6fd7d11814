/**
 * Editor assistance for rule files, shared by the language server (`lcz lsp`) and the
 * playground: what is at a position (a name, a value, a function, a criterion), completion items,
 * hover texts in every language of the file, and where a name is declared. Browser-safe: the
 * caller reads included files and maps offsets to its own positions.
 */
export {
  outlineRuleText,
  MAX_OUTLINE_CHARS,
  type RuleTextOutline,
  type DeclaredSymbol,
  type DeclaredValue,
  type SymbolKind,
  type Texts,
} from './outline.js';
export type { AssistSources } from './sources.js';
export { completeAt, type AssistCompletion, type AssistCompletions, type CompletionKind } from './complete.js';
export { hoverAt, type AssistHover } from './hover.js';
export { definitionAt, type AssistLocation } from './definition.js';
export { infoMarkdown, type Info, type InfoLine } from './describe.js';
