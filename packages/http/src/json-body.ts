/**
 * JSON bodies: parsed with secure-json-parse, the parser Fastify's own JSON parser calls
 * (`__proto__` and `constructor.prototype` refused), and when that fails, the place and the reason found again
 * with jsonc-parser in strict JSON mode, so the client is told line and column, not "Unexpected
 * token".
 */
import { decodeUtf8 } from '@lcz/criteria-engine';
import { parse as parseLoosely, printParseErrorCode, type ParseError } from 'jsonc-parser';
import secureJsonParse from 'secure-json-parse';
import { type InexactNumber, inexactNumbers } from './json-numbers.js';
import { structureProblems } from './json-structure.js';
import { en, type MessageKey } from './messages/en.js';
import { entry, say, type ProblemEntry } from './problem.js';

/** A problem found before a handler runs (in a body parser), carried to the error handler. */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  constructor(
    readonly kind: 'malformed-json' | 'payload-too-large' | 'invalid-request' | 'busy' | 'not-ready',
    readonly errors: readonly ProblemEntry[],
  ) {
    super(errors.map((e) => e.message_en).join(' '));
  }
}

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

/**
 * Parse `text` as Fastify's default JSON parser does; a located ProblemError when it is not JSON,
 * when a key is repeated in one object (the CLI's yaml_duplicate_key: JSON.parse would keep the
 * last value silently), or when one object has more than `maxObjectKeys` keys (an assessment
 * with 20,000 unknown facts made one request cost seconds of validation and an 8 MB answer),
 * or when a number has more digits than JSON.parse reads exactly (422 json_number_inexact: it
 * would be judged as a rounded number nobody wrote).
 */
export function parseJsonBody(text: string, maxObjectKeys = Infinity): unknown {
  if (text.trim() === '') throw new ProblemError('malformed-json', [entry('json_empty', {})]);
  const parsed = parseSafely(text);
  if (parsed.ok) {
    const problems = structureProblems(text, maxObjectKeys);
    if (problems.tooMany) throw new ProblemError('payload-too-large', [problems.tooMany]);
    if (problems.duplicates.length > 0) throw new ProblemError('malformed-json', problems.duplicates);
    const inexact = problems.mayRound ? inexactNumbers(text) : [];
    if (inexact.length > 0)
      throw new ProblemError(
        'invalid-request',
        inexact.map((n) => inexactEntry(text, n)),
      );
    return parsed.value;
  }
  // The parser says only "invalid JSON"; find where and why.
  const errors: ParseError[] = [];
  parseLoosely(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) {
    // Well-formed, but refused by secure-json-parse: a prototype-poisoning key, found by its
    // decoded name (so `"\u005f_proto__"` is named for what it is, not "not JSON").
    const unsafe = structureProblems(text, Infinity).unsafe;
    if (unsafe) throw new ProblemError('malformed-json', [unsafe]);
  }
  throw new ProblemError('malformed-json', [syntaxEntry(text, first)]);
}

/** JSON.parse with prototype-poisoning keys refused (whatever it throws means: not accepted). */
function parseSafely(text: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false } {
  try {
    const value: unknown = secureJsonParse(text, { protoAction: 'error', constructorAction: 'error' });
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** A number quoted in a message: as written, its middle cut when it is very long. */
const QUOTED_CHARS = 64;

/** A number JSON.parse would round, quoted as written (not as read), located both ways. */
function inexactEntry(text: string, n: InexactNumber): ProblemEntry {
  const { line, column } = lineColumn(text, n.offset);
  const { written, read, pointer } = n;
  const value =
    written.length > QUOTED_CHARS ? `${written.slice(0, QUOTED_CHARS - 16)}…${written.slice(-12)}` : written;
  const infinity = (lang: 'vi' | 'en') => `${read < 0 ? '-' : ''}${lang === 'vi' ? 'vô cực' : 'infinity'}`;
  return entry('json_number_inexact', { pointer, line, column }, (lang) => ({
    value,
    read: Number.isFinite(read) ? String(read) : infinity(lang),
    line,
    column,
  }));
}

function syntaxEntry(text: string, first: ParseError | undefined): ProblemEntry {
  const code = first ? printParseErrorCode(first.error) : 'Unknown';
  const key = `json_reason_${code}`;
  const reasonKey: MessageKey = isMessageKey(key) ? key : 'json_reason_Unknown';
  const { line, column } = lineColumn(text, first?.offset ?? 0);
  return entry('json_syntax', { line, column }, (lang) => ({ line, column, reason: say(lang, reasonKey).message }));
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
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
