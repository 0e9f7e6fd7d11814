/**
 * The workbooks lcz writes, opened by LibreOffice: the summary table, the report and a filled
 * template go through a headless `soffice` round trip (opened and saved again as .xlsx) and every
 * cell LibreOffice read is the cell that was written: a workbook LibreOffice had to repair, or
 * could not open, would lose or change cells, or leave no file. The filled template, saved by
 * LibreOffice and printed to PDF, is A4 landscape pages with the header rows and the code and
 * name on each, not the 32 portrait pages of four columns it was.
 *
 * Needs LibreOffice (Debian: apt-get install -y libreoffice-calc-nogui). Where `soffice` is not
 * installed these tests are skipped, and their title says so; CI's .ci/run installs nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBatch, writeAssessments, type BatchInputRow } from '@lcz/criteria-batch';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const CSV = 'examples/city-2024/assessments-2024.csv';
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

function findSoffice(): string | undefined {
  if (process.env['SOFFICE'] !== undefined && existsSync(process.env['SOFFICE'])) return process.env['SOFFICE'];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const path = join(dir, 'soffice');
    if (dir !== '' && existsSync(path)) return path;
  }
  return undefined;
}

const SOFFICE = findSoffice();
const WHY = SOFFICE === undefined ? ' [SKIPPED: soffice not found; apt-get install -y libreoffice-calc-nogui]' : '';

let temp = '';
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'lcz-libreoffice-'));
});
afterAll(async () => {
  if (temp !== '') await rm(temp, { recursive: true, force: true });
});

/** LibreOffice, headless, with its own profile in the temporary folder; converts `files` into `out`. */
async function convert(to: string, out: string, files: readonly string[]): Promise<void> {
  await mkdir(out, { recursive: true });
  await promisify(execFile)(
    SOFFICE as string,
    [
      '--headless',
      `-env:UserInstallation=file://${join(temp, 'profile')}`,
      '--convert-to',
      to,
      '--outdir',
      out,
      ...files,
    ],
    { timeout: 180_000 },
  );
}

/** Every non-empty cell of every sheet, as text, by sheet name and address. */
async function cells(path: string): Promise<Map<string, string>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const all = new Map<string, string>();
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        const text =
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === 'object' && v !== null && 'richText' in v
              ? v.richText.map((r) => r.text).join('')
              : typeof v === 'number'
                ? String(Math.round(v * 1e9) / 1e9)
                : String(v ?? '');
        if (text !== '') all.set(`${sheet.name}!${cell.address}`, text);
      }),
    );
  }
  return all;
}

describe(`workbooks opened by LibreOffice${WHY}`, () => {
  it.skipIf(SOFFICE === undefined)(
    'the summary, the report and a filled template: saved again by LibreOffice, every cell the same',
    async () => {
      const summary = join(temp, 'summary.xlsx');
      const report = join(temp, 'report.xlsx');
      const filled = join(temp, 'filled.xlsx');
      expect((await run(['evaluate', '--rules', RULES, CSV, '--summary', summary])).code).toBe(1);
      expect((await run(['report', '--rules', RULES, '--out', report, 'examples/assessments'])).code).toBe(0);
      // The template filled with the city's rows, as an office would fill it.
      const ruleset = (await loadRulesetFile(join(ROOT, RULES))).value;
      if (ruleset === undefined) throw new Error('the rules do not load');
      const rows: BatchInputRow[] = [];
      for await (const r of readBatch(join(ROOT, CSV), ruleset)) {
        if (r.assessment !== undefined)
          rows.push({ area: r.area, context: r.assessment.context, facts: r.assessment.facts } as BatchInputRow);
      }
      await writeAssessments(ruleset, filled, rows, { format: 'xlsx' });

      const out = join(temp, 'saved');
      await convert('xlsx:Calc MS Excel 2007 XML', out, [summary, report, filled]);
      for (const file of [summary, report, filled]) {
        const written = await cells(file);
        expect(written.size, file).toBeGreaterThan(20);
        const saved = await cells(join(out, file.slice(temp.length + 1)));
        // LibreOffice keeps hidden sheets and every cell; nothing it read differs.
        expect(
          [...saved.entries()].filter(([k, v]) => written.get(k) !== v),
          file,
        ).toEqual([]);
        expect(
          [...written.keys()].filter((k) => !saved.has(k)),
          file,
        ).toEqual([]);
      }

      // The filled template as LibreOffice saved it, printed: A4 landscape, a readable number of pages.
      const pdfDir = join(temp, 'pdf');
      await convert('pdf', pdfDir, [join(out, 'filled.xlsx')]);
      const pdf = (await readFile(join(pdfDir, 'filled.pdf'))).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
        Math.round(Number(m[1])),
        Math.round(Number(m[2])),
      ]);
      const pages = (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
      expect(pages).toBeGreaterThan(1);
      // A4 landscape: 842 × 595 points, on every page.
      expect(new Set(boxes.map((b) => b.join('×')))).toEqual(new Set(['842×595']));
      expect(pages).toBeLessThan(32);
    },
    300_000,
  );
});
