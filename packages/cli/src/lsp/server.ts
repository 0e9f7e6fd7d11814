/**
 * The language server behind `lcz lsp`: the engine's diagnostics for every open rule file (every
 * problem at once, in the user's language, fragments' problems in the fragment's own file), and
 * completion, hover and go-to-definition from the engine's editor assistance (the same module the
 * playground uses). Only the wiring lives here: the files in workspace.ts, the problems in
 * diagnostics.ts, the assistance in assist.ts.
 */
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import type { Lang } from '../session.js';
import { completionsAt, definitionAtPosition, hoverAtPosition } from './assist.js';
import { diagnosticsByFile } from './diagnostics.js';
import { createWorkspace } from './workspace.js';
import { isRecord } from '../guards.js';

export interface LanguageServerOptions {
  /** `--lang` when given; otherwise initializationOptions.lang, then the LANG of the environment. */
  readonly lang: Lang | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Checking a file takes tens of milliseconds: wait for a pause in typing. */
const CHECK_DELAY_MS = 200;

/** The user's language from the environment (LC_ALL, LC_MESSAGES, LANG), as POSIX orders them. */
function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  if (/^vi\b|^vi_/i.test(locale)) return 'vi';
  if (/^en\b|^en_/i.test(locale)) return 'en';
  return undefined;
}

export function startLanguageServer(connection: Connection, options: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = createWorkspace(documents);
  let lang: Lang = options.lang ?? languageOfEnvironment(options.env) ?? 'vi';
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** For each checked file, the other files (fragments) it published problems to. */
  const publishedTo = new Map<string, Set<string>>();

  connection.onInitialize((params) => {
    const init: unknown = params.initializationOptions;
    const asked = isRecord(init) ? init['lang'] : undefined;
    if (options.lang === undefined && (asked === 'vi' || asked === 'en')) lang = asked;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        // Word characters start completion in every editor; quotes and `(` open value ids and arguments.
        completionProvider: { triggerCharacters: ["'", '"', '('] },
        hoverProvider: true,
        definitionProvider: true,
      },
      serverInfo: { name: 'lcz' },
    };
  });

  const check = (doc: TextDocument): void => {
    const file = workspace.pathOf(doc.uri) ?? doc.uri;
    const byFile = diagnosticsByFile(doc, workspace, lang);
    // A fragment that had problems from this file and has none now must be told so, or its old
    // problems would stay in the editor.
    const before = publishedTo.get(file) ?? new Set<string>();
    const now = new Set([...byFile.keys()].filter((f) => f !== file));
    for (const stale of before) if (!now.has(stale)) byFile.set(stale, []);
    publishedTo.set(file, now);
    for (const [path, diagnostics] of byFile) {
      const uri = path === file ? doc.uri : pathToFileURL(path).href;
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  };

  documents.onDidChangeContent(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) check(current);
      }, CHECK_DELAY_MS),
    );
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? completionsAt(doc, position, workspace) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? hoverAtPosition(doc, position, workspace) : null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? definitionAtPosition(doc, position, workspace) : null;
  });

  documents.listen(connection);
  connection.listen();
}
