/**
 * <lcz-assessment>: a form generated from a ruleset's declared facts and context, evaluated as
 * the user types, with the decision, the standards, every criterion and the gap analysis.
 *
 *   <lcz-assessment rules-src="rules/ruleset.yaml" lang="vi"></lcz-assessment>
 *
 * Attributes: `rules-src` (URL of a rule file), `lang` (`vi`, the default, or `en`).
 * Properties: `ruleset` (a CompiledRuleset or the YAML text), `assessment` (read: what the form
 * holds; write: fill the form), `result`, `gap` (read only; worked out on first read).
 * Events (bubbling, composed): `lcz-ruleset-load`, `lcz-ruleset-error`, `lcz-result`.
 *
 * Everything shown derives from the ruleset; the element knows no scheme. This file is glue:
 * applicability, reading values, and rendering live in their own modules.
 */
import {
  factType,
  formatDiagnostics,
  gapAnalysis,
  loadRuleset,
  type CompiledRuleset,
  type Diagnostic,
  type EvaluationResult,
  type GapReport,
} from '@lcz/criteria-engine';
import {
  deriveApplicability,
  type Applicability,
  type ContextChoice,
  type ContextValue,
} from '../form/applicability.js';
import { buildFormModel, type FormModel } from '../form/form-model.js';
import { readForm, type FieldProblem, type ReadResult } from '../form/read-values.js';
import { t, toLang, type Lang } from '../messages/index.js';
import { h, replaceChildren } from './dom.js';
import { problemText } from './problem-text.js';
import { fieldId, renderForm, type FieldHandle, type FormHandles } from './render-form.js';
import { DECISION_KEY, levelLabel, renderResult } from './render-result.js';
import { STYLES } from './styles.js';

export interface LczRulesetErrorDetail {
  /** The rule file's problems, each with its line and column (absent when it could not be fetched). */
  readonly diagnostics?: readonly Diagnostic[];
  /** When fetching `rules-src` failed: the URL and why. */
  readonly url?: string;
  readonly reason?: string;
}

export interface LczResultDetail {
  readonly assessment: ReadResult['assessment'];
  /** Absent while the context is incomplete or impossible. */
  readonly result?: EvaluationResult;
  readonly problems: readonly FieldProblem[];
}

/** What `assessment` accepts: the shape of an assessment file (extra keys are ignored). */
export interface AssessmentInput {
  readonly area?: { readonly date?: string | null };
  readonly context?: Readonly<Record<string, string | boolean | null | undefined>>;
  readonly facts?: Readonly<Record<string, number | boolean | string | null | undefined>>;
}

/** Typing pauses this long before the form is evaluated; choices of context apply at once. */
export const EVALUATE_DELAY_MS = 150;

// Imported in Node (SSR, tests of the pure modules) there is no HTMLElement: the class must
// still be definable, it is just never instantiated there.
// cast: the empty class stands in for HTMLElement only where no element is ever made.
const Base = (typeof HTMLElement === 'undefined' ? class {} : HTMLElement) as typeof HTMLElement;

type Panel =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; detail: LczRulesetErrorDetail }
  | { kind: 'ready' };

export class LczAssessmentElement extends Base {
  static readonly observedAttributes = ['rules-src', 'lang'];

  readonly #root: ShadowRoot;
  #ruleset: CompiledRuleset | undefined;
  #model: FormModel | undefined;
  #panel: Panel = { kind: 'none' };
  /** Raw field values by id, kept across context switches, language switches and rule reloads. */
  readonly #facts: Record<string, string> = {};
  readonly #context: Record<string, string> = {};
  /** The assessment's date as the date input holds it ('' = none). */
  #date = '';
  readonly #badInput = new Set<string>();
  readonly #collapsed = new Set<string>();
  #applicability = new Map<string, Applicability>();
  #handles: FormHandles | undefined;
  #decision: HTMLElement | undefined;
  #resultBody: HTMLElement | undefined;
  #miniText: HTMLElement | undefined;
  #read: ReadResult | undefined;
  #result: EvaluationResult | undefined;
  /** The gap of #result, once worked out (it can take a tenth of a second on a sparse form). */
  #gap: GapReport | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #loadToken = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    const src = this.getAttribute('rules-src');
    if (!this.#ruleset && src && this.#panel.kind === 'none') void this.#fetchRules(src);
    else this.#render();
  }

  disconnectedCallback(): void {
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'rules-src' && value) void this.#fetchRules(value);
    else if (name === 'lang' && this.isConnected) this.#render();
  }

  // ── public API ─────────────────────────────────────────────────────────────

  get rulesSrc(): string | null {
    return this.getAttribute('rules-src');
  }
  set rulesSrc(value: string | null) {
    if (value === null) this.removeAttribute('rules-src');
    else this.setAttribute('rules-src', value);
  }

  /** The ruleset in use. Set a CompiledRuleset, or a rule file's YAML text (loaded here). */
  get ruleset(): CompiledRuleset | undefined {
    return this.#ruleset;
  }
  set ruleset(value: CompiledRuleset | string | undefined) {
    this.#loadToken += 1; // a rules-src fetch still running must not overwrite this
    if (typeof value === 'string') {
      const loaded = loadRuleset(value, { file: this.getAttribute('rules-src') ?? 'ruleset.yaml' });
      if (loaded.value) this.#useRuleset(loaded.value);
      else this.#fail({ diagnostics: loaded.diagnostics });
      return;
    }
    if (value === undefined) {
      this.#ruleset = undefined;
      this.#panel = { kind: 'none' };
      this.#render();
      return;
    }
    this.#useRuleset(value);
  }

  /** What the form holds for the questions that apply, as an assessment. */
  get assessment(): ReadResult['assessment'] | undefined {
    return this.#read?.assessment;
  }
  /** Fills the form (e.g. from a saved assessment); facts not given are left as they are. */
  set assessment(value: AssessmentInput) {
    if (value.area && 'date' in value.area) this.#date = value.area.date ?? '';
    for (const [id, v] of Object.entries(value.context ?? {}))
      this.#context[id] = v === null || v === undefined ? '' : String(v);
    for (const [id, v] of Object.entries(value.facts ?? {})) {
      this.#facts[id] = v === null || v === undefined ? '' : String(v);
      this.#badInput.delete(id);
    }
    this.#syncControls();
    this.#refresh();
  }

  /** The latest evaluation; undefined while the context is incomplete. */
  get result(): EvaluationResult | undefined {
    return this.#result;
  }

  /** The gap analysis of the latest evaluation: what it would take to be recognised. */
  get gap(): GapReport | undefined {
    if (this.#result && this.#ruleset && !this.#gap) this.#gap = gapAnalysis(this.#result, this.#ruleset);
    return this.#gap;
  }

  // ── loading ────────────────────────────────────────────────────────────────

  async #fetchRules(src: string): Promise<void> {
    const token = ++this.#loadToken;
    this.#panel = { kind: 'loading' };
    this.#render();
    let text: string;
    const url = new URL(src, document.baseURI).href;
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
      text = await response.text();
    } catch (error) {
      if (token === this.#loadToken)
        this.#fail({ url: src, reason: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (token !== this.#loadToken) return;
    const loaded = loadRuleset(text, { file: src });
    if (loaded.value) this.#useRuleset(loaded.value);
    else this.#fail({ diagnostics: loaded.diagnostics });
  }

  #useRuleset(ruleset: CompiledRuleset): void {
    this.#ruleset = ruleset;
    this.#model = buildFormModel(ruleset);
    this.#applicability = new Map();
    this.#panel = { kind: 'ready' };
    this.#render();
    this.dispatchEvent(new CustomEvent('lcz-ruleset-load', { detail: { ruleset }, bubbles: true, composed: true }));
  }

  #fail(detail: LczRulesetErrorDetail): void {
    this.#panel = { kind: 'error', detail };
    this.#render();
    this.dispatchEvent(new CustomEvent('lcz-ruleset-error', { detail, bubbles: true, composed: true }));
  }

  // ── rendering ──────────────────────────────────────────────────────────────

  get #lang(): Lang {
    return toLang(this.getAttribute('lang'));
  }

  #render(): void {
    const lang = this.#lang;
    const langButton = h(
      'button',
      { type: 'button', class: 'lang', lang: lang === 'vi' ? 'en' : 'vi', 'aria-label': t(lang, 'lang_switch_label') },
      t(lang, 'lang_switch'),
    );
    langButton.addEventListener('click', () => {
      this.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
      this.#root.querySelector<HTMLElement>('button.lang')?.focus();
    });
    const title =
      this.#ruleset && this.#panel.kind === 'ready' ? h('p', { class: 'title' }, this.#ruleset.title[lang]) : h('span');
    const bar = h('div', { class: 'bar' }, title, langButton);
    const style = h('style', {}, STYLES);
    this.#handles = undefined;
    this.#decision = undefined;

    switch (this.#panel.kind) {
      case 'none':
        replaceChildren(this.#root, style, bar, h('p', { class: 'status-line' }, t(lang, 'rules_none')));
        return;
      case 'loading':
        replaceChildren(this.#root, style, bar, h('p', { class: 'status-line', role: 'status' }, t(lang, 'loading')));
        return;
      case 'error':
        replaceChildren(this.#root, style, bar, this.#errorPanel(this.#panel.detail, lang));
        return;
      case 'ready':
        break;
    }
    const ruleset = this.#ruleset;
    const model = this.#model;
    if (!ruleset || !model) return;
    const handles = renderForm(ruleset, model, lang);
    this.#handles = handles;
    handles.root.addEventListener('input', (e) => this.#onInput(e));
    handles.root.addEventListener('change', (e) => this.#onInput(e));

    this.#decision = h('div', { class: 'decision', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.#resultBody = h('div', { class: 'result-body' });
    const resultHeading = h('h2', { id: 'lcz-result-heading', tabindex: -1 }, t(lang, 'result_heading'));
    const result = h(
      'section',
      { class: 'result', 'aria-labelledby': 'lcz-result-heading' },
      resultHeading,
      this.#decision,
      this.#resultBody,
    );
    this.#miniText = h('span', {});
    const seeResult = h('button', { type: 'button' }, t(lang, 'see_result'));
    seeResult.addEventListener('click', () => {
      resultHeading.scrollIntoView({ block: 'start' });
      resultHeading.focus();
    });
    // The live region in the result panel announces the decision; this bar only shows it.
    const minibar = h('div', { class: 'minibar' }, this.#miniText, seeResult);
    replaceChildren(this.#root, style, bar, h('div', { class: 'layout' }, handles.root, minibar, result));
    this.#syncControls();
    this.#refresh();
  }

  #errorPanel(detail: LczRulesetErrorDetail, lang: Lang): HTMLElement {
    if (detail.diagnostics) {
      const errors = detail.diagnostics.filter((d) => d.severity === 'error');
      const file = detail.diagnostics[0]?.file ?? this.getAttribute('rules-src') ?? '';
      return h(
        'div',
        { class: 'problems', role: 'alert' },
        h('p', {}, t(lang, 'rules_invalid', { file, count: errors.length })),
        h('pre', {}, formatDiagnostics(detail.diagnostics, lang)),
      );
    }
    return h(
      'div',
      { class: 'problems', role: 'alert' },
      h('p', {}, t(lang, 'rules_fetch_failed', { url: detail.url ?? '', reason: detail.reason ?? '' })),
      h('p', {}, t(lang, 'rules_fetch_hint')),
    );
  }

  /** Puts the kept values into the controls (after a render or an `assessment` write). */
  #syncControls(): void {
    const handles = this.#handles;
    if (!handles) return;
    for (const [id, f] of handles.contextFields) setControl(f.control, this.#context[id] ?? '');
    if (handles.dateField) setControl(handles.dateField.control, this.#date);
    for (const [id, f] of handles.factFields) if (!this.#badInput.has(id)) setControl(f.control, this.#facts[id] ?? '');
  }

  #onInput(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target.dataset['area'] === 'date') {
      this.#date = target.value;
      clearTimeout(this.#timer);
      this.#refresh();
      return;
    }
    const contextId = target.dataset['context'];
    const factId = target.dataset['fact'];
    if (contextId !== undefined) {
      this.#context[contextId] = target.value;
      // Fields appear and disappear with the context: do it at once, not after a pause.
      clearTimeout(this.#timer);
      this.#refresh();
      return;
    }
    if (factId === undefined) return;
    this.#facts[factId] = target.value;
    if (target instanceof HTMLInputElement && target.validity.badInput) this.#badInput.add(factId);
    else this.#badInput.delete(factId);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#refresh(), EVALUATE_DELAY_MS);
  }

  #choice(ruleset: CompiledRuleset): ContextChoice {
    const choice: Record<string, ContextValue> = {};
    for (const attr of ruleset.context) {
      // The attribute's type reads its select's value ('true' is yes for a boolean attribute).
      const value = factType(attr.type).readField(attr, this.#context[attr.id] ?? '');
      if (typeof value === 'string' || typeof value === 'boolean') choice[attr.id] = value;
    }
    return choice;
  }

  #applicable(ruleset: CompiledRuleset, choice: ContextChoice): Applicability {
    const key = JSON.stringify(choice);
    let found = this.#applicability.get(key);
    if (!found) {
      found = deriveApplicability(ruleset, choice);
      this.#applicability.set(key, found);
    }
    return found;
  }

  /** Recomputes visibility, field messages, the evaluation and the result panel. */
  #refresh(): void {
    const ruleset = this.#ruleset;
    const handles = this.#handles;
    if (!ruleset || !handles) return;
    const lang = this.#lang;
    const app = this.#applicable(ruleset, this.#choice(ruleset));

    for (const [id, f] of handles.contextFields) f.wrapper.hidden = !app.context.includes(id);
    let hidden = 0;
    for (const [id, f] of handles.factFields) {
      const shown = app.facts.has(id);
      f.wrapper.hidden = !shown;
      if (!shown) hidden += 1;
      if (f.usedBy) f.usedBy.textContent = t(lang, 'used_by', { ids: (app.readers.get(id) ?? []).join(', ') });
    }
    for (const [, set] of handles.sections)
      set.hidden = Array.from(set.querySelectorAll<HTMLElement>('.field')).every((f) => f.hidden);
    handles.hiddenNote.hidden = hidden === 0;
    handles.hiddenNote.textContent = hidden ? t(lang, 'fields_hidden', { count: hidden }, ruleset.words) : '';

    const read = readForm(ruleset, app, { facts: this.#facts, badInput: this.#badInput, date: this.#date });
    this.#read = read;
    this.#showProblems(ruleset, handles, read.problems, lang);

    this.#result = read.usable ? ruleset.evaluate(read.usable) : undefined;
    this.#gap = undefined;
    this.#showResult(ruleset, read, lang);
    const detail: LczResultDetail = {
      assessment: read.assessment,
      ...(this.#result ? { result: this.#result } : {}),
      problems: read.problems,
    };
    this.dispatchEvent(new CustomEvent('lcz-result', { detail, bubbles: true, composed: true }));
  }

  #showProblems(ruleset: CompiledRuleset, handles: FormHandles, problems: readonly FieldProblem[], lang: Lang): void {
    const byField = new Map<FieldHandle, string[]>();
    const contextWide: string[] = [];
    // On a form where no context is chosen yet, "choose X" beside every select is noise: the
    // result panel already says to start there.
    const nothingChosen = Object.values(this.#context).every((v) => v === '');
    for (const p of problems) {
      if (nothingChosen && p.kind === 'diagnostic' && p.diagnostic.code === 'input_context_missing') continue;
      const text = problemText(p, ruleset, lang);
      const fact = p.fact;
      const attribute = p.kind === 'diagnostic' ? p.attribute : undefined;
      const handle =
        fact !== undefined
          ? handles.factFields.get(fact)
          : attribute !== undefined
            ? handles.contextFields.get(attribute)
            : undefined;
      if (handle) byField.set(handle, [...(byField.get(handle) ?? []), text]);
      else contextWide.push(text);
    }
    for (const f of [...handles.contextFields.values(), ...handles.factFields.values()]) {
      const texts = byField.get(f);
      f.message.hidden = !texts;
      f.message.textContent = texts ? texts.join(' ') : '';
      if (texts) f.control.setAttribute('aria-invalid', 'true');
      else f.control.removeAttribute('aria-invalid');
    }
    handles.contextMessage.hidden = contextWide.length === 0;
    handles.contextMessage.textContent = contextWide.join(' ');
  }

  #showResult(ruleset: CompiledRuleset, read: ReadResult, lang: Lang): void {
    const decision = this.#decision;
    const body = this.#resultBody;
    if (!decision || !body) return;
    const result = this.#result;
    // For a scheme with levels the level reached is part of the decision the live region says.
    const reached = result?.level?.reached;
    const label = result
      ? `${t(lang, DECISION_KEY[result.decision])}${reached ? ` · ${t(lang, 'level_short', { level: levelLabel(ruleset, reached, lang) })}` : ''}`
      : t(lang, 'decision_waiting', {}, ruleset.words);
    const cls = `decision${result ? ` decision--${result.decision}` : ''}`;
    if (decision.className !== cls) decision.className = cls;
    // Rewritten only when it changes, so screen readers announce the decision, not every keystroke.
    if (decision.dataset['text'] !== label) {
      decision.dataset['text'] = label;
      replaceChildren(
        decision,
        result ? h('span', {}, `${t(lang, 'decision_label')}: `) : null,
        result ? h('strong', {}, label) : label,
      );
    }
    if (this.#miniText) {
      this.#miniText.textContent = label;
      this.#miniText.parentElement?.setAttribute('class', `minibar${result ? ` decision--${result.decision}` : ''}`);
    }
    const filled = h('p', { class: 'filled' }, t(lang, 'filled', { filled: read.filled, total: read.total }));
    const invalid = read.excluded.length
      ? h('p', { class: 'warn' }, t(lang, 'decision_invalid_fields', { count: read.excluded.length }))
      : null;
    if (!result) {
      replaceChildren(body, filled, invalid);
      return;
    }
    // The panel shows the gap only for a result that is not recognised (see renderResult).
    const gap = result.decision === 'not_recognised' ? this.gap : undefined;
    const content = renderResult({
      ruleset,
      lang,
      result,
      ...(gap ? { gap } : {}),
      collapsed: this.#collapsed,
      ...(read.usable && ruleset.derived.length > 0 ? { derived: ruleset.derivedValues(read.usable) } : {}),
      focusFact: (fact) => this.#focusField(fieldId('f', fact)),
    });
    replaceChildren(body, filled, invalid, content);
    for (const details of Array.from(body.querySelectorAll<HTMLDetailsElement>('details[data-group]'))) {
      details.addEventListener('toggle', () => {
        const id = details.dataset['group'] ?? '';
        if (details.open) this.#collapsed.delete(id);
        else this.#collapsed.add(id);
      });
    }
  }

  #focusField(id: string): void {
    const control = this.#root.getElementById(id);
    if (!control) return;
    control.scrollIntoView({ block: 'center' });
    control.focus();
  }
}

function setControl(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  if (control.value !== value) control.value = value;
}

/** Registers the element (once) under `name`; returns the class. */
export function defineLczAssessment(name = 'lcz-assessment'): typeof LczAssessmentElement {
  if (typeof customElements !== 'undefined' && !customElements.get(name))
    customElements.define(name, LczAssessmentElement);
  return LczAssessmentElement;
}

declare global {
  interface HTMLElementTagNameMap {
    'lcz-assessment': LczAssessmentElement;
  }
  interface HTMLElementEventMap {
    'lcz-result': CustomEvent<LczResultDetail>;
    'lcz-ruleset-load': CustomEvent<{ ruleset: CompiledRuleset }>;
    'lcz-ruleset-error': CustomEvent<LczRulesetErrorDetail>;
  }
}
