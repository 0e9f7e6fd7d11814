/**
 * Reading a results file back: each line is checked for the shape evaluateBatch writes (row, area,
 * status and what the status carries); a line that is not one names its number.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readResultLines, type BatchResultLine } from '../src/index.js';
import { tempDir } from './helpers/setup.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => dir.remove());

async function read(lines: readonly string[]): Promise<BatchResultLine[]> {
  const path = join(dir.path, 'results.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  const all: BatchResultLine[] = [];
  for await (const line of readResultLines(path)) all.push(line);
  return all;
}

describe('readResultLines', () => {
  it('gives each line of each status, skipping blank lines', async () => {
    const decided = { row: 3, area: { code: 'A' }, status: 'decided', decision: 'recognised', standards: [] };
    const invalid = { row: 4, area: {}, status: 'invalid', diagnostics: [], messages: { vi: [], en: [] } };
    const lines = await read([JSON.stringify(decided), '', JSON.stringify(invalid)]);
    expect(lines).toEqual([decided, invalid]);
  });

  it('a line that is JSON but not a results line throws, naming the file and line', async () => {
    await expect(read([JSON.stringify({ row: 1, area: {}, status: 'decided', standards: [] })])).rejects.toThrow(
      /results\.jsonl:1: not a results line/,
    );
    await expect(read(['', JSON.stringify([1, 2])])).rejects.toThrow(/results\.jsonl:2: not a results line/);
    await expect(read([JSON.stringify({ row: '1', area: {}, status: 'evaluated', result: {} })])).rejects.toThrow(
      /:1: not a results line/,
    );
  });

  it('a line that is not JSON throws, naming the line', async () => {
    await expect(read(['{"row": 1,'])).rejects.toThrow(/results\.jsonl:1: not a results line \(/);
  });
});
