/**
 * The files a language server sees: the editor's open copies (unsaved edits count) over the disk,
 * LSP URIs ↔ paths, and a rule text's outline with the outlines of the files it includes.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_FILE_BYTES, readIncludeFile } from '@lcz/criteria-engine/node';
import { outlineRuleText, type AssistSources, type RuleTextOutline } from '@lcz/criteria-engine/tools';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';

export interface Workspace {
  /** The file's text: the editor's copy when it is open, else the disk's (undefined when unreadable). */
  textOf(path: string): string | undefined;
  /** The path of a `file:` URI; undefined for other schemes (an untitled buffer). */
  pathOf(uri: string): string | undefined;
  /** The open document of a path, or a read-only one made from the disk's text. */
  documentOf(path: string): TextDocument;
  /** What editor assistance needs: the document's outline and those of the files it includes. */
  sourcesOf(doc: TextDocument): AssistSources;
}

export function createWorkspace(documents: TextDocuments<TextDocument>): Workspace {
  const textOf = (path: string): string | undefined => {
    const open = documents.get(pathToFileURL(path).href);
    if (open) return open.getText();
    // Only paths the engine's include reader confined (or that a diagnostic names) come here.
    try {
      return statSync(path).size <= MAX_FILE_BYTES ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };

  const pathOf = (uri: string): string | undefined => {
    try {
      return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    } catch {
      return undefined;
    }
  };

  const documentOf = (path: string): TextDocument => {
    const uri = pathToFileURL(path).href;
    return documents.get(uri) ?? TextDocument.create(uri, 'yaml', 0, textOf(path) ?? '');
  };

  const sourcesOf = (doc: TextDocument): AssistSources => {
    const file = pathOf(doc.uri) ?? doc.uri;
    const main = outlineRuleText(doc.getText(), file);
    const included: RuleTextOutline[] = [];
    if (pathOf(doc.uri))
      for (const path of main.includes) {
        // The same confinement as loading: nothing outside the rule file's root is opened.
        const read = readIncludeFile(path, file);
        if (read && !('code' in read)) included.push(outlineRuleText(textOf(read.file) ?? read.text, read.file));
      }
    return { main, included };
  };

  return { textOf, pathOf, documentOf, sourcesOf };
}
