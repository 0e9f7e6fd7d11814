/**
 * One year of the cycle on the 2024 example city, on every backend: register, the departments'
 * parts, status, decide, the board, history. Decisions are checked against the engine run on the
 * whole assessment directly, so the record decides exactly what the engine does.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledRuleset } from '@lcz/criteria-engine';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  areaHistory,
  decideYear,
  importParts,
  type RecordsStore,
  recognitionChanges,
  registerAreas,
  yearStatus,
} from '../src/index.js';
import { BACKENDS, fixedClock } from './support/backends.js';
import { type CityRow, cityRows, laiChau, writeParts } from './support/city.js';

let rules: CompiledRuleset;
let rows: CityRow[];
let dir: string;
let parts: Map<string | null, string>;

beforeAll(async () => {
  rules = await laiChau();
  rows = await cityRows(rules);
  dir = mkdtempSync(join(tmpdir(), 'lcz-records-parts-'));
  parts = await writeParts(rules, rows, dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATE = '2024-10-15';

describe.each(BACKENDS)('a year of the cycle on $name', (backend) => {
  let store: RecordsStore;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await backend.open({ now: fixedClock() }));
  });
  afterEach(async () => dispose());

  async function loadAll(): Promise<void> {
    const reg = await registerAreas(store, rules, 2024, parts.get(null) as string, { by: 'noi-vu' });
    expect(reg.problems).toEqual([]);
    expect(reg.registered).toBe(rows.length);
    for (const [owner, file] of parts) {
      const out = await importParts(store, rules, 2024, [{ file, owner }], { by: owner ?? 'ward' });
      expect([owner, out.problems, out.diagnostics.filter((d) => d.severity === 'error')]).toEqual([owner, [], []]);
    }
  }

  it('takes each department’s part, and decides exactly what the engine decides on the whole assessment', async () => {
    await loadAll();
    const outcome = await decideYear(store, rules, 2024, DATE, { by: 'noi-vu' });
    const expected = new Map(
      rows.map((r) => [
        r.row.area.code as string,
        rules.evaluate({ ...r.assessment, area: { ...r.assessment.area, date: DATE } }),
      ]),
    );
    const complete = [...expected].filter(([, r]) => r.missing.length === 0);
    expect(outcome.decided.length).toBe(complete.length);
    expect(outcome.incomplete.length).toBe(rows.length - complete.length);
    for (const d of outcome.decided) expect(d.decision).toBe(expected.get(d.area)?.decision);
    const stored = await store.evaluations(2024);
    expect(stored.length).toBe(complete.length);
    expect(stored[0]?.ruleset).toEqual({ id: rules.id, version: rules.version, hash: rules.hash });
    // Deciding again with nothing changed stores nothing new.
    expect((await decideYear(store, rules, 2024, DATE, { by: 'noi-vu' })).stored).toBe(0);
  });

  it('lists per area and department what is missing, until every part is in', async () => {
    await registerAreas(store, rules, 2024, parts.get(null) as string, { by: 'noi-vu' });
    await importParts(store, rules, 2024, [{ file: parts.get(null) as string, owner: null }], { by: 'ward' });
    const before = await yearStatus(store, rules, 2024, DATE, '2024-10-01');
    expect(before.daysLeft).toBe(14);
    expect(before.complete).toBe(0);
    const owners = new Set(before.rows.map((r) => r.owner));
    expect(owners.has('cong_an')).toBe(true);
    // Every missing fact is listed under the department that answers for it.
    const ownerOf = new Map(rules.facts.map((f) => [f.id, f.owner]));
    for (const r of before.rows) for (const f of r.missing) expect(ownerOf.get(f) ?? 'area').toBe(r.owner);
    for (const [owner, file] of parts)
      if (owner) await importParts(store, rules, 2024, [{ file, owner }], { by: owner });
    const after = await yearStatus(store, rules, 2024, DATE, '2024-10-01');
    expect(after.complete).toBeGreaterThan(0);
    expect(after.rows.length).toBeLessThan(before.rows.length);
    // What is still missing is exactly what the city's data leaves blank.
    const original = new Map(rows.map((r) => [r.row.area.code, r.assessment.facts]));
    for (const r of after.rows) {
      for (const f of r.missing) expect(original.get(r.area)?.[f] ?? null, `${r.area} ${f}`).toBe(null);
    }
  });

  it('two parts giving different values for one fact are a located conflict, and nothing is imported', async () => {
    await registerAreas(store, rules, 2024, parts.get(null) as string, { by: 'noi-vu' });
    const econ = parts.get('phong_kinh_te') as string;
    const lines = readFileSync(econ, 'utf8').split('\n');
    // Row 3 is the first area (rows 1–2 are the headers); change its last fact cell.
    const cells = (lines[2] as string).split(',');
    const last = cells.length - 1;
    cells[last] = cells[last] === 'Có' ? 'Không' : 'Có';
    lines[2] = cells.join(',');
    const other = join(dir, 'kinh-te-2.csv');
    writeFileSync(other, lines.join('\n'));
    const out = await importParts(
      store,
      rules,
      2024,
      [
        { file: econ, owner: 'phong_kinh_te' },
        { file: other, owner: 'phong_kinh_te' },
      ],
      { by: 'kinh-te' },
    );
    // Located at the changed cell: row 3, the last column (1-based), in both files.
    expect(out.problems.map((p) => [p.code, p.file, p.line, p.column, p.params['other']])).toEqual([
      ['records_conflict', other, 3, last + 1, `${econ}:3:${last + 1}`],
    ]);
    expect(out.written).toBe(0);
    expect((await store.currentFacts(2024)).size).toBe(0);
  });

  it('a later part that disagrees with the stored value is a conflict naming where the stored one came from', async () => {
    await loadAll();
    const first = rows[0]?.row.area.code as string;
    const stored = (await store.currentFacts(2024)).get(first)?.get('households');
    expect(stored?.owner).toBe(null);
    const changed = join(dir, 'areas-changed.csv');
    const text = readFileSync(parts.get(null) as string, 'utf8').split('\n');
    // households is the first fact column after the identity and context columns.
    const cells = (text[2] as string).split(',');
    const at = 5 + rules.context.length;
    cells[at] = String(Number(cells[at]) + 1);
    text[2] = cells.join(',');
    writeFileSync(changed, text.join('\n'));
    const out = await importParts(store, rules, 2024, [{ file: changed, owner: null }], { by: 'another-ward-clerk' });
    expect(out.problems.map((p) => [p.code, p.line, p.column, p.params['fact'], p.params['other']])).toEqual([
      ['records_conflict_stored', 3, at + 1, 'households', `${parts.get(null)}:3:${at + 1}`],
    ]);
    // The same clerk correcting it needs a reason, and then it is a new version.
    const again = await importParts(store, rules, 2024, [{ file: changed, owner: null }], { by: 'ward' });
    expect(again.problems.map((p) => p.code)).toEqual(['records_correction_needs_reason']);
    const fixed = await importParts(store, rules, 2024, [{ file: changed, owner: null }], {
      by: 'ward',
      reason: 'recount',
    });
    expect(fixed.written).toBe(1);
    const history = (await store.factHistory(2024, first)).filter((f) => f.fact === 'households');
    expect(history.map((h) => [h.version, h.reason])).toEqual([
      [1, null],
      [2, 'recount'],
    ]);
  });

  it('refuses a department’s values for facts it does not answer for', async () => {
    await registerAreas(store, rules, 2024, parts.get(null) as string, { by: 'noi-vu' });
    const out = await importParts(
      store,
      rules,
      2024,
      [{ file: parts.get('phong_kinh_te') as string, owner: 'cong_an' }],
      {
        by: 'cong-an',
      },
    );
    expect(out.problems.length).toBeGreaterThan(0);
    expect(new Set(out.problems.map((p) => p.code))).toEqual(new Set(['records_fact_not_owned']));
    expect(out.problems[0]?.params).toMatchObject({ owners: 'phong_kinh_te', owner: 'cong_an' });
    // Each at the first row giving a value in its column (rows 1–2 are headers), and at that column.
    for (const p of out.problems) expect([p.line >= 3, p.column > 0]).toEqual([true, true]);
    expect(new Set(out.problems.map((p) => p.column)).size).toBe(out.problems.length);
    const unknown = await importParts(store, rules, 2024, [{ file: parts.get(null) as string, owner: 'phong_xyz' }], {
      by: 'x',
    });
    expect(unknown.problems.map((p) => p.code)).toEqual(['records_owner_unknown']);
    expect((await store.currentFacts(2024)).size).toBe(0);
  });

  it('records the board, and keeps the history of an area and who kept or lost recognition', async () => {
    await loadAll();
    await decideYear(store, rules, 2024, DATE, { by: 'noi-vu' });
    const evaluations = await store.evaluations(2024);
    const recognised = evaluations.filter((e) => e.decision === 'recognised').map((e) => e.area);
    const notRecognised = evaluations.find((e) => e.decision === 'not_recognised')?.area as string;
    expect(recognised.length).toBeGreaterThan(1);
    await store.recordBoardDecision(
      {
        number: '25/QĐ-HĐTĐ',
        year: 2024,
        date: '2024-12-10',
        areas: [...recognised.slice(1).map((code) => ({ code })), { code: notRecognised, reason: 'appeal upheld' }],
      },
      { by: 'board' },
    );
    const history = await areaHistory(store, notRecognised);
    expect(history.map((h) => [h.year, h.registered, h.evaluation?.decision, h.board?.reason, h.recognised])).toEqual([
      [2024, true, 'not_recognised', 'appeal upheld', true],
    ]);
    const dropped = recognised[0] as string;
    expect((await areaHistory(store, dropped))[0]?.recognised).toBe(false);
    const changes = await recognitionChanges(store, 2024, 2025);
    expect(changes.lost.length).toBe(recognised.length);
    expect(changes.kept).toEqual([]);
  });
});
