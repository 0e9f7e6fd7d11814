/**
 * `--encoding <name>`: the one option every command that reads CSV files takes (lcz evaluate,
 * report, explain), with one help text, so the three say and do the same. The batch reader
 * decodes with it (TextDecoder, then NFC) and refuses a name no encoding has.
 */

/** The option's lines in a command's help (under Options). */
export const ENCODING_HELP = `  --encoding <name>    CSV: the character encoding when the file has no byte-order mark (default
                       UTF-8; windows-1258: "CSV" from Vietnamese Windows/Excel)
                       / CSV: bảng mã khi tệp không có dấu BOM (mặc định UTF-8; windows-1258: tệp
                       "CSV" lưu từ Windows/Excel tiếng Việt)`;

/** The option as parseCommandArgs declares it. */
export const ENCODING_ARG = { encoding: { type: 'string' } } as const;
