/**
 * The only ways a value from a rule file reaches generated code. Identifiers are never taken
 * from the rule file: generated names are made of a fixed prefix and an index (`v12`, `o3`).
 * Strings go through JSON.stringify and then have the characters that could end or confuse the
 * surrounding text escaped too (U+2028/U+2029 line separators, `<` of `</script>`, `*` of `*​/`),
 * so a string literal is one token whatever the rule author wrote. Numbers must be finite.
 */
import { refuse } from './refusal.js';

/** A JavaScript string literal for `text`, one token wherever it is pasted. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(
    /[\u2028\u2029<>*/`$]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A number literal: JSON.stringify gives the shortest text that reads back as the same double. */
export function numberLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse('not_finite', { value: String(value) });
  // -0 compares and adds as 0 in every place the generator uses numbers.
  const text = JSON.stringify(value);
  return value < 0 ? `(${text})` : text;
}

/** A small non-negative integer (an index or a bit mask) for generated code. */
export function indexLiteral(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) refuse('not_index', { value: String(value) });
  return String(value);
}

/** A comment's text: anything that could close the comment or end the line is replaced. */
export function commentText(text: string): string {
  return text.replace(/[^\w .,:@+-]/g, '_').slice(0, 200);
}
