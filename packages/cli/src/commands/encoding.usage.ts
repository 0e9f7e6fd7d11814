/**
 * `--encoding <name>`: the one option every command that reads CSV files takes (lcz evaluate,
 * report, explain), with one help text, so the three say and do the same. The batch reader
 * decodes with it (TextDecoder, then NFC) and refuses a name no encoding has.
 */

const TEXT = [
  'CSV: the character encoding when the file has no byte-order mark (default UTF-8; windows-1258: "CSV" from Vietnamese Windows/Excel)',
  '/ CSV: bảng mã khi tệp không có dấu BOM (mặc định UTF-8; windows-1258: tệp "CSV" lưu từ Windows/Excel tiếng Việt)',
];
/** The width help text keeps within. */
const WIDTH = 100;

/**
 * The option's lines in a command's help (under Options), its text starting at `column`, the
 * column where that help's other options start theirs, so the block lines up with its neighbours,
 * wrapped to the help's width.
 */
export function encodingHelp(column: number): string {
  const lines: string[] = [];
  for (const paragraph of TEXT) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line !== '' && column + line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  const option = '  --encoding <name>'.padEnd(column);
  return lines.map((l, i) => (i === 0 ? option : ' '.repeat(column)) + l).join('\n');
}

/** The option as parseCommandArgs declares it. */
export const ENCODING_ARG = { encoding: { type: 'string' } } as const;
