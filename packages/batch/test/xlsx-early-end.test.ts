/**
 * unzipper 0.10 ends its stream of zip entries as soon as the zip's last byte is read, while
 * entries still wait in its buffer; exceljs's entry loop stops at that end. On a busy machine a
 * workbook then lost a part now and then (a date read as 45366, a sheet without its name). Here
 * the slow step is made certain: the loop waits, inside one entry, until the whole zip is read.
 * The libraries are exceljs's own: its entry loop (iterate-stream) and its unzipper.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Duplex, Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { zipFailure } from '../src/formats/xlsx.js';
import { records, rules, SMALL } from './helpers/setup.js';

const WORKBOOK = fileURLToPath(new URL('./fixtures/office/openpyxl.xlsx', import.meta.url));

const fromExcelJS = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzipper: { Parse(options: { forceStream: boolean }): Duplex } = fromExcelJS('unzipper');
const iterateStream: (stream: Readable) => AsyncIterable<Readable & { path: string; autodrain(): void }> = fromExcelJS(
  './lib/utils/iterate-stream.js',
);

/** The entries exceljs's loop sees when its fourth step lasts until the zip is read to the end. */
async function entriesWithASlowStep(watched: boolean): Promise<string[]> {
  const input = createReadStream(WORKBOOK, { highWaterMark: 16 * 1024 });
  if (watched) void zipFailure(input);
  const zip = unzipper.Parse({ forceStream: true });
  input.pipe(zip);
  const seen: string[] = [];
  for await (const entry of iterateStream(zip)) {
    seen.push(entry.path);
    if (seen.length === 4) while (!zip.writableFinished) await sleep(5);
    entry.autodrain();
  }
  return seen;
}

describe('the zip entries of a workbook, read with a slow step', () => {
  it('without the watch, the libraries lose the entries still buffered (the cause, shown)', async () => {
    expect((await entriesWithASlowStep(false)).length).toBeLessThan(11);
  });

  it('with the watch every entry is seen, in order', async () => {
    expect(await entriesWithASlowStep(true)).toEqual([
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/theme/theme1.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/styles.xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
    ]);
  });

  it('the workbook itself reads whole many times over, its dates as dates', async () => {
    const small = await rules(SMALL);
    const reads = await Promise.all(Array.from({ length: 12 }, () => records(WORKBOOK, small)));
    for (const list of reads) {
      expect(list.map((r) => r.diagnostics.map((d) => d.code))).toEqual([[], [], []]);
      expect(list.map((r) => r.area?.date)).toEqual(['2024-03-15', '2024-03-16', '2024-03-17']);
    }
  });
});
