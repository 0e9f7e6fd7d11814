/**
 * A batch stopped by Ctrl+C (SIGINT) or SIGTERM while it writes --out: the output's temporary file
 * (`.k.jsonl.<pid>.….tmp`, tens of MB on a large file) is deleted, the earlier output stays as it
 * was, and the process ends by that signal, as usual. Run as a real process: a signal cannot be
 * sent to a command run in-process.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const RULES = 'rules/lai-chau-2020-2025';
const SOURCE = join(ROOT, 'examples/city-2024/assessments-2024.csv');

let dir = '';
let big = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lcz-stop-'));
  // The example's rows many times over: a batch that runs long enough to be stopped half-way.
  const [header = '', , ...rows] = (await readFile(SOURCE, 'utf8')).split('\n').filter((l) => l !== '');
  big = join(dir, 'big.csv');
  await writeFile(big, `${header}\n${Array.from({ length: 400 }, () => rows.join('\n')).join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Waits until a file whose name passes `test` is in `folder`. */
async function appears(folder: string, test: (name: string) => boolean): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await readdir(folder)).some(test)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no such file appeared in ${folder}`);
}

describe('lcz evaluate <batch> --out, stopped by a signal', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: no temporary file left, the earlier output kept',
    async (signal) => {
      const out = join(dir, `k-${signal}.jsonl`);
      await writeFile(out, 'earlier\n');
      const run = spawn(
        process.execPath,
        [
          '--conditions=@lcz/source',
          '--import',
          'tsx',
          'packages/cli/src/bin.ts',
          'evaluate',
          '--rules',
          RULES,
          big,
          '--out',
          out,
        ],
        { cwd: ROOT, env: { ...process.env, LCZ_CACHE: '0', NO_COLOR: '1' }, stdio: 'ignore' },
      );
      const exit = once(run, 'exit');
      const temporary = (name: string) => name.startsWith(`.k-${signal}.jsonl.`) && name.endsWith('.tmp');
      await appears(dir, temporary);
      run.kill(signal);
      const [code, by] = await exit;
      expect({ code, by }).toEqual({ code: null, by: signal });
      expect((await readdir(dir)).filter(temporary)).toEqual([]);
      expect(await readFile(out, 'utf8')).toBe('earlier\n');
    },
    120_000,
  );
});
