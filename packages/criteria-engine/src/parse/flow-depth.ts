/**
 * How deep `[` and `{` nest, read from the text before yaml's parser runs. The parser tokenizes
 * the whole file first, and 200 KB of opening brackets cost it 9 s and 300 MB before the depth
 * could be checked on its tokens (cst-scan.ts). This pass is one loop over the characters.
 *
 * It knows just enough YAML to skip quoted scalars and comments; it may count a bracket inside a
 * plain scalar (`note: see [1]`), which only matters past maxDepth unclosed brackets, and then the
 * file is nested too deep or broken anyway. What it misses, cst-scan.ts still catches.
 */

/** The offset of the first `[` or `{` that opens a level deeper than `maxDepth`, if any. */
export function flowTooDeep(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const before = i === 0 ? 0x0a : text.charCodeAt(i - 1);
    // `"…"` with escapes, and `'…'` with '' for a quote: only where a scalar can start.
    if ((c === 0x22 || c === 0x27) && startsScalar(before)) {
      i = endOfQuoted(text, i + 1, c);
      continue;
    }
    if (c === 0x23 && (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d)) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol;
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      depth++;
      // The top-level mapping is depth 1 (limits.ts): a flow collection in it is at least 2.
      if (depth + 1 > maxDepth) return i;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    i++;
  }
  return undefined;
}

/** Whether a quote after this character opens a quoted scalar (not an apostrophe in a word). */
function startsScalar(before: number): boolean {
  return (
    before === 0x20 ||
    before === 0x09 ||
    before === 0x0a ||
    before === 0x0d ||
    before === 0x3a || // :
    before === 0x2c || // ,
    before === 0x5b || // [
    before === 0x7b || // {
    before === 0x2d || // -
    before === 0x3f // ?
  );
}

function endOfQuoted(text: string, from: number, quote: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote === 0x22 && c === 0x5c) i++;
    else if (c === quote) {
      if (quote === 0x27 && text.charCodeAt(i + 1) === 0x27) i++;
      else return i + 1;
    }
  }
  return text.length;
}
