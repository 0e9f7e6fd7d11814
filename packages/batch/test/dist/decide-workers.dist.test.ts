/**
 * The decide workers as users get them: the built CLI and the built ESM and CJS entry points
 * start dist/decide-worker.js (found next to the code that starts it) on a CSV file big enough
 * for threads by default (32 MiB; whether the default starts any depends on the machine's load),
 * and write the same results, byte for byte, as one thread does.
 * `pnpm test` builds before it runs vitest.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import type * as batchApi from '../../src/index.js';
import { writeBigCsv } from '../helpers/big-csv.js';
import { LAI_CHAU, ROOT, rules, tempDir } from '../helpers/setup.js';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const bin = join(ROOT, 'packages/cli/dist/bin.js');
const ROWS = 85_000;
/** Node as a user runs it: without the tests' `source` export condition. */
const env = { ...process.env, NODE_OPTIONS: '' };

let dir: { path: string; remove(): Promise<void> };
let csv = '';
let ruleset: CompiledRuleset;
beforeAll(async () => {
  dir = await tempDir();
  ruleset = await rules(LAI_CHAU);
  csv = join(dir.path, 'big.csv');
  // About 35 MB, a bad row now and then (those go the careful way, inside the workers too).
  await writeBigCsv(ruleset, csv, { rows: ROWS, badEvery: 501 });
});
afterAll(async () => {
  await dir.remove();
});

describe('decide workers in the built package', () => {
  it('lcz evaluate --decisions-only: workers by default or when asked, the same lines and summary as --threads 0', () => {
    expect(statSync(csv).size).toBeGreaterThan(32 * 1024 * 1024);
    const evaluate = (threads: string[], out: string) =>
      JSON.parse(
        execFileSync(process.execPath, [bin, 'evaluate', '--json', '--rules', LAI_CHAU, csv, '--decisions-only', '--out', out, ...threads], {
          encoding: 'utf8',
          env,
          // Exit 1: the file has bad rows on purpose.
        }).toString(),
      ) as batchApi.BatchSummary;
    const run = (threads: string[], out: string) => {
      try {
        return evaluate(threads, out);
      } catch (error) {
        const e = error as { status: number; stdout: string };
        expect(e.status).toBe(1);
        return JSON.parse(e.stdout) as batchApi.BatchSummary;
      }
    };
    const one = run(['--threads', '0'], join(dir.path, 'one.jsonl'));
    const many = run([], join(dir.path, 'many.jsonl'));
    const three = run(['--threads', '3'], join(dir.path, 'three.jsonl'));
    expect(one.threads).toBe(0);
    // The default depends on the cores the load leaves free (worker-count.ts, unit-tested there):
    // none on a busy machine, never more than one per core; --threads 3 forces workers.
    expect(many.threads).toBeLessThanOrEqual(availableParallelism());
    expect(three.threads).toBe(3);
    expect(one.rows).toBe(ROWS);
    expect(one.badRows).toBeGreaterThan(30);
    const same = ({ elapsedMs: _e, threads: _t, ...rest }: batchApi.BatchSummary) => rest;
    expect(same(many)).toEqual(same(one));
    expect(same(three)).toEqual(same(one));
    const lines = readFileSync(join(dir.path, 'one.jsonl'));
    expect(readFileSync(join(dir.path, 'many.jsonl')).equals(lines)).toBe(true);
    expect(readFileSync(join(dir.path, 'three.jsonl')).equals(lines)).toBe(true);
  });

  it('the ESM and CJS builds start their workers too', () => {
    const expected = readFileSync(join(dir.path, 'one.jsonl'));
    const engine = join(ROOT, 'packages/criteria-engine/dist');
    // Each in a fresh Node: the ruleset loaded by the engine's build, the batch run by the batch's.
    const scripts = {
      esm: `const { loadRulesetFile } = await import(${JSON.stringify(pathToFileURL(join(engine, 'node.js')).href)});
        const { evaluateBatch } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});`,
      cjs: `const { loadRulesetFile } = require(${JSON.stringify(join(engine, 'node.cjs'))});
        const { evaluateBatch } = require(${JSON.stringify(join(dist, 'index.cjs'))});`,
    };
    for (const [name, load] of Object.entries(scripts)) {
      const out = join(dir.path, `${name}.jsonl`);
      const script = `(async () => { ${load}
        const rules = (await loadRulesetFile(${JSON.stringify(LAI_CHAU)})).value;
        const summary = await evaluateBatch(${JSON.stringify(csv)}, rules, { detail: 'decision', results: ${JSON.stringify(out)}, threads: 2 });
        console.log(summary.threads);
      })();`;
      const threads = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env }).trim();
      expect(threads, name).toBe('2');
      expect(readFileSync(out).equals(expected), name).toBe(true);
    }
  });
});
