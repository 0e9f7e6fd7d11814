/** A CSV whose bytes are not UTF-8: a located row error on the careful and the quick path alike. */
import { readFile, writeFile } from 'node:fs/promises';
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

describe('a CSV that is not UTF-8', () => {
  it('a Latin-1 name is a located row error, not "Th\\uFFFDn H\\uFFFDa" evaluated', async () => {
    const text = await readFile(CSV, 'utf8');
    const lines = text.split('\n');
    const row = 3; // the first data row under the header and the English-labels row
    const cells = (lines[row - 1] ?? '').split(',');
    const nameAt = cells.findIndex((c) => /[^ -~]/.test(c) && !/^\d/.test(c));
    expect(nameAt).toBeGreaterThan(-1);
    const latin1Row = Buffer.concat(
      cells.map((c, i) =>
        Buffer.concat([
          i > 0 ? Buffer.from(',') : Buffer.alloc(0),
          Buffer.from(i === nameAt ? 'Thôn Hòa' : c, i === nameAt ? 'latin1' : 'utf8'),
        ]),
      ),
    );
    const file = join(dir.path, 'latin1.csv');
    await writeFile(
      file,
      Buffer.concat([Buffer.from(`${lines.slice(0, row - 1).join('\n')}\n`), latin1Row, Buffer.from('\n')]),
    );
    for (const detail of ['full', 'decision'] as const) {
      const summary = await evaluateBatch(file, laiChau, { detail, keepProblems: 10 });
      expect(summary.badRows).toBe(1);
      expect(summary.problems[0]?.diagnostics.map((d) => [d.code, d.line, d.column, d.params['encoding']])).toEqual([
        ['text_encoding', row, nameAt + 1, 'replacement'],
      ]);
    }
  });
});
