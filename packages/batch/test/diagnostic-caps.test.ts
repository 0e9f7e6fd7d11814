/**
 * Diagnostics are capped per row in every batch output, as in the CLI and HTTP: a header with
 * 20,000 unknown columns, or a row with dozens of bad cells, shows its first 20 problems and one
 * diagnostics_omitted note ("… and 19,980 more"); the counts stay whole.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch } from '../src/index.js';
import { rules, SMALL, SMALL_HEADER, SMALL_ROW, tempDir } from './helpers/setup.js';

let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('diagnostic caps in batch outputs', () => {
  it('a header with 20,000 unknown columns: 20 problems and a note, in the summary and the result lines', async () => {
    const extra = Array.from({ length: 20_000 }, (_, i) => `unknown_${i}`);
    const text = `${[...SMALL_HEADER, ...extra].join(',')}\n${SMALL_ROW.join(',')}\n`;
    const results = join(dir.path, 'header.jsonl');
    const summary = await evaluateBatch({ text, format: 'csv', file: 'wide.csv' }, small, { results });
    expect(summary.headerProblems).toHaveLength(21);
    const codes = new Set(summary.headerProblems.map((d) => d.code));
    expect([...codes].sort()).toEqual(['batch_header_unknown', 'diagnostics_omitted']);
    expect(summary.headerProblems.find((d) => d.code === 'diagnostics_omitted')).toMatchObject({
      code: 'diagnostics_omitted',
      line: 1,
      params: { count: 19_980, errors: 19_980, scope: 'row' },
    });
    const lines = (await readFile(results, 'utf8')).trim().split('\n');
    const first = JSON.parse(lines[0] as string) as { diagnostics: unknown[] };
    expect(first.diagnostics).toHaveLength(21);
  });

  it('a row with more bad cells than the cap: capped in the problems and the lines, counted whole', async () => {
    const facts = ['households', 'households_ok', 'cleanups'];
    const header = [...SMALL_HEADER, ...Array.from({ length: 30 }, (_, i) => `# note ${i}`)];
    // Every value under a note column is fine; the bad ones: 30 cells under no header.
    const row = [...SMALL_ROW.map((c, i) => (facts.includes(SMALL_HEADER[i] as string) ? 'x' : c))];
    const text = `${header.join(',')}\n${row.join(',')}${',v'.repeat(30)},${Array.from({ length: 30 }, () => 'w').join(',')}\n`;
    const results = join(dir.path, 'row.jsonl');
    const summary = await evaluateBatch({ text, format: 'csv', file: 'row.csv' }, small, { results });
    expect(summary.badRows).toBe(1);
    expect(summary.problemCount).toBeGreaterThan(20);
    const shown = summary.problems[0]?.diagnostics ?? [];
    expect(shown).toHaveLength(21);
    expect(shown.filter((d) => d.code === 'diagnostics_omitted')).toMatchObject([
      { params: { count: summary.problemCount - 20, scope: 'row' } },
    ]);
    const line = JSON.parse((await readFile(results, 'utf8')).trim()) as { diagnostics: unknown[] };
    expect(line.diagnostics).toHaveLength(21);
  });
});
