/**
 * A rule file's problems as LSP diagnostics, grouped by the file they belong to: a fragment's
 * problems go to the fragment, so an editor shows them where they must be fixed.
 */
import { loadRuleset, renderMessage, type Diagnostic as EngineDiagnostic } from '@lcz/criteria-engine';
import { readIncludeFile } from '@lcz/criteria-engine/node';
import { outlineRuleText } from '@lcz/criteria-engine/tools';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Lang } from '../session.js';
import type { Workspace } from './workspace.js';

const SEVERITY: Readonly<Record<EngineDiagnostic['severity'], DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Every problem of the document (none when it is not a rule file), by file path; the document's own path first. */
export function diagnosticsByFile(doc: TextDocument, workspace: Workspace, lang: Lang): Map<string, Diagnostic[]> {
  const file = workspace.pathOf(doc.uri) ?? doc.uri;
  const text = doc.getText();
  const byFile = new Map<string, Diagnostic[]>([[file, []]]);
  if (!outlineRuleText(text, file).isRuleFile) return byFile;
  const loaded = loadRuleset(text, {
    file,
    readInclude: (path, from) => {
      const read = readIncludeFile(path, from);
      if (!read || 'code' in read) return read;
      return { file: read.file, text: workspace.textOf(read.file) ?? read.text };
    },
  });
  for (const d of loaded.diagnostics) {
    const target = byFile.get(d.file) ?? [];
    byFile.set(d.file, target);
    target.push(toLspDiagnostic(d, d.file === file ? doc : workspace.documentOf(d.file), lang));
  }
  return byFile;
}

function toLspDiagnostic(d: EngineDiagnostic, doc: TextDocument, lang: Lang): Diagnostic {
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
}
