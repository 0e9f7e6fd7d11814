/**
 * `lcz records export`: the decisions of the record, one row per area and year (the engine's
 * result with the rules that made it, and the board's recognition), as CSV or XLSX.
 */
import { writeFileAtomic } from '@lcz/criteria-engine/node';
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
    // Whole or not at all, and removed on a stop signal (atomic-file.ts, stop-signals.ts).
    await writeFileAtomic(out, new Uint8Array(await workbook.xlsx.writeBuffer()));
  } else {
    await writeFileAtomic(out, `\uFEFF${stringify([HEADER, ...rows])}`);
  }
  return rows.length;
}
