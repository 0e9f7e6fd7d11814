/**
 * A textarea with line numbers and marked lines: the playground's YAML editor. Lines never wrap
 * (`wrap="off"`), so line N sits at (N − 1) × line height and the gutter and the marks layer
 * follow the textarea's scroll by translation. Tab is left to the browser: it moves focus, so
 * keyboard users are never trapped in the editor.
 */
export interface LineMark {
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning' | 'info';
}

export class LineEditor {
  readonly #textarea: HTMLTextAreaElement;
  readonly #gutter: HTMLElement;
  readonly #marks: HTMLElement;
  #lineCount = 0;
  #marked: readonly LineMark[] = [];

  constructor(textarea: HTMLTextAreaElement, gutterLines: HTMLElement, marks: HTMLElement) {
    this.#textarea = textarea;
    this.#gutter = gutterLines;
    this.#marks = marks;
    textarea.addEventListener('scroll', () => this.#follow());
    textarea.addEventListener('input', () => this.#numberLines());
  }

  get text(): string {
    return this.#textarea.value;
  }
  set text(value: string) {
    this.#textarea.value = value;
    this.#numberLines();
  }

  /** Marks the lines (and columns) of problems; replaces earlier marks. */
  mark(marks: readonly LineMark[]): void {
    this.#marked = marks;
    const byLine = new Map<number, LineMark>();
    for (const m of marks) if (m.line > 0 && (!byLine.has(m.line) || m.severity === 'error')) byLine.set(m.line, m);
    Array.from(this.#gutter.children).forEach((el, i) => {
      const m = byLine.get(i + 1);
      el.className = m ? (m.severity === 'error' ? 'has-error' : 'has-warning') : '';
    });
    const metrics = this.#metrics();
    this.#marks.replaceChildren(
      ...[...byLine.values()].flatMap((m) => {
        const top = metrics.padTop + (m.line - 1) * metrics.line;
        const line = document.createElement('div');
        line.className = `line ${m.severity}`;
        line.style.top = `${top}px`;
        line.dataset['line'] = String(m.line);
        const col = document.createElement('div');
        col.className = 'col';
        col.style.top = `${top + metrics.line - 3}px`;
        col.style.left = `${metrics.padLeft + (m.column - 1) * metrics.char}px`;
        return [line, col];
      }),
    );
    this.#follow();
  }

  /** The 1-based line of the caret. */
  caretLine(): number {
    return this.#textarea.value.slice(0, this.#textarea.selectionStart).split('\n').length;
  }

  /** Puts the caret at line:column, scrolls it into view and focuses the editor. */
  goTo(line: number, column: number): void {
    const lines = this.#textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i] ?? '').length + 1;
    offset += Math.max(0, Math.min(column - 1, (lines[line - 1] ?? '').length));
    this.#textarea.focus();
    this.#textarea.setSelectionRange(offset, offset);
    const { line: height } = this.#metrics();
    this.#textarea.scrollTop = Math.max(0, (line - 1) * height - this.#textarea.clientHeight / 3);
    this.#follow();
  }

  #numberLines(): void {
    const count = this.#textarea.value.split('\n').length;
    if (count === this.#lineCount) return;
    this.#lineCount = count;
    const rows = Array.from({ length: count }, (_, i) => {
      const div = document.createElement('div');
      div.textContent = String(i + 1);
      return div;
    });
    this.#gutter.replaceChildren(...rows);
    this.mark(this.#marked);
  }

  #follow(): void {
    const y = -this.#textarea.scrollTop;
    this.#gutter.style.transform = `translateY(${y}px)`;
    this.#marks.style.transform = `translate(${-this.#textarea.scrollLeft}px, ${y}px)`;
  }

  #metrics(): { line: number; char: number; padTop: number; padLeft: number } {
    const style = getComputedStyle(this.#textarea);
    const probe = document.createElement('span');
    probe.style.cssText = `font:${style.font};position:absolute;visibility:hidden;white-space:pre`;
    probe.textContent = 'M'.repeat(20);
    document.body.append(probe);
    const char = probe.getBoundingClientRect().width / 20;
    probe.remove();
    return {
      line: parseFloat(style.lineHeight) || 20,
      char,
      padTop: parseFloat(style.paddingTop) || 0,
      padLeft: parseFloat(style.paddingLeft) || 0,
    };
  }
}
