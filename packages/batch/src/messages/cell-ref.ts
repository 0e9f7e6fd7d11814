import { hasMessageParam as hasParam, messageParam as s, type MessageParams } from '@lcz/criteria-engine';

/** `Cell G14, "Households": ` (the word for a cell is the catalogue's), or '' when neither is known. */
export function cellRef(p: MessageParams, cellWord: string): string {
  const where = [
    hasParam(p, 'cell') ? `${cellWord} ${s(p, 'cell')}` : '',
    hasParam(p, 'column_name') ? `"${s(p, 'column_name')}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ` : '';
}
