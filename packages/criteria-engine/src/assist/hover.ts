/**
 * Hover: what the name, value, function or criterion under the cursor is, in every language the
 * rule file wrote it in.
 */
import { describeFunction, describeItem, describeSymbol, describeValue, type Info } from './describe.js';
import { expressionWordAt } from './expression-at.js';
import { keyPathAt, placeAt } from './locate.js';
import { describeKey } from './schema-docs.js';
import { findSymbol, type AssistSources } from './sources.js';

export interface AssistHover extends Info {
  readonly from: number;
  readonly to: number;
}

export function hoverAt(sources: AssistSources, offset: number): AssistHover | undefined {
  const found = hoverOfPlace(sources, offset);
  if (found) return found;
  // Any other key: what the rule-file format says it means, in both languages.
  const key = keyPathAt(sources.main, offset);
  const info = key && describeKey(key.path);
  return info && key ? { ...info, from: key.from, to: key.to } : undefined;
}

function hoverOfPlace(sources: AssistSources, offset: number): AssistHover | undefined {
  const { main } = sources;
  const place = placeAt(main, offset);
  if (!place) return undefined;
  const at = (info: Info | undefined, from: number, to: number): AssistHover | undefined =>
    info && from < to ? { ...info, from, to } : undefined;
  switch (place.kind) {
    case 'expression': {
      const word = expressionWordAt(main.text, place.from, place.to, offset);
      if (!word.text) return undefined;
      if (word.inQuotes) {
        const owner = word.quotedFor === undefined ? undefined : findSymbol(sources, word.quotedFor);
        const value = owner?.values?.find((v) => v.id === word.text);
        return value && owner ? at(describeValue(value, owner.name), word.from, word.to) : undefined;
      }
      const symbol = findSymbol(sources, word.text);
      if (symbol) return at(describeSymbol(symbol, main.file), word.from, word.to);
      return word.call ? at(describeFunction(word.text), word.from, word.to) : undefined;
    }
    case 'name-field':
    case 'declaration': {
      const symbol = findSymbol(sources, main.text.slice(place.from, place.to));
      return symbol ? at(describeSymbol(symbol, main.file), place.from, place.to) : undefined;
    }
    case 'threshold': {
      const owner = place.fact === undefined ? undefined : findSymbol(sources, place.fact);
      const value = owner?.values?.find((v) => v.id === main.text.slice(place.from, place.to));
      return value && owner ? at(describeValue(value, owner.name), place.from, place.to) : undefined;
    }
    case 'criterion':
      return at(describeItem(place.item), place.from, place.to);
    default:
      return undefined;
  }
}
