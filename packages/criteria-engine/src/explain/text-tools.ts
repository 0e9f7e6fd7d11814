/**
 * Small, pure helpers for the text renderers: message templates, shortening and wrapping text,
 * and optional ANSI colour. No I/O, browser-safe.
 */

export { interpolate, placeholders } from '../diagnostics/interpolate.js';

/**
 * A unit written after a number: "32 km", but "45%" and "5‰" (these signs follow the number
 * without a space in both languages). An empty unit writes nothing.
 */
export function unitAfter(unit: string): string {
  if (unit === '') return '';
  return /^[%‰]/.test(unit) ? unit : ` ${unit}`;
}

/**
 * Whether each level is reached, as a reader of one line per level takes it: met up to the level
 * reached, unknown up to the highest still possible, not met above. A level's own requirements may
 * hold while a lower level fails (the result's `level.levels` judges each level's own part), but a
 * level is reached only with every level below it, so "Excellent: met" under "Good: not met"
 * would contradict the level reached printed above it.
 */
export function levelStanding(
  ids: readonly string[],
  level: { readonly reached: string | null; readonly possible: string | null },
): ReadonlyMap<string, 'met' | 'unknown' | 'not_met'> {
  const reached = level.reached === null ? 0 : ids.indexOf(level.reached) + 1;
  const possible = level.possible === null ? 0 : ids.indexOf(level.possible) + 1;
  return new Map(ids.map((id, i) => [id, i < reached ? 'met' : i < possible ? 'unknown' : 'not_met']));
}

/** Collapse runs of white space (YAML block scalars keep their line breaks) into single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shorten to at most `max` characters (code points), cutting at a word boundary when one is
 * near, and end with "…".
 */
export function shorten(text: string, max: number): string {
  const flat = oneLine(text);
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  let cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length - 25 && space > 0) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.–-]+$/u, '')}…`;
}

/**
 * Word-wrap `text` so that the first line holds at most `first` characters and the others at most
 * `rest`. Words longer than a line are kept whole.
 */
export function wrap(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = first;
  for (const word of oneLine(text).split(' ')) {
    if (word === '') continue;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (Array.from(candidate).length > width && line !== '') {
      lines.push(line);
      line = word;
      width = rest;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

export type Tone = 'bold' | 'dim' | 'green' | 'red' | 'yellow' | 'cyan';

const ANSI: Readonly<Record<Tone, string>> = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  green: '\u001b[32m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
};
const RESET = '\u001b[0m';

/** Returns a painter: identity when colour is off, ANSI escapes around the text when it is on. */
export function painter(color: boolean): (tone: Tone, text: string) => string {
  return color ? (tone, text) => (text === '' ? text : `${ANSI[tone]}${text}${RESET}`) : (_tone, text) => text;
}
