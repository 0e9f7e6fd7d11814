/**
 * What JSON.parse does not tell about a body: keys repeated in one object (it keeps the last
 * value silently), objects with more keys than `limits.objectKeys`, and reserved names
 * (`__proto__`, also when written with escapes). One pass over the text, by character codes:
 * the text has already been parsed (or found well-formed), so only strings and brackets matter.
 * It replaced jsonc-parser's `visit`, a full second parse with a callback per token that cost
 * more than JSON.parse itself on an 821 KB batch and held the event loop for it.
 */
import { closingQuote, keyName } from './json-string.js';
import { entry, type ProblemEntry } from './problem.js';

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Repeated keys listed in one answer; a body with more is refused with the first ones. */
const DUPLICATES_SHOWN = 20;

export interface StructureProblems {
  readonly duplicates: ProblemEntry[];
  tooMany?: ProblemEntry;
  unsafe?: ProblemEntry;
  /**
   * The body may hold a number JSON.parse rounds (json-numbers.ts): outside strings, a run of 16
   * digits (a point allowed inside) or an exponent. A decimal with at most 15 significant digits
   * and no exponent reads exactly, so most bodies need no closer look.
   */
  mayRound: boolean;
}

const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const ZERO = 0x30;
const NINE = 0x39;
const POINT = 0x2e;
const MINUS = 0x2d;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
/** Characters of a number (digits, a point, a sign) from which it may be rounded: DBL_DIG + 1 digits. */
const ROUNDED_DIGITS = 16;

/**
 * One pass over well-formed JSON. Lines and columns are 1-based, columns in UTF-16 code units,
 * a line ending being LF, CR LF or CR (as jsonc-parser counted them, so answers are unchanged).
 */
export function structureProblems(text: string, maxObjectKeys: number): StructureProblems {
  const out: StructureProblems = { duplicates: [], mayRound: false };
  // One entry per open bracket: the keys seen in an object (key → line), null for an array.
  const open: (Map<string, number> | null)[] = [];
  let keys: Map<string, number> | null = null;
  // In an object, right after `{` or `,`: the next string is a key.
  let expectKey = false;
  let line = 1;
  let lineStart = 0;
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      const quote = closingQuote(text, start);
      i = quote < 0 ? ~quote : quote;
      if (expectKey && keys !== null) {
        expectKey = false;
        property(out, keys, keyName(text, start, quote), line, start - lineStart + 1, maxObjectKeys);
      }
    } else if ((c >= ZERO && c <= NINE) || c === MINUS) {
      // A number, read in one go (its characters need none of the checks below): long enough,
      // or with an exponent, it may be one JSON.parse rounds.
      const start = i;
      let d = c;
      do d = text.charCodeAt(++i);
      while ((d >= ZERO && d <= NINE) || d === POINT);
      if (i - start >= ROUNDED_DIGITS || d === LOWER_E || d === UPPER_E) out.mayRound = true;
      i--;
    } else if (c === OPEN_BRACE) {
      keys = new Map();
      open.push(keys);
      expectKey = true;
    } else if (c === OPEN_BRACKET) {
      keys = null;
      open.push(null);
      expectKey = false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open.pop();
      keys = open.at(-1) ?? null;
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = keys !== null;
    } else if (c === LINE_FEED || c === CARRIAGE_RETURN) {
      if (c === CARRIAGE_RETURN && text.charCodeAt(i + 1) === LINE_FEED) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return out;
}

/** One key of an object: a repeat, one too many, or a reserved name. */
function property(
  out: StructureProblems,
  keys: Map<string, number>,
  key: string,
  line: number,
  column: number,
  maxObjectKeys: number,
): void {
  if (UNSAFE_KEYS.has(key) && !out.unsafe)
    out.unsafe = entry('json_unsafe_key', { line, column }, { key, line, column });
  const firstLine = keys.get(key);
  if (firstLine !== undefined) {
    if (out.duplicates.length < DUPLICATES_SHOWN)
      out.duplicates.push(entry('json_duplicate_key', { line, column }, { key, line, column, first_line: firstLine }));
    return;
  }
  keys.set(key, line);
  if (keys.size > maxObjectKeys && !out.tooMany)
    out.tooMany = entry('json_too_many_keys', { line, column }, { max: maxObjectKeys, line, column });
}
