/**
 * Nothing lost: the results file and the summary table are written to a temporary file beside
 * them and put in place only when the run succeeds, so a run whose input cannot be read (or that
 * fails half-way) leaves the earlier good files exactly as they were, with no temporary left over.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch } from '../src/index.js';
import { LAI_CHAU, ROOT, rules, tempDir } from './helpers/setup.js';

const CSV = join(ROOT, 'examples/city-2024/assessments-2024.csv');

let laiChau: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  laiChau = await rules(LAI_CHAU);
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('outputs are replaced only by a run that succeeds', () => {
  it.each(['xlsx', 'csv'])('a good summary.%s survives a run whose input fails', async (ext) => {
    const summary = join(dir.path, `summary.${ext}`);
    const results = join(dir.path, `results-${ext}.jsonl`);
    const good = await evaluateBatch(CSV, laiChau, { summary, results });
    expect(good.rows).toBe(70);
    const before = await readFile(summary);
    const linesBefore = await readFile(results, 'utf8');
    expect(before.length).toBeGreaterThan(1000);

    // An input that is missing, and one that is not a table of this ruleset.
    const missing = await evaluateBatch(join(dir.path, 'nope.csv'), laiChau, { summary, results });
    expect(missing.headerProblems.map((d) => d.code)).not.toEqual([]);
    const junk = join(dir.path, 'junk.csv');
    await writeFile(junk, 'nothing,to,see\n');
    const wrong = await evaluateBatch(junk, laiChau, { summary, results });
    expect(wrong.headerProblems.some((d) => d.severity === 'error')).toBe(true);

    expect(await readFile(summary)).toEqual(before);
    expect(await readFile(results, 'utf8')).toBe(linesBefore);
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a run that succeeds replaces the file, leaving no temporary file', async () => {
    const summary = join(dir.path, 'replaced.csv');
    await writeFile(summary, 'old');
    await evaluateBatch(CSV, laiChau, { summary });
    expect((await readFile(summary, 'utf8')).length).toBeGreaterThan(1000);
    expect((await readdir(dir.path)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a folder in the way of an output fails before any work', async () => {
    await expect(evaluateBatch(CSV, laiChau, { summary: dir.path })).rejects.toMatchObject({
      name: 'OutputError',
      code: 'EISDIR',
    });
  });
});
