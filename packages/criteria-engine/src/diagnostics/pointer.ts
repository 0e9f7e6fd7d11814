/**
 * A diagnostic's `path`: a JSON pointer into the document (RFC 6901), written by every stage that
 * knows which part of the file a problem is about (the parse stage for a duplicate key or a tag,
 * the schema for its errors), and read by the pass that sets broken parts aside.
 */

/** `/groups/0/criteria` → ['groups', '0', 'criteria'] (RFC 6901 unescaping). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['groups', 0, 'criteria'] → `/groups/0/criteria`. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
