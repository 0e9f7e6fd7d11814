/**
 * Numbers in a JSON body that JSON.parse would round: `212.0000000000000001` reads as 212,
 * `9007199254740993` as …992, `1e400` as Infinity, and the assessment would then be judged on a
 * number nobody wrote. Rule and assessment files refuse them (`yaml_number_inexact`); this does
 * the same for bodies, comparing each number token of the text with the double it reads as
 * (readsExactly, the files' own check). Node 20's JSON.parse gives revivers no source text, so
 * the text is scanned, and only when structureProblems, which reads every body anyway, saw a
 * run of 16 digits or an exponent (`mayRound`): any other body is not scanned at all.
 */
import { readsExactly } from '@lcz/criteria-engine';
import { closingQuote, keyName } from './json-string.js';

/** Inexact numbers listed in one answer; a body with more is refused with the first ones. */
const SHOWN = 20;

/** Where a scan is inside the body: each open object (with its current key) or array (with its index). */
interface Frame {
  readonly array: boolean;
  key: string;
  index: number;
  /** In an object, right after `{` or `,`: the next string is a key. */
  expectKey: boolean;
}

export interface InexactNumber {
  /** The number as written in the body. */
  readonly written: string;
  /** What JSON.parse reads it as. */
  readonly read: number;
  /** Where its text starts in the body (UTF-16 code units). */
  readonly offset: number;
  /** JSON Pointer (RFC 6901) to it. */
  readonly pointer: string;
}

/** Each number of well-formed JSON `text` that does not read exactly (the first SHOWN of them). */
export function inexactNumbers(text: string): InexactNumber[] {
  const out: InexactNumber[] = [];
  const open: Frame[] = [];
  const end = text.length;
  for (let i = 0; i < end && out.length < SHOWN; i++) {
    const c = text[i] ?? '';
    const top = open.at(-1);
    if (c === '"') {
      const start = i;
      const quote = closingQuote(text, start);
      i = quote < 0 ? ~quote : quote;
      if (top !== undefined && !top.array && top.expectKey) {
        top.expectKey = false;
        top.key = keyName(text, start, quote);
      }
    } else if (c === '{' || c === '[') {
      open.push({ array: c === '[', key: '', index: 0, expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      open.pop();
    } else if (c === ',') {
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      while (i + 1 < end && /[-+.eE0-9]/.test(text[i + 1] ?? '')) i++;
      const written = text.slice(start, i + 1);
      const read = Number(written);
      if (!readsExactly(written, read)) out.push({ written, read, offset: start, pointer: pointerOf(open) });
    }
  }
  return out;
}

/** RFC 6901: each key with `~` and `/` escaped, each index as digits. */
function pointerOf(open: readonly Frame[]): string {
  return open.map((f) => `/${f.array ? f.index : f.key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
