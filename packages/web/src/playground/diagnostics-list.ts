/**
 * The playground's problem list: each diagnostic with its file:line:column as a button that
 * puts the caret there, the message and the hint, in the chosen language, sorted by place.
 */
import { renderMessage, type Diagnostic } from '@lcz/criteria-engine';
import { t, type Lang } from '../messages/index.js';

const SEVERITY: Readonly<Record<Lang, Readonly<Record<Diagnostic['severity'], string>>>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

function sortByPlace(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

export function renderDiagnostics(
  target: HTMLOListElement,
  list: readonly Diagnostic[],
  lang: Lang,
  goTo: (line: number, column: number) => void,
): void {
  const items = sortByPlace(list).map((d) => {
    const { message, hint } = renderMessage(d, lang);
    const li = document.createElement('li');
    li.className = d.severity;
    li.dataset['code'] = d.code;
    if (d.line > 0) {
      const where = document.createElement('button');
      where.type = 'button';
      where.textContent = `${d.file}:${d.line}:${d.column}`;
      where.setAttribute('aria-label', `${t(lang, 'go_to', { line: d.line, column: d.column })}: ${d.file}`);
      where.addEventListener('click', () => goTo(d.line, d.column));
      li.append(where, ' ');
    }
    const severity = document.createElement('span');
    severity.className = `severity-${d.severity}`;
    severity.textContent = `${SEVERITY[lang][d.severity]} [${d.code}]`;
    li.append(severity, ` ${message}`);
    if (hint) {
      const h = document.createElement('span');
      h.className = 'hint';
      h.textContent = `→ ${hint}`;
      li.append(h);
    }
    return li;
  });
  target.replaceChildren(...items);
}

/** The message of the first problem on `line`, for the line under the caret. */
export function problemOnLine(list: readonly Diagnostic[], line: number, lang: Lang): string | undefined {
  const d = sortByPlace(list).find((x) => x.line === line && x.severity !== 'info');
  if (!d) return undefined;
  return `${d.line}:${d.column} ${renderMessage(d, lang).message}`;
}
