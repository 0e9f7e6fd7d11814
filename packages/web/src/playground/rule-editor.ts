/**
 * The playground's YAML editor: CodeMirror 6 with YAML highlighting, line numbers, a lint gutter
 * fed with the engine's own diagnostics (every one at once, each at its line:column), and the
 * engine's editor assistance (the module `lcz lsp` uses too) for completion and hover. Tab is
 * left to the browser, so keyboard users can leave the editor; Ctrl+Space completes.
 */
import { autocompletion, completionKeymap, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic as EditorDiagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { Diagnostic } from '@lcz/criteria-engine';
import { completeAt, hoverAt, outlineRuleText, type Info, type RuleTextOutline } from '@lcz/criteria-engine/tools';

export interface RuleEditorOptions {
  /** The file name diagnostics carry for this text. */
  readonly file: string;
  /** Called after every change of the text. */
  onChange(): void;
  /** Called when the caret moves. */
  onCaret(): void;
  /** Attributes for the editable element (its label, what describes it). */
  readonly contentAttributes: Readonly<Record<string, string>>;
}

export class RuleEditor {
  readonly view: EditorView;
  readonly #file: string;
  /** One outline per version of the text: completion and hover at the same version share it. */
  readonly #outlines = new WeakMap<Text, RuleTextOutline>();

  constructor(parent: HTMLElement, options: RuleEditorOptions) {
    this.#file = options.file;
    const sources = (doc: Text) => ({ main: this.#outline(doc) });
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(),
          lintGutter(),
          highlightActiveLine(),
          history(),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle),
          EditorState.tabSize.of(2),
          autocompletion({
            override: [(ctx: CompletionContext) => complete(ctx, sources(ctx.state.doc))],
            icons: false,
          }),
          hoverTooltip((view, pos) => {
            const hover = hoverAt(sources(view.state.doc), pos);
            return hover
              ? { pos: hover.from, end: hover.to, above: true, create: () => ({ dom: infoElement(hover) }) }
              : null;
          }),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
          EditorView.contentAttributes.of({ ...options.contentAttributes, spellcheck: 'false', autocapitalize: 'off' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) options.onChange();
            if (update.selectionSet || update.docChanged) options.onCaret();
          }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }
  set text(value: string) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  /** The 1-based line of the caret. */
  caretLine(): number {
    return this.view.state.doc.lineAt(this.view.state.selection.main.head).number;
  }

  /** Puts the caret at line:column (1-based), scrolls it into view and focuses the editor. */
  goTo(line: number, column: number): void {
    const doc = this.view.state.doc;
    const at = doc.line(Math.min(Math.max(1, line), doc.lines));
    const anchor = at.from + Math.min(Math.max(0, column - 1), at.length);
    // Centred, so the lines around the problem show too.
    this.view.dispatch({ selection: { anchor }, effects: EditorView.scrollIntoView(anchor, { y: 'center' }) });
    this.view.focus();
  }

  /** Shows the problems in the lint gutter and under the text: all of them, each at its place. */
  showProblems(list: readonly Diagnostic[], words: (d: Diagnostic) => string): void {
    const doc = this.view.state.doc;
    const marks = list.flatMap((d): EditorDiagnostic[] => {
      if (d.file !== this.#file || d.line <= 0) return [];
      const line = doc.line(Math.min(d.line, doc.lines));
      const from = d.range ? Math.min(d.range[0], doc.length) : Math.min(line.from + d.column - 1, line.to);
      // A zero-width problem (a missing key) still marks the character at its place.
      const end = d.range ? Math.min(d.range[1], doc.length) : from;
      const to = end > from ? end : Math.min(from + 1, Math.max(line.to, from));
      return [{ from, to, severity: d.severity, source: d.code, message: words(d) }];
    });
    this.view.dispatch(setDiagnostics(this.view.state, marks));
  }

  #outline(doc: Text): RuleTextOutline {
    let outline = this.#outlines.get(doc);
    if (!outline) {
      outline = outlineRuleText(doc.toString(), this.#file);
      this.#outlines.set(doc, outline);
    }
    return outline;
  }
}

const TYPE: Readonly<Record<string, string>> = {
  fact: 'variable',
  context: 'enum',
  parameter: 'constant',
  definition: 'method',
  function: 'function',
  keyword: 'keyword',
  value: 'enum',
  property: 'property',
};

function complete(ctx: CompletionContext, sources: Parameters<typeof completeAt>[0]) {
  const result = completeAt(sources, ctx.pos);
  if (!result) return null;
  const typed = ctx.state.sliceDoc(result.from, ctx.pos);
  // Typing opens the list only once a word is started; Ctrl+Space opens it anywhere.
  if (!ctx.explicit && typed === '' && !/[{,:'"]\s*$/.test(ctx.state.sliceDoc(Math.max(0, ctx.pos - 3), ctx.pos)))
    return null;
  const options = result.items.map(
    (item, i): Completion => ({
      label: item.label,
      type: TYPE[item.kind] ?? 'text',
      // Value ids keep the declared order (an ordinal's, lowest first) instead of the alphabet's.
      ...(item.kind === 'value' ? { boost: Math.max(-99, 99 - i) } : {}),
      ...(item.detail ? { detail: item.detail } : {}),
      ...(item.info ? { info: lazyInfo(item.info) } : {}),
      apply: (view, _completion, from, to) => {
        const insert = item.insert ?? item.label;
        view.dispatch({
          changes: { from, to: Math.max(to, result.to), insert },
          selection: { anchor: from + (item.cursor ?? insert.length) },
        });
      },
    }),
  );
  return { from: result.from, options, validFor: /^[A-Za-z0-9_]*$/ };
}

/** The completion's documentation, made when the list shows it. */
function lazyInfo(info: Info): () => HTMLElement {
  return () => infoElement(info);
}
/** A hover or completion detail: the title, then each line with its language. Text only, never HTML. */
function infoElement(info: Info): HTMLElement {
  const box = document.createElement('div');
  box.className = 'assist-info';
  const title = document.createElement('strong');
  title.textContent = info.title;
  box.append(title);
  for (const line of info.lines) {
    const p = document.createElement('p');
    if (line.lang) {
      p.lang = line.lang;
      const tag = document.createElement('span');
      tag.className = 'assist-lang';
      tag.textContent = line.lang;
      p.append(tag, ' ', line.text);
    } else {
      p.className = 'assist-code';
      p.textContent = line.text;
    }
    box.append(p);
  }
  return box;
}
