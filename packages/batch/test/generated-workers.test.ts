/**
 * Decide workers run the generated decide module (`lcz build`'s .decide.mjs) when the main
 * thread's rules were loaded from a compiled file that has one, and the closures otherwise; the
 * result lines and counts are the same byte for byte either way, and the same as one thread's.
 * Also: workers chosen part-way through a file (the default choice, made once this thread has
 * read for a while) take over from the row this thread stopped at; the default choice itself
 * gives the same lines as one thread.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompiledRuleset, usesGeneratedDecide } from '@lcz/criteria-engine';
import { buildCompiledRulesFile, loadRulesetFile } from '@lcz/criteria-engine/node';
import { generatedModulePath } from '@lcz/criteria-engine/runtime';
import { assessmentArbitrary } from '@lcz/criteria-engine/testing';
import { compiledRulesOf, generatedModuleUrl } from '@lcz/criteria-engine/tools';
import { csvDecisionChunks, isDecidedRun, type WorkersOption } from '../src/decisions/csv-decisions.js';
import { DecideWorkers } from '../src/decisions/decide-workers.js';
import { quickChunks } from '../src/decisions/quick-chunks.js';
import { THREADS_FROM_BYTES } from '../src/decisions/worker-count.js';
import { evaluateBatchVia, type BatchSummary } from '../src/evaluate-batch.js';
import { openInput } from '../src/read-batch.js';
import { writeAssessments, type BatchInputRow, type InputValue } from '../src/template.js';
import { LAI_CHAU, rules, tempDir } from './helpers/setup.js';

let dir: Awaited<ReturnType<typeof tempDir>>;
let fromYaml: CompiledRuleset;
let fromCompiled: CompiledRuleset;
let csv: string;
let workers: DecideWorkers;

beforeAll(async () => {
  dir = await tempDir();
  fromYaml = await rules(LAI_CHAU);
  const out = join(dir.path, 'lai-chau.compiled.json');
  const built = await buildCompiledRulesFile(LAI_CHAU, out);
  if (built.value === undefined || !('generated' in built.value.decide))
    throw new Error(`lcz build's steps failed: ${JSON.stringify(built.diagnostics)}`);
  await writeFile(out, built.value.json);
  await writeFile(generatedModulePath(out), built.value.decide.generated.code);
  fromCompiled = await rules(out);
  csv = join(dir.path, 'rows.csv');
  await writeRows(fromYaml, csv);
  workers = DecideWorkers.start(2);
});

afterAll(async () => {
  await workers?.close();
  await dir?.remove();
});

/**
 * 6,000 rows aimed at each decision in turn (seeded), as writeAssessments writes them; one row
 * in 97 gets a bad number, so workers hand some rows to the careful path too.
 */
async function writeRows(ruleset: CompiledRuleset, path: string): Promise<void> {
  const decisions = ['recognised', 'not_recognised', 'undetermined'] as const;
  const drawn = decisions.flatMap((aim, i) =>
    fc.sample(assessmentArbitrary(ruleset, { aim, unknownRate: 0.05 }), { numRuns: 2000, seed: 11 + i }),
  );
  const rows: BatchInputRow[] = drawn.map((a, i) => ({
    area: { code: `KDC-${i + 1}`, name: `Khu ${i + 1}`, unit: 'Unit 1', year: 2024 },
    context: Object.fromEntries(Object.entries(a.context ?? {}).map(([k, v]) => [k, inputValue(v)])),
    facts: Object.fromEntries(Object.entries(a.facts ?? {}).map(([k, v]) => [k, inputValue(v)])),
  }));
  await writeAssessments(ruleset, path, rows, { format: 'csv', headers: 'ids' });
  const lines = (await readFile(path, 'utf8')).split('\n');
  const bad = lines.map((line, i) => (i > 1 && i % 97 === 0 ? line.replace(/,(\d+),/, ',12a,') : line));
  await writeFile(path, bad.join('\n'));
}

/** A drawn value as the template writer takes it. */
function inputValue(value: unknown): InputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  throw new Error(`an assessment value the writer does not take: ${JSON.stringify(value)}`);
}

/** The decisions-only run of `csv` with `ruleset`: its result lines and summary (not its time). */
async function run(ruleset: CompiledRuleset, name: string, pool?: DecideWorkers) {
  const results = join(dir.path, `${name}.jsonl`);
  const {
    elapsedMs: _,
    threads,
    ...summary
  }: BatchSummary = await evaluateBatchVia(
    csv,
    ruleset,
    { results, detail: 'decision', keepProblems: 1000 },
    {
      quickDecisions: true,
      ...(pool !== undefined ? { workers: pool, blockBytes: 16 * 1024 } : { quickReadBytes: 16 * 1024 }),
    },
  );
  return { lines: await readFile(results, 'utf8'), summary, threads };
}

describe('decide workers and the generated decide module', () => {
  it('knows which rulesets run a generated module, and where it was imported from', () => {
    expect(usesGeneratedDecide(fromCompiled)).toBe(true);
    expect(generatedModuleUrl(fromCompiled)).toMatch(/^file:.*lai-chau\.compiled\.decide\.mjs\?v=/);
    expect(usesGeneratedDecide(fromYaml)).toBe(false);
    expect(generatedModuleUrl(fromYaml)).toBeUndefined();
  });

  it('also knows it for rules loaded through the rules cache with its generated module (the CLI’s batch runs)', async () => {
    const cache = { dir: join(dir.path, 'cache'), generatedDecide: true };
    // The first load writes the entry and its module and already decides through it, as the second does.
    const first = await loadRulesetFile(LAI_CHAU, { cache });
    const cached = await loadRulesetFile(LAI_CHAU, { cache });
    for (const loaded of [first, cached]) {
      if (loaded.value === undefined) throw new Error('the cached rules did not load');
      expect(usesGeneratedDecide(loaded.value)).toBe(true);
      expect(generatedModuleUrl(loaded.value)).toMatch(/^file:.*\.decide\.mjs\?sha256=/);
    }
    expect(first.diagnostics).toEqual(cached.diagnostics);
    // Without the cache's module the same rules decide through the closures.
    const plain = await loadRulesetFile(LAI_CHAU, { cache: { dir: join(dir.path, 'cache-closures') } });
    expect(plain.value && usesGeneratedDecide(plain.value)).toBe(false);
  });

  it('runs it in the workers when the rules came from a compiled file with one; the results are the same without', async () => {
    const alone = await run(fromYaml, 'alone');
    const before = { decided: workers.decided, generated: workers.decidedByGenerated };
    const closures = await run(fromYaml, 'closures', workers);
    expect(workers.decidedByGenerated).toBe(before.generated);
    const afterClosures = workers.decided;
    expect(afterClosures).toBeGreaterThan(before.decided);
    const generated = await run(fromCompiled, 'generated', workers);
    // Every block of the second run was decided by the generated module.
    expect(workers.decidedByGenerated - before.generated).toBe(workers.decided - afterClosures);
    expect(workers.decidedByGenerated).toBeGreaterThan(before.generated);
    expect([closures.threads, generated.threads]).toEqual([2, 2]);
    expect(alone.summary.badRows).toBeGreaterThan(0);
    // Rows of every decision (the comparison is not of one constant line).
    expect(Object.values(alone.summary.decisions).every((n) => n > 100)).toBe(true);
    expect(closures.lines).toBe(alone.lines);
    expect(generated.lines).toBe(alone.lines);
    expect(closures.summary).toEqual(alone.summary);
    expect(generated.summary).toEqual(alone.summary);
  });
});

describe('workers chosen part-way through a file', () => {
  it('take over from the row this thread stopped at, with the same lines as one thread', async () => {
    const read = async (chooseAfter: number | undefined) => {
      const compiled = compiledRulesOf(fromCompiled);
      if (compiled === undefined) throw new Error('no compiled rules');
      const option: WorkersOption = { pool: workers, compiled, blockBytes: 8 * 1024 };
      let asked = 0;
      const parts: string[] = [];
      for await (const chunk of csvDecisionChunks(await openInput(csv, {}, 4096), 'rows.csv', fromCompiled, {
        lines: true,
        sniffBytes: 16 * 1024,
        ...(chooseAfter !== undefined ? { workers: () => (++asked > chooseAfter ? option : 'later') } : {}),
      }))
        for (const item of chunk)
          parts.push(
            isDecidedRun(item)
              ? Buffer.from(item.lines).toString('utf8')
              : `${item.row} ${item.diagnostics.map((d) => d.code).join()}\n`,
          );
      return { text: parts.join(''), asked };
    };
    const before = workers.decided;
    const alone = await read(undefined);
    expect(workers.decided).toBe(before);
    const late = await read(40);
    expect(late.asked).toBe(41);
    expect(workers.decided).toBeGreaterThan(before);
    expect(late.text).toBe(alone.text);
    expect(alone.text.split('\n').length).toBeGreaterThan(6000);
  });
});

describe('the default choice of workers', () => {
  it('on a file said to be large: the same lines as one thread, whatever the machine lets it choose', async () => {
    const read = async (bytes: number) => {
      const used = { threads: -1 };
      const parts: string[] = [];
      for await (const chunk of quickChunks(
        {
          source: csv,
          file: 'rows.csv',
          bytes,
          ruleset: fromCompiled,
          readOptions: {},
          lines: true,
          threads: undefined,
          quickReadBytes: 2048,
          blockBytes: 8 * 1024,
        },
        used,
      ))
        for (const item of chunk)
          parts.push(
            isDecidedRun(item)
              ? Buffer.from(item.lines).toString('utf8')
              : `${item.row} ${item.diagnostics.map((d) => d.code).join()}\n`,
          );
      return { text: parts.join(''), threads: used.threads };
    };
    const small = await read(1024);
    expect(small.threads).toBe(0);
    const large = await read(THREADS_FROM_BYTES);
    expect(large.text).toBe(small.text);
    // As many as the free cores measured allow: none on a busy machine.
    expect(large.threads).toBeGreaterThanOrEqual(0);
    expect(large.threads).toBeLessThanOrEqual(availableParallelism());
  });
});
