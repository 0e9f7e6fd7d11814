/**
 * Test data: the Lai Châu rules and example assessments, and a generated city — seven wards and
 * communes, areas drawn by the engine's arbitraries (seeded), over several years — written to
 * real files in the batch layout (CSV, XLSX) with a `registered` column. Expected figures are
 * computed in the tests straight from these assessments, never through the report's code.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { writeAssessments, type BatchInputRow } from '@lcz/criteria-batch';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { Assessment, CompiledRuleset, EvaluationResult } from '@lcz/criteria-engine';
import { loadRulesetOrThrow } from '@lcz/criteria-engine';
import { assessmentArbitrary } from '@lcz/criteria-engine/testing';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES_DIR = `${ROOT}rules/lai-chau-2020-2025`;
export const TARGETS_FILE = `${RULES_DIR}/targets.yaml`;
export const rules: CompiledRuleset = loadRulesetOrThrow(readFileSync(`${RULES_DIR}/ruleset.yaml`, 'utf8'), {
  file: `${RULES_DIR}/ruleset.yaml`,
});

export const EXAMPLES = [
  'disqualified-ban-in-ward',
  'not-recognised-ban',
  'recognised-to-dan-pho',
  'undetermined-ban',
].map((name) => `${ROOT}examples/assessments/${name}.yaml`);
export const exampleAssessment = (path: string) => parseYaml(readFileSync(path, 'utf8')) as Assessment;

/** The seed's seven units and how many areas each has (part two of the seed). */
const UNITS: readonly (readonly [name: string, areas: number, kind: 'phuong' | 'xa', code: string])[] = [
  ['Phường Tân Phong', 15, 'phuong', 'TP'],
  ['Phường Quyết Thắng', 6, 'phuong', 'QTH'],
  ['Phường Đoàn Kết', 13, 'phuong', 'DK'],
  ['Phường Đông Phong', 6, 'phuong', 'DP'],
  ['Phường Quyết Tiến', 8, 'phuong', 'QTI'],
  ['Xã San Thành', 9, 'xa', 'ST'],
  ['Xã Sùng Phài', 13, 'xa', 'SP'],
];

export interface CityArea {
  readonly assessment: Assessment;
  readonly year: number;
  readonly registered: boolean | undefined;
  readonly result: EvaluationResult;
}

/**
 * One generated assessment per area per year. Facts come from the engine's arbitraries (valid by
 * construction); context matches the unit (tổ dân phố in wards, bản in communes); about a third
 * of the areas are made to pass everything so some are recognised; `registered` is given for
 * most areas, left empty for some.
 */
export function generatedCity(years: readonly number[], seed: number): CityArea[] {
  const recognisedBase = exampleAssessment(`${ROOT}examples/assessments/recognised-to-dan-pho.yaml`);
  const out: CityArea[] = [];
  years.forEach((year, y) => {
    let n = 0;
    for (const [unit, count, parent, unitCode] of UNITS) {
      const context =
        parent === 'phuong'
          ? { unit_kind: 'to_dan_pho', parent_kind: 'phuong' }
          : { unit_kind: 'ban', parent_kind: 'xa', agricultural: true };
      const drawn = fc.sample(assessmentArbitrary(rules, { unknownRate: 0.01 }), {
        numRuns: count,
        seed: seed + y * 1000 + n,
      });
      for (let i = 0; i < count; i++) {
        n += 1;
        const code = `${unitCode}-${String(i + 1).padStart(2, '0')}`;
        const good = (i + y) % 3 === 0;
        const facts = good
          ? {
              ...recognisedBase.facts,
              ...(parent === 'xa'
                ? { ocop_products: 1, value_chain_models: 0, households_in_new_rural_campaign: true }
                : {}),
            }
          : { ...(drawn[i]?.facts ?? {}) };
        const assessment: Assessment = {
          area: {
            code,
            name: `${parent === 'phuong' ? 'Tổ dân phố' : 'Bản'} ${i + 1}`,
            unit,
            date: `${year}-10-${String((i % 20) + 1).padStart(2, '0')}`,
          },
          context,
          facts,
        };
        const checked = rules.validateAssessment(assessment);
        if (checked.value === undefined)
          throw new Error(`generated area ${code} is invalid: ${JSON.stringify(checked.diagnostics)}`);
        const registered = i % 7 === 3 ? undefined : i % 4 !== 1;
        out.push({ assessment: checked.value, year, registered, result: rules.evaluate(checked.value) });
      }
    }
  });
  return out;
}

/** The areas written as a batch file in the template layout, with a `registered` column (empty when not stated). */
export async function writeCityFile(
  areas: readonly CityArea[],
  path: string,
  format: 'csv' | 'xlsx',
  registeredHeader = 'registered',
): Promise<void> {
  const rows: BatchInputRow[] = areas.map((a) => ({
    area: { ...(a.assessment.area ?? {}), year: a.year },
    context: a.assessment.context,
    facts: a.assessment.facts,
  }));
  if (format === 'csv') {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await writeAssessments(rules, sink, rows, { format: 'csv' });
    const records = parseCsv(Buffer.concat(chunks).toString('utf8'), {
      bom: true,
      relax_column_count: true,
    }) as string[][];
    // Row 1: headers; row 2: the English labels the template writes; then one row per area.
    const withColumn = records.map((r, i) => [
      ...r,
      i === 0 ? registeredHeader : i === 1 ? 'Registered' : cellOf(areas[i - 2]?.registered),
    ]);
    await writeFile(path, stringifyCsv(withColumn));
    return;
  }
  await writeAssessments(rules, path, rows, { format: 'xlsx' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const column = sheet.actualColumnCount + 1;
  sheet.getRow(1).getCell(column).value = registeredHeader;
  sheet.getRow(2).getCell(column).value = 'Registered';
  areas.forEach((a, i) => {
    if (a.registered !== undefined) sheet.getRow(i + 3).getCell(column).value = a.registered ? 'có' : 'không';
  });
  await book.xlsx.writeFile(path);
}

function cellOf(registered: boolean | undefined): string {
  return registered === undefined ? '' : registered ? 'yes' : 'no';
}
