/**
 * Completion: the names an expression may use (facts, context attributes, parameters,
 * definitions), the functions and keywords of the condition language, the value ids of an enum
 * or ordinal inside quotes and in `at_least:`/`at_most:`/`equals:`, the fact names of `fact:`,
 * `part:`, `whole:`, `part_of:` and an owner's `facts:`, and the keys a condition mapping may
 * still take (in block and flow style alike).
 */
import { FUNCTIONS } from '../compile/functions/index.js';
import { describeFunction, describeSymbol, describeValue, type Info } from './describe.js';
import { expressionWordAt } from './expression-at.js';
import { placeAt } from './locate.js';
import type { DeclaredSymbol, DeclaredValue } from './outline.js';
import { allSymbols, findSymbol, type AssistSources } from './sources.js';

export type CompletionKind = DeclaredSymbol['kind'] | 'function' | 'keyword' | 'value' | 'property';

export interface AssistCompletion {
  readonly label: string;
  readonly kind: CompletionKind;
  /** The text to insert (the label when absent). */
  readonly insert?: string;
  /** Where the cursor goes inside `insert` (its end when absent). */
  readonly cursor?: number;
  readonly detail?: string;
  readonly info?: Info;
}

export interface AssistCompletions {
  /** The span the chosen item replaces (the word typed so far). */
  readonly from: number;
  readonly to: number;
  readonly items: readonly AssistCompletion[];
}

const KEYWORDS = ['and', 'or', 'not', 'in', 'true', 'false'];
const FORMS = ['fact', 'percent', 'all', 'any', 'not'];
const COMPARATORS = ['at_least', 'at_most', 'equals'];

export function completeAt(sources: AssistSources, offset: number): AssistCompletions | undefined {
  const { main } = sources;
  const place = placeAt(main, offset);
  if (!place) return undefined;
  const symbols = allSymbols(sources);
  const named = (keep: (s: DeclaredSymbol) => boolean) => symbols.filter(keep).map((s) => symbolItem(s, main.file));
  switch (place.kind) {
    case 'expression': {
      const word = expressionWordAt(main.text, place.from, place.to, offset);
      if (word.inQuotes) {
        const owners = word.quotedFor === undefined ? symbols : [findSymbol(sources, word.quotedFor)];
        const items = owners.flatMap((s) => (s?.values ?? []).map((v) => valueItem(v, s?.name ?? '')));
        return { from: word.from, to: word.to, items };
      }
      return { from: word.from, to: word.to, items: expressionItems(named) };
    }
    case 'empty-condition': {
      // On the key's own line a form must be a flow mapping; on the lines under it, a block key.
      const sameLine = !main.text.slice(main.text.lastIndexOf(':', offset - 1), offset).includes('\n');
      const forms = FORMS.map((key): AssistCompletion => {
        const insert = sameLine ? `{ ${key}:  }` : `${key}: `;
        return { label: key, kind: 'property', insert, cursor: sameLine ? key.length + 4 : insert.length };
      });
      return { from: place.from, to: place.to, items: [...forms, ...expressionItems(named)] };
    }
    case 'condition-keys':
      return { from: place.from, to: place.to, items: conditionKeys(place.present, place.percent) };
    case 'name-field': {
      const last = place.path[place.path.length - 1];
      const keep =
        last === 'fact'
          ? (s: DeclaredSymbol) => s.kind === 'fact' || s.kind === 'context'
          : last === 'part' || last === 'whole' || last === 'part_of'
            ? (s: DeclaredSymbol) => s.kind === 'fact' && (s.type === undefined || s.type === 'integer')
            : (s: DeclaredSymbol) => s.kind === 'fact';
      return { from: place.from, to: place.to, items: named(keep) };
    }
    case 'threshold': {
      const owner = place.fact === undefined ? undefined : findSymbol(sources, place.fact);
      const items = (owner?.values ?? []).map((v) => valueItem(v, owner?.name ?? ''));
      return { from: place.from, to: place.to, items };
    }
    case 'boolean-field':
      return { from: place.from, to: place.to, items: ['true', 'false'].map((label) => ({ label, kind: 'keyword' })) };
    default:
      return undefined;
  }
}

function expressionItems(named: (keep: (s: DeclaredSymbol) => boolean) => AssistCompletion[]): AssistCompletion[] {
  const functions = [...FUNCTIONS.values()].map((f): AssistCompletion => {
    const info = describeFunction(f.name);
    return {
      label: f.name,
      kind: 'function',
      insert: `${f.name}()`,
      cursor: f.name.length + 1,
      detail: f.signature,
      ...(info ? { info } : {}),
    };
  });
  const keywords = KEYWORDS.map((label): AssistCompletion => ({ label, kind: 'keyword' }));
  return [...named(() => true), ...functions, ...keywords];
}

function symbolItem(symbol: DeclaredSymbol, mainFile: string): AssistCompletion {
  const info = describeSymbol(symbol, mainFile);
  const label = Object.values(symbol.label ?? {})[0];
  const detail = [symbol.type, label].filter((x) => x !== undefined).join(' · ');
  return { label: symbol.name, kind: symbol.kind, info, ...(detail ? { detail } : {}) };
}

function valueItem(value: DeclaredValue, of: string): AssistCompletion {
  const label = Object.values(value.label ?? {})[0];
  return {
    label: value.id,
    kind: 'value',
    ...(label ? { detail: label } : {}),
    info: describeValue(value, of),
  };
}

/** The keys a condition mapping may still take, given those it has. */
function conditionKeys(present: readonly string[], insidePercent: boolean): AssistCompletion[] {
  const has = (k: string) => present.includes(k);
  let keys: string[];
  if (insidePercent) keys = ['part', 'whole'];
  else if (has('fact')) keys = COMPARATORS.some(has) || has('is') ? [] : ['is', ...COMPARATORS];
  else if (has('percent'))
    keys = [...(has('at_least') || has('at_most') ? [] : ['at_least', 'at_most']), 'if_whole_zero'];
  else if (present.length === 0 || present.every((k) => !FORMS.includes(k))) keys = FORMS;
  else keys = [];
  return keys
    .filter((k) => !has(k) || present.length === 0)
    .map((k) => ({ label: k, kind: 'property' as const, insert: `${k}: ` }));
}
