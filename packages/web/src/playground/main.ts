/**
 * The playground page: a rule file in a CodeMirror editor, checked with `loadRuleset` as the
 * user types (problems listed with line:column and shown in the lint gutter, all at once;
 * completion and hover from the engine's editor assistance), and <lcz-assessment> beside it,
 * rebuilt from every valid version. The page's HTML says which rule file to start from
 * (`data-rules`); `?rules=URL` overrides it.
 */
import { loadRuleset, renderMessage, type Diagnostic } from '@lcz/criteria-engine';
import { defineLczAssessment } from '../element/lcz-assessment.js';
import { isMessageKey, t, toLang, type Lang } from '../messages/index.js';
import { problemOnLine, renderDiagnostics } from './diagnostics-list.js';
import { RuleEditor } from './rule-editor.js';

/** Loading a rule file takes tens of milliseconds: check after a short pause in typing. */
const CHECK_DELAY_MS = 250;

defineLczAssessment();

const need = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`The playground page lacks ${selector}`);
  return el;
};

const host = need<HTMLElement>('#rules');
const status = need<HTMLElement>('#editor-status');
const caretProblem = need<HTMLElement>('#caret-problem');
const list = need<HTMLOListElement>('#diagnostics');
const langSelect = need<HTMLSelectElement>('#lang');
const component = need<HTMLElementTagNameMap['lcz-assessment']>('#assessment');
const panes = need<HTMLElement>('.panes');
const FILE = 'ruleset.yaml';
let lang: Lang = toLang(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang);
let diagnostics: readonly Diagnostic[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;

const editor = new RuleEditor(host, {
  file: FILE,
  contentAttributes: { 'aria-labelledby': 'editor-label', 'aria-describedby': 'editor-status caret-problem' },
  onChange() {
    status.className = 'editor-status';
    status.textContent = t(lang, 'editor_checking');
    clearTimeout(timer);
    timer = setTimeout(check, CHECK_DELAY_MS);
  },
  onCaret: () => showCaretProblem(),
});
// For scripts and tests driving the page: the CodeMirror view.
Object.defineProperty(host, 'editorView', { value: editor.view });

function check(): void {
  const loaded = loadRuleset(editor.text, { file: FILE });
  diagnostics = loaded.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (loaded.value) component.ruleset = loaded.value;
  showStatus(errors, loaded.value !== undefined);
  editor.showProblems(diagnostics, (d) => {
    const { message, hint } = renderMessage(d, lang);
    return hint ? `[${d.code}] ${message}\n→ ${hint}` : `[${d.code}] ${message}`;
  });
  renderDiagnostics(list, diagnostics, lang, (line, column) => editor.goTo(line, column));
  showCaretProblem();
}

function showStatus(errors: number, valid: boolean): void {
  status.className = `editor-status ${valid ? 'ok' : 'bad'}`;
  status.textContent = valid
    ? diagnostics.length
      ? t(lang, 'editor_ok_with_notes', { count: diagnostics.length })
      : t(lang, 'editor_ok')
    : t(lang, 'editor_errors', { count: errors });
}

function showCaretProblem(): void {
  const text = problemOnLine(diagnostics, editor.caretLine(), lang);
  caretProblem.hidden = text === undefined;
  caretProblem.textContent = text ?? '';
}

function applyLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  langSelect.value = next;
  component.setAttribute('lang', next);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-msg]'))) {
    const key = el.dataset['msg'];
    if (key !== undefined && isMessageKey(key)) el.textContent = t(lang, key);
  }
  document.title = t(lang, 'playground_title');
  if (editor.text) check();
}

langSelect.addEventListener('change', () => applyLanguage(toLang(langSelect.value)));
// The component's own language button switches the whole page too.
new MutationObserver(() => {
  const next = toLang(component.getAttribute('lang'));
  if (next !== lang) applyLanguage(next);
}).observe(component, { attributes: true, attributeFilter: ['lang'] });

async function start(): Promise<void> {
  applyLanguage(lang);
  const url = new URLSearchParams(location.search).get('rules') ?? panes.dataset['rules'] ?? '';
  try {
    const response = await fetch(new URL(url, location.href));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    editor.text = await response.text();
    clearTimeout(timer);
    check();
  } catch (error) {
    status.className = 'editor-status bad';
    status.textContent = t(lang, 'playground_load_failed', {
      url,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

void start();
