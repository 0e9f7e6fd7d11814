/**
 * Input files in the batch layout (columns.ts): a blank template, or one filled with rows (the
 * examples generator). Row 1 holds the Vietnamese labels (or the ids), row 2 the English labels,
 * which the reader recognises and skips. An XLSX template adds what helps people fill it in:
 * per-column data validation (whole numbers within bounds, yes/no and value lists), widths,
 * frozen header rows and identity columns, a note on each header, and an instructions sheet.
 */
import { withWords, type CompiledRuleset } from '@lcz/criteria-engine';
import { writeFileAtomic } from '@lcz/criteria-engine/node';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { exceljsTarget, loadExcelJS } from './exceljs.js';
import { FALSE_WORDS, TRUE_WORDS } from './cells.js';
import { batchColumns, headerLabel, type BatchColumn } from './columns.js';
import type { BatchArea } from './record.js';
import { errorCode } from './errors.js';
import { columnLetters } from './text.js';
import { inputKindOf, NO, YES } from './template-inputs.js';
import { safeCsvRow } from './writers/csv-cell.js';
import { OutputError, TextSink } from './writers/text-sink.js';

export interface TemplateOptions {
  readonly format: 'csv' | 'xlsx';
  /** Row 1: the Vietnamese labels (default) or the column ids. Row 2 is always the English labels. */
  readonly headers?: 'labels' | 'ids';
  /**
   * One department's part (an id of the rule file's `owners`): the identity and context columns
   * and only the facts that department answers for. `null`: the facts no department answers for
   * (the area's own). Absent: every fact.
   */
  readonly owner?: string | null;
}

/** A cell written exactly as given (to make deliberately bad example rows). */
export interface RawCell {
  readonly raw: string;
}

export type InputValue = number | boolean | string | null | undefined | RawCell;

export interface BatchInputRow {
  readonly area: BatchArea;
  readonly context: Readonly<Record<string, InputValue>>;
  readonly facts: Readonly<Record<string, InputValue>>;
}

/** Rows of a template that get data validation: enough for a city, and cheap in the file. */
const VALIDATED_ROWS = 2000;
const LISTS_SHEET = 'DanhMuc';

export function writeTemplate(
  ruleset: CompiledRuleset,
  target: string | NodeJS.WritableStream,
  options: TemplateOptions,
): Promise<void> {
  return writeAssessments(ruleset, target, [], options);
}

export async function writeAssessments(
  ruleset: CompiledRuleset,
  target: string | NodeJS.WritableStream,
  rows: Iterable<BatchInputRow>,
  options: TemplateOptions,
): Promise<void> {
  const owner = options.owner;
  const columns =
    owner === undefined
      ? batchColumns(ruleset)
      : batchColumns(ruleset).filter((c) => c.kind !== 'fact' || (factOwner(ruleset, c.id) ?? null) === owner);
  const header = columns.map((c) => (options.headers === 'ids' ? c.id : headerLabel(c, 'vi')));
  const english = columns.map((c) => headerLabel(c, 'en'));
  if (options.format === 'csv') return writeCsv(target, header, english, columns, rows);
  const { workbook, data } = templateWorkbook(await loadExcelJS(), ruleset, columns, header, english);
  for (const row of rows) data.addRow(columns.map((c) => xlsxValue(c, row)));
  // Written whole or not at all: a failed run keeps an earlier file as it was.
  if (typeof target === 'string') await writeOutputFile(target, new Uint8Array(await workbook.xlsx.writeBuffer()));
  else await workbook.xlsx.write(exceljsTarget(target));
}

function factOwner(ruleset: CompiledRuleset, id: string): string | undefined {
  return ruleset.facts.find((f) => f.id === id)?.owner;
}

async function writeCsv(
  target: string | NodeJS.WritableStream,
  header: readonly string[],
  english: readonly string[],
  columns: readonly BatchColumn[],
  rows: Iterable<BatchInputRow>,
): Promise<void> {
  const sink = await TextSink.open(target);
  // The byte-order mark makes Excel read the file as UTF-8, keeping Vietnamese text intact.
  await sink.write('\uFEFF');
  await sink.write(stringify([safeCsvRow(header), safeCsvRow(english)]));
  try {
    for (const row of rows) await sink.write(stringify([safeCsvRow(columns.map((c) => csvValue(c, row)))]));
  } catch (error) {
    await sink.abort();
    throw error;
  }
  await sink.close();
}

async function writeOutputFile(path: string, data: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(path, data);
  } catch (error) {
    throw new OutputError(path, errorCode(error));
  }
}

function inputValue(column: BatchColumn, row: BatchInputRow): InputValue {
  if (column.kind === 'identity') return areaValue(row.area, column.id);
  return column.kind === 'context' ? row.context[column.id] : row.facts[column.id];
}

/** The area's value for an identity column (columns.ts names them code, name, unit, year, date). */
function areaValue(area: BatchArea, id: string): InputValue {
  switch (id) {
    case 'code':
      return area.code;
    case 'name':
      return area.name;
    case 'unit':
      return area.unit;
    case 'year':
      return area.year;
    case 'date':
      return area.date;
    default:
      return undefined;
  }
}

function csvValue(column: BatchColumn, row: BatchInputRow): string | number {
  const v = xlsxValue(column, row);
  return v === null ? '' : v;
}

/** A value as people would type it: yes/no words, value labels, plain numbers. */
function xlsxValue(column: BatchColumn, row: BatchInputRow): string | number | null {
  const v = inputValue(column, row);
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') return v.raw;
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'string' && column.values) return column.values.find((x) => x.id === v)?.label.vi ?? v;
  return v;
}

const FILLS: Readonly<Record<BatchColumn['kind'], string>> = {
  identity: 'FFD9D9D9',
  context: 'FFDDEBF7',
  fact: 'FFFFF2CC',
};

function templateWorkbook(
  excel: typeof ExcelJS,
  ruleset: CompiledRuleset,
  columns: readonly BatchColumn[],
  header: readonly string[],
  english: readonly string[],
): { workbook: ExcelJS.Workbook; data: ExcelJS.Worksheet } {
  const workbook = new excel.Workbook();
  workbook.creator = 'lcz template';
  workbook.title = `${ruleset.title.vi} (${ruleset.version})`;
  const data = workbook.addWorksheet('Dữ liệu', { views: [{ state: 'frozen', xSplit: 2, ySplit: 2 }] });
  const guide = workbook.addWorksheet('Hướng dẫn - Instructions', { pageSetup: { ...PRINTED, fitToWidth: 1 } });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  data.addRow([...header]);
  data.addRow([...english]);
  const first = data.getRow(1);
  const second = data.getRow(2);
  first.height = 120;
  second.height = 60;
  let listColumn = 0;
  columns.forEach((c, i) => {
    const n = i + 1;
    const letter = columnLetters(n);
    const col = data.getColumn(n);
    col.width =
      c.kind === 'identity'
        ? c.id === 'name' || c.id === 'unit'
          ? 24
          : 12
        : Math.min(36, Math.max(14, Math.ceil(c.label.vi.length / 5)));
    if (c.type === 'date') col.numFmt = 'yyyy-mm-dd';
    for (const cell of [first.getCell(n), second.getCell(n)]) {
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[c.kind] } };
    }
    first.getCell(n).font = { bold: true };
    second.getCell(n).font = { italic: true, color: { argb: 'FF595959' } };
    first.getCell(n).note = headerNote(c, ruleset.readsDate);

    let listRef: string | undefined;
    if (c.values) {
      listColumn += 1;
      const l = columnLetters(listColumn);
      lists.getCell(`${l}1`).value = c.id;
      c.values.forEach((v, k) => {
        lists.getCell(`${l}${k + 2}`).value = v.label.vi;
      });
      listRef = `${LISTS_SHEET}!$${l}$2:$${l}$${c.values.length + 1}`;
    }
    const validation = inputKindOf(c).validation(c, listRef);
    if (validation) {
      data.dataValidations.add(`${letter}3:${letter}${VALIDATED_ROWS + 2}`, validation);
    }
  });
  data.pageSetup = {
    ...data.pageSetup,
    ...PRINTED,
    fitToWidth: pagesWide(columns.map((_, i) => data.getColumn(i + 1).width ?? 10)),
    // The two header rows and the code and name columns on every page.
    printTitlesRow: '1:2',
    printTitlesColumn: 'A:B',
  };
  fillGuide(guide, ruleset, columns);
  return { workbook, data };
}

/**
 * How both sheets print: A4 landscape, fitted to the width of the pages (as many pages tall as
 * the rows need). Without this a filled template printed as 32 portrait pages of four columns.
 */
const PRINTED: Partial<ExcelJS.PageSetup> = {
  paperSize: 9, // A4
  orientation: 'landscape',
  fitToPage: true,
  fitToHeight: 0,
  horizontalCentered: false,
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/**
 * Pages across for the data sheet: a ruleset of a dozen columns fits one landscape page; one of a
 * hundred (a full recognition scheme) would print at a size nobody can read, so its columns are spread
 * over as many pages as keep the print at about two thirds of full size (some 200 character
 * widths a page), with the code and name repeated on each.
 */
export function pagesWide(widths: readonly number[]): number {
  const total = widths.reduce((sum, w) => sum + w, 0);
  return Math.max(1, Math.ceil(total / 200));
}

function headerNote(c: BatchColumn, dated: boolean): string {
  const lines = [`${c.id}`, c.label.vi, c.label.en];
  if (c.unit) lines.push(`(${c.unit.vi} / ${c.unit.en})`);
  if (c.help) lines.push(c.help.vi, c.help.en);
  lines.push(inputKindOf(c).words(c));
  if (dated && c.id === 'date' && c.kind === 'identity') lines.push(DATE_PICKS);
  return lines.join('\n');
}

// Said on the date column when anything the scheme judges reads the date (`readsDate`: a table
// by year or with `from:` dates, `date` or `year` in a condition or a `when:`). A year alone
// (the engine's area.year) knows the year and the tables by year; what needs the day is decided
// only when the whole year gives one answer, else unknown.
const DATE_PICKS =
  'Nên điền: ngày đánh giá chọn ngưỡng đang có hiệu lực và quyết định các điều kiện theo ngày. Chỉ có năm thì năm và các ngưỡng theo năm vẫn được dùng; ngưỡng thay đổi trong năm và điều kiện theo ngày chỉ được quyết định khi cả năm cho cùng một kết quả, nếu không thì chưa xác định. / Fill it in where you can: the date picks the thresholds in force and decides the conditions on the date. With the year alone, the year and the thresholds by year are used; a threshold that changes within the year, or a condition on the day, is decided only when the whole year gives one answer, else it stays unknown.';

const GUIDE_VI = [
  'HƯỚNG DẪN ĐIỀN SỐ LIỆU',
  'Mỗi dòng (từ dòng 3 của trang "Dữ liệu") là một {assessed} trong một năm đánh giá. Dòng 1 là tên cột, dòng 2 là tên cột tiếng Anh: không sửa hai dòng này.',
  'Bắt buộc: mã {assessed} và năm đánh giá (hoặc ngày đánh giá). Các cột bối cảnh (đặc điểm của {assessed}) chọn phương án tiêu chí.',
  'Ô để trống nghĩa là CHƯA BIẾT, không phải "không" hay 0: kết quả có thể là "chưa đủ căn cứ để kết luận" kèm danh sách số liệu còn thiếu.',
  `Số: viết chữ số (120), không ghi đơn vị; số nguyên có thể có dấu phân cách hàng nghìn (1.234); số thập phân viết 1,5 hoặc 1.5 (không viết 1.234 cho số thập phân: không rõ là nghìn hay thập phân). Ngày: 10/10/2024 hoặc 2024-10-10. Có/không: ${TRUE_WORDS.join(', ')}, x | ${FALSE_WORDS.join(', ')}. Danh sách: chọn trong ô (tên hoặc mã).`,
  'Có thể thêm cột ghi chú: tiêu đề bắt đầu bằng dấu #. Mọi ô sai kiểu được báo lỗi theo dòng và cột, không bao giờ bị đoán hay bỏ qua.',
  'Tệp được đọc: sổ tính .xlsx lưu từ Excel, LibreOffice Calc (Lưu thành… > Excel 2007-365), Google Trang tính (Tải xuống > Microsoft Excel) hoặc do pandas/openpyxl, xlsxwriter ghi; chọn trang tính bằng --sheet "Dữ liệu". Tệp .ods và .xls không được đọc: hãy lưu lại thành .xlsx.',
  'Tệp CSV hoặc văn bản (.csv, .tsv, .txt), phân cách bằng dấu phẩy, chấm phẩy hoặc tab: bảng mã UTF-8 (Excel: "CSV UTF-8"; LibreOffice: bộ ký tự "Unicode (UTF-8)"), UTF-16 ("Unicode Text" của Excel), hoặc Windows-1258 ("CSV" của Excel/Windows tiếng Việt: thêm --encoding windows-1258).',
];
const GUIDE_EN = [
  'HOW TO FILL IN THIS FILE',
  'Each row (from row 3 of the "Dữ liệu" sheet) is one {assessed} in one assessment year. Row 1 names the columns, row 2 gives their English names: do not change these two rows.',
  'Required: the {assessed} code and the year assessed (or the date). The context columns (characteristics of the {assessed}) choose the criteria variants.',
  'An EMPTY cell means UNKNOWN, not "no" or 0: the result may be "undetermined", with the list of missing facts.',
  `Numbers: digits (120), no units; whole numbers may have thousands separators (1.234); decimals as 1,5 or 1.5 (not 1.234 for a decimal: a thousand or three decimal places?). Dates: 10/10/2024 or 2024-10-10. Yes/no: ${TRUE_WORDS.join(', ')}, x | ${FALSE_WORDS.join(', ')}. Lists: choose in the cell (label or id).`,
  'You may add notes columns: start their header with #. Every cell of the wrong type is reported with its row and column, never guessed or skipped.',
  'Files read: .xlsx workbooks saved by Excel, LibreOffice Calc (Save As… > Excel 2007-365), Google Sheets (Download > Microsoft Excel) or written by pandas/openpyxl or xlsxwriter; pick the sheet with --sheet "Dữ liệu". .ods and .xls files are not read: save them as .xlsx.',
  'CSV or text files (.csv, .tsv, .txt), separated by commas, semicolons or tabs: encoded as UTF-8 (Excel: "CSV UTF-8"; LibreOffice: character set "Unicode (UTF-8)"), UTF-16 (Excel\'s "Unicode Text"), or Windows-1258 ("CSV" from a Vietnamese Excel/Windows: add --encoding windows-1258).',
];

function fillGuide(sheet: ExcelJS.Worksheet, ruleset: CompiledRuleset, columns: readonly BatchColumn[]): void {
  const dated = ruleset.readsDate;
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 34;
  sheet.getColumn(3).width = 60;
  sheet.getColumn(4).width = 60;
  sheet.getColumn(5).width = 50;
  sheet.addRow([`${ruleset.title.vi} — ${ruleset.id} ${ruleset.version}`]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  for (const [i, text] of Object.values(withWords({ ...GUIDE_VI }, ruleset.words, 'vi')).entries()) {
    const row = sheet.addRow([text]);
    if (i === 0) row.font = { bold: true };
  }
  sheet.addRow([]);
  for (const [i, text] of Object.values(withWords({ ...GUIDE_EN }, ruleset.words, 'en')).entries()) {
    const row = sheet.addRow([text]);
    if (i === 0) row.font = { bold: true };
  }
  sheet.addRow([]);
  const head = sheet.addRow(['Cột / Column', 'Mã / Id', 'Nhãn (tiếng Việt)', 'Label (English)', 'Giá trị / Values']);
  head.font = { bold: true };
  columns.forEach((c, i) => {
    const picks = dated && c.kind === 'identity' && c.id === 'date' ? ` ${DATE_PICKS}` : '';
    const row = sheet.addRow([
      columnLetters(i + 1),
      c.id,
      c.label.vi,
      c.label.en,
      `${c.required ? 'Bắt buộc / Required. ' : ''}${inputKindOf(c).words(c)}${picks}`,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  fillOutcomes(sheet, ruleset);
}

/**
 * What the scheme computes rather than asks for: its derived quantities (no column: the
 * engine computes them from the facts) and its levels, so whoever fills the file knows what the
 * results will say.
 */
function fillOutcomes(sheet: ExcelJS.Worksheet, ruleset: CompiledRuleset): void {
  if (ruleset.derived.length > 0) {
    sheet.addRow([]);
    const head = sheet.addRow([
      '',
      'Mã / Id',
      'Giá trị tính ra (không nhập) / Computed, not entered',
      'Label (English)',
      'Cách tính / How',
    ]);
    head.font = { bold: true };
    for (const d of ruleset.derived) {
      const unit = d.unit !== undefined ? ` (${d.unit.vi} / ${d.unit.en})` : '';
      sheet.addRow(['', d.id, d.label.vi, d.label.en, `${d.expression}${unit}`]).alignment = {
        wrapText: true,
        vertical: 'top',
      };
    }
  }
  if (ruleset.levels !== undefined) {
    sheet.addRow([]);
    const head = sheet.addRow([
      '',
      'Mã / Id',
      'Các mức, từ thấp đến cao (kết quả) / Levels, lowest first (results)',
      'Label (English)',
    ]);
    head.font = { bold: true };
    for (const l of ruleset.levels) sheet.addRow(['', l.id, l.label.vi, l.label.en]);
  }
}
