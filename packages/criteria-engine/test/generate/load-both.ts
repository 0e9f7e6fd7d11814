/**
 * One ruleset loaded twice from the compiled file `lcz build` makes: once with the closures, once
 * with the generated decide module it writes beside it (imported from a temporary folder, as the
 * loader imports it from disk).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { CompiledRuleset } from '../../src/compile/compiled-ruleset.js';
import type { Assessment } from '../../src/evaluate/assessment.js';
import type { GeneratedModule } from '../../src/generate/bind-generated.js';
import type { GeneratedCode } from '../../src/generate/decide-code.js';
import { generatedModulePath } from '../../src/generate/module-path.js';
import { loadCompiledRuleset } from '../../src/load-compiled.js';
import { buildCompiledRulesFile } from '../../src/node-files.js';

export interface BothWays {
  readonly closures: CompiledRuleset;
  readonly generated: CompiledRuleset;
  readonly code: GeneratedCode;
  readonly module: GeneratedModule;
  readonly json: string;
}

const folder = mkdtempSync(join(tmpdir(), 'lcz-generated-'));
let written = 0;

/** Import a module's text from a fresh file (import caches by URL). */
export async function importCode(code: string): Promise<GeneratedModule> {
  const file = join(folder, `m${written++}.decide.mjs`);
  writeFileSync(file, code);
  return (await import(pathToFileURL(file).href)) as GeneratedModule;
}

export async function loadBoth(rules: string): Promise<BothWays> {
  const out = join(folder, `r${written++}.compiled.json`);
  const built = await buildCompiledRulesFile(rules, out);
  if (!built.value) throw new Error(`${rules} does not build: ${built.diagnostics.map((d) => d.code).join(', ')}`);
  const { json, decide } = built.value;
  if (!('generated' in decide)) throw new Error(`no generated decide for ${rules}: ${decide.refused}`);
  writeFileSync(out, json);
  writeFileSync(generatedModulePath(out), decide.generated.code);
  const module = (await import(pathToFileURL(generatedModulePath(out)).href)) as GeneratedModule;
  const closures = loadCompiledRuleset(json).value;
  const generated = loadCompiledRuleset(json, { generated: module }).value;
  if (!closures || !generated) throw new Error(`${rules}: the compiled file does not load`);
  return { closures, generated, code: decide.generated, module, json };
}

/** What decide gave, or the codes of what it threw: both ways must give the same. */
export function outcomeOf(ruleset: CompiledRuleset, assessment: unknown): unknown {
  try {
    return ruleset.decide(assessment as Parameters<CompiledRuleset['decide']>[0]);
  } catch (e) {
    const problems = (e as { diagnostics?: readonly { code: string; path?: string }[] }).diagnostics;
    return { threw: problems ? problems.map((d) => `${d.code}@${d.path ?? ''}`) : String(e) };
  }
}

/**
 * Dates around the fixtures' `from:`s and table years: before every row, on and after each start,
 * a year with no row, outside `effective`, no date, and a text that is not one (decide does not
 * validate; both ways must give the same unknowns).
 */
const DATES: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    '2023-12-31',
    '2024-01-01',
    '2024-02-29',
    '2024-03-01',
    '2025-06-30',
    '2025-07-01',
    '2025-12-31',
    '2026-01-01',
    '2026-06-15',
    '2027-03-10',
    '2028-01-01',
    '2031-05-05',
    undefined,
    '2025',
  ),
  fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/**
 * The assessments, each with one of DATES as its `area.date` (or none), or a year alone
 * (`area.year`, 2019–2032: around the fixtures' periods, rows and table years), as a batch row with
 * its year column filled and its date column empty gives it.
 */
export function withDates(arbitrary: fc.Arbitrary<Assessment>): fc.Arbitrary<Assessment> {
  const area = fc.oneof(
    { weight: 3, arbitrary: DATES.map((date) => (date === undefined ? undefined : { date })) },
    { weight: 1, arbitrary: fc.integer({ min: 2019, max: 2032 }).map((year) => ({ year })) },
  );
  return fc
    .tuple(arbitrary, area)
    .map(([a, given]) => (given === undefined ? a : { ...a, area: { ...a.area, ...given } }) as Assessment);
}
