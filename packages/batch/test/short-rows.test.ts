/** A CSV row with fewer fields than the header is a located row error, on both paths, as a long row is. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { evaluateBatch } from '../src/index.js';
import { rules, SMALL, tempDir } from './helpers/setup.js';

let small: CompiledRuleset;
let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  small = await rules(SMALL);
  dir = await tempDir();
});
afterAll(() => dir.remove());

describe('short rows', () => {
  it('6 fields of 7 is a row error at the first missing cell, not a fact left unknown', async () => {
    const file = join(dir.path, 'short.csv');
    await writeFile(
      file,
      'code,name,unit,year,unit_kind,parent_kind,households\nB0,b,u,2024,to_dan_pho,phuong,5\nB1,b,u,2024,to_dan_pho,phuong\n',
    );
    for (const detail of ['full', 'decision'] as const) {
      const summary = await evaluateBatch(file, small, { detail, keepProblems: 10 });
      expect(summary.badRows).toBe(1);
      expect(
        summary.problems.map((p) => p.diagnostics.map((d) => [d.code, d.line, d.column, d.params['cell']])),
      ).toEqual([[['batch_row_short', 3, 7, 'G3']]]);
    }
  });
});
