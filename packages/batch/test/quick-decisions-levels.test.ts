/**
 * The decisions-only CSV path (src/decisions/) on a scheme with levels and a dated parameter
 * table (rules/ntm-commune-2021-2025: three tiers; the income threshold by region and by the
 * assessment's date; a derived income per person): it must give exactly what the careful path
 * gives, level included, on this thread and on decide workers. The rows are the bundled test
 * base (a commune that meets every tier) with facts changed at random, in every region, with
 * dates in each year of the table, without a date, and before its first row (an input error).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { parse } from 'yaml';
import { compileAssessmentCheck, compileDateCheck } from '../src/assessment-check.js';
import { csvDecisionChunks, isDecidedRun } from '../src/decisions/csv-decisions.js';
import { DecideWorkers } from '../src/decisions/decide-workers.js';
import { evaluateBatchVia, type BatchSummary } from '../src/evaluate-batch.js';
import { openInput } from '../src/read-batch.js';
import { readResultLines, type BatchResultLine } from '../src/results.js';
import { writeAssessments, type BatchInputRow, type InputValue } from '../src/template.js';
import { mulberry32 } from './helpers/big-csv.js';
import { ROOT, rules, tempDir } from './helpers/setup.js';

const NTM = join(ROOT, 'rules/ntm-commune-2021-2025');

let ntm: CompiledRuleset;
let base: Record<string, InputValue>;
let workers: DecideWorkers;
beforeAll(async () => {
  ntm = await rules(NTM);
  const text = await readFile(join(NTM, 'tests/bases/kieu-mau.yaml'), 'utf8');
  base = (parse(text) as { facts: Record<string, InputValue> }).facts;
  workers = DecideWorkers.start(2);
});
afterAll(async () => {
  await workers.close();
});

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Dates in each year of the income table, none, and one before its first row (2022-01-01). */
const DATES = ['2022-03-01', '2023-06-30', '2024-10-10', '2025-01-01', '2025-12-31', undefined, '2021-12-31'];

/** The base commune with facts changed at random: some unknown, some lowered, yes turned to no. */
function randomRows(random: Random, count: number): BatchInputRow[] {
  const rows: BatchInputRow[] = [];
  const regions = ntm.context[0]?.values ?? [];
  for (let i = 0; i < count; i++) {
    const facts: Record<string, InputValue> = {};
    for (const f of ntm.facts) {
      const v = base[f.id];
      const r = random();
      if (r < 0.01) facts[f.id] = null;
      else if (r < 0.025 && typeof v === 'boolean') facts[f.id] = !v;
      else if (r < 0.025 && typeof v === 'number') facts[f.id] = Math.floor(v * pick(random, [0.5, 0.8, 0.9, 0.95]));
      else facts[f.id] = v;
    }
    // Income per person from 40 to 80: below, between and above the thresholds of every region and year.
    facts['total_income'] = pick(random, [40_000, 45_000, 47_500, 50_000, 54_000, 55_000, 60_000, 80_000]);
    const date = pick(random, DATES);
    rows.push({
      area: {
        code: `X-${i + 1}`,
        name: `Xã ${i + 1}`,
        unit: 'Huyện Minh Họa',
        ...(date !== undefined ? { date } : { year: 2024 }),
      },
      context: { region: pick(random, regions).id },
      facts,
    });
  }
  return rows;
}

type Evaluated = { results: Buffer; summary: Omit<BatchSummary, 'elapsedMs' | 'threads'> };

async function evaluatedFile(path: string, quick: boolean, onWorkers = false): Promise<Evaluated> {
  const out = `${path}.${quick ? 'quick' : 'careful'}${onWorkers ? '-workers' : ''}.jsonl`;
  const {
    elapsedMs: _,
    threads: _t,
    ...summary
  } = await evaluateBatchVia(
    path,
    ntm,
    { results: out, detail: 'decision', keepProblems: 100_000 },
    { quickDecisions: quick, ...(onWorkers ? { workers, blockBytes: 2048 } : {}) },
  );
  return { results: await readFile(out), summary };
}

async function lines(path: string): Promise<BatchResultLine[]> {
  const all: BatchResultLine[] = [];
  for await (const line of readResultLines(path)) all.push(line);
  return all;
}

describe('the decisions-only path on a scheme with levels and a dated table', () => {
  it('gives what the careful path gives, level and date-chosen thresholds included', async () => {
    const dir = await tempDir();
    try {
      const rows = randomRows(mulberry32(318), 1500);
      for (const headers of ['ids', 'labels'] as const) {
        const path = join(dir.path, `ntm-${headers}.csv`);
        await writeAssessments(ntm, path, rows, { format: 'csv', headers });
        const careful = await evaluatedFile(path, false);
        const quick = await evaluatedFile(path, true);
        expect(quick.results.toString('utf8')).toBe(careful.results.toString('utf8'));
        expect(quick.summary).toEqual(careful.summary);
        const before = workers.decided;
        const threaded = await evaluatedFile(path, true, true);
        expect(threaded.results.toString('utf8')).toBe(careful.results.toString('utf8'));
        expect(threaded.summary).toEqual(careful.summary);
        // The first two blocks per worker always go to them; the main thread decides others while they are busy.
        expect(workers.decided - before).toBeGreaterThanOrEqual(2 * workers.size);

        // The comparison means something: every level is reached by some rows, and some rows
        // are refused for their date (before the table's first row, which is also before the
        // ruleset's effective period), at the date's column.
        const levels = careful.summary.levels ?? {};
        expect(Object.keys(levels)).toEqual(['dat_chuan', 'nang_cao', 'kieu_mau']);
        for (const id of Object.keys(levels)) expect(levels[id], id).toBeGreaterThan(30);
        const codes = careful.summary.problems.flatMap((p) => p.diagnostics.map((d) => d.code));
        expect(codes).toContain('input_date_outside_period');
        const decided = (await lines(`${path}.careful.jsonl`)).filter((l) => l.status === 'decided');
        expect(decided.every((l) => l.status === 'decided' && l.level !== undefined)).toBe(true);
      }
    } finally {
      await dir.remove();
    }
  });

  it('takes the plain rows itself, and their date chooses the threshold (not left unknown)', async () => {
    // The same commune (60 per person) in the Red River Delta: 2022's row asks 52 (kiểu mẫu
    // needs 1.2 × 52 = 62.4: not met), 2025's asks 61 (not even the standard tier). A row with
    // the year 2024 and no date asks 58 (the row from 2024-01-01 holds all that year), as any
    // day of 2024 does: the year alone decides it, it is not lost (it was unknown before).
    const facts = { ...base, total_income: 60_000 };
    const row = (code: string, area: Partial<BatchInputRow['area']>): BatchInputRow => ({
      area: { code, name: code, unit: 'Huyện Minh Họa', ...area },
      context: { region: 'dong_bang_song_hong' },
      facts,
    });
    const dir = await tempDir();
    try {
      const path = join(dir.path, 'dated.csv');
      await writeAssessments(
        ntm,
        path,
        [
          row('A', { date: '2022-06-01' }),
          row('B', { date: '2025-06-01' }),
          row('C', { year: 2024 }),
          row('D', { date: '2024-06-01' }),
        ],
        { format: 'csv', headers: 'ids' },
      );
      let quickRows = 0;
      for await (const chunk of csvDecisionChunks(await openInput(path, {}, 4096), path, ntm, {
        lines: true,
        sniffBytes: 65536,
      }))
        for (const item of chunk) if (isDecidedRun(item)) quickRows += item.rows;
      expect(quickRows).toBe(4);
      await evaluatedFile(path, true);
      const got = (await lines(`${path}.quick.jsonl`)).map((l) =>
        l.status === 'decided' ? [l.area.code, l.decision, l.level?.reached, l.level?.possible] : [l.status],
      );
      expect(got).toEqual([
        ['A', 'recognised', 'nang_cao', 'nang_cao'],
        ['B', 'not_recognised', null, null],
        ['C', 'recognised', 'dat_chuan', 'dat_chuan'],
        ['D', 'recognised', 'dat_chuan', 'dat_chuan'],
      ]);
      await evaluatedFile(path, false);
      const careful = (await lines(`${path}.careful.jsonl`)).map((l) =>
        l.status === 'decided' ? [l.area.code, l.decision, l.level?.reached, l.level?.possible] : [l.status],
      );
      expect(careful).toEqual(got);
    } finally {
      await dir.remove();
    }
  });
});

describe("the row checks agree with the engine on the assessment's date", () => {
  it('refuse a date before the first row of a dated table, as validateAssessment does, and take the others', () => {
    const check = compileAssessmentCheck(ntm);
    const dateHolds = compileDateCheck(ntm);
    for (const date of ['2021-12-31', '2022-01-01', '2024-10-10', '1999-01-01', '2030-06-30']) {
      const assessment = { area: { code: 'X', date }, context: { region: 'tay_nguyen' }, facts: {} };
      const engine = ntm.validateAssessment(assessment).diagnostics;
      expect(check(assessment), date).toBe(engine.length === 0);
      expect(dateHolds(date), date).toBe(!engine.some((d) => d.path === '/area/date'));
    }
    expect(dateHolds('2021-12-31')).toBe(false);
    expect(dateHolds('2022-01-01')).toBe(true);
  });
});
