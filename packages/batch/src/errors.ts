/**
 * Thrown values, typed: a `catch` gets `unknown` (a library may throw a string or a plain
 * object), and the batch turns what it catches into located diagnostics or OutputErrors.
 */

/** The thrown value as an Error: itself when it is one, else an Error with its text. */
export function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** The system error code of a failed file operation (ENOENT, EACCES…), or the thrown value's text when it has none. */
export function errorCode(thrown: unknown): string {
  if (thrown instanceof Error && 'code' in thrown && typeof thrown.code === 'string') return thrown.code;
  return String(thrown);
}
