/**
 * The criteria table at the end of the seed (the source document), read as rows of number and
 * text, normalised as the rule file's header says its texts were: HTML tags (<i>, <p>) removed,
 * cells split across page breaks joined with one space, white space collapsed. And the same
 * reading of the Markdown table `lcz docs` prints.
 */
import { readFileSync } from 'node:fs';

const SEED = '/work/shared/seeds/000_a7ac76f48a21fcf9.txt';

export interface SeedTable {
  readonly title: string;
  readonly rows: readonly { readonly number: string; readonly text: string }[];
  readonly note: string;
}

function normalise(text: string): string {
  return text
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readSeedTable(path: string = SEED): SeedTable {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.findIndex((l) => l.startsWith('Số TT\tNội dung\tKết quả đánh giá'));
  const titleStart = lines.findIndex((l) => l.startsWith('**BIỂU CÁC TIÊU CHÍ'));
  const noteAt = lines.findIndex((l, i) => i > header && l.trim() === 'Ghi chú:');
  if (header < 0 || titleStart < 0 || noteAt < 0)
    throw new Error(`the criteria table is not where it was expected in ${path}`);
  const titleLines: string[] = [];
  for (let i = titleStart; i < header; i++) {
    titleLines.push(lines[i] ?? '');
    if ((lines[i] ?? '').trimEnd().endsWith('**')) break;
  }
  const rows: { number: string; text: string }[] = [];
  for (const line of lines.slice(header + 1, noteAt)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    if (line.startsWith('\t')) {
      // The second header row ("Đạt | Không đạt") or the rest of a cell after a page break.
      if (cells[2] === 'Đạt') continue;
      const last = rows[rows.length - 1];
      if (last === undefined) throw new Error(`a continuation line before any row: ${line}`);
      rows[rows.length - 1] = { number: last.number, text: normalise(`${last.text} ${cells[1] ?? ''}`) };
      continue;
    }
    rows.push({ number: (cells[0] ?? '').trim(), text: normalise(cells[1] ?? '') });
  }
  const note = normalise(
    lines
      .slice(noteAt + 1)
      .join(' ')
      .replace(/^\s*-\s*/, ''),
  );
  return { title: normalise(titleLines.join(' ').replace(/\*\*/g, '')), rows, note };
}

/** The rows of the Markdown table `lcz docs` prints: number and text, unescaped and normalised. */
export function readMarkdownTable(markdown: string): {
  readonly title: string;
  readonly rows: readonly { number: string; text: string }[];
  readonly note: string;
} {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| :---:'));
  const rows: { number: string; text: string }[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('| ')) break;
    const cells = line
      .slice(2, -2)
      .split(/(?<!\\)\|/)
      .map((c) => cell(c));
    rows.push({ number: cells[0] ?? '', text: cells[1] ?? '' });
  }
  // The title is the bold line two above the italic subtitle (the letterhead, if any, is above it).
  let subtitle = start;
  while (subtitle > 0 && !/^\*[^*]/.test(lines[subtitle] ?? '')) subtitle--;
  const title = cell((lines[subtitle - 2] ?? '').replace(/^\*\*|\*\*$/g, ''));
  const noteLabel = lines.findIndex((l) => /^\*\*(Ghi chú|Note):\*\*$/.test(l));
  const note = noteLabel < 0 ? '' : cell((lines[noteLabel + 2] ?? '').replace(/^- /, ''));
  return { title, rows, note };
}

/** A Markdown cell as plain text: line breaks, bold markers and backslash escapes undone. */
function cell(text: string): string {
  return text
    .replace(/<br>/g, ' ')
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
