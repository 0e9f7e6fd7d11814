/**
 * A tab used to indent a line. YAML indents with spaces only, and one tab makes yaml misread the
 * lines around it: "tabs are not allowed", "bad indentation", "implicit keys need to be on a
 * single line", even a duplicate key that is not one (the tab's line lands in the mapping above).
 * A person should read one problem: this line is indented with a tab, use spaces.
 *
 * The repair is a verified guess, as for an out-dented block (indent-repair.ts): each tab in a
 * line's indentation is read as the spaces up to the next tab stop, for a tab width of 4, 2 or 8
 * (the same width for the whole file: an editor has one); a line still misread is then tried at
 * the indentation of the lines around it. A change is kept only when it removes syntax errors;
 * the whole repair only when it removes some and adds none. Only then are the tab's problems
 * replaced by one per line, and the rest of the file is read as repaired, so its other problems
 * (schema, expressions, ids) are found in the same run, at their place in the file as written.
 */
import { SourceText } from '../diagnostics/source.js';

/** A line indented with a tab, and how many spaces stand for its indentation in the repair. */
export interface TabLine {
  /** Offset of the line's first tab in the text as written. */
  readonly offset: number;
  /** 0-based line index. */
  readonly index: number;
  /** Leading spaces that replace the line's indentation. */
  readonly spaces: number;
}

export interface TabRepair {
  /** The text read in place of the one written: its positions map back through `source`. */
  readonly source: SourceText;
  readonly lines: readonly TabLine[];
}

/**
 * How a text reads: its syntax errors and duplicate keys, as keys (`<line>|<detail>`), and, when
 * it has none, how many parts of it the caller finds out of place (its schema errors): several
 * readings may be YAML, and the one the format expects is the one meant.
 */
export type ReadingOf = (text: string) => { readonly errors: readonly string[]; readonly misfits: number };

/** Tab widths tried, most common first. */
const WIDTHS = [4, 2, 8] as const;
/** Lines with a tab repaired, at most; and texts re-read at most. */
const MAX_LINES = 2000;
const MAX_TRIES = 40;
/** Longer texts are not searched (each try re-reads all of it). */
const MAX_CHARS = 500_000;

/**
 * The repair of `source`'s tab indentation, or undefined when there is no tab in any line's
 * indentation, or when no repair removes a syntax error without adding another.
 */
export function repairTabIndentation(
  source: SourceText,
  errors: readonly string[],
  readingOf: ReadingOf,
): TabRepair | undefined {
  if (source.text.length > MAX_CHARS || !source.text.includes('\t')) return undefined;
  const lines = source.text.split('\n');
  const tabbed = lines.flatMap((line, index) => (indentOf(line).includes('\t') ? [index] : [])).slice(0, MAX_LINES);
  if (tabbed.length === 0) return undefined;
  let tries = 0;
  // A reading is better with fewer syntax errors, then with fewer parts out of place, then with
  // fewer lines placed oddly (several readings may parse: a key a level too far out is still YAML).
  const score = (indents: ReadonlyMap<number, number>): Score => {
    tries++;
    const read = readingOf(withIndents(lines, indents));
    return [read.errors.length, read.misfits, oddPlacements(lines, indents)];
  };
  // One tab width for the whole file (an editor has one): the one read best.
  let best = new Map<number, number>();
  let bestScore: Score = [errors.length, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (const width of WIDTHS) {
    const indents = new Map(tabbed.map((i) => [i, expandedWidth(indentOf(lines[i] ?? ''), width)]));
    const found = score(indents);
    if (better(found, bestScore)) {
      best = indents;
      bestScore = found;
    }
    if (found.every((n) => n === 0)) break;
  }
  // Lines no tab width reads well: each tried at the indentation of the lines around it.
  for (const index of tabbed) {
    if ((bestScore[0] === 0 && bestScore[1] === 0) || tries >= MAX_TRIES) break;
    for (const spaces of neighbourIndents(lines, index, best)) {
      if (spaces === best.get(index) || tries >= MAX_TRIES) continue;
      const indents = new Map(best).set(index, spaces);
      const found = score(indents);
      if (better(found, bestScore)) {
        best = indents;
        bestScore = found;
      }
    }
  }
  // Nothing read with fewer errors than the text as written.
  if (best.size === 0 || bestScore[0] >= errors.length) return undefined;
  // A tab that read as written changes nothing (in a block of text, `|`) is no problem: kept.
  for (const index of [...best.keys()]) {
    if (best.size === 1 || tries >= MAX_TRIES) break;
    const without = new Map(best);
    without.delete(index);
    const found = score(without);
    if (!better(bestScore, found)) {
      best = without;
      bestScore = found;
    }
  }
  const repaired = withIndents(lines, best);
  // No error the text as written did not have: the repair explains errors, it invents none.
  const before = new Set(errors);
  if (!readingOf(repaired).errors.every((e) => before.has(e))) return undefined;
  const starts = source.lineStarts;
  const tabLines = [...best].map(([index, spaces]) => ({
    index,
    spaces,
    offset: (starts[index] ?? 0) + (lines[index] ?? '').indexOf('\t'),
  }));
  return { source: new RepairedSource(source, repaired, tabLines), lines: tabLines };
}

/** A line as a reading places it: its indentation, where its content starts, its kind. */
interface Placed {
  readonly indent: number;
  /** The column after its `- ` markers (its indentation when it has none). */
  readonly content: number;
  readonly dash: boolean;
  /** A key with nothing after it (`criteria:`): a block follows, under it. */
  readonly opens: boolean;
}

function placed(lines: readonly string[], indents: ReadonlyMap<number, number>, i: number): Placed {
  const line = lines[i] ?? '';
  const indent = indents.get(i) ?? line.length - line.trimStart().length;
  const rest = line.trimStart();
  return {
    indent,
    dash: /^-( |$)/.test(rest),
    content: indent + (/^(- +)*/.exec(rest)?.[0].length ?? 0),
    opens: /:\s*(#.*)?$/.test(rest),
  };
}

/** The next line from `i` (by `step`) with something on it, or undefined. */
function near(lines: readonly string[], i: number, step: 1 | -1): number | undefined {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) {
    const rest = (lines[j] ?? '').trim();
    if (rest !== '' && !rest.startsWith('#')) return j;
  }
  return undefined;
}

/**
 * The lines that hold line `i`, nearest first: the line above it, then each line above that
 * starts further left than all before it (its parent, grandparent…).
 */
function levelsAbove(lines: readonly string[], indents: ReadonlyMap<number, number>, i: number): Placed[] {
  const out: Placed[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (let j = near(lines, i, -1); j !== undefined && limit > 0 && out.length < 12; j = near(lines, j, -1)) {
    const line = placed(lines, indents, j);
    if (line.indent < limit) {
      out.push(line);
      limit = line.indent;
    }
  }
  return out;
}

/** `b` under `a`: deeper, or a list written at the column of the key that holds it. */
function isUnder(a: Placed, b: Placed): boolean {
  return b.indent > a.indent || (b.dash && b.indent === a.indent);
}

/**
 * How oddly a reading places the lines it changes (0: as a person writes): a line beside the line above
 * costs nothing, under a key that opens a block nothing, beside a line further up as many as the
 * levels it goes out; a line at no level of those above, a key that opens a block with nothing
 * under it, much. Several readings may parse (a key read a level too far out is still YAML).
 */
function oddPlacements(lines: readonly string[], indents: ReadonlyMap<number, number>): number {
  const ragged = 10;
  let odd = 0;
  for (const i of indents.keys()) {
    const own = placed(lines, indents, i);
    const levels = levelsAbove(lines, indents, i);
    const prev = levels[0];
    if (prev?.opens && isUnder(prev, own)) {
      // under the key above: as it should be
    } else if (prev !== undefined) {
      const depth = levels.findIndex((l) => own.indent === l.content || (own.dash && own.indent === l.indent));
      odd += depth < 0 ? ragged : depth;
    }
    const below = near(lines, i, 1);
    if (own.opens && below !== undefined && !isUnder(own, placed(lines, indents, below))) odd += ragged;
  }
  return odd;
}

type Score = readonly [errors: number, misfits: number, odd: number];

function better(a: Score, b: Score): boolean {
  for (const [i, n] of a.entries()) if (n !== b[i]) return n < (b[i] ?? 0);
  return false;
}

/** The leading spaces and tabs of a line that has more on it (a blank line indents nothing). */
function indentOf(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const rest = line.slice(indent.length);
  return rest === '' || rest === '\r' ? '' : indent;
}

/** The column (0-based) a run of spaces and tabs ends at, with tab stops every `width`. */
function expandedWidth(indent: string, width: number): number {
  let column = 0;
  for (const ch of indent) column = ch === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return column;
}

/**
 * Indentations a tab line may have meant: where the line above and each line holding it start
 * (and their content, after `- `), two more than the line above, and that of the next line.
 */
function neighbourIndents(lines: readonly string[], index: number, indents: ReadonlyMap<number, number>): number[] {
  const out: number[] = [];
  const add = (n: number) => {
    if (n >= 0 && !out.includes(n)) out.push(n);
  };
  const levels = levelsAbove(lines, indents, index);
  for (const [k, l] of levels.entries()) {
    add(l.content);
    add(l.indent);
    if (k === 0) add(l.content + 2);
  }
  const below = near(lines, index, 1);
  if (below !== undefined) add(placed(lines, indents, below).indent);
  return out;
}

function withIndents(lines: readonly string[], indents: ReadonlyMap<number, number>): string {
  return lines
    .map((line, i) => {
      const spaces = indents.get(i);
      return spaces === undefined ? line : ' '.repeat(spaces) + line.slice(indentOf(line).length);
    })
    .join('\n');
}

/**
 * The repaired text, read in place of the text as written: same lines, but a repaired line's
 * indentation has another length. Every position a later stage takes from it (a diagnostic's
 * line, column and range) is turned back into the text as written, so problems point at the
 * file the person has open.
 */
class RepairedSource extends SourceText {
  /** Per repaired line (0-based): where its indentation starts, its length written, its length read. */
  private readonly shifts: Map<number, { readonly start: number; readonly written: number; readonly read: number }>;

  constructor(
    private readonly written: SourceText,
    text: string,
    lines: readonly TabLine[],
  ) {
    super(written.file, text);
    this.shifts = new Map(
      lines.map((l) => {
        const start = written.lineStarts[l.index] ?? 0;
        const line = written.text.slice(start).split('\n', 1)[0] ?? '';
        return [l.index, { start, written: indentOf(line).length, read: l.spaces }];
      }),
    );
  }

  override position(offset: number): { line: number; column: number } {
    return this.written.position(this.toWritten(offset));
  }

  override get writtenText(): string {
    return this.written.text;
  }

  override writtenRange(range: readonly [number, number]): [number, number] {
    return [this.toWritten(range[0]), this.toWritten(range[1])];
  }

  /** The offset in the text as written of an offset in the repaired text. */
  private toWritten(offset: number): number {
    const { line } = super.position(offset);
    const index = line - 1;
    // Lines before this one changed length by the difference of their indentations.
    let delta = 0;
    for (const [i, s] of this.shifts) if (i < index) delta += s.read - s.written;
    const own = this.shifts.get(index);
    const lineStart = (this.lineStarts[index] ?? 0) - delta;
    if (own === undefined) return offset - delta;
    const column = offset - (this.lineStarts[index] ?? 0);
    // Inside the indentation: the tab; after it, shifted by what the indentation gained.
    if (column < own.read) return lineStart + Math.min(column, own.written);
    return lineStart + column - own.read + own.written;
  }
}
