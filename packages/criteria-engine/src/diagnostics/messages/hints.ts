/**
 * Which words a message needs, decided once for every language: the catalogues (vi.ts, en.ts)
 * hold only the words, keyed by what is decided here, so the two languages cannot drift apart
 * in their logic.
 */
import { param as s } from './catalog.js';
import type { MessageParams } from './catalog.js';

/** schema_type: the hint for a value of the wrong type, by what was wanted and what was found. */
export type SchemaTypeHint =
  | 'quote_text'
  | 'mapping'
  | 'list'
  | 'whole_number'
  | 'boolean'
  | 'empty'
  | 'drop_percent'
  | 'name_as_number'
  | 'decimal_comma'
  | 'decimal_comma_whole'
  | 'change_type';

/** `"99%"` or `99 %` where a number is wanted: the number is there, the sign is the problem. */
const PERCENT_TEXT = /^\s*-?\d+(?:[.,]\d+)?\s*%\s*$/;

/** `2,5`: a decimal written with the Vietnamese decimal comma, which YAML reads as text. */
const DECIMAL_COMMA_TEXT = /^\s*-?\d+,\d+\s*$/;

/** A name where a number is wanted: most often a parameter written where only a number goes. */
const NAME_TEXT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function schemaTypeHint(expected: string, actual: string, value = ''): SchemaTypeHint {
  const wanted = expected.split(',');
  if ((wanted.includes('integer') || wanted.includes('number')) && actual === 'string' && PERCENT_TEXT.test(value))
    return 'drop_percent';
  if ((wanted.includes('integer') || wanted.includes('number')) && actual === 'string' && NAME_TEXT.test(value))
    return 'name_as_number';
  if (actual === 'string' && DECIMAL_COMMA_TEXT.test(value)) {
    if (wanted.includes('number')) return 'decimal_comma';
    if (wanted.includes('integer')) return 'decimal_comma_whole';
  }
  if (wanted.includes('string') && ['integer', 'number', 'boolean'].includes(actual)) return 'quote_text';
  if (wanted.includes('object')) return 'mapping';
  if (wanted.includes('array')) return 'list';
  if (wanted.includes('integer') && actual === 'number') return 'whole_number';
  if (wanted.includes('boolean')) return 'boolean';
  if (actual === 'null') return 'empty';
  return 'change_type';
}

/** schema_shape: which shape was broken, and for a criterion's body, how. */
export type ShapeProblem =
  | 'condition'
  | 'fact_comparison'
  | 'percent_comparison'
  | 'requirement'
  | 'criterion_both'
  | 'criterion_neither'
  | 'other';

/** How schema-errors.ts joins the keys found (`actual`). */
const ALTERNATIVES_SEP = ', ';

export function shapeProblem(p: MessageParams): ShapeProblem {
  const shape = s(p, 'shape');
  switch (shape) {
    case 'condition':
    case 'fact_comparison':
    case 'percent_comparison':
    case 'requirement':
      return shape;
    case 'criterion_body': {
      const keys = s(p, 'actual').split(ALTERNATIVES_SEP);
      return keys.includes('condition') && keys.includes('variants') ? 'criterion_both' : 'criterion_neither';
    }
    default:
      return 'other';
  }
}

/**
 * unknown_level: the example names a level the file declares (the first), never a word of
 * another scheme; `fallback` (the catalogue's own) when none is declared.
 */
export function levelExample(p: MessageParams, fallback: string): string {
  return (
    s(p, 'levels')
      .split(',')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? fallback
  );
}

/** parameter_row_keys: a row written with the table's own keys, `{ region: …, year: …, value: 45 }`. */
export function rowExample(p: MessageParams): string {
  const keys = s(p, 'keys')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return `{ ${[...keys.map((k) => `${k}: …`), 'value: 45'].join(', ')} }`;
}
