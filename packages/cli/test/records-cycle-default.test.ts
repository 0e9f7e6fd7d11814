/**
 * Without --cycle, lcz records looks for cycle.yaml in the rules folder, or beside a rules file;
 * a missing one is named where it was looked for (it once named "<rules file>/cycle.yaml").
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lcz } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = (argv: string[]) => lcz(argv, { cwd: ROOT });

describe('lcz records: the default cycle file', () => {
  it.each([
    ['a rules file', 'packages/batch/test/fixtures/small-rules.yaml', 'packages/batch/test/fixtures/cycle.yaml:'],
    ['a rules folder that is not there', 'rules/not-there', 'rules/not-there/cycle.yaml:'],
  ])('%s: the message names cycle.yaml where it was looked for', async (_, rules, where) => {
    const store = join(await mkdtemp(join(tmpdir(), 'lcz-cycle-')), 'store');
    await cp(join(ROOT, 'examples/records-2024/store/records.sqlite'), join(store, 'records.sqlite'));
    const { code, stderr } = await run([
      'records',
      'status',
      '--lang',
      'en',
      '--store',
      store,
      '--rules',
      rules,
      '--year',
      '2024',
    ]);
    expect(code).toBe(1);
    expect(stderr.startsWith(where)).toBe(true);
    expect(stderr).toContain('[records_cycle_invalid]');
  });

  it('a rules folder with its cycle.yaml: the cycle is found', async () => {
    const { code, stdout } = await run([
      'records',
      'status',
      '--lang',
      'en',
      '--store',
      'examples/records-2024/store',
      '--rules',
      'rules/lai-chau-2020-2025',
      '--year',
      '2024',
      '--today',
      '2024-10-10',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^2024: report by 2024-10-15/);
  });
});
