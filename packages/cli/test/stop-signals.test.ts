/**
 * Every command that writes an output file through a temporary file (the engine's atomic-file.ts)
 * deletes it when stopped by SIGINT or SIGTERM, keeps the earlier output, and ends by that signal
 * (stop-signals.ts, around every command by dispatch.ts). A real `lcz` process and a real signal:
 * the preloaded hold-temporary.mjs keeps each write at its temporary file until the signal comes.
 * (The batch's streamed --out is batch-stop-signals.test.ts.)
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
const HOLD = fileURLToPath(new URL('./fixtures/stop-signals/hold-temporary.mjs', import.meta.url));

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lcz-stop-all-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Waits until a file whose name passes `test` is in `folder`. */
async function appears(folder: string, test: (name: string) => boolean): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if ((await readdir(folder)).some(test)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no such file appeared in ${folder}`);
}

/** Each command and its output file's name (the arguments end with `--out <file>`). */
const COMMANDS: readonly (readonly [name: string, args: (out: string) => string[], file: string])[] = [
  ['template', (out) => ['template', '--rules', RULES, '--format', 'xlsx', '--out', out], 'blank.xlsx'],
  ['schema', (out) => ['schema', '--rules', RULES, '--out', out], 'schema.json'],
  ['build', (out) => ['build', '--out', out, RULES], 'rules.json'],
];

describe('a command writing its output, stopped by a signal', () => {
  const cases = COMMANDS.flatMap(([name, args, file]) =>
    (['SIGINT', 'SIGTERM'] as const).map((signal) => ({ name, args, file, signal })),
  );
  it.each(cases)(
    '$name, $signal: no temporary file left, the earlier output kept',
    async ({ name, args, file, signal }) => {
      const out = join(dir, `${name}-${signal}-${file}`);
      await writeFile(out, 'earlier\n');
      const run = spawn(
        process.execPath,
        ['--conditions=@lcz/source', '--import', 'tsx', '--import', HOLD, 'packages/cli/src/bin.ts', ...args(out)],
        { cwd: ROOT, env: { ...process.env, LCZ_CACHE: '0', NO_COLOR: '1' }, stdio: 'ignore' },
      );
      const exit = once(run, 'exit');
      const base = out.slice(dir.length + 1);
      const temporary = (n: string) => n.startsWith(`.${base}.`) && n.endsWith('.tmp');
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
