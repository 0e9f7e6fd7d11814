/**
 * The language server behind `lcz lsp`: the engine's diagnostics for every open rule file (every
 * problem at once, in the user's language, fragments' problems in the fragment's own file), and
 * completion, hover and go-to-definition from the engine's editor assistance (the same module the
 * playground uses). Only glue lives here: LSP positions ↔ offsets, files ↔ URIs.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRuleset, renderMessage, type Diagnostic as EngineDiagnostic } from '@lcz/criteria-engine';
import { MAX_FILE_BYTES, readIncludeFile } from '@lcz/criteria-engine/node';
import {
  completeAt,
  definitionAt,
  hoverAt,
  infoMarkdown,
  outlineRuleText,
  type AssistCompletion,
  type AssistSources,
  type RuleTextOutline,
} from '@lcz/criteria-engine/tools';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CompletionItem,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { Lang } from '../session.js';

export interface LanguageServerOptions {
  /** `--lang` when given; otherwise initializationOptions.lang, then the LANG of the environment. */
  readonly lang: Lang | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Checking a file takes tens of milliseconds: wait for a pause in typing. */
const CHECK_DELAY_MS = 200;

const SEVERITY: Readonly<Record<EngineDiagnostic['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

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

/** The user's language from the environment (LC_ALL, LC_MESSAGES, LANG), as POSIX orders them. */
function languageOfEnvironment(env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  if (/^vi\b|^vi_/i.test(locale)) return 'vi';
  if (/^en\b|^en_/i.test(locale)) return 'en';
  return undefined;
}

export function startLanguageServer(connection: Connection, options: LanguageServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let lang: Lang = options.lang ?? languageOfEnvironment(options.env) ?? 'vi';
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** For each checked file, the other files (fragments) it published problems to. */
  const publishedTo = new Map<string, Set<string>>();

  connection.onInitialize((params) => {
    const asked = (params.initializationOptions as { lang?: unknown } | null | undefined)?.lang;
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

  /** The file's text: the editor's copy when it is open (unsaved edits count), else the disk's. */
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

  const check = (doc: TextDocument): void => {
    const file = pathOf(doc.uri) ?? doc.uri;
    const text = doc.getText();
    const byFile = new Map<string, Diagnostic[]>([[file, []]]);
    if (outlineRuleText(text, file).isRuleFile) {
      const loaded = loadRuleset(text, {
        file,
        readInclude: (path, from) => {
          const read = readIncludeFile(path, from);
          if (!read || 'code' in read) return read;
          return { file: read.file, text: textOf(read.file) ?? read.text };
        },
      });
      for (const d of loaded.diagnostics) {
        const target = byFile.get(d.file) ?? [];
        byFile.set(d.file, target);
        target.push(toLspDiagnostic(d, d.file === file ? doc : documentOf(d.file)));
      }
    }
    const before = publishedTo.get(file) ?? new Set<string>();
    const now = new Set([...byFile.keys()].filter((f) => f !== file));
    for (const stale of before) if (!now.has(stale)) byFile.set(stale, []);
    publishedTo.set(file, now);
    for (const [path, diagnostics] of byFile) {
      const uri = path === file ? doc.uri : pathToFileURL(path).href;
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  };

  const documentOf = (path: string): TextDocument => {
    const uri = pathToFileURL(path).href;
    return documents.get(uri) ?? TextDocument.create(uri, 'yaml', 0, textOf(path) ?? '');
  };

  const toLspDiagnostic = (d: EngineDiagnostic, doc: TextDocument): Diagnostic => {
    const { message, hint } = renderMessage(d, lang);
    const [start, end] = d.range ?? [0, 0];
    const range =
      d.range !== undefined
        ? { start: doc.positionAt(start), end: doc.positionAt(Math.max(end, start + 1)) }
        : {
            start: { line: Math.max(0, d.line - 1), character: Math.max(0, d.column - 1) },
            end: { line: Math.max(0, d.line - 1), character: Math.max(1, d.column) },
          };
    return {
      range,
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'lcz',
      message: hint ? `${message}\n→ ${hint}` : message,
    };
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
    if (!doc) return [];
    const offset = doc.offsetAt(position);
    const result = completeAt(sourcesOf(doc), offset);
    if (!result) return [];
    const range = { start: doc.positionAt(result.from), end: doc.positionAt(Math.max(result.to, offset)) };
    return result.items.map((item): CompletionItem => {
      const insert = item.insert ?? item.label;
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
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const hover = hoverAt(sourcesOf(doc), doc.offsetAt(position));
    if (!hover) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: infoMarkdown(hover) },
      range: { start: doc.positionAt(hover.from), end: doc.positionAt(hover.to) },
    };
  });

  connection.onDefinition(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const location = definitionAt(sourcesOf(doc), doc.offsetAt(position));
    if (!location) return null;
    const target = location.file === (pathOf(doc.uri) ?? doc.uri) ? doc : documentOf(location.file);
    return {
      uri: target.uri,
      range: { start: target.positionAt(location.from), end: target.positionAt(location.to) },
    };
  });

  documents.listen(connection);
  connection.listen();
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
