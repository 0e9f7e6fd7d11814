/**
 * Finds a block that was out-dented by mistake: a key or a list item typed one level to the left
 * of where it belongs. Such a slip yields errors that read like something else ("a key is not
 * followed by a colon", "missing required key title"), often on a later line than the slip.
 *
 * The search is a verified guess: it indents a candidate line (alone, or with the block under it)
 * to the column of an earlier key or list item of the same kind, asks the caller's `problemsOf`
 * for the problems of the changed text, and keeps the change only if it removes problems and
 * adds none. Only leading spaces change, so line numbers, and the problems' keys, stay comparable.
 * So the hint is given only when indenting really makes the errors go away.
 *
 * Bounded: a window of lines around the problems, a cap on the problems it tries to explain, a
 * budget of tries, and a budget of characters re-read over all tries that is a small multiple of
 * the text's own length (with a floor for small texts): the search costs a few reads of the file,
 * whatever the file. With `narrow`, each try re-reads only the smallest block around the
 * problems that reads the same alone as in the file (checked once), and the change found is
 * verified once on the whole part `problemsOf` is normally given.
 */

export interface IndentRepair {
  /** 1-based first and last line of the block to indent. */
  readonly first: number;
  readonly last: number;
  /** Spaces to add to each of those lines. */
  readonly spaces: number;
  /** 1-based column the first line then starts at. */
  readonly column: number;
  /** The problems (keys from `problemsOf`) that the change removes, with how many of each. */
  readonly removed: ReadonlyMap<string, number>;
  /** How many problems that is. */
  readonly count: number;
}

export interface IndentRepairOptions {
  /** Lines looked at on each side of the problems. */
  readonly window?: number;
  /** Texts re-read at most. */
  readonly maxTries?: number;
  /** Files longer than this (in characters) are not searched. */
  readonly maxChars?: number;
  /** Characters re-read at most, over all tries, whatever the text's length. */
  readonly maxReadChars?: number;
  /**
   * Characters re-read at most, as a multiple of the text's length (but at least
   * `minReadChars`): the search costs about as much as reading the file this many times. A large
   * part to re-read gets fewer tries.
   */
  readonly readsOfText?: number;
  readonly minReadChars?: number;
  /** Pass `problemsOf` only the top-level entries around the problems (see ProblemsOf). */
  readonly slice?: boolean;
  /**
   * Pass `problemsOf` only the smallest block around the problems whose lines are all at or
   * right of its first line (it reads alone as it does in the file); used only when its
   * problems, read alone, are exactly the file's problems there. Needs a `problemsOf` that
   * reads any part of the text, as the parse stage's does.
   */
  readonly narrow?: boolean;
  /**
   * More problems than this are not searched: an out-dented block gives a handful, while an
   * unclosed quote or bracket gives one per line to the end of the file, and each re-read of
   * such a text costs as many errors again (a 78 KB rule file took seconds per input).
   */
  readonly maxProblems?: number;
  /**
   * The problems (keys) a slip could cause: the search looks near these only. The others are
   * still compared (a change must not add one), but a file with none of these is not searched.
   * Default: all.
   */
  readonly seeds?: readonly string[];
}

const DEFAULTS = {
  window: 40,
  maxTries: 80,
  maxChars: 500_000,
  maxReadChars: 4_000_000,
  readsOfText: 8,
  minReadChars: 100_000,
  slice: false,
  narrow: false,
  maxProblems: 40,
} as const;
/** Shorter blocks tried per line and column. */
const MAX_CUTS = 3;

interface Line {
  readonly text: string;
  /** Spaces before the first character; -1 for a blank or comment-only line. */
  readonly indent: number;
  /** A list item (`- …`). */
  readonly dash: boolean;
  /** The column of the first key or value: after `- ` for a list item. */
  readonly content: number;
}

/**
 * The problems of a text, each keyed `<line>|<anything>` with its 1-based line in the whole file;
 * undefined if the text is worse in a way keys cannot say (then a change is refused). `text` is
 * the part of the file that starts at line `firstLine` (the whole file unless `slice` is set).
 */
export type ProblemsOf = (text: string, firstLine: number) => readonly string[] | undefined;

/** Where a try reads: lines `from`..`to` (1-based, inclusive), and the problems there before any change. */
interface Region {
  readonly from: number;
  readonly to: number;
  readonly before: readonly string[];
}

/**
 * @param problems keys of the text's current problems, as `problemsOf` makes them.
 */
export function findIndentRepair(
  text: string,
  problems: readonly string[],
  problemsOf: ProblemsOf,
  options: IndentRepairOptions = {},
): IndentRepair | undefined {
  const o = { ...DEFAULTS, ...options };
  if (problems.length === 0 || problems.length > o.maxProblems) return undefined;
  if (text.length > o.maxChars || text.includes('\t')) return undefined;
  const seedLines = (o.seeds ?? problems).map(lineOfKey).filter((n) => n > 0);
  if (seedLines.length === 0) return undefined;
  const lines = text.split('\n').map(describe);
  // The first group of nearby problems: one slip explains problems close together, and a try
  // re-reads everything between the first and the last problem it looks at.
  const [first, last] = firstCluster(seedLines, 2 * o.window);
  // Re-reading only the top-level entries holding the problems is much cheaper than the whole
  // file, and an indentation slip cannot reach past them (a top-level key is never out-dented).
  const [from, to] = o.slice ? topLevelRegion(lines, first, last) : [1, lines.length];
  const lo = Math.max(from, first - o.window);
  const hi = Math.min(to, last + o.window);

  const budget = Math.min(o.maxReadChars, Math.max(o.minReadChars, o.readsOfText * text.length));
  let spent = 0;
  const charsOf = (a: number, b: number) => lines.slice(a - 1, b).reduce((n, l) => n + l.text.length + 1, 0);
  /** The problems of lines a..b with lines n..end indented by `spaces`; undefined past the budget. */
  const read = (a: number, b: number, change?: { n: number; end: number; spaces: number }) => {
    const part = regionText(lines, a, b, change);
    spent += part.length + 1;
    return problemsOf(part, a);
  };
  const wideChars = charsOf(from, to);
  const wide = (): Region | undefined => {
    if (!o.slice) return { from, to, before: problems };
    if (spent + wideChars > budget) return undefined;
    const before = read(from, to);
    return before ? { from, to, before } : undefined;
  };

  // A narrow block is used only if it reads alone exactly as in the file; a change found in it
  // is then verified on the wide part (reserved: one or two reads of it).
  const reserve = o.slice ? 2 * wideChars : wideChars;
  let region: Region | undefined;
  let narrowed = false;
  if (o.narrow) {
    const block = cleanBlock(lines, lo, hi, from, to);
    if (block && spent + charsOf(block[0], block[1]) + reserve <= budget) {
      const before = read(block[0], block[1]);
      const expected = problems.filter((k) => {
        const n = lineOfKey(k);
        return n >= block[0] && n <= block[1];
      });
      if (before && sameKeys(before, expected)) {
        region = { from: block[0], to: block[1], before };
        narrowed = true;
      }
    }
  }
  region ??= wide();
  if (!region || region.before.length === 0) return undefined;
  const regionChars = charsOf(region.from, region.to);
  const maxTries = o.maxTries;

  // Nearest to the first problem first, looking back before looking ahead: the slip is usually
  // at or above the line where the parser gives up.
  const order: number[] = [];
  for (let n = first; n >= lo; n--) order.push(n);
  for (let n = first + 1; n <= hi; n++) order.push(n);

  let tries = 0;
  let best: (IndentRepair & { end: number }) | undefined;
  const { before } = region;
  search: for (const n of order) {
    for (const target of targetsFor(lines, n, lo)) {
      for (const end of extentsFor(lines, n, target)) {
        if (tries >= maxTries || spent + regionChars + (narrowed ? reserve : 0) > budget) break search;
        tries++;
        const line = lineAt(lines, n);
        const spaces = target - line.indent;
        const after = read(region.from, region.to, { n, end, spaces });
        const removed = removedBy(before, after);
        if (!removed) continue;
        const count = before.length - (after?.length ?? 0);
        if (!best || count > best.count)
          best = { first: n, last: end, spaces, column: target + 1, removed, count, end };
        // Every problem gone: nothing can do better.
        if (count === before.length) break search;
      }
    }
  }
  if (!best) return undefined;
  const { end, ...repair } = best;
  if (!narrowed) return repair;
  // Verified where problemsOf is normally asked (the top-level entries, or the whole text).
  const checked = wide();
  if (!checked) return undefined;
  const after = read(checked.from, checked.to, { n: best.first, end, spaces: best.spaces });
  const removed = removedBy(checked.before, after);
  if (!removed) return undefined;
  return { ...repair, removed, count: checked.before.length - (after?.length ?? 0) };
}

/** The first and last line of the first group of lines no more than `gap` apart. */
function firstCluster(lineNumbers: readonly number[], gap: number): [number, number] {
  const sorted = [...lineNumbers].sort((a, b) => a - b);
  const first = sorted[0] ?? 1;
  let last = first;
  for (const n of sorted) {
    if (n - last > gap) break;
    last = n;
  }
  return [first, last];
}

/**
 * The smallest block around lines lo..hi (within from..to) that YAML reads alone as it does in
 * the file: from the nearest line at or before `lo` no deeper than every line of lo..hi, to the
 * line before the next line as shallow; so no line of it is left of its first line, and every
 * block a try indents ends inside it.
 */
function cleanBlock(
  lines: readonly Line[],
  lo: number,
  hi: number,
  from: number,
  to: number,
): [number, number] | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (let k = lo; k <= hi; k++) {
    const indent = lineAt(lines, k).indent;
    if (indent >= 0) min = Math.min(min, indent);
  }
  if (min === Number.POSITIVE_INFINITY) return undefined;
  const shallow = (k: number) => {
    const indent = lineAt(lines, k).indent;
    return indent >= 0 && indent <= min;
  };
  let start = lo;
  while (start > from && !shallow(start)) start--;
  let end = hi;
  while (end < to && !shallow(end + 1)) end++;
  return [start, end];
}

/** Lines a..b joined, with lines n..end indented by `spaces` (blank lines stay empty). */
function regionText(
  lines: readonly Line[],
  a: number,
  b: number,
  change?: { n: number; end: number; spaces: number },
): string {
  const pad = change ? ' '.repeat(change.spaces) : '';
  const out: string[] = [];
  for (let k = a; k <= b; k++) {
    const t = lineAt(lines, k).text;
    out.push(change && k >= change.n && k <= change.end && t.length > 0 ? pad + t : t);
  }
  return out.join('\n');
}

/** The same keys, as many times each. */
function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((k, i) => k === y[i]);
}

/** The line numbered `n` (1-based); every caller stays within 1..lines.length. */
function lineAt(lines: readonly Line[], n: number): Line {
  const line = lines[n - 1];
  if (line === undefined) throw new Error(`indent-repair: no line ${n} of ${lines.length}`);
  return line;
}

function describe(text: string): Line {
  const m = /^( *)(- +)?(\S)?/.exec(text);
  const spaces = m?.[1]?.length ?? 0;
  const first = m?.[3];
  if (first === undefined && m?.[2] === undefined) return { text, indent: -1, dash: false, content: -1 };
  if (first === '#') return { text, indent: -1, dash: false, content: -1 };
  const dash = m?.[2] !== undefined;
  return { text, indent: spaces, dash, content: spaces + (m?.[2]?.length ?? 0) };
}

/**
 * Columns the line at `n` could belong at: those of earlier lines of the same kind (list items
 * for a list item, keys for a key) to its right, but no deeper than a child of the line above.
 */
function targetsFor(lines: readonly Line[], n: number, lo: number): number[] {
  const line = lines[n - 1];
  if (!line || line.indent < 0) return [];
  const above = previous(lines, n);
  // A slip leaves the line left of the line above it, or level with a key that opens a block.
  const opens = above !== undefined && /:\s*(#.*)?$/.test(above.text);
  if (!above || line.indent > above.content || (line.indent === above.content && !opens)) return [];
  const targets = new Set<number>();
  // The first key under a key that opens a block belongs one step (two spaces) to its right.
  if (opens && !line.dash) targets.add(above.content + 2);
  for (let k = n - 1; k >= lo; k--) {
    const earlier = lineAt(lines, k);
    if (earlier.indent < 0) continue;
    const column = line.dash ? (earlier.dash ? earlier.indent : -1) : earlier.content;
    if (column > line.indent && column <= above.content + 2) targets.add(column);
  }
  return [...targets].sort((a, b) => a - b).slice(0, 3);
}

/**
 * Last lines of the block to indent with the line at `n`, in the order tried: the line with all
 * the lines under it (moved together they keep the structure the author wrote), the same block
 * cut before the first line that could be a sibling at the target column, then shorter and
 * shorter blocks down to the line alone (part of a block may have been moved).
 * A block ends back at the line's own level or at an item of an enclosing list.
 */
function extentsFor(lines: readonly Line[], n: number, target: number): number[] {
  const line = lineAt(lines, n);
  let end = n;
  let beforeSibling: number | undefined;
  for (let k = n + 1; k <= lines.length; k++) {
    const next = lineAt(lines, k);
    if (next.indent < 0) continue;
    if (next.indent <= line.indent) break;
    if (next.indent < target && next.dash && !line.dash) break;
    if (beforeSibling === undefined && next.indent === target && next.dash === line.dash) beforeSibling = end;
    end = k;
  }
  const shorter: number[] = [];
  for (let k = end - 1; k > n && shorter.length < MAX_CUTS; k--) if (lineAt(lines, k).indent >= 0) shorter.push(k);
  // Lines under it already deeper than the target: only the line itself slipped.
  const child = lines.slice(n).find((l) => l.indent >= 0);
  if (child !== undefined && child.indent > target) return [...new Set([n, end, beforeSibling ?? end, ...shorter])];
  return [...new Set([end, beforeSibling ?? end, ...shorter, n])];
}

function previous(lines: readonly Line[], n: number): Line | undefined {
  for (let k = n - 1; k >= 1; k--) {
    const line = lineAt(lines, k);
    if (line.indent >= 0) return line;
  }
  return undefined;
}

/** The lines from the top-level key at or before `lo` to the line before the next one after `hi`. */
function topLevelRegion(lines: readonly Line[], lo: number, hi: number): [number, number] {
  const topLevel = (k: number) => {
    const line = lineAt(lines, k);
    return line.indent === 0 && !line.dash;
  };
  let from = lo;
  while (from > 1 && !topLevel(from)) from--;
  let to = hi + 1;
  while (to <= lines.length && !topLevel(to)) to++;
  return [from, to - 1];
}

/** The problems a change removes, if it removes some and adds none. */
function removedBy(before: readonly string[], after: readonly string[] | undefined): Map<string, number> | undefined {
  if (!after || after.length >= before.length) return undefined;
  const left = new Map<string, number>();
  for (const key of before) left.set(key, (left.get(key) ?? 0) + 1);
  for (const key of after) {
    const count = left.get(key) ?? 0;
    if (count === 0) return undefined;
    left.set(key, count - 1);
  }
  const removed = new Map<string, number>();
  for (const [key, count] of left) if (count > 0) removed.set(key, count);
  return removed.size > 0 ? removed : undefined;
}

function lineOfKey(key: string): number {
  return Number.parseInt(key.slice(0, key.indexOf('|')), 10);
}
