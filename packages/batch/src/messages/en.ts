/**
 * English messages of the batch package's diagnostics (diagnostic-codes.ts), written for the
 * people who fill in the files: what is wrong, where, and how to fix it. Registered with the
 * engine's formatter by diagnostics.ts.
 */
import { hasMessageParam as hasParam, interpolate, messageParam as s, type MessageParams } from '@lcz/criteria-engine';
import type { BatchMessages } from './catalog.js';
import { cellRef as cellRefOf } from './cell-ref.js';

function didYouMean(p: MessageParams, key = 'suggestion'): string {
  return hasParam(p, key) ? `Did you mean "${s(p, key)}"? ` : '';
}

/** A template's `{name}`s filled; an absent param is left out, as `s` leaves it out. */
function fill(template: string, p: MessageParams): string {
  return interpolate(template, p, () => '');
}

/** batch_cell_type: what a cell of each column type must hold, and how to write it. */
const CELL_EXPECTED: Readonly<Record<string, { readonly what: string; readonly how: string }>> = {
  integer: {
    what: 'a whole number',
    how: 'Write digits, e.g. 1234 (also read: 1.234 or 1,234 with thousands separators): no decimals or units.',
  },
  number: {
    what: 'a number',
    how: 'Write digits, e.g. 1234 or 1.5 or 1,5; thousands separators only where they cannot be a decimal mark: 1.234,5 or 1,234.5 or 1.234.567. No units.',
  },
  boolean: {
    what: 'yes or no',
    how: 'Write có or không (also accepted: x for yes, yes/no, true/false, 1/0, đúng/sai).',
  },
  enum: { what: 'one of the listed values', how: 'Choose one of: {allowed}.' },
  ordinal: { what: 'one of the listed ratings', how: 'Choose one of: {allowed}.' },
  year: { what: 'a year', how: 'Write the year in four digits, e.g. 2024.' },
  date: { what: 'a date', how: 'Write the date as YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-10-10 or 10/10/2024.' },
  text: { what: 'text', how: 'Write the text in the cell.' },
};

const IDENTITY_WORDS: Readonly<Record<string, string>> = { code: 'area code', year: 'year assessed (or date)' };

function cellRef(p: MessageParams): string {
  return cellRefOf(p, 'Cell');
}

/** Why a batch file cannot be read (batch_unreadable `reason`); the library's `detail` follows. */
const UNREADABLE_REASONS: Readonly<Record<string, string>> = {
  not_xlsx: 'not an Excel workbook (.xlsx), or the file is damaged',
  no_worksheet: 'the workbook has no worksheet',
  no_such_sheet: 'no worksheet "{sheet}" (sheets: {sheets})',
  unknown_type: 'unknown file type: name it .csv, .xlsx, .json, .jsonl, .yaml or .yml',
  too_large:
    'the file has {size} bytes; a JSON or YAML file is read whole, up to {max} bytes: write JSON Lines (.jsonl) or CSV instead',
  quote_not_closed: 'the quoted field that starts on this line never ends',
  closing_quote: 'a character follows the closing quote of a field',
  opening_quote: 'a quote inside a field that is not quoted',
  csv_syntax: 'this line is not valid CSV',
  json_syntax: 'not valid JSON here',
  yaml_syntax: 'not valid YAML here',
  xlsx_reader: 'the workbook reader failed',
  ods: 'this is an OpenDocument spreadsheet (.ods), which is not read: in LibreOffice Calc choose File > Save As… > "Excel 2007-365 (.xlsx)", or File > Save As… > "Text CSV (.csv)" with character set Unicode (UTF-8), and give that file',
  xls: 'this is an Excel 97–2003 workbook (.xls), which is not read: open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)", then give that file',
  unknown_encoding:
    '"{encoding}" is not a character encoding this reader knows: use a name such as windows-1258 (Vietnamese Windows), windows-1252, utf-16le or utf-8',
};

/** The words for the param `reason`, filled in; undefined for a reason without words here. */
function fillReason(p: MessageParams): string | undefined {
  const words = UNREADABLE_REASONS[s(p, 'reason')];
  return words === undefined ? undefined : fill(words, p);
}

/** The bounds of batch_too_large, each with what crossed it. */
const BATCH_LIMITS: Readonly<Record<string, string>> = {
  cell_chars: 'a cell holds more than {max} characters (the limit of an Excel cell)',
  shared_strings: 'the workbook has more than {max} shared strings',
  shared_strings_chars: "the workbook's shared strings are longer than {max} characters",
  rows: 'the sheet has more than {max} rows (the limit of an Excel sheet)',
  uncompressed_chars: 'the workbook unzips to more than {max} characters',
};

export const en: BatchMessages = {
  batch_unreadable: (p) => ({
    message: `The file cannot be read as ${s(p, 'format') || 'a batch file'}: ${
      [fillReason(p) ?? '', hasParam(p, 'detail') ? s(p, 'detail') : ''].filter((x) => x !== '').join(': ') ||
      'not in its format'
    }.`,
    hint: 'Save it again as UTF-8 CSV, as an Excel workbook (.xlsx), or as JSON Lines; or start from the blank file that lcz template writes.',
  }),
  batch_no_header: () => ({
    message: 'The file has no header row: row 1 must name the columns.',
    hint: 'Start from the blank file that lcz template --rules <rules> --format xlsx writes; it has every column with its name.',
  }),
  batch_header_unknown: (p) => ({
    message: hasParam(p, 'candidates')
      ? `${cellRef(p)}the header matches several columns: ${s(p, 'candidates')}.`
      : `${cellRef(p)}the header is not a fact, a context attribute or an identity column of these rules.`,
    hint: hasParam(p, 'candidates')
      ? 'Write the id of the column you mean instead of its label.'
      : `${didYouMean(p)}Write the id or the label from the rule file (lcz template writes them), or start the header with # to keep a notes column.`,
  }),
  batch_header_duplicate: (p) => ({
    message: `${cellRef(p)}a second column for "${s(p, 'name')}", already given in column ${s(p, 'first_column')}.`,
    hint: 'Keep one column per fact: delete one of them, or rename it if it was meant for another fact.',
  }),
  batch_header_missing: (p) => ({
    message: `The required column "${s(p, 'label_en') || s(p, 'name')}" (${s(p, 'name')}) is missing.`,
    hint: `Add a column headed ${s(p, 'name')}${hasParam(p, 'label_vi') ? ` or "${s(p, 'label_vi')}"` : ''}${hasParam(p, 'label_en') ? ` or "${s(p, 'label_en')}"` : ''}; lcz template writes every column.`,
  }),
  batch_cell_type: (p) => {
    const expected = CELL_EXPECTED[s(p, 'expected')] ?? { what: s(p, 'expected'), how: '' };
    return {
      message:
        s(p, 'reason') === 'ambiguous_separator'
          ? `${cellRef(p)}"${s(p, 'value')}" could be a thousand and more (thousands separator) or a number with three decimal places${hasParam(p, 'name') ? ` (${s(p, 'name')})` : ''}: it is not read, so as not to guess.`
          : `${cellRef(p)}"${s(p, 'value')}" is not ${expected.what}${hasParam(p, 'name') ? ` (${s(p, 'name')})` : ''}.`,
      hint:
        s(p, 'reason') === 'ambiguous_separator'
          ? 'For a whole thousand write it without a separator, e.g. 1234; for a decimal add a zero, e.g. 1,2340 or 1.2340. Also read: 1.5, 1,5, 1.234,5, 1,234.5, 1.234.567.'
          : `${fill(expected.how, p)} Leave the cell empty if the figure is not known.`.trim(),
    };
  },
  batch_cell_formula: (p) => ({
    message:
      s(p, 'reason') === 'error'
        ? `${cellRef(p)}the cell shows the spreadsheet error ${s(p, 'value')} (${s(p, 'name')}), not a value.`
        : `${cellRef(p)}the cell holds the formula ${s(p, 'value')} with no result saved (${s(p, 'name')}), not a value.`,
    hint:
      s(p, 'reason') === 'error'
        ? 'Correct the formula, or type the value itself in the cell. Leave the cell empty if the figure is not known.'
        : 'Open the file in Excel or LibreOffice and save it (programs such as openpyxl or pandas write formulas without their results), or type the value itself in the cell.',
  }),
  batch_cell_unheaded: (p) => ({
    message: `Cell ${s(p, 'cell')} holds "${s(p, 'value')}", but its column has no header.`,
    hint: 'Name the column in the header row, start its header with # to keep notes, or clear the cell.',
  }),
  batch_cell_merged: (p) => ({
    message: `Cells ${s(p, 'range')} are merged: only ${s(p, 'cell')} holds a value, and the workbook keeps the other cells of the merge empty, so their rows were read with that value missing (unknown), not with ${s(p, 'cell')}'s value.`,
    hint: `Unmerge ${s(p, 'range')} (Excel: Home > Merge & Center > Unmerge Cells) and write the value in every row's own cell.`,
  }),
  batch_other_sheet: (p) => ({
    message: `The sheet read, "${s(p, 'sheet')}" (the first visible one), has no header of these rules, but the sheet "${s(p, 'suggestion')}"${s(p, 'hidden') === 'true' ? ' (hidden)' : ''} has: the data is most likely there.`,
    hint: `Name the sheet to read: lcz evaluate --sheet "${s(p, 'suggestion')}" (or move that sheet first${s(p, 'hidden') === 'true' ? ' and unhide it' : ''}).`,
  }),
  batch_row_short: (p) => ({
    message: `This row has ${s(p, 'found')} fields, but the header has ${s(p, 'expected')}: it ends before cell ${s(p, 'cell')}, so its values may sit under the wrong columns.`,
    hint: 'Check the row for a missing separator or value (an empty value still needs its comma), or a comma inside a text that needs quotes.',
  }),
  batch_identity_missing: (p) => ({
    message: `${cellRef(p)}the row has no ${IDENTITY_WORDS[s(p, 'name')] ?? 'value'} (${s(p, 'name')}).`,
    hint: 'Every row needs the code of the area and the year assessed (or the date), so its result can be found.',
  }),
  batch_too_large: (p) => ({
    message: `${cellRef(p)}the ${s(p, 'format')} file goes past a limit: ${fill(BATCH_LIMITS[s(p, 'limit')] ?? 'the file is too large (limit {max})', p)}. Reading stops here to protect the server.`,
    hint: 'A cell should hold one short value; delete the overlong content, or split the data into several files. If another program wrote the file, open it and save it again in Excel or LibreOffice.',
  }),
  batch_year_mismatch: (p) => ({
    message: `${cellRef(p)}the year ${s(p, 'year')} does not match the date ${s(p, 'date')}.`,
    hint: 'Correct one of the two, or leave the year empty: it is then taken from the date.',
  }),
  batch_year_outside_period: (p) => ({
    message: `${cellRef(p)}the year ${s(p, 'year')} lies wholly outside the period these rules are in force (${s(p, 'from')} – ${s(p, 'to')}).`,
    hint: 'Check the year assessed in this row, or evaluate the row with the rules in force that year (--version or --date).',
  }),
};
