/** Go to definition: from a use of a name to its declaration, in this file or an included one. */
import { expressionWordAt } from './expression-at.js';
import { placeAt } from './locate.js';
import { findSymbol, type AssistSources } from './sources.js';

export interface AssistLocation {
  readonly file: string;
  readonly from: number;
  readonly to: number;
}

export function definitionAt(sources: AssistSources, offset: number): AssistLocation | undefined {
  const { main } = sources;
  const place = placeAt(main, offset);
  let name: string | undefined;
  if (place?.kind === 'expression') {
    const word = expressionWordAt(main.text, place.from, place.to, offset);
    if (!word.inQuotes) name = word.text;
  } else if (place?.kind === 'name-field' || place?.kind === 'declaration') {
    name = main.text.slice(place.from, place.to);
  }
  const symbol = name ? findSymbol(sources, name) : undefined;
  return symbol && { file: symbol.file, from: symbol.from, to: symbol.to };
}
