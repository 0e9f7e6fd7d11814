/**
 * The `registered` column or field: whether an area registered to build a self-managed
 * residential area (the programme's "đăng ký xây dựng"). It is not a fact of the ruleset (the
 * criteria do not read it) but a property of the area in the programme, so the report reads it
 * beside the assessment. Words for yes and no are those the batch reader accepts for boolean
 * cells (có/không, yes/no, true/false, 1/0, đúng/sai; case and diacritics ignored).
 */
import { FALSE_WORDS, TRUE_WORDS } from '@lcz/criteria-batch';

/** Header texts of the column (matched like the batch reader's headers); a leading `#` is allowed. */
export const REGISTERED_HEADERS: readonly string[] = ['registered', 'Đã đăng ký', 'Registered'];
export const REGISTERED_FIELD = 'registered';

const WORDS = new Map<string, boolean>([
  ...TRUE_WORDS.map((w) => [fold(w), true] as const),
  ...FALSE_WORDS.map((w) => [fold(w), false] as const),
]);
const HEADERS = new Set(REGISTERED_HEADERS.map(fold));

/** Lower case, NFC/NFD alike, diacritics and đ folded, trimmed. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
}

/** Whether a header cell names the registered column (`registered`, `# registered`, a label). */
export function isRegisteredHeader(text: string): boolean {
  return HEADERS.has(fold(text.replace(/^#\s*/, '')));
}

/** `true`/`false` from a cell or a field; `undefined` for empty; `null` for a value that is neither. */
export function registeredValue(value: unknown): boolean | null | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  if (value.trim() === '') return undefined;
  return WORDS.get(fold(value)) ?? null;
}

export const ALLOWED_WORDS = [...TRUE_WORDS, ...FALSE_WORDS].join(', ');
