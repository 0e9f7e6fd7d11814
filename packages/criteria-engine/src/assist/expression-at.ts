/**
 * The word under the cursor inside an expression, read from the source text itself (the
 * expression may be half typed, so it is not parsed): a name, or a value id inside quotes and
 * the name it is compared with (`size == 'l|'`, `size in ['large', '|`).
 */
import { isNamePart } from './locate.js';

export interface ExpressionWord {
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** Inside a quoted value: the name compared with it, when the text before says. */
  readonly quotedFor?: string | undefined;
  readonly inQuotes: boolean;
  /** Followed by `(`: a function call. */
  readonly call: boolean;
}

const COMPARED = /([A-Za-z_][A-Za-z0-9_]*)\s*(?:==|!=|<=|>=|<|>)\s*$/;
const LISTED = /([A-Za-z_][A-Za-z0-9_]*)\s+in\s*\[[^\]]*$/;

/** `from`/`to`: the scalar's source range (its quotes, when quoted, included). */
export function expressionWordAt(text: string, from: number, to: number, offset: number): ExpressionWord {
  const first = text[from];
  const outerQuote = first === '"' || first === "'" ? first : undefined;
  const start = outerQuote ? from + 1 : from;
  // Which quote, if any, is open at the offset (the YAML scalar's own quotes are not the expression's).
  let open: string | undefined;
  let openAt = start;
  for (let i = start; i < offset && i < to; i++) {
    const ch = text[i];
    if (ch === outerQuote) continue;
    if (open === undefined && (ch === "'" || ch === '"')) {
      open = ch;
      openAt = i;
    } else if (ch === open) open = undefined;
  }
  let wordFrom = offset;
  while (wordFrom > start && isNamePart(text.charCodeAt(wordFrom - 1))) wordFrom--;
  let wordTo = offset;
  while (wordTo < to && isNamePart(text.charCodeAt(wordTo))) wordTo++;
  const word = text.slice(wordFrom, wordTo);
  if (open !== undefined) {
    const before = text.slice(start, openAt);
    const quotedFor = COMPARED.exec(before)?.[1] ?? LISTED.exec(before)?.[1];
    return { from: wordFrom, to: wordTo, text: word, quotedFor, inQuotes: true, call: false };
  }
  const call = /^\s*\(/.test(text.slice(wordTo, to));
  return { from: wordFrom, to: wordTo, text: word, inQuotes: false, call };
}
