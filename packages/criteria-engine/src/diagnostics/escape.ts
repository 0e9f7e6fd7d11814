/**
 * Characters that a message must never print raw when it quotes what a user wrote: they are
 * invisible or reorder the text around them, so `The key "\uFEFFgroups"` would read as "groups"
 * and a U+202E could make a file name read backwards. Each is shown as `\uXXXX` instead. One
 * helper, used wherever a message quotes input: diagnostics (CLI text, HTTP problem details, the
 * batch summary, the report, the web form) and the HTTP API's and web form's own messages.
 */

/**
 * C0 and C1 controls (line breaks included: a key holding "\n" would forge a second message
 * line), zero-width and direction marks, bidi embeddings, overrides and isolates, invisible
 * operators, the byte-order mark, the replacement character (what an undecodable byte became),
 * and lone surrogate halves (not text at all).
 */
// Built from a string: matching control characters is the point here (Biome's
// noControlCharactersInRegex guards against doing it by mistake).
const INVISIBLE = new RegExp(
  '[\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\uFEFF\\uFFF9-\\uFFFB\\uFFFD]' +
    '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  'g',
);

/** `text` with every invisible or reordering character written as `\uXXXX` (upper-case hex). */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Message params with each text value escaped; numbers and booleans pass as they are. */
export function escapeParams<T extends Readonly<Record<string, unknown>>>(params: T): T {
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const escaped = typeof value === 'string' ? escapeInvisible(value) : value;
    if (escaped !== value) changed = true;
    out[key] = escaped;
  }
  // cast: the same keys, each text escaped (still a string), so the shape of T
  return changed ? (out as T) : params;
}
