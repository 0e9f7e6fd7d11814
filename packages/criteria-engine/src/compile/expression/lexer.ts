/**
 * Tokens of the condition language. Offsets are absolute (the scalar's offset in the file is
 * added), so diagnostics point inside the YAML line.
 */
import type { Range } from '../../diagnostics/diagnostic.js';

export type TokenKind = 'number' | 'string' | 'name' | 'keyword' | 'punct' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** For strings: the unquoted value. */
  readonly value: string;
  readonly range: Range;
}

export interface LexError {
  readonly expected: string;
  readonly found: string;
  readonly range: Range;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);
const TWO_CHAR = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR = new Set(['<', '>', '+', '-', '*', '/', '(', ')', '[', ']', ',']);
/**
 * Operators people write from habit (spreadsheets, mathematics, other languages), with the one
 * meant: the error then names it ("expected >=, but found =>") instead of a list of token kinds.
 */
const MISTYPED: Readonly<Record<string, string>> = {
  '=>': '>=',
  '=<': '<=',
  '&&': 'and',
  '||': 'or',
  '=': '==',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
};

/**
 * The words of an `expr_syntax` error, as codes the message catalogues translate (never English
 * inside a Vietnamese message): what was expected, and `found` at the end of the expression.
 */
const EXPECTED_TOKEN = 'token';
export const FOUND_END = '';

export function tokenize(text: string, base: number): { tokens: Token[]; error?: LexError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(ch)) {
      while (i < text.length && isDigit(text.charAt(i))) i++;
      if (text[i] === '.' && isDigit(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && isDigit(text.charAt(i))) i++;
      }
      tokens.push(token('number', text.slice(start, i), start, i, base));
      continue;
    }
    if (isNameStart(ch)) {
      while (i < text.length && isNamePart(text.charAt(i))) i++;
      const word = text.slice(start, i);
      tokens.push(token(KEYWORDS.has(word) ? 'keyword' : 'name', word, start, i, base));
      continue;
    }
    if (ch === "'" || ch === '"') {
      i++;
      while (i < text.length && text[i] !== ch) i++;
      if (i >= text.length) {
        return { tokens, error: { expected: `${ch}`, found: FOUND_END, range: [base + start, base + i] } };
      }
      i++;
      const raw = text.slice(start, i);
      tokens.push({ kind: 'string', text: raw, value: raw.slice(1, -1), range: [base + start, base + i] });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR.has(two)) {
      i += 2;
      tokens.push(token('punct', two, start, i, base));
      continue;
    }
    if (ONE_CHAR.has(ch)) {
      i++;
      tokens.push(token('punct', ch, start, i, base));
      continue;
    }
    const typo = Object.hasOwn(MISTYPED, two) ? two : Object.hasOwn(MISTYPED, ch) ? ch : undefined;
    return {
      tokens,
      error: {
        expected: typo === undefined ? EXPECTED_TOKEN : (MISTYPED[typo] ?? EXPECTED_TOKEN),
        found: typo ?? ch,
        range: [base + i, base + i + (typo?.length ?? 1)],
      },
    };
  }
  tokens.push(token('end', '', text.length, text.length, base));
  return { tokens };
}

function token(kind: TokenKind, text: string, start: number, end: number, base: number): Token {
  return { kind, text, value: text, range: [base + start, base + end] };
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
function isNameStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
}
function isNamePart(ch: string): boolean {
  return isNameStart(ch) || isDigit(ch);
}
