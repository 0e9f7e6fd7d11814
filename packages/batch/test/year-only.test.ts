/**
 * A row that fills the year column and leaves the date empty: the year reaches the engine as
 * `area.year`, so `year` and the tables keyed by it are known and what needs the day is decided
 * where the whole year agrees (it was all unknown, and `date` missing, before). In a real CSV and
 * XLSX file, the careful reader and the decisions-only reader alike; a year beside a date that
 * disagrees is still the batch's error at the year's cell, said once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatchVia } from '../src/evaluate-batch.js';
import { readResultLines, type BatchResultLine } from '../src/results.js';
import { writeAssessments, type BatchInputRow } from '../src/template.js';
import { ROOT, records, rules, tempDir } from './helpers/setup.js';

const YEAR_ONLY = join(ROOT, 'packages/criteria-engine/test/fixtures/year-only/ruleset.yaml');

let ruleset: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  ruleset = await rules(YEAR_ONLY);
  dir = await tempDir();
});
afterAll(async () => {
  await dir.remove();
});

const row = (code: string, area: Partial<BatchInputRow['area']>, trees = 11): BatchInputRow => ({
  area: { code, name: code, unit: 'Huyện Minh Họa', ...area },
  context: { region: 'north' },
  facts: { income: 60, trees, drills: 2, reported: true },
});

const ROWS: BatchInputRow[] = [
  row('Y2024', { year: 2024 }), // every criterion decided by the year: recognised
  row('Y2025', { year: 2025 }), // trees_min changes on 1 July, the deadline is 30 June: undetermined
  row('D2025', { date: '2025-03-01' }), // the day decides: recognised
  row('BAD', { year: 2024, date: '2025-03-01' }), // the year is not the date's
];

async function lines(path: string): Promise<BatchResultLine[]> {
  const all: BatchResultLine[] = [];
  for await (const line of readResultLines(path)) all.push(line);
  return all;
}

describe('a batch row with a year and no date', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`is judged with its year (${format}), the careful way`, async () => {
      const path = join(dir.path, `year-only.${format}`);
      await writeAssessments(ruleset, path, ROWS, { format, headers: 'ids' });
      const got = await records(path, ruleset);
      expect(got.map((r) => r.assessment?.area)).toEqual([
        { code: 'Y2024', name: 'Y2024', unit: 'Huyện Minh Họa', year: 2024 },
        { code: 'Y2025', name: 'Y2025', unit: 'Huyện Minh Họa', year: 2025 },
        { code: 'D2025', name: 'D2025', unit: 'Huyện Minh Họa', date: '2025-03-01' },
        undefined,
      ]);
      const [y2024, y2025] = got.map((r) => (r.assessment ? ruleset.evaluate(r.assessment) : undefined));
      expect(y2024?.decision).toBe('recognised');
      expect(y2025?.decision).toBe('undetermined');
      expect(y2025?.missing).toEqual(['date']);
      // The disagreeing row: the batch's own error at the year's cell, and no second one from the engine.
      expect(got[3]?.diagnostics.map((d) => [d.code, d.column])).toEqual([['batch_year_mismatch', 4]]);
    });
  }

  it('the decisions-only reader decides as the careful one (the year in the date slot)', async () => {
    const path = join(dir.path, 'quick.csv');
    await writeAssessments(ruleset, path, ROWS, { format: 'csv', headers: 'ids' });
    const decided: string[][] = [];
    for (const quick of [false, true]) {
      const out = `${path}.${quick}.jsonl`;
      await evaluateBatchVia(path, ruleset, { results: out, detail: 'decision' }, { quickDecisions: quick });
      decided.push((await lines(out)).map((l) => (l.status === 'decided' ? l.decision : l.status)));
    }
    expect(decided[0]).toEqual(['recognised', 'undetermined', 'recognised', 'invalid']);
    expect(decided[1]).toEqual(decided[0]);
    expect(await readFile(`${path}.true.jsonl`, 'utf8')).toBe(await readFile(`${path}.false.jsonl`, 'utf8'));
  });
});
