/**
 * The separator of a CSV file, chosen by what the header says. A spreadsheet saved where the
 * decimal mark is a comma writes `;` between cells and leaves the template's labels unquoted,
 * commas and all ("Area (ward, commune)"), so counting separators on the header
 * line picks the comma and the whole file becomes one unknown column. Instead each candidate
 * splits the header, and the one whose cells name the most of the ruleset's columns wins; counting
 * decides only between candidates that fit equally well (a file whose header names no column).
 * The batch reader, its fast decision path and the report's second pass all choose here, so they
 * read the same file the same way.
 */
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { sniffDelimiter } from './formats/csv.js';
import { isKnownHeader } from './header.js';

const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The separator of the CSV text that starts with `head` (at least its first non-blank line),
 * for `ruleset`'s columns; without a ruleset, the most frequent of , ; and tab on that line.
 */
export function chooseDelimiter(head: string, ruleset?: CompiledRuleset): string {
  const counted = sniffDelimiter(firstLine(head));
  if (ruleset === undefined) return counted;
  let best = counted;
  let bestFit = fit(head, counted, ruleset);
  for (const d of CANDIDATES) {
    const n = fit(head, d, ruleset);
    if (n > bestFit) {
      best = d;
      bestFit = n;
    }
  }
  return best;
}

/** How many cells of the header, split at `d`, name one of the ruleset's columns. */
function fit(head: string, d: string, ruleset: CompiledRuleset): number {
  let n = 0;
  for (const cell of headerCells(head, d)) if (isKnownHeader(ruleset, cell)) n++;
  return n;
}

/** The cells of the first record with any text, split at `d` with RFC 4180 quotes. */
function headerCells(head: string, d: string): string[] {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < head.length) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (; i < head.length; i++) {
      const c = head.charAt(i);
      if (quoted) {
        if (c !== '"') cell += c;
        else if (head[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === d) {
        cells.push(cell);
        cell = '';
      } else if (c === '\n' || c === '\r') break;
      else cell += c;
    }
    cells.push(cell);
    if (head[i] === '\r' && head[i + 1] === '\n') i++;
    i++;
    // The header is the first row with any text, as sheet-records.ts reads it.
    if (cells.some((c) => c.trim() !== '')) return cells;
  }
  return [];
}

/** The text from the first non-blank line on (the counter stops at that line's end). */
function firstLine(head: string): string {
  return head.replace(/^\uFEFF?(?: *(?:\r\n|\n|\r))*/, '');
}
