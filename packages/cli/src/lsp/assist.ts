/**
 * Completion, hover and go-to-definition: the engine's editor assistance (the module the
 * playground uses too), with offsets turned into LSP positions.
 */
import { completeAt, definitionAt, hoverAt, infoMarkdown, type AssistCompletion } from '@lcz/criteria-engine/tools';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver/node';
import type { Workspace } from './workspace.js';

const KIND: Readonly<Record<AssistCompletion['kind'], CompletionItemKind>> = {
  fact: CompletionItemKind.Field,
  context: CompletionItemKind.Enum,
  parameter: CompletionItemKind.Constant,
  definition: CompletionItemKind.Reference,
  function: CompletionItemKind.Function,
  keyword: CompletionItemKind.Keyword,
  value: CompletionItemKind.EnumMember,
  property: CompletionItemKind.Property,
};

export function completionsAt(doc: TextDocument, position: Position, workspace: Workspace): CompletionItem[] {
  const offset = doc.offsetAt(position);
  const result = completeAt(workspace.sourcesOf(doc), offset);
  if (!result) return [];
  const range = { start: doc.positionAt(result.from), end: doc.positionAt(Math.max(result.to, offset)) };
  return result.items.map((item): CompletionItem => {
    const insert = item.insert ?? item.label;
    // A cursor inside the inserted text (between quotes, inside parentheses) needs a snippet's `$0`.
    const snippet =
      item.cursor !== undefined && item.cursor < insert.length
        ? `${escapeSnippet(insert.slice(0, item.cursor))}$0${escapeSnippet(insert.slice(item.cursor))}`
        : undefined;
    return {
      label: item.label,
      kind: KIND[item.kind],
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.info ? { documentation: { kind: MarkupKind.Markdown, value: infoMarkdown(item.info) } } : {}),
      textEdit: { range, newText: snippet ?? insert },
      ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    };
  });
}

export function hoverAtPosition(doc: TextDocument, position: Position, workspace: Workspace): Hover | null {
  const hover = hoverAt(workspace.sourcesOf(doc), doc.offsetAt(position));
  if (!hover) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: infoMarkdown(hover) },
    range: { start: doc.positionAt(hover.from), end: doc.positionAt(hover.to) },
  };
}

export function definitionAtPosition(doc: TextDocument, position: Position, workspace: Workspace): Location | null {
  const location = definitionAt(workspace.sourcesOf(doc), doc.offsetAt(position));
  if (!location) return null;
  const target = location.file === (workspace.pathOf(doc.uri) ?? doc.uri) ? doc : workspace.documentOf(location.file);
  return {
    uri: target.uri,
    range: { start: target.positionAt(location.from), end: target.positionAt(location.to) },
  };
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
