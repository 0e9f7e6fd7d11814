/**
 * A string token of well-formed JSON text, for the body scans that run after JSON.parse
 * (json-structure.ts on every body, json-numbers.ts on a body that may hold a rounded number):
 * where it ends, and a key's name.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The string opened at `start`: the index of its closing quote, or that index's complement
 * (`~end`, negative) when the string has an escape. One number, not an object: the scan of every
 * body calls this for each string, and only a key's name needs the escape (keyName).
 */
export function closingQuote(text: string, start: number): number {
  const end = text.length;
  let escaped = false;
  let i = start + 1;
  for (; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === QUOTE) break;
    if (d === BACKSLASH) {
      escaped = true;
      i++;
    }
  }
  return escaped ? ~i : i;
}

/**
 * The name of the key written from `start` to `quote`, what closingQuote returned for it: as
 * written, or decoded when it has escapes (`"\u005f_proto__"` is `__proto__`).
 */
export function keyName(text: string, start: number, quote: number): string {
  if (quote >= 0) return text.slice(start + 1, quote);
  const end = ~quote;
  try {
    const key: unknown = JSON.parse(text.slice(start, end + 1));
    return typeof key === 'string' ? key : text.slice(start + 1, end);
  } catch {
    // Not reached for parsed text; for anything else the key as written is the best name.
    return text.slice(start + 1, end);
  }
}
