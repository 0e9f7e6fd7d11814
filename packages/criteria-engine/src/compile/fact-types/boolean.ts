/** `type: boolean`: yes or no. */
import * as z from 'zod/mini';
import { BOOLEAN_EXACT, readBooleanCell } from './cells.js';
import type { FactTypeDefinition, ValueWords } from './fact-type.js';

function print(value: number | string | boolean, words: ValueWords): string {
  return typeof value === 'boolean' ? (value ? words.yes : words.no) : String(value);
}

export const booleanType: FactTypeDefinition = {
  name: 'boolean',
  schema: () => ({ key: 'boolean', make: z.boolean }),
  accepts: () => (v) => typeof v === 'boolean',
  readCell: () => readBooleanCell,
  exactCells: () => BOOLEAN_EXACT,
  fastCell: 'choice',
  finiteValues: () => [false, true],
  numberLine: () => ({ lo: 0, hi: 1, integer: true }),
  drawValue: (_decl, _lo, _hi, draw) => draw % 2 === 1,
  printValue: (_decl, value, words) => print(value, words),
  formField: (_decl, words) => ({
    kind: 'choice',
    options: [
      { value: 'true', label: words.yes },
      { value: 'false', label: words.no },
    ],
  }),
  // A form's choices carry 'true' and 'false'; any other text is no answer of this type.
  readField: (_decl, text) =>
    text.trim() === '' ? undefined : text === 'true' ? true : text === 'false' ? false : null,
  printThreshold: (_decl, value, words) => print(value, words),
};
