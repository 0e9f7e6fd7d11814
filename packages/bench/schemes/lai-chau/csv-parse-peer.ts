/**
 * The plain pipeline `lcz evaluate --decisions-only` is compared with (issue 16: "≥ 6× faster than
 * a csv-parse pipeline"): csv-parse's streaming parser with `columns`, each row's cells turned into
 * an assessment by a small hand-written table (words and labels as the batch writer wrote them),
 * the hand-written floor's decision, one JSON line per row. What a programmer would write in an
 * afternoon. `node --import tsx csv-parse-peer.ts <file.csv> <out.jsonl>`; prints the decisions'
 * counts as one JSON line, checked against the CLI's summary.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { Assessment, Decision } from '@lcz/criteria-engine';
import { floorDecide } from './floor.js';

const [csv, outPath] = process.argv.slice(2);
if (csv === undefined || outPath === undefined) throw new Error('usage: csv-parse-peer <file.csv> <out.jsonl>');
const AREA = new Set(['code', 'name', 'unit', 'year', 'date']);
const CONTEXT = new Set(['unit_kind', 'parent_kind', 'agricultural']);
/** The labels the generated file holds, by the id the floor compares. */
const LABELS: Record<string, string> = {
  'Tổ dân phố': 'to_dan_pho',
  Bản: 'ban',
  Phường: 'phuong',
  Xã: 'xa',
  'Không hoàn thành nhiệm vụ': 'khong_hoan_thanh_nhiem_vu',
  'Hoàn thành nhiệm vụ': 'hoan_thanh_nhiem_vu',
  'Hoàn thành tốt nhiệm vụ': 'hoan_thanh_tot_nhiem_vu',
  'Hoàn thành xuất sắc nhiệm vụ': 'hoan_thanh_xuat_sac_nhiem_vu',
  'Yếu, kém': 'yeu_kem',
  'Trung bình': 'trung_binh',
  Khá: 'kha',
  'Tốt (vững mạnh)': 'tot',
  'Xuất sắc (vững mạnh xuất sắc)': 'xuat_sac',
};
const cell = (s: string): unknown =>
  s === 'Có' ? true : s === 'Không' ? false : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : (LABELS[s] ?? s);

const out = createWriteStream(outPath);
const counts: Record<Decision, number> = { recognised: 0, not_recognised: 0, undetermined: 0 };
const passed: number[] = [];
let row = 0;
// The first line (ids) names the columns; the second holds the labels and is skipped.
const records = createReadStream(csv).pipe(parse({ bom: true, columns: true }));
for await (const record of records as AsyncIterable<Record<string, string>>) {
  if (++row === 1) continue; // the labels row
  const area: Record<string, unknown> = {};
  const context: Record<string, unknown> = {};
  const facts: Record<string, unknown> = {};
  for (const key in record) {
    const text = record[key] as string;
    if (AREA.has(key)) area[key] = text;
    else if (text !== '') (CONTEXT.has(key) ? context : facts)[key] = cell(text);
  }
  const decision = floorDecide({ area, context, facts } as unknown as Assessment, passed);
  counts[decision] += 1;
  if (!out.write(`${JSON.stringify({ row, code: area['code'], decision, passed })}\n`))
    await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
console.log(JSON.stringify({ rows: row - 1, decisions: counts }));
