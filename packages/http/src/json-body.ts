/**
 * JSON bodies: parsed with Fastify's own parser (secure-json-parse: `__proto__` and
 * `constructor.prototype` refused), and when that fails, the place and the reason found again
 * with jsonc-parser in strict JSON mode, so the client is told line and column, not "Unexpected
 * token".
 */
import { decodeUtf8 } from '@lcz/criteria-engine';
import { parse as parseLoosely, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { en, type MessageKey } from './messages/en.js';
import { entry, say, type ProblemEntry } from './problem.js';

/** A problem found before a handler runs (in a body parser), carried to the error handler. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly kind: 'malformed-json',
    readonly errors: readonly ProblemEntry[],
  ) {
    super(errors.map((e) => e.message_en).join(' '));
  }
}

type DefaultParser = (request: never, body: string, done: (err: Error | null, value?: unknown) => void) => void;

/**
 * The text of a request body, refusing bytes that are not UTF-8 (they would become U+FFFD and
 * be evaluated as such) with their line and column; a UTF-16 body is named as such.
 */
export function bodyText(body: Buffer | string): string {
  if (typeof body === 'string') return body;
  const text = decodeUtf8(body);
  if (typeof text === 'string') return text;
  const { line, column, offset, byte, encoding } = text;
  throw new ProblemError('malformed-json', [
    entry('body_not_utf8', { line, column }, (lang) => ({
      line,
      column,
      offset,
      found:
        encoding === 'invalid'
          ? `0x${byte}`
          : lang === 'vi'
            ? `dấu BOM của ${encoding.toUpperCase()}`
            : `the byte-order mark of ${encoding.toUpperCase()}`,
    })),
  ]);
}

/** Parse `text` with Fastify's default JSON parser; a located ProblemError when it is not JSON. */
export function parseJsonBody(defaultParser: DefaultParser, text: string): unknown {
  if (text.trim() === '') throw new ProblemError('malformed-json', [entry('json_empty', {})]);
  let result: { error: Error | null; value?: unknown } = { error: null };
  defaultParser(undefined as never, text, (error, value) => {
    result = { error, value };
  });
  if (result.error === null) return result.value;
  // Fastify's parser says only "invalid JSON"; find where and why.
  const errors: ParseError[] = [];
  parseLoosely(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined && /"(__proto__|constructor)"/.test(text)) {
    // Well-formed, but refused by secure-json-parse: a prototype-poisoning key.
    throw new ProblemError('malformed-json', [entry('json_unsafe_key', {})]);
  }
  throw new ProblemError('malformed-json', [syntaxEntry(text, first)]);
}

function syntaxEntry(text: string, first: ParseError | undefined): ProblemEntry {
  const code = first ? printParseErrorCode(first.error) : 'Unknown';
  const key = `json_reason_${code}` as MessageKey;
  const reasonKey: MessageKey = Object.hasOwn(en, key) ? key : 'json_reason_Unknown';
  const { line, column } = lineColumn(text, first?.offset ?? 0);
  return entry('json_syntax', { line, column }, (lang) => ({ line, column, reason: say(lang, reasonKey).message }));
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: Math.min(offset, text.length) - start + 1 };
}
