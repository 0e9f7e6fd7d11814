/**
 * lcz report --records: the city report read from the record, year by year, with the progress
 * against the targets at the end of each year, recognition as the board decided, and --as-of for
 * the report as it stood at the end of a year (the mid-term review, the final summary). The
 * record is the 2024 example city's, with a 2023 added whose decisions the test chooses, so every
 * expected figure is counted here independently.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { loadRulesetFile } from '@lcz/criteria-engine/node';
import { openRecordsStore, recordEntries } from '@lcz/criteria-records';
import { loadTargets, ReportAggregator } from '@lcz/criteria-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = join(ROOT, 'rules/lai-chau-2020-2025');
const TARGETS = join(RULES, 'targets.yaml');

let work: string;
let store: string;
let rules: CompiledRuleset;
let recognised2023: string[];
let recognised2024: string[];
/** Areas registered (and decided) in 2023: those the engine decided in 2024. */
let areas2023: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lcz-report-records-'));
  store = join(work, 'so-theo-doi');
  cpSync(join(ROOT, 'examples/records-2024/store'), store, { recursive: true });
  const loaded = await loadRulesetFile(join(RULES, 'ruleset.yaml'));
  if (!loaded.value) throw new Error('the bundled rules do not load');
  rules = loaded.value;
  const record = await openRecordsStore(store);
  try {
    // 2023: the same areas, registered, and the first five (by code) recognised by the engine.
    const evaluations = await record.evaluations(2024);
    const codes = evaluations.map((e) => e.area).sort();
    recognised2023 = codes.slice(0, 5);
    areas2023 = codes.length;
    await record.register(2023, codes, { by: 'test' });
    await record.storeEvaluations(
      2023,
      evaluations.map((e) => ({
        area: e.area,
        decision: recognised2023.includes(e.area) ? 'recognised' : 'not_recognised',
        ruleset: e.ruleset,
        assessedOn: '2023-10-15',
        assessment: e.assessment,
        summary: e.summary,
      })),
      { by: 'test' },
    );
    // 2024: the board recognises three of the areas the engine recognised, and no other.
    const engine2024 = evaluations
      .filter((e) => e.decision === 'recognised')
      .map((e) => e.area)
      .sort();
    expect(engine2024.length).toBeGreaterThan(3);
    recognised2024 = engine2024.slice(-3);
    await record.recordBoardDecision(
      { number: '99/QĐ-UBND', year: 2024, date: '2024-12-20', areas: recognised2024.map((code) => ({ code })) },
      { by: 'test' },
    );
  } finally {
    await record.close();
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cityReport(asOf?: number) {
  const targets = loadTargets(readFileSync(TARGETS, 'utf8'), 'targets.yaml', rules).value;
  const record = await openRecordsStore(store);
  try {
    const read = await recordEntries(record, rules, { label: 'so-theo-doi', ...(asOf ? { asOf } : {}) });
    const aggregator = new ReportAggregator(rules, { ...(targets ? { targets } : {}), source: { record: 'x' } });
    for (const e of read.entries) expect(aggregator.add(e)).toEqual([]);
    return aggregator.finish();
  } finally {
    await record.close();
  }
}

describe('lcz report --records', () => {
  it('counts each year from the record, recognition as the board decided', async () => {
    const report = await cityReport();
    expect(report.years.map((y) => [y.year, y.totals.registered, y.totals.recognised])).toEqual([
      [2023, areas2023, recognised2023.length],
      [2024, 67, recognised2024.length],
    ]);
  });

  it('shows the progress against each target at the end of each year', async () => {
    const report = await cityReport();
    const byYear = report.targets?.by_year ?? [];
    expect(byYear.map((y) => y.year)).toEqual([2023, 2024]);
    const cell = (year: number, id: string) => {
      const p = byYear.find((y) => y.year === year)?.progress.find((x) => x.id === id);
      return p && [p.value, p.required, p.status];
    };
    const union = new Set([...recognised2023, ...recognised2024]).size;
    const fresh = recognised2024.filter((a) => !recognised2023.includes(a)).length;
    expect(cell(2023, 'recognised-2020-2023')).toEqual([recognised2023.length, 22, 'not_met']);
    expect(cell(2024, 'recognised-2020-2023')).toEqual([recognised2023.length, 22, 'not_met']);
    expect(cell(2023, 'recognised-2024-2025')?.[2]).toBe('no_data');
    expect(cell(2024, 'recognised-2024-2025')).toEqual([fresh, 4, fresh >= 4 ? 'met' : 'not_met']);
    expect(cell(2023, 'over-30-percent-2020-2025')).toEqual([recognised2023.length, 22, 'not_met']);
    expect(cell(2024, 'over-30-percent-2020-2025')).toEqual([union, 22, union >= 22 ? 'met' : 'not_met']);
  });

  it('prints the report with the year-by-year targets table, and --as-of leaves later years out', async () => {
    const full = await lcz(['report', '--rules', RULES, '--targets', TARGETS, '--records', store, '--lang', 'en'], {
      cwd: work,
    });
    expect(full.code, full.stderr).toBe(0);
    expect(full.stdout).toContain('- Years: 2023, 2024');
    expect(full.stdout).toContain('## Progress against the targets, year by year');
    expect(full.stdout).toContain(`| ${recognised2023.length}/22 | ${recognised2023.length}/22 |`);
    const review = await lcz(
      ['report', '--rules', RULES, '--targets', TARGETS, '--records', 'so-theo-doi', '--as-of', '2023', '--lang', 'en'],
      { cwd: work },
    );
    expect(review.code, review.stderr).toBe(0);
    expect(review.stdout).toContain('- Years: 2023\n');
    expect(review.stdout).toContain('- From the record: so-theo-doi, as it stood at the end of 2023');
    expect(review.stdout).toMatch(
      new RegExp(`\\| 2023 \\| ${areas2023} \\| ${areas2023} \\| ${recognised2023.length} \\|`),
    );
    expect(review.stdout).not.toContain('| 2024 |');
    const vi = await lcz(['report', '--rules', RULES, '--records', 'so-theo-doi', '--as-of', '2023'], { cwd: work });
    expect(vi.stdout).toContain('- Theo sổ theo dõi: so-theo-doi, tính đến hết năm 2023');
  });

  it('refuses --records with input files, and --as-of without --records', async () => {
    const both = await lcz(['report', '--rules', RULES, '--records', store, 'a.csv'], { cwd: work });
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('not both: a.csv')]);
    const asOf = await lcz(['report', '--rules', RULES, '--as-of', '2023', 'a.csv'], { cwd: work });
    expect([asOf.code, asOf.stderr]).toEqual([2, expect.stringContaining('--as-of needs --records')]);
  });
});
