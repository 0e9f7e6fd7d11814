/**
 * The form's DOM, built from the ruleset and the form model: a fieldset for the area's context,
 * then one fieldset per standard, each field a labelled native control (numbers as number
 * inputs with the declared bounds, yes/no and lists as selects with an explicit "no data"
 * choice, since an empty field means unknown). Returns handles the element updates in place as
 * the user types, so focus and caret never jump.
 */
import {
  factType,
  type CompiledRuleset,
  type ContextAttributeInfo,
  type FactDeclaration,
  type FactInfo,
  type ValueWords,
} from '@lcz/criteria-engine';
import type { FormModel, FormSection } from '../form/form-model.js';
import { t, type Lang } from '../messages/index.js';
import { h } from './dom.js';

export interface FieldHandle {
  readonly wrapper: HTMLElement;
  readonly control: HTMLInputElement | HTMLSelectElement;
  readonly message: HTMLElement;
  /** Where the ids of the criteria using the field are written (they depend on the context). */
  readonly usedBy?: HTMLElement;
}

export interface FormHandles {
  readonly root: HTMLElement;
  readonly contextFields: ReadonlyMap<string, FieldHandle>;
  /** Problems of the context as a whole (a combination that cannot exist). */
  readonly contextMessage: HTMLElement;
  readonly factFields: ReadonlyMap<string, FieldHandle>;
  readonly sections: ReadonlyMap<string, HTMLFieldSetElement>;
  /** Says how many fields are hidden because they do not apply. */
  readonly hiddenNote: HTMLElement;
  /** The assessment's date (area.date), asked only when a threshold depends on it. */
  readonly dateField?: FieldHandle;
}

export const fieldId = (kind: 'c' | 'f', id: string): string => `lcz-${kind}-${id}`;

export function renderForm(ruleset: CompiledRuleset, model: FormModel, lang: Lang): FormHandles {
  const contextFields = new Map<string, FieldHandle>();
  const factFields = new Map<string, FieldHandle>();
  const sections = new Map<string, HTMLFieldSetElement>();

  const contextMessage = h('p', { class: 'msg', id: 'lcz-context-msg', hidden: true });
  // Whatever reads the date (a dated parameter, `date` or `year` in a condition or a `when:`) is
  // unknown without it.
  const dateField = ruleset.readsDate ? areaDateField(lang) : undefined;
  const contextSet = h(
    'fieldset',
    { class: 'section section--context' },
    h('legend', {}, t(lang, 'context_legend', {}, ruleset.words)),
    ruleset.context.map((attr) => {
      const handle = contextField(attr, lang);
      contextFields.set(attr.id, handle);
      return handle.wrapper;
    }),
    dateField?.wrapper ?? null,
    contextMessage,
  );

  const sectionSets = model.sections.map((section) => {
    const set = h(
      'fieldset',
      { class: 'section', 'data-section': section.id },
      h('legend', {}, sectionTitle(section, lang)),
      section.facts.map((fact) => {
        const handle = factField(fact, lang);
        factFields.set(fact.id, handle);
        return handle.wrapper;
      }),
    );
    sections.set(section.id, set);
    return set;
  });

  const hiddenNote = h('p', { class: 'note', hidden: true });
  const root = h(
    'form',
    { class: 'form', 'aria-labelledby': 'lcz-form-heading', novalidate: true },
    h('h2', { id: 'lcz-form-heading' }, t(lang, 'form_heading')),
    h('p', { class: 'intro' }, t(lang, 'form_intro', {}, ruleset.words)),
    contextSet,
    hiddenNote,
    sectionSets,
  );
  // Enter in a number field would submit the form and reload an embedding page: there is
  // nothing to submit, results follow the typing.
  root.addEventListener('submit', (e) => e.preventDefault());
  return { root, contextFields, contextMessage, factFields, sections, hiddenNote, ...(dateField ? { dateField } : {}) };
}

function areaDateField(lang: Lang): FieldHandle {
  const id = 'lcz-area-date';
  const message = h('p', { class: 'msg', id: `${id}-msg`, hidden: true });
  const control = h('input', {
    id,
    type: 'date',
    name: 'area.date',
    'data-area': 'date',
    'aria-describedby': `${id}-msg ${id}-help`,
  });
  const wrapper = h(
    'div',
    { class: 'field field--date', 'data-area': 'date' },
    h('label', { for: id }, t(lang, 'area_date')),
    control,
    message,
    h('p', { class: 'help', id: `${id}-help` }, t(lang, 'area_date_help')),
  );
  return { wrapper, control, message };
}

function sectionTitle(section: FormSection, lang: Lang): string {
  if (section.title) return section.title[lang];
  return t(lang, section.kind === 'disqualifiers' ? 'disqualifiers_legend' : 'other_legend');
}

function contextField(attr: ContextAttributeInfo, lang: Lang): FieldHandle {
  const id = fieldId('c', attr.id);
  // Context attributes are choices (enum or yes/no): their type's form field lists them.
  const field = factType(attr.type).formField(attr, valueWords(lang));
  const options = field.kind === 'choice' ? field.options.map((o) => h('option', { value: o.value }, o.label)) : [];
  const message = h('p', { class: 'msg', id: `${id}-msg`, hidden: true });
  const control = h(
    'select',
    { id, name: `context.${attr.id}`, 'data-context': attr.id, 'aria-describedby': `${id}-msg` },
    h('option', { value: '' }, t(lang, 'choose')),
    options,
  );
  const wrapper = h(
    'div',
    { class: 'field field--context', 'data-context': attr.id },
    h('label', { for: id }, attr.label[lang]),
    control,
    message,
  );
  return { wrapper, control, message };
}

function factField(fact: FactInfo, lang: Lang): FieldHandle {
  const id = fieldId('f', fact.id);
  const control = factControl(fact, id, lang);
  const helpParts: string[] = [];
  if (fact.help) helpParts.push(fact.help[lang]);
  const bounds = boundsText(fact, lang);
  if (bounds) helpParts.push(bounds);
  const usedBy = h('span', { class: 'used-by' });
  const help = h(
    'p',
    { class: 'help', id: `${id}-help` },
    helpParts.length ? `${helpParts.join(' · ')} · ` : '',
    usedBy,
  );
  const message = h('p', { class: 'msg', id: `${id}-msg`, hidden: true });
  control.setAttribute('aria-describedby', `${id}-msg ${id}-help`);
  const unit = fact.unit ? h('span', { class: 'unit' }, ` (${fact.unit[lang]})`) : null;
  const wrapper = h(
    'div',
    {
      class: `field field--${fact.type}`,
      'data-fact': fact.id,
      ...(fact.partOf ? { 'data-part-of': fact.partOf } : {}),
    },
    h('label', { for: id }, fact.label[lang], unit),
    control,
    message,
    help,
  );
  return { wrapper, control, message, usedBy };
}

/** The words a fact type labels its choices with, in the form's language. */
function valueWords(lang: Lang): ValueWords {
  return {
    yes: t(lang, 'yes'),
    no: t(lang, 'no'),
    number: (n) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'),
    label: (text) => text[lang],
  };
}

/**
 * The control for a fact, from its type's form field (compile/fact-types: the registry says what
 * to ask, this says how a browser asks it): a number input, or a select with an explicit "no
 * data" choice first, since an empty field means unknown.
 */
function factControl(fact: FactDeclaration & Pick<FactInfo, 'id'>, id: string, lang: Lang) {
  const common = { id, name: `facts.${fact.id}`, 'data-fact': fact.id };
  const field = factType(fact.type).formField(fact, valueWords(lang));
  if (field.kind === 'choice')
    return h(
      'select',
      common,
      h('option', { value: '' }, t(lang, 'no_data')),
      field.options.map((o) => h('option', { value: o.value }, o.label)),
    );
  return h('input', {
    ...common,
    type: 'number',
    inputmode: field.integer ? 'numeric' : 'decimal',
    step: field.integer ? 1 : field.decimals !== undefined ? (10 ** -field.decimals).toFixed(field.decimals) : 'any',
    min: field.min,
    max: field.max,
    autocomplete: 'off',
  });
}

/** Only bounds that tell something: every count is at least 0, which needs no saying. */
function boundsText(fact: FactInfo, lang: Lang): string | undefined {
  const min = fact.min !== undefined && fact.min !== 0 ? fact.min : undefined;
  if (min !== undefined && fact.max !== undefined) return t(lang, 'bounds_between', { min, max: fact.max });
  if (min !== undefined) return t(lang, 'bounds_min', { min });
  if (fact.max !== undefined) return t(lang, 'bounds_max', { max: fact.max });
  return undefined;
}
