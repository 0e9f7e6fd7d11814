/**
 * What a person must still look at in a new version made by copying an old one: the tool cannot
 * decide these, so it finds and locates them. The source document; the targets file; lines that
 * cite a year of the old period (in comments and in texts); test cases whose names cite counts
 * or percentages, which a changed rule may have made wrong while the case itself still passes.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { CliMessageKey } from '../messages/en.js';
import { nodeRange } from '../guards.js';

export interface ReviewItem {
  readonly file: string;
  /** 1-based, 0 for the file as a whole. */
  readonly line: number;
  readonly key: CliMessageKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Lines citing the old period, per file, before "… and N more". */
const MAX_LINES_PER_FILE = 12;
const TEST_NAME_COUNT = /\d+\s*\/\s*\d+|\d+(?:[.,]\d+)?\s*%/;

export async function lookAgain(
  folder: string,
  oldPeriod: { readonly from?: string | undefined; readonly to?: string | undefined },
  newPeriod: { readonly start: string; readonly end: string },
): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  const files = await yamlFiles(folder);
  const years = oldYears(oldPeriod, newPeriod);
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    if (file.endsWith('/ruleset.yaml')) items.push(...sourceItems(file, text));
    if (/\/targets\.ya?ml$/.test(file)) items.push({ file, line: 0, key: 'version_review_targets', params: {} });
    if (/\/tests\//.test(file)) items.push(...testNameItems(file, lines));
    if (years.length > 0) items.push(...periodItems(file, lines, years));
  }
  // In file order, then line order, as a person goes through them; "… and N more lines" closes
  // its file's list (it has no line of its own, and would otherwise sort first).
  const rank = (item: ReviewItem) => (item.key === 'version_review_more' ? 1 : 0);
  return items.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : rank(a) - rank(b) || a.line - b.line));
}

function sourceItems(file: string, text: string): ReviewItem[] {
  const doc = parseDocument(text);
  const range = nodeRange(doc.getIn(['source', 'document'], true));
  if (range === undefined) return [];
  const line = text.slice(0, range[0]).split('\n').length;
  return [{ file, line, key: 'version_review_source', params: {} }];
}

/** One line per test file: how many case names cite a count or share, and on which lines. */
function testNameItems(file: string, lines: readonly string[]): ReviewItem[] {
  const at: number[] = [];
  lines.forEach((line, i) => {
    const name = /^\s*-?\s*name:\s*["']?(.*?)["']?\s*$/.exec(line)?.[1];
    if (name !== undefined && TEST_NAME_COUNT.test(name)) at.push(i + 1);
  });
  if (at.length === 0) return [];
  const shown = at.length > 20 ? `${at.slice(0, 20).join(', ')}, …` : at.join(', ');
  return [{ file, line: 0, key: 'version_review_test_names', params: { count: at.length, lines: shown } }];
}

/** Lines naming a year of the old period that is not a year of the new one. */
function periodItems(file: string, lines: readonly string[], years: readonly string[]): ReviewItem[] {
  const pattern = new RegExp(`(?<!\\d)(?:${years.join('|')})(?!\\d)`);
  // A parameter row's `year: 2024` or `from: "2024-07-01"` (flow or block form) is a dated value,
  // not a text citing the year: it is reviewed for the value that holds in the new period.
  const dated = new RegExp(`(?:^|[{,\\s-])(?:year|from)\\s*:\\s*["']?(?:${years.join('|')})(?!\\d)`);
  const hits: ReviewItem[] = [];
  lines.forEach((line, i) => {
    if (/^\s*effective:/.test(line) || !pattern.test(line)) return;
    const hash = line.indexOf('#');
    const code = hash >= 0 ? line.slice(0, hash) : line;
    const inComment = hash >= 0 && pattern.test(line.slice(hash)) && !pattern.test(code);
    const cited = line.match(new RegExp(pattern.source, 'g')) ?? [];
    hits.push({
      file,
      line: i + 1,
      key: inComment ? 'version_review_comment' : dated.test(code) ? 'version_review_dated' : 'version_review_text',
      params: { years: [...new Set(cited)].join(', ') },
    });
  });
  if (hits.length <= MAX_LINES_PER_FILE) return hits;
  return [
    ...hits.slice(0, MAX_LINES_PER_FILE),
    { file, line: 0, key: 'version_review_more', params: { count: hits.length - MAX_LINES_PER_FILE } },
  ];
}

function oldYears(
  old: { readonly from?: string | undefined; readonly to?: string | undefined },
  now: { readonly start: string; readonly end: string },
): string[] {
  if (old.from === undefined) return [];
  const first = Number(old.from.slice(0, 4));
  const last = Number((old.to ?? old.from).slice(0, 4));
  const keep = (y: number) => y < Number(now.start.slice(0, 4)) || y > Number(now.end.slice(0, 4));
  const years: string[] = [];
  for (let y = first; y <= last && years.length < 50; y += 1) if (keep(y)) years.push(String(y));
  return years;
}

async function yamlFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (e.isFile() && /\.ya?ml$/i.test(e.name)) out.push(join(e.parentPath, e.name));
  }
  return out.sort();
}
