/**
 * `lcz records export`: the decisions of the record, one row per area and year (the engine's
 * result with the rules that made it, and the board's recognition), as CSV or XLSX.
 */
import { writeFile } from 'node:fs/promises';
import type { RecordsStore } from '@lcz/criteria-records';
import { stringify } from 'csv-stringify/sync';

const HEADER = [
  'year',
  'code',
  'name',
  'unit',
  'decision',
  'recognised',
  'board_number',
  'board_date',
  'board_reason',
  'ruleset',
  'version',
  'hash',
  'evaluation_version',
];

export async function exportDecisions(store: RecordsStore, year: number | undefined, out: string): Promise<number> {
  const areas = new Map((await store.areas()).map((a) => [a.code, a]));
  const evaluations = await store.evaluations(year);
  const boards = await store.boardDecisions(year);
  const rows = evaluations.map((e) => {
    const yearBoards = boards.filter((b) => b.year === e.year);
    const board = yearBoards.find((b) => b.areas.some((a) => a.code === e.area));
    const boardArea = board?.areas.find((a) => a.code === e.area);
    const recognised = yearBoards.length > 0 ? board !== undefined : e.decision === 'recognised';
    const area = areas.get(e.area);
    return [
      e.year,
      e.area,
      area?.name ?? '',
      area?.unit ?? '',
      e.decision,
      recognised ? 'yes' : 'no',
      board?.number ?? '',
      board?.date ?? '',
      boardArea?.reason ?? '',
      e.ruleset.id,
      e.ruleset.version,
      e.ruleset.hash,
      e.version,
    ];
  });
  if (out.toLowerCase().endsWith('.xlsx')) {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('decisions');
    sheet.addRow(HEADER);
    for (const r of rows) sheet.addRow(r);
    // Written beside the target, then renamed: a failed write never leaves half a file.
    const partial = `${out}.partial`;
    await workbook.xlsx.writeFile(partial);
    const { rename } = await import('node:fs/promises');
    await rename(partial, out);
  } else {
    const partial = `${out}.partial`;
    await writeFile(partial, `\uFEFF${stringify([HEADER, ...rows])}`);
    const { rename } = await import('node:fs/promises');
    await rename(partial, out);
  }
  return rows.length;
}
